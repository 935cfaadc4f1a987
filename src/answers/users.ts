// What the /api/users/{username}... endpoints answer, assembled from cached reads.
// Enrichment runs per course in parallel (the upstream cap queues the excess): course details for
// every course, then a roster only for courses active now, so a cold answer costs about
// (1 + ceil(K/c) + ceil(A/c)) upstream round trips for K courses, A active, cap c.

import type { CourseActivity } from '../domain/activity.js';
import { summariseEnrolments, type EnrolmentSummary } from '../domain/enrolments.js';
import { slugFromText } from '../domain/slugs.js';
import { staffNames, unionStaff } from '../domain/staff.js';
import type { EnrolmentRow, Slug } from '../domain/types.js';
import type { ActiveStaff, EnrichedCourse, UserCourses, UserStatus } from '../schemas/users.js';
import { bestEffort } from './best-effort.js';
import type { Answer, AnswerContext } from './context.js';
import { FreshnessTracker } from './freshness.js';
import { NotFound } from './not-found.js';

type Enrichment = Omit<EnrichedCourse, keyof EnrolmentRow>;

const UNKNOWN: Enrichment = {
  start: null,
  end: null,
  timeline_start: null,
  timeline_end: null,
  active_event: null,
  active_tracking: null,
  staff: null,
};

/** Per-request reads: each recorded in the freshness of the answer; enrichment failures become nulls. */
class Reader {
  readonly freshness = new FreshnessTracker();

  constructor(private readonly ctx: AnswerContext) {}

  async enrolments(username: string): Promise<{ summary: EnrolmentSummary; max_project: string | null }> {
    const stats = this.freshness.add(await this.ctx.reads.userStats(username));
    if (stats === null) throw new NotFound('user', username);
    return { summary: summariseEnrolments(stats.courses), max_project: stats.max_project };
  }

  /** Details, activity and (when `needsStaff` says so) staff of one course. */
  async enrich(row: EnrolmentRow, needsStaff: (a: CourseActivity) => boolean): Promise<EnrichedCourse> {
    const { reads, now } = this.ctx;
    // Inside the best-effort reads: a slug we cannot use leaves this course's enrichment null.
    const slug = (): Slug => slugFromText(row.course_slug);
    const details = await bestEffort(this.freshness, now, async () =>
      this.freshness.add(await reads.course(slug())),
    );
    if (details === null) return { ...row, ...UNKNOWN };
    const { start, end, timeline_start, timeline_end } = details;
    const activity = this.freshness.activityOf(details, now());
    const staff = needsStaff(activity)
      ? await bestEffort(this.freshness, now, async () => {
          const roster = this.freshness.add(await reads.roster(slug()));
          return roster && staffNames(roster.users);
        })
      : null;
    // One literal, not spreads of spreads: this runs per course on every enriched answer.
    return {
      course_id: row.course_id,
      course_title: row.course_title,
      course_school: row.course_school,
      course_term: row.course_term,
      user_count: row.user_count,
      user_role: row.user_role,
      course_slug: row.course_slug,
      start,
      end,
      timeline_start,
      timeline_end,
      active_event: activity.active_event,
      active_tracking: activity.active_tracking,
      staff,
    };
  }
}

const activeNow = (e: CourseActivity): boolean => e.active_event === true || e.active_tracking === true;

export async function userCourses(ctx: AnswerContext, username: string, enrich: boolean): Promise<Answer<UserCourses>> {
  const reader = new Reader(ctx);
  const { summary, max_project } = await reader.enrolments(username);
  const { courses, is_instructor, is_student } = summary;
  const entries = enrich ? await Promise.all(courses.map((row) => reader.enrich(row, activeNow))) : courses;
  return {
    body: { username, courses: entries, is_instructor, is_student, max_project },
    freshness: reader.freshness.result(ctx.now()),
  };
}

export async function activeStaff(
  ctx: AnswerContext,
  username: string,
  useEventDates: boolean,
): Promise<Answer<ActiveStaff>> {
  const reader = new Reader(ctx);
  const inWindow = (e: CourseActivity): boolean => (useEventDates ? e.active_event : e.active_tracking) === true;
  const { courses } = (await reader.enrolments(username)).summary;
  const enriched = await Promise.all(courses.map((row) => reader.enrich(row, inWindow)));
  const active = enriched.filter(inWindow);
  return {
    body: { username, all_staff: unionStaff(active.map((c) => c.staff ?? [])), courses: active },
    freshness: reader.freshness.result(ctx.now()),
  };
}

export async function userStatus(ctx: AnswerContext, username: string): Promise<Answer<UserStatus>> {
  const reader = new Reader(ctx);
  const { courses } = (await reader.enrolments(username)).summary;
  const enriched = await Promise.all(courses.map((row) => reader.enrich(row, () => false)));
  const activeEvent = enriched.filter((c) => c.active_event === true).length;
  const tracked = enriched.filter((c) => c.active_tracking === true).length;
  return {
    body: {
      username,
      has_any_courses: courses.length > 0,
      has_active_event: activeEvent > 0,
      has_active_tracking: tracked > 0,
      active_event_count: activeEvent,
      tracked_count: tracked,
      total_courses: courses.length,
    },
    freshness: reader.freshness.result(ctx.now()),
  };
}
