// What the /api/courses/{slug...} endpoints answer, assembled from cached reads.

import { courseActivity, type CourseActivity } from '../domain/activity.js';
import { slugText } from '../domain/slugs.js';
import { splitRoster, staffNames } from '../domain/staff.js';
import { UpstreamError, type CourseDetails, type RosterRow, type Slug } from '../dashboard/types.js';
import type { CachedDashboard } from '../reads.js';
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
  const result = await ctx.reads.course(slug);
  freshness.add(result, ctx.reads.policies.course);
  if (result.data === null) throw new NotFound('course', slugText(slug));
  return result.data;
}

async function roster(ctx: CourseAnswerContext, slug: Slug, freshness: FreshnessTracker): Promise<RosterRow[]> {
  const result = await ctx.reads.roster(slug);
  freshness.add(result, ctx.reads.policies.roster);
  if (result.data === null) throw new NotFound('course', slugText(slug));
  return result.data.users;
}

/** The secondary read of an enriched answer is best effort: its failure leaves nulls, not an error.
 *  (It also runs beside the main read, so it must never reject: the main read's error wins.) */
async function optional<T>(ctx: CourseAnswerContext, freshness: FreshnessTracker, read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (!(err instanceof UpstreamError || err instanceof NotFound)) throw err;
    freshness.failed(ctx.now());
    return null;
  }
}

/** Whether the course is active now; the answer changes when a window opens or closes. */
function activity(ctx: CourseAnswerContext, c: CourseDetails, freshness: FreshnessTracker): CourseActivity {
  const now = ctx.now();
  freshness.changesAt([c.start, c.end, c.timeline_start, c.timeline_end], now);
  return courseActivity(c, now);
}

export async function course(ctx: CourseAnswerContext, slug: Slug, enrich: boolean): Promise<Answer<CourseBody>> {
  const freshness = new FreshnessTracker();
  const staffRead = enrich ? optional(ctx, freshness, roster(ctx, slug, freshness)) : null;
  const body: CourseBody = { ...(await details(ctx, slug, freshness)) };
  if (staffRead) {
    const rows = await staffRead;
    Object.assign(body, activity(ctx, body, freshness), { staff: rows && staffNames(rows) });
  }
  return { body, freshness: freshness.result(ctx.now()) };
}

export async function courseUsers(ctx: CourseAnswerContext, slug: Slug, enrich: boolean): Promise<Answer<CourseUsersBody>> {
  const freshness = new FreshnessTracker();
  const detailsRead = enrich ? optional(ctx, freshness, details(ctx, slug, freshness)) : null;
  const body: CourseUsersBody = { slug: slugText(slug), ...splitRoster(await roster(ctx, slug, freshness)) };
  if (detailsRead) {
    const found = await detailsRead;
    Object.assign(body, found ? activity(ctx, found, freshness) : { active_event: null, active_tracking: null });
  }
  return { body, freshness: freshness.result(ctx.now()) };
}
