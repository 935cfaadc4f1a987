// What the /api/courses/{slug...} endpoints answer, assembled from cached reads.

import { slugText } from '../domain/slugs.js';
import { splitRoster, staffNames } from '../domain/staff.js';
import type { CourseDetails, RosterRow, Slug } from '../domain/types.js';
import type { CachedDashboard } from '../reads.js';
import { bestEffort } from './best-effort.js';
import { FreshnessTracker, type Answer } from './freshness.js';
import { NotFound } from './not-found.js';

export interface CourseAnswerContext {
  reads: CachedDashboard;
  now: () => number;
}

export type CourseBody = CourseDetails & {
  active_event?: boolean | null;
  active_tracking?: boolean | null;
  staff?: string[] | null;
};

export interface CourseUsersBody {
  slug: string;
  facilitators: RosterRow[];
  participants: RosterRow[];
  all_users: RosterRow[];
  active_event?: boolean | null;
  active_tracking?: boolean | null;
}

async function details(ctx: CourseAnswerContext, slug: Slug, freshness: FreshnessTracker): Promise<CourseDetails> {
  const found = freshness.add(await ctx.reads.course(slug), ctx.reads.policies.course);
  if (found === null) throw new NotFound('course', slugText(slug));
  return found;
}

async function roster(ctx: CourseAnswerContext, slug: Slug, freshness: FreshnessTracker): Promise<RosterRow[]> {
  const found = freshness.add(await ctx.reads.roster(slug), ctx.reads.policies.roster);
  if (found === null) throw new NotFound('course', slugText(slug));
  return found.users;
}

export async function course(ctx: CourseAnswerContext, slug: Slug, enrich: boolean): Promise<Answer<CourseBody>> {
  const freshness = new FreshnessTracker();
  const staffRead = enrich ? bestEffort(freshness, ctx.now, () => roster(ctx, slug, freshness)) : null;
  const body: CourseBody = { ...(await details(ctx, slug, freshness)) };
  if (staffRead) {
    const rows = await staffRead;
    Object.assign(body, freshness.activityOf(body, ctx.now()), { staff: rows && staffNames(rows) });
  }
  return { body, freshness: freshness.result(ctx.now()) };
}

export async function courseUsers(ctx: CourseAnswerContext, slug: Slug, enrich: boolean): Promise<Answer<CourseUsersBody>> {
  const freshness = new FreshnessTracker();
  const detailsRead = enrich ? bestEffort(freshness, ctx.now, () => details(ctx, slug, freshness)) : null;
  const body: CourseUsersBody = { slug: slugText(slug), ...splitRoster(await roster(ctx, slug, freshness)) };
  if (detailsRead) {
    const found = await detailsRead;
    Object.assign(body, found ? freshness.activityOf(found, ctx.now()) : { active_event: null, active_tracking: null });
  }
  return { body, freshness: freshness.result(ctx.now()) };
}
