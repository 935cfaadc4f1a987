// The kinds of cached read, in one table: per kind, the schema of its data (whose check an entry read
// back from Redis must pass: another replica, an older version or anyone who can write to a shared
// Redis may have put something else there, and it must never be served), what its key is made of,
// and how long its entries live. The engine, the reads, metrics and logs take a kind from here; a new
// kind is one row here and its read in cached-dashboard.ts.

import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { CacheKind, CachePolicy, Lifetimes } from '../cache/types.js';
import type { CacheConfig } from '../config/config.js';
import { isOver } from '../domain/activity.js';
import type { DashboardId } from '../domain/dashboards.js';
import { foldForKey } from '../domain/keys.js';
import { slugText, type Slug } from '../domain/slugs.js';
import { CampaignUsersSchema, CourseDetailsSchema, CourseRosterSchema, CurrentCampaignSchema, ListedCoursesSchema, UserStatsSchema } from '../schemas/stored.js';

type TtlName = keyof CacheConfig['ttlMs'];

/** How long the entries of a kind live, under the cache settings; `now` says whether a course is over. */
type Lifetime<T> = (config: CacheConfig, now: () => number) => CachePolicy<T>;

/** The lifetimes of an entry fresh for `freshMs`, with the settings' stale windows and "not found" lifetime around it. */
function lifetimes(config: CacheConfig, freshMs: number): Lifetimes {
  return {
    freshMs,
    staleWhileRevalidateMs: config.staleWhileRevalidateMs ?? freshMs,
    staleIfErrorMs: config.staleIfErrorMs,
    negativeMs: config.ttlMs.notFound,
  };
}

/** Fresh for the TTL `ttl` names, whatever the data. */
const fixed =
  (ttl: TtlName): Lifetime<unknown> =>
  (config) => {
    const always = lifetimes(config, config.ttlMs[ttl]);
    return () => always;
  };

/** Fresh for the TTL `ttl` names, or once the course is over (it no longer changes upstream) for ENDED_COURSE_CACHE_TTL, never shorter. */
const longerOnceOver =
  (ttl: TtlName): Lifetime<{ end: string | null }> =>
  (config, now) => {
    const usual = lifetimes(config, config.ttlMs[ttl]);
    const over = lifetimes(config, Math.max(config.ttlMs[ttl], config.ttlMs.ended));
    return (data) => (data !== null && isOver(data.end, now()) ? over : usual);
  };

/**
 * One kind: `schema`, the shape of its data; `subject`, what a read is about (a username, a slug) as
 * the last part of its key, folded as the Dashboard's collation folds (keys.ts), so that every spelling
 * the Dashboard treats as one person or course shares one entry and one upstream request; `lifetime`.
 */
function kind<S extends TSchema, About>(spec: { schema: S; subject: (about: About) => string; lifetime: Lifetime<Static<S>> }) {
  const compiled = Compile(spec.schema);
  return { ...spec, check: (data: unknown): boolean => compiled.Check(data) };
}

const foldedSlug = (slug: Slug): string => foldForKey(slugText(slug));

export const CACHED_KINDS = {
  user: kind({ schema: UserStatsSchema, subject: (username: string) => foldForKey(username), lifetime: fixed('user') }),
  course: kind({ schema: CourseDetailsSchema, subject: foldedSlug, lifetime: longerOnceOver('course') }),
  roster: kind({ schema: CourseRosterSchema, subject: foldedSlug, lifetime: longerOnceOver('roster') }),
  // The sources of badges (api-contract.md v1.2): the current term (one per Dashboard), and per campaign
  // its enrolment rows and its active courses. Campaign slugs are lower case already.
  current_campaign: kind({ schema: CurrentCampaignSchema, subject: () => 'current', lifetime: fixed('currentCampaign') }),
  campaign_users: kind({ schema: CampaignUsersSchema, subject: (campaign: string) => campaign, lifetime: fixed('badgeSource') }),
  active_courses: kind({ schema: ListedCoursesSchema, subject: (campaign: string) => campaign, lifetime: fixed('badgeSource') }),
};

export type KindName = keyof typeof CACHED_KINDS;
export type DataOf<K extends KindName> = Static<(typeof CACHED_KINDS)[K]['schema']>;
export type AboutOf<K extends KindName> = Parameters<(typeof CACHED_KINDS)[K]['subject']>[0];

/**
 * The key of a cached read. The Dashboard's id comes first: slugs, course ids and rosters are per
 * Dashboard, and so is what a user is enrolled in, so nothing one Dashboard said answers for the other.
 */
export function cacheKey<K extends KindName>(dashboard: DashboardId, kind: K, about: AboutOf<K>): string {
  const subject = CACHED_KINDS[kind].subject as (about: AboutOf<K>) => string;
  return `${dashboard}:${kind}:${subject(about)}`;
}

/** Each kind as the cache engine reads it. */
export type CacheKinds = { readonly [K in KindName]: CacheKind<DataOf<K>> };

/** Each kind's name, its lifetimes under `config` (`now`: the clock that says whether a course is over) and its check. */
export function cacheKinds(config: CacheConfig, now: () => number): CacheKinds {
  const of = <K extends KindName>(name: K): CacheKind<DataOf<K>> => {
    const { lifetime, check } = CACHED_KINDS[name];
    return { name, policy: (lifetime as Lifetime<DataOf<K>>)(config, now), shape: check };
  };
  return Object.fromEntries((Object.keys(CACHED_KINDS) as KindName[]).map((name) => [name, of(name)])) as CacheKinds;
}
