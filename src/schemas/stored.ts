// What the service keeps of what the Dashboard said, one schema per shape: only the fields it uses,
// with types made dependable (null labels become "", a description stays null, dates are ISO strings
// in the Dashboard's own form or null). The one source of these shapes: their types are Static<> of
// these schemas (the Dashboard client parses its bodies into them), the answers' schemas are built
// from them (users.ts, courses.ts), and an entry read back from Redis must pass them (reads/kinds.ts).

import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';

/** What identifies a user or a course: never empty. */
const Key = (options: { description?: string; examples?: string[] } = {}) => Type.String({ minLength: 1, ...options });

/** The form parse.ts gives every date: `2026-11-26T12:00:00.000Z`. */
const DashboardDate = (description: string) =>
  Nullable(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$', examples: ['2026-11-26T12:00:00.000Z'] }),
    `${description} (ISO-8601 UTC, the Dashboard's own form), or null when unknown`,
  );

/** One enrolment row of /user_stats.json `courses_details` (one per role: a course can repeat). */
export const EnrolmentRowSchema = Type.Object({
  course_id: Type.Integer({ description: "The Dashboard's enrolment (courses_users) id, passed through as upstream sends it" }),
  course_title: Type.String(),
  course_school: Type.String(),
  course_term: Type.String(),
  user_count: Type.Integer({ description: 'Participants (role 0) in the course' }),
  user_role: Type.String({ description: "The user's role in the course, as the Dashboard labels it (English); in an answer, their highest" }),
  course_slug: Key({
    description: "The Dashboard's own spelling of the course's slug",
    examples: ['Université_de_Montréal/Histoire_des_sciences_(Automne_2026)'],
  }),
});

export type EnrolmentRow = Static<typeof EnrolmentRowSchema>;

export const UserStatsSchema = Type.Object({
  courses: Type.Array(EnrolmentRowSchema),
  max_project: Nullable(Type.String()),
});

export type UserStats = Static<typeof UserStatsSchema>;

/** A course's two windows. */
export const WindowFields = {
  start: DashboardDate('Start of the tracking window'),
  end: DashboardDate('End of the tracking window'),
  timeline_start: DashboardDate('Start of the event window'),
  timeline_end: DashboardDate('End of the event window'),
};

const OwnSlug = Key({ description: "The Dashboard's own spelling of the slug, whatever the request's" });

/** The fields of /courses/<slug>/course.json that the API serves. */
export const CourseDetailsSchema = Type.Object({
  id: Type.Integer({ description: "The course's stable id" }),
  title: Type.String(),
  description: Nullable(Type.String(), "The Dashboard's description (free text, may hold HTML or markdown); null when it has none"),
  school: Type.String(),
  slug: OwnSlug,
  ...WindowFields,
  published: Type.Boolean(),
  private: Type.Boolean(),
  ended: Type.Boolean(),
  closed: Type.Boolean(),
  type: Type.String({ examples: ['BasicCourse', 'Editathon'] }),
  term: Type.String(),
  student_count: Type.Integer(),
});

export type CourseDetails = Static<typeof CourseDetailsSchema>;

/** One row of /courses/<slug>/users.json (one per role: a person can repeat). */
export const RosterRowSchema = Type.Object({
  username: Key(),
  role: Type.Integer({ minimum: 0, description: '0 participant, 1 facilitator, 2-4 volunteers and staff' }),
});

export type RosterRow = Static<typeof RosterRowSchema>;

/**
 * A roster as the service keeps it: users.json's rows, with the two facts users.json does not carry,
 * taken from the course's details when the roster is fetched: the Dashboard's own spelling of the
 * slug, and the course's end (the roster of an over course is kept longer).
 */
export const CourseRosterSchema = Type.Object({
  users: Type.Array(RosterRowSchema),
  slug: OwnSlug,
  end: WindowFields.end,
});

export type CourseRoster = Static<typeof CourseRosterSchema>;

// The program-wide sources of badges (dashboard-api.md section 10), as kept (dashboard/campaigns.ts
// parses them into these shapes; domain/badge-sources.ts names them).

/** `/campaigns/current.json`: the default campaign's slug. */
export const CurrentCampaignSchema = Type.Object({ slug: Key() });

/** `/campaigns/<slug>/users.json`, its rows grouped by course (one row per enrolment per role). */
export const CampaignUsersSchema = Type.Object({
  campaign: Type.String(),
  courses: Type.Array(Type.Object({ slug: Key(), users: Type.Array(RosterRowSchema) })),
});

/** `/campaigns/<slug>/active_courses.json`: its courses that have not ended 30 days ago, with their titles. */
export const ListedCoursesSchema = Type.Array(Type.Object({ slug: Key(), title: Type.String() }));
