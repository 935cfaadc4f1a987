// The three Dashboard resources, read through the stale-while-revalidate cache. Every read in the
// service (top-level and enrichment alike) goes through here, so one set of caching rules holds;
// each result says how long it stays true, so no reader needs the rules themselves. A read may bring
// its answer's gate (bounded fan-out, deadline), which the engine consults only on the way upstream.

import type { SwrCache } from './cache/engine.js';
import type { CachePolicy, CacheResult, Fetched, Lifetimes, ReadGate } from './cache/types.js';
import type { CacheConfig } from './config/config.js';
import type { Dashboard } from './dashboard/types.js';
import { isOver } from './domain/activity.js';
import type { DashboardId } from './domain/dashboards.js';
import { foldForKey } from './domain/keys.js';
import { slugText, type Slug } from './domain/slugs.js';
import type { CourseDetails, CourseRoster, UserStats } from './schemas/stored.js';

export interface Policies {
  user: CachePolicy<UserStats>;
  course: CachePolicy<CourseDetails>;
  roster: CachePolicy<CourseRoster>;
}

/** `now`: the clock that says whether a course is over. */
export function policiesFrom(config: CacheConfig, now: () => number): Policies {
  const lifetimes = (freshMs: number): Lifetimes => ({
    freshMs,
    staleWhileRevalidateMs: config.staleWhileRevalidateMs ?? freshMs,
    staleIfErrorMs: config.staleIfErrorMs,
    negativeMs: config.ttlMs.notFound,
  });
  // One set per kind: the same whatever the data.
  const perKind = (freshMs: number): CachePolicy => {
    const fixed = lifetimes(freshMs);
    return () => fixed;
  };
  // Details and rosters of an over course no longer change upstream: kept longer (never shorter).
  const overLonger = (freshMs: number): CachePolicy<{ end: string | null }> => {
    const usual = lifetimes(freshMs);
    const over = lifetimes(Math.max(freshMs, config.ttlMs.ended));
    return (data) => (data !== null && isOver(data.end, now()) ? over : usual);
  };
  const { ttlMs } = config;
  return { user: perKind(ttlMs.user), course: overLonger(ttlMs.course), roster: overLonger(ttlMs.roster) };
}

/** One Dashboard's reads. Every key starts with the Dashboard's id: slugs, course ids and rosters are per Dashboard,
 *  and so is what a user is enrolled in, so nothing one Dashboard said ever answers for the other. */
export class CachedDashboard {
  readonly #keys: { user: string; course: string; roster: string };

  constructor(
    private readonly cache: SwrCache,
    private readonly dashboard: Dashboard,
    private readonly policies: Policies,
    id: DashboardId,
  ) {
    this.#keys = { user: `${id}:user:`, course: `${id}:course:`, roster: `${id}:roster:` };
  }

  /**
   * `username` must be canonical. Keys are folded as the Dashboard's collation folds (case, accents):
   * every spelling it treats as one person or course shares one entry and one upstream request.
   */
  userStats(username: string, gate?: ReadGate): Promise<CacheResult<UserStats>> {
    return this.cache.read(this.#keys.user + foldForKey(username), 'user', this.policies.user, () => this.dashboard.userStats(username), gate);
  }

  course(slug: Slug, gate?: ReadGate): Promise<CacheResult<CourseDetails>> {
    return this.cache.read(this.#keys.course + foldForKey(slugText(slug)), 'course', this.policies.course, () => this.dashboard.course(slug), gate);
  }

  /**
   * The roster with its course's own slug and end. An entry in Redis without them fails the roster's
   * shape check (schemas/stored.ts), so it is refetched and overwritten, never served.
   */
  roster(slug: Slug, gate?: ReadGate): Promise<CacheResult<CourseRoster>> {
    return this.cache.read(this.#keys.roster + foldForKey(slugText(slug)), 'roster', this.policies.roster, () => this.loadRoster(slug), gate);
  }

  /**
   * users.json carries neither the Dashboard's spelling of the slug nor the course's dates: they come
   * from the course's details, read through the cache beside it. An answer that needs both asks for
   * the details first, so that read joins the details' load (or finds them cached) and costs no
   * upstream request of its own.
   */
  private async loadRoster(slug: Slug): Promise<Fetched<CourseRoster>> {
    const [roster, details] = await Promise.all([this.dashboard.courseUsers(slug), this.course(slug)]);
    if (!roster.found || details.data === null) return { found: false };
    return { found: true, data: { users: roster.data.users, slug: details.data.slug, end: details.data.end } };
  }
}
