// What the /api/courses/{slug...} endpoints answer, assembled from one Dashboard's cached reads. Both
// answers carry that Dashboard's id and its own spelling of the slug: the details have it, and the
// roster keeps it from them.

import type { CacheResult } from '../cache/types.js';
import { courseUrl } from '../dashboard/paths.js';
import type { DashboardId } from '../domain/dashboards.js';
import { slugText, type Slug } from '../domain/slugs.js';
import { splitRoster, staffNames } from '../domain/staff.js';
import type { Course, CourseUsers } from '../schemas/courses.js';
import { bestEffort } from './best-effort.js';
import { answerContext, type Answer, type AnswerContext, type AnswerDeps } from './context.js';
import { FreshnessTracker } from './freshness.js';
import { NotFound } from './not-found.js';

/** The data of a read about the course at `slug`, recorded in the answer's freshness; NotFound when the Dashboard has no such course. */
async function known<T>(freshness: FreshnessTracker, slug: Slug, read: Promise<CacheResult<T>>): Promise<T> {
  const found = freshness.add(await read);
  if (found === null) throw new NotFound('course', slugText(slug));
  return found;
}

export async function course(ctx: AnswerContext, slug: Slug, enrich: boolean): Promise<Answer<Course>> {
  const freshness = new FreshnessTracker();
  // The details first: the roster's own look at them then joins this read.
  const detailsRead = known(freshness, slug, ctx.reads.course(slug, ctx.gate));
  const staffRead = enrich ? bestEffort(freshness, ctx.now, () => known(freshness, slug, ctx.reads.roster(slug, ctx.gate))) : null;
  const found = await detailsRead;
  const body: Course = { ...found, dashboard: ctx.dashboard, course_url: courseUrl(ctx.baseUrl, found.slug) };
  if (staffRead) {
    const found = await staffRead;
    Object.assign(body, freshness.activityOf(body, ctx.now()), { staff: found && staffNames(found.users) });
  }
  return freshness.answer(body, ctx.now());
}

export async function courseUsers(ctx: AnswerContext, slug: Slug, enrich: boolean): Promise<Answer<CourseUsers>> {
  const freshness = new FreshnessTracker();
  const detailsRead = enrich ? bestEffort(freshness, ctx.now, () => known(freshness, slug, ctx.reads.course(slug, ctx.gate))) : null;
  const found = await known(freshness, slug, ctx.reads.roster(slug, ctx.gate));
  const body: CourseUsers = { slug: found.slug, dashboard: ctx.dashboard, ...splitRoster(found.users) };
  if (detailsRead) {
    const known = await detailsRead;
    Object.assign(body, known ? freshness.activityOf(known, ctx.now()) : { active_event: null, active_tracking: null });
  }
  return freshness.answer(body, ctx.now());
}

/** GET /api/courses/{slug}, for a request to `dashboard` that arrived `elapsedMs` ago. */
export const courseAnswer = (deps: AnswerDeps, dashboard: DashboardId, elapsedMs: number, slug: Slug, enrich: boolean) =>
  course(answerContext(deps, dashboard, elapsedMs), slug, enrich);

/** GET /api/courses/{slug}/users, likewise. */
export const courseUsersAnswer = (deps: AnswerDeps, dashboard: DashboardId, elapsedMs: number, slug: Slug, enrich: boolean) =>
  courseUsers(answerContext(deps, dashboard, elapsedMs), slug, enrich);
