// What the /api/courses/{slug...} endpoints answer, assembled from one Dashboard's cached reads. Both
// answers carry that Dashboard's id and its own spelling of the slug: the details have it, and the
// roster keeps it from them.

import { courseUrl } from '../dashboard/paths.js';
import { slugText, type Slug } from '../domain/slugs.js';
import { splitRoster, staffNames } from '../domain/staff.js';
import type { Course, CourseUsers } from '../schemas/courses.js';
import type { CourseDetails, CourseRoster } from '../schemas/stored.js';
import { bestEffort } from './best-effort.js';
import type { Answer, AnswerContext } from './context.js';
import { FreshnessTracker } from './freshness.js';
import { NotFound } from './not-found.js';

async function details(ctx: AnswerContext, slug: Slug, freshness: FreshnessTracker): Promise<CourseDetails> {
  const found = freshness.add(await ctx.reads.course(slug, ctx.gate));
  if (found === null) throw new NotFound('course', slugText(slug));
  return found;
}

async function roster(ctx: AnswerContext, slug: Slug, freshness: FreshnessTracker): Promise<CourseRoster> {
  const found = freshness.add(await ctx.reads.roster(slug, ctx.gate));
  if (found === null) throw new NotFound('course', slugText(slug));
  return found;
}

export async function course(ctx: AnswerContext, slug: Slug, enrich: boolean): Promise<Answer<Course>> {
  const freshness = new FreshnessTracker();
  // The details first: the roster's own look at them then joins this read.
  const detailsRead = details(ctx, slug, freshness);
  const staffRead = enrich ? bestEffort(freshness, ctx.now, () => roster(ctx, slug, freshness)) : null;
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
  const detailsRead = enrich ? bestEffort(freshness, ctx.now, () => details(ctx, slug, freshness)) : null;
  const found = await roster(ctx, slug, freshness);
  const body: CourseUsers = { slug: found.slug, dashboard: ctx.dashboard, ...splitRoster(found.users) };
  if (detailsRead) {
    const known = await detailsRead;
    Object.assign(body, known ? freshness.activityOf(known, ctx.now()) : { active_event: null, active_tracking: null });
  }
  return freshness.answer(body, ctx.now());
}
