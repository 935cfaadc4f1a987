// What the /api/users/{username}... endpoints answer, assembled from cached reads.
// Enrichment runs per course in parallel, each upstream read admitted by the answer's gate (at most
// ANSWER_MAX_PARALLEL_READS at once, the shared cap queueing the rest). With enrich=true every course
// gets its details and its roster, read side by side, so a cold answer costs about
// (1 + ceil(2K/c)) upstream round trips for K courses and cap c; /active-staff reads a roster only
// once the details say the course is active, /status none.

import { courseUrl } from '../dashboard/paths.js';
import type { CourseActivity } from '../domain/activity.js';
import type { DashboardChoice } from '../domain/dashboards.js';
import { summariseEnrolments, type EnrolmentSummary } from '../domain/enrolments.js';
import { parsedOrNull } from '../domain/invalid.js';
import { slugFromText, type Slug } from '../domain/slugs.js';
import { staffNames, unionStaff } from '../domain/staff.js';
import type { EnrolmentRow } from '../schemas/stored.js';
import type { ActiveStaff, CourseEntry, EnrichedCourse, UserCourses, UserStatus } from '../schemas/users.js';
import { answerFor } from './all-dashboards.js';
import { bestEffort } from './best-effort.js';
import type { Answer, AnswerContext, AnswerDeps } from './context.js';
import { FreshnessTracker } from './freshness.js';
import { mergeActiveStaff, mergeUserCourses, mergeUserStatus } from './merge.js';
import { NotFound } from './not-found.js';

/** Which courses get their staff: all of them (roster read beside the details), those the details show active, or none. */
type StaffOf = 'every course' | ((activity: CourseActivity) => boolean);

/** The slug of an enrolment row, or null when it is one we cannot use (that course then stays unenriched). */
/** Per-request reads: each recorded in the freshness of the answer; enrichment failures become nulls. */
class Reader {
  readonly freshness = new FreshnessTracker();

  constructor(private readonly ctx: AnswerContext) {}

  async enrolments(username: string): Promise<{ summary: EnrolmentSummary<EnrolmentRow>; max_project: string | null }> {
    const stats = this.freshness.add(await this.ctx.reads.userStats(username, this.ctx.gate));
    if (stats === null) throw new NotFound('user', username, this.freshness.result(this.ctx.now()));
    return { summary: summariseEnrolments(stats.courses), max_project: stats.max_project };
  }

  /** An enrolment row as a course entry: with its Dashboard and the link to its page there. */
  entry(row: EnrolmentRow): CourseEntry {
    return { ...row, dashboard: this.ctx.dashboard, course_url: courseUrl(this.ctx.baseUrl, row.course_slug) };
  }

  /** Details, activity and (as `staffOf` says) staff of one course. */
  async enrich(row: EnrolmentRow, staffOf: StaffOf): Promise<EnrichedCourse> {
    const { reads, now, gate } = this.ctx;
    const slug = parsedOrNull(slugFromText, row.course_slug);
    // Asked first, so that the roster's own look at the details joins this read.
    const detailsRead = slug && bestEffort(this.freshness, now, async () => this.freshness.add(await reads.course(slug, gate)));
    const besideRead = slug && staffOf === 'every course' ? this.staff(slug) : null;
    const details = await detailsRead;
    const activity = details && this.freshness.activityOf(details, now());
    const activeEnough = slug !== null && activity !== null && typeof staffOf === 'function' && staffOf(activity);
    const staff = await (besideRead ?? (activeEnough ? this.staff(slug) : null));
    // One literal, not spreads of spreads: this runs per course on every enriched answer.
    return {
      course_id: row.course_id,
      course_title: row.course_title,
      course_school: row.course_school,
      course_term: row.course_term,
      user_count: row.user_count,
      user_role: row.user_role,
      course_slug: row.course_slug,
      dashboard: this.ctx.dashboard,
      course_url: courseUrl(this.ctx.baseUrl, row.course_slug),
      start: details?.start ?? null,
      end: details?.end ?? null,
      timeline_start: details?.timeline_start ?? null,
      timeline_end: details?.timeline_end ?? null,
      active_event: activity?.active_event ?? null,
      active_tracking: activity?.active_tracking ?? null,
      staff,
    };
  }

  private staff(slug: Slug): Promise<string[] | null> {
    return bestEffort(this.freshness, this.ctx.now, async () => {
      const roster = this.freshness.add(await this.ctx.reads.roster(slug, this.ctx.gate));
      return roster && staffNames(roster.users);
    });
  }
}

export async function userCourses(ctx: AnswerContext, username: string, enrich: boolean): Promise<Answer<UserCourses>> {
  const reader = new Reader(ctx);
  const { summary, max_project } = await reader.enrolments(username);
  const { courses, is_instructor, is_student } = summary;
  const entries = enrich ? await Promise.all(courses.map((row) => reader.enrich(row, 'every course'))) : courses.map((row) => reader.entry(row));
  return reader.freshness.answer({ username, courses: entries, is_instructor, is_student, max_project }, ctx.now());
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
  return reader.freshness.answer({ username, all_staff: unionStaff(active.map((c) => c.staff ?? [])), courses: active }, ctx.now());
}

export async function userStatus(ctx: AnswerContext, username: string): Promise<Answer<UserStatus>> {
  const reader = new Reader(ctx);
  const { courses } = (await reader.enrolments(username)).summary;
  const enriched = await Promise.all(courses.map((row) => reader.enrich(row, () => false)));
  const activeEvent = enriched.filter((c) => c.active_event === true).length;
  const tracked = enriched.filter((c) => c.active_tracking === true).length;
  const body = {
    username,
    has_any_courses: courses.length > 0,
    has_active_event: activeEvent > 0,
    has_active_tracking: tracked > 0,
    active_event_count: activeEvent,
    tracked_count: tracked,
    total_courses: courses.length,
  };
  return reader.freshness.answer(body, ctx.now());
}

// Each endpoint for a request to `dashboard` that arrived `elapsedMs` ago: one Dashboard's answer, or with `all` both, merged.

/** GET /api/users/{username} */
export const userCoursesAnswer = (deps: AnswerDeps, dashboard: DashboardChoice, elapsedMs: number, username: string, enrich: boolean) =>
  answerFor(deps, dashboard, elapsedMs, (ctx) => userCourses(ctx, username, enrich), mergeUserCourses);

/** GET /api/users/{username}/active-staff */
export const activeStaffAnswer = (deps: AnswerDeps, dashboard: DashboardChoice, elapsedMs: number, username: string, useEventDates: boolean) =>
  answerFor(deps, dashboard, elapsedMs, (ctx) => activeStaff(ctx, username, useEventDates), mergeActiveStaff);

/** GET /api/users/{username}/status */
export const userStatusAnswer = (deps: AnswerDeps, dashboard: DashboardChoice, elapsedMs: number, username: string) =>
  answerFor(deps, dashboard, elapsedMs, (ctx) => userStatus(ctx, username), mergeUserStatus);
