// The three Dashboard resources, read through the stale-while-revalidate cache. Every read in the
// service (top-level and enrichment alike) goes through here, so one set of caching rules holds;
// each result says how long it stays true, so no reader needs the rules themselves.

import type { SwrCache } from './cache/engine.js';
import type { CachePolicy, CacheResult, Lifetimes } from './cache/types.js';
import type { CacheConfig } from './config.js';
import type { Dashboard } from './dashboard/types.js';
import { slugText } from './domain/slugs.js';
import type { CourseDetails, Roster, Slug, UserStats } from './domain/types.js';

export interface Policies {
  user: CachePolicy<UserStats>;
  course: CachePolicy<CourseDetails>;
  roster: CachePolicy<Roster>;
}

export function policiesFrom(config: CacheConfig): Policies {
  const lifetimes = (freshSeconds: number): Lifetimes => ({
    freshMs: freshSeconds * 1000,
    staleWhileRevalidateMs: (config.staleWhileRevalidate ?? freshSeconds) * 1000,
    staleIfErrorMs: config.staleIfError * 1000,
    negativeMs: config.ttl.notFound * 1000,
  });
  // One set per kind: the same whatever the data.
  const perKind = (freshSeconds: number): CachePolicy => {
    const fixed = lifetimes(freshSeconds);
    return () => fixed;
  };
  return { user: perKind(config.ttl.user), course: perKind(config.ttl.course), roster: perKind(config.ttl.courseUsers) };
}

export class CachedDashboard {
  constructor(
    private readonly cache: SwrCache,
    private readonly dashboard: Dashboard,
    private readonly policies: Policies,
  ) {}

  /** `username` must be canonical: every spelling of one name shares this entry. */
  userStats(username: string): Promise<CacheResult<UserStats>> {
    return this.cache.read(`user:${username}`, 'user', this.policies.user, () => this.dashboard.userStats(username));
  }

  course(slug: Slug): Promise<CacheResult<CourseDetails>> {
    return this.cache.read(`course:${slugText(slug)}`, 'course', this.policies.course, () => this.dashboard.course(slug));
  }

  roster(slug: Slug): Promise<CacheResult<Roster>> {
    return this.cache.read(`roster:${slugText(slug)}`, 'roster', this.policies.roster, () =>
      this.dashboard.courseUsers(slug),
    );
  }
}
