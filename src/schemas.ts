// Response and request schemas: one source for validation, fast serialisation (unknown upstream
// fields are dropped on the way out) and the OpenAPI document.

import { Type, type Static, type TSchema } from 'typebox';

/** `type: [T, "null"]` rather than anyOf: fast-json-stringify serialises it without trial validation. */
function Nullable<T extends TSchema>(schema: T, description?: string) {
  const base = schema as unknown as { type: string };
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [base.type, 'null'], ...(description && { description }) });
}

const DateTime = (description: string) =>
  Nullable(Type.String({ examples: ['2026-11-26T12:00:00.000Z'] }), `${description} (ISO-8601 UTC, the Dashboard's own form), or null when unknown`);

export const Problem = Type.Object(
  {
    type: Type.String({ examples: ['/problems/not-found'] }),
    title: Type.String({ examples: ['User not found'] }),
    status: Type.Integer({ examples: [404] }),
    detail: Type.String({ examples: ['the Dashboard has no user "Ghost User".'] }),
  },
  { description: 'An error, as application/problem+json (RFC 9457).' },
);

export const problemResponses = {
  400: { ...Problem, description: 'Invalid username, slug or query parameter' },
  404: { ...Problem, description: 'The Dashboard has no such user or course' },
  502: { ...Problem, description: 'The Dashboard failed and nothing usable is cached' },
  503: { ...Problem, description: 'Too many requests are waiting for the Dashboard (with Retry-After)' },
  504: { ...Problem, description: 'The Dashboard did not answer within HTTP_TIMEOUT and nothing usable is cached' },
};

const enrichFields = {
  start: DateTime('Start of the tracking window'),
  end: DateTime('End of the tracking window'),
  timeline_start: DateTime('Start of the event window'),
  timeline_end: DateTime('End of the event window'),
  active_event: Nullable(Type.Boolean(), 'Now is inside the event window; null when its dates are unknown'),
  active_tracking: Nullable(Type.Boolean(), 'Now is inside the tracking window; null when its dates are unknown'),
};

const Staff = Type.Array(Type.String(), { description: 'Usernames with a role >= 1, unique, sorted by code point' });

export const CourseEntry = Type.Object({
  course_id: Type.Integer({ description: "The Dashboard's enrolment (courses_users) id, passed through as upstream sends it" }),
  course_title: Type.String(),
  course_school: Type.String(),
  course_term: Type.String(),
  user_count: Type.Integer({ description: 'Participants (role 0) in the course' }),
  user_role: Type.String({ description: "The user's highest role in the course, as the Dashboard labels it (English)" }),
  course_slug: Type.String({ examples: ['Université_de_Montréal/Histoire_des_sciences_(Automne_2026)'] }),
  ...Type.Partial(Type.Object(enrichFields)).properties,
  staff: Type.Optional(
    Nullable(Staff, 'With enrich: the staff; null when the course is not active now (rosters of inactive courses are not fetched) or its roster could not be fetched'),
  ),
});

export const UserCourses = Type.Object({
  username: Type.String({ description: 'The canonical username', examples: ['Émilie Dupont'] }),
  courses: Type.Array(CourseEntry, { description: 'One entry per course, newest enrolment first' }),
  is_instructor: Type.Boolean({ description: 'Some enrolment with a role >= 1' }),
  is_student: Type.Boolean({ description: 'Some enrolment as a student (role 0)' }),
  max_project: Nullable(Type.String(), "The project most of the user's courses are on"),
});

export const ActiveStaff = Type.Object({
  username: Type.String(),
  all_staff: Staff,
  courses: Type.Array(CourseEntry, { description: 'Only the courses active now in the chosen window' }),
});

export const UserStatus = Type.Object({
  username: Type.String(),
  has_any_courses: Type.Boolean(),
  has_active_event: Type.Boolean(),
  has_active_tracking: Type.Boolean(),
  active_event_count: Type.Integer(),
  tracked_count: Type.Integer({ description: 'Courses whose tracking window contains now' }),
  total_courses: Type.Integer(),
});

export const Course = Type.Object({
  id: Type.Integer({ description: "The course's stable id" }),
  title: Type.String(),
  description: Type.String(),
  school: Type.String(),
  slug: Type.String(),
  start: DateTime('Start of the tracking window'),
  end: DateTime('End of the tracking window'),
  timeline_start: DateTime('Start of the event window'),
  timeline_end: DateTime('End of the event window'),
  published: Type.Boolean(),
  private: Type.Boolean(),
  ended: Type.Boolean(),
  closed: Type.Boolean(),
  type: Type.String({ examples: ['BasicCourse', 'Editathon'] }),
  term: Type.String(),
  student_count: Type.Integer(),
  active_event: Type.Optional(enrichFields.active_event),
  active_tracking: Type.Optional(enrichFields.active_tracking),
  staff: Type.Optional(Nullable(Staff, 'With enrich: the staff; null when the roster could not be fetched')),
});

const RosterRow = Type.Object({ username: Type.String(), role: Type.Integer({ description: '0 participant, 1 facilitator, 2-4 volunteers and staff' }) });

export const CourseUsers = Type.Object({
  slug: Type.String(),
  facilitators: Type.Array(RosterRow, { description: 'role >= 1' }),
  participants: Type.Array(RosterRow, { description: 'role 0' }),
  all_users: Type.Array(RosterRow, { description: 'Everyone once, with their highest role' }),
  active_event: Type.Optional(enrichFields.active_event),
  active_tracking: Type.Optional(enrichFields.active_tracking),
});

const flag = (description: string) =>
  Type.Optional(Type.String({ description: `${description} (true/false/1/0/yes/no/on/off)`, examples: ['true'] }));

export const EnrichQuery = Type.Object({ enrich: flag('Add dates, activity and staff per course') });
export const ActiveStaffQuery = Type.Object({
  use_event_dates: flag('Use the event window (timeline_start..timeline_end) instead of the tracking window'),
});
export const UsernameParams = Type.Object({
  username: Type.String({ description: 'A username, percent-encoded; `_` and spaces are equivalent', examples: ['%C3%89milie_Dupont'] }),
});

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  redis_connected: Type.Boolean({ description: 'false when Redis is not configured or not answering' }),
  cache: Type.String({ description: '"memory" or "redis"' }),
  uptime_seconds: Type.Integer(),
  upstream_in_flight: Type.Integer(),
  upstream_queued: Type.Integer(),
  version: Type.String(),
});
