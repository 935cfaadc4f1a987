// What the /api/courses/{slug...} endpoints answer, assembled from cached reads.

import { slugText } from '../domain/slugs.js';
import { splitRoster, staffNames } from '../domain/staff.js';
import type { CourseDetails, RosterRow, Slug } from '../domain/types.js';
import type { Course, CourseUsers } from '../schemas/courses.js';
import { bestEffort } from './best-effort.js';
import type { Answer, AnswerContext } from './context.js';
import { FreshnessTracker } from './freshness.js';
import { NotFound } from './not-found.js';

async function details(ctx: AnswerContext, slug: Slug, freshness: FreshnessTracker): Promise<CourseDetails> {
  const found = freshness.add(await ctx.reads.course(slug));
  if (found === null) throw new NotFound('course', slugText(slug));
  return found;
}

async function roster(ctx: AnswerContext, slug: Slug, freshness: FreshnessTracker): Promise<RosterRow[]> {
  const found = freshness.add(await ctx.reads.roster(slug));
  if (found === null) throw new NotFound('course', slugText(slug));
  return found.users;
}

export async function course(ctx: AnswerContext, slug: Slug, enrich: boolean): Promise<Answer<Course>> {
  const freshness = new FreshnessTracker();
  const staffRead = enrich ? bestEffort(freshness, ctx.now, () => roster(ctx, slug, freshness)) : null;
  const body: Course = { ...(await details(ctx, slug, freshness)) };
  if (staffRead) {
    const rows = await staffRead;
    Object.assign(body, freshness.activityOf(body, ctx.now()), { staff: rows && staffNames(rows) });
  }
  return { body, freshness: freshness.result(ctx.now()) };
}

export async function courseUsers(ctx: AnswerContext, slug: Slug, enrich: boolean): Promise<Answer<CourseUsers>> {
  const freshness = new FreshnessTracker();
  const detailsRead = enrich ? bestEffort(freshness, ctx.now, () => details(ctx, slug, freshness)) : null;
  const body: CourseUsers = { slug: slugText(slug), ...splitRoster(await roster(ctx, slug, freshness)) };
  if (detailsRead) {
    const found = await detailsRead;
    Object.assign(body, found ? freshness.activityOf(found, ctx.now()) : { active_event: null, active_tracking: null });
  }
  return { body, freshness: freshness.result(ctx.now()) };
}
