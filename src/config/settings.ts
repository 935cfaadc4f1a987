// Every setting, in one table: its variable, kind and bounds (with the unit it is set in), default and
// meaning. config.ts builds the Config from it, each value converted once by its kind (durations to
// ms, sizes to bytes); README's settings table is written from it (settings-table.ts, checked by
// test/config/settings-table.test.ts). A new setting is one row here and its place in the Config.

import { isCampaignSlug } from '../domain/campaign-slugs.js';
import type { DashboardId } from '../domain/dashboards.js';
import {
  fraction,
  headerValue,
  httpUrl,
  integer,
  listOf,
  megabytes,
  milliseconds,
  oneOf,
  perSecond,
  redisUrl,
  seconds,
  setting,
  text,
  verbatim,
  type Env,
  type Setting,
} from './env-values.js';
import { VERSION } from './package-info.js';

/**
 * The in-process caches' part of the old generation's limit when MEMORY_CACHE_MAX_MB is not set. The
 * rest is for the process itself, answers in flight, upstream bodies being parsed (their text and
 * their parsed form at once) and V8's room to collect garbage: measured in BENCHMARKS.md (headroom).
 */
export const CACHE_HEAP_SHARE = 0.45;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// Toolforge forwards mail for tools.<name>@toolforge.org to the tool's maintainers.
const CONTACT = 'https://outreach.toolforge.org/; tools.outreach@toolforge.org';
const userAgent = (version: string, node: string): string => `OutreachDashboardHelper/${version} (${CONTACT}) node/${node}`;

const DAY = 86_400; // seconds

const campaignSlugs = listOf(isCampaignSlug, 'campaign slugs (lower case letters, digits and `_`)');

export const SETTINGS = {
  PORT: setting(integer(0, 65535), { default: 8000, meaning: 'where to listen (Toolforge sets it)' }),
  HOST: setting(text, { default: '0.0.0.0', meaning: 'the address to listen on' }),

  OUTREACH_BASE_URL: setting(httpUrl, { default: 'https://outreachdashboard.wmflabs.org', meaning:
    'the Programs & Events Dashboard (`dashboard=outreach`)' }),
  WIKIEDU_BASE_URL: setting(httpUrl, { default: 'https://dashboard.wikiedu.org', meaning:
    'the Wiki Education Dashboard (`dashboard=wikiedu`). These two are the only hosts ever contacted; the upstream settings below apply to each of them separately' }),

  USER_CACHE_TTL: setting(seconds(1, 7 * DAY), { default: 15 * 60, meaning:
    "freshness of a user's course list. Enrolments show up upstream at once, so this is the shortest" }),
  COURSE_USERS_CACHE_TTL: setting(seconds(1, 7 * DAY), { default: 3600, meaning: 'freshness of a roster. Staff changes are rare' }),
  COURSE_CACHE_TTL: setting(seconds(1, 7 * DAY), { default: 6 * 3600, meaning:
    "freshness of course details. They change when the Dashboard's updater runs (every 1.5–12 h)" }),
  // Long enough to absorb repeated views of a non-participant's page, short enough for new sign-ups.
  NOT_FOUND_CACHE_TTL: setting(seconds(1, DAY), { default: 10 * 60, meaning: 'how long "unknown user/course" is remembered' }),
  ENDED_COURSE_CACHE_TTL: setting(seconds(1, 90 * DAY), { default: 7 * DAY, meaning:
    'freshness of the details and roster of an over course (ended more than 30 days ago); never shorter than their usual TTL' }),
  STALE_WHILE_REVALIDATE: setting(seconds(0, 30 * DAY), { unset: 'one TTL of each kind', meaning:
    'window after freshness in which stale data is served at once while one refresh runs' }),
  // A week covers a long Dashboard outage (the VM needs a manual reboot).
  STALE_IF_ERROR: setting(seconds(0, 90 * DAY), { default: 7 * DAY, meaning:
    'how long past freshness stale data may be served while the Dashboard fails (its VM wedges every day or two)' }),

  HTTP_TIMEOUT: setting(seconds(0.05, 120), { default: 10, meaning:
    "deadline for one upstream call, a retry included; a timed-out call is not retried. Also the deadline of a whole answer, from the request's arrival: reads still running then leave their fields `null` (`partial`)" }),
  // P&E's Dashboard has four Rails workers in all: two of them is the most we may take (of each Dashboard).
  UPSTREAM_CONCURRENCY: setting(integer(1, 16), { default: 2, meaning:
    'upstream requests in flight per process, to each Dashboard (Programs & Events has four workers in all)' }),
  // As many as the cap: one answer alone keeps every slot busy, yet never queues ahead of other answers.
  ANSWER_MAX_PARALLEL_READS: setting(integer(1, 64), { unset: '`UPSTREAM_CONCURRENCY`', meaning:
    "upstream reads one answer may have queued or in flight at once at each Dashboard; its others wait inside the answer, so one person with very many courses cannot fill that Dashboard's queue. As many as the cap lets a lone cold answer keep every slot busy" }),
  UPSTREAM_QUEUE_LIMIT: setting(integer(1, 100_000), { default: 200, meaning:
    'requests that may wait for a slot of each Dashboard; beyond it new misses for that Dashboard get a 503 while cached answers flow. A call still waiting for a slot when less than a quarter of `HTTP_TIMEOUT` is left leaves the queue unsent (503): the Dashboard would work on it for nobody' }),
  UPSTREAM_RETRY_DELAY: setting(seconds(0, 60), { default: 0.25, meaning:
    'wait before the one retry of a call that met a network error or a 429/5xx without `Retry-After` (jittered ±25 %)' }),
  // A roster of a few thousand people is a few MB; anything far larger is not a roster.
  UPSTREAM_MAX_BODY_MB: setting(megabytes(1, 1_024), { default: 32, meaning:
    'an upstream answer larger than this is refused as garbage (502, nothing cached)' }),
  REFRESH_FAILURE_BACKOFF: setting(seconds(0, 3600), { default: 5, meaning:
    'after a failed load, the key is not loaded again for this long: served stale, or with nothing usable the same error' }),
  // A wedged Dashboard costs five timeouts, then gets half a minute of quiet before one probe.
  UPSTREAM_MAX_FAILS: setting(integer(1, 1_000), { default: 5, meaning:
    'failed calls in a row after which a Dashboard is sent nothing for a while (its breaker opens; each Dashboard has its own)' }),
  UPSTREAM_FAIL_TIMEOUT: setting(seconds(0.1, 3600), { default: 30, meaning: 'how long the breaker stays open before one probe call' }),
  // Programs & Events runs four Rails workers on one VM: a few requests a second from us, however many
  // people (or scripts) ask, leaves it room for its own users.
  UPSTREAM_RATE: setting(perSecond(0.01, 1_000), { default: 5, meaning:
    "requests started per second at each Dashboard (its budget, a token bucket): by every replica together with Redis, by each process without it (or while Redis is down). A read that would wait for a token past its deadline gets a 503 with `Retry-After`; background refreshes never take a token while a read waits" }),
  UPSTREAM_BURST: setting(integer(1, 10_000), { default: 20, meaning:
    'requests a Dashboard may get at once on top of the rate (the bucket holds this many): in `t` seconds it gets at most `UPSTREAM_RATE * t + UPSTREAM_BURST`' }),
  OUTREACH_UPSTREAM_RATE: setting(perSecond(0.01, 1_000), { unset: '`UPSTREAM_RATE`', meaning: "the Programs & Events Dashboard's own rate" }),
  OUTREACH_UPSTREAM_BURST: setting(integer(1, 10_000), { unset: '`UPSTREAM_BURST`', meaning: "the Programs & Events Dashboard's own burst" }),
  WIKIEDU_UPSTREAM_RATE: setting(perSecond(0.01, 1_000), { unset: '`UPSTREAM_RATE`', meaning: "the Wiki Education Dashboard's own rate" }),
  WIKIEDU_UPSTREAM_BURST: setting(integer(1, 10_000), { unset: '`UPSTREAM_BURST`', meaning: "the Wiki Education Dashboard's own burst" }),
  USER_AGENT: setting(headerValue, { default: userAgent(VERSION, process.versions.node), shown: `\`${userAgent('<version>', '<version>')}\``, meaning:
    "sent to both Dashboards; put the maintainer's contact here" }),

  // Badges (api-contract.md v1.2): the campaigns indexed besides Wiki Education's current term.
  OUTREACH_BADGE_CAMPAIGNS: setting(campaignSlugs, { default: [], meaning:
    "Programs & Events campaigns whose current courses get badges (each limited to what its `active_courses.json` lists); never `miscellanea`, the catch-all. DEPLOYMENT.md says how to find a slug" }),
  WIKIEDU_BADGE_CAMPAIGNS: setting(campaignSlugs, { default: [], meaning:
    "Wiki Education campaigns whose courses get badges besides the current term (which `/campaigns/current.json` names and is always indexed)" }),
  BADGE_SOURCE_TTL: setting(seconds(1, 7 * DAY), { default: 3600, meaning:
    "freshness of a campaign's `users.json` and `active_courses.json` (the current term's name is fresh for a day)" }),
  BADGE_SOURCE_MAX_ROWS: setting(integer(1, 10_000_000), { default: 100_000, meaning:
    'a campaign list with more rows than this is a failed read and is not kept (a copy cached earlier is served as stale-if-error allows)' }),

  REDIS_URL: setting(redisUrl, { unset: 'unset: in-process cache only', meaning:
    'a Redis shared by the replicas as their cache; when set it wins over `REDIS_HOST` and the three after it' }),
  REDIS_HOST: setting(text, { unset: 'unset: in-process cache only', meaning: 'a Redis shared by the replicas as their cache, by host' }),
  REDIS_PORT: setting(integer(1, 65535), { default: 6379, meaning: "with `REDIS_HOST`: Redis's port" }),
  REDIS_DB: setting(integer(0, 15), { default: 0, meaning: 'with `REDIS_HOST`: the database number' }),
  REDIS_PASSWORD: setting(text, { unset: 'none', meaning: "with `REDIS_HOST`: Redis's password" }),
  REDIS_KEY_PREFIX: setting(verbatim, { default: '', shown: 'empty (warned about)', meaning:
    'prepended to every key; on a shared Redis, a long random secret' }),
  REDIS_COMMAND_TIMEOUT_MS: setting(milliseconds(10, 10_000), { default: 250, meaning: 'deadline of one Redis command' }),
  // Long enough that a dead Redis costs one failed command per window, short enough to come back soon.
  REDIS_BREAKER_MS: setting(milliseconds(10, 600_000), { default: 3_000, meaning: 'after a failed Redis command, Redis is skipped for this long' }),
  L1_TTL: setting(seconds(0, 3600), { default: 5, meaning: 'with Redis: how long an in-process copy is trusted before Redis is asked again' }),

  // lru-cache sets aside about 50 bytes per allowed entry up front, outside the budget: 50 MB at the most.
  MEMORY_CACHE_MAX_ENTRIES: setting(integer(10, 1_000_000), { default: 50_000, meaning:
    'the one in-process memory budget (LRU bounds), shared by the data cache and the answer cache: together they hold at most this many entries (the LRU sets aside about 50 bytes per allowed entry)' }),
  MEMORY_CACHE_MAX_MB: setting(megabytes(1, 16_384), { unset: `${Math.round(CACHE_HEAP_SHARE * 100)} % of the old generation`, meaning:
    "the same budget's bound on estimated heap (115 MB under `--max-old-space-size=256`); more than half the old generation is warned about at start-up" }),
  // Answers are derived from the data and cheap to rebuild from it; the data is what spares the Dashboard.
  ANSWER_CACHE_SHARE: setting(fraction(0.01, 0.9), { default: 0.25, meaning:
    "the answer cache's part of both bounds; the data cache gets the rest, so with the defaults under `--max-old-space-size=256` 12,500 answers / 28 MB and 37,500 entries / 86 MB" }),

  SERVER_HEADERS_TIMEOUT: setting(seconds(0.05, 600), { default: 10, meaning:
    'how long a client may take to send its request head; at most `SERVER_REQUEST_TIMEOUT`' }),
  SERVER_REQUEST_TIMEOUT: setting(seconds(0.05, 600), { default: 30, meaning: 'how long a client may take to send its whole request' }),
  // Above the 60 s a front proxy (nginx) keeps idle upstream connections, so the proxy closes first;
  // Node waits 1 s more before closing, so an idle connection goes after 73 s, within the contract's 75 s.
  SERVER_KEEP_ALIVE_TIMEOUT: setting(seconds(0.05, 74), { default: 72, meaning: 'how long an idle keep-alive connection is kept (Node adds 1 s)' }),

  LOG_LEVEL: setting(oneOf(LOG_LEVELS), { default: 'info', meaning:
    'pino level; logs name routes and kinds of read (user, course, roster), never usernames, slugs or query strings' }),
} satisfies Record<string, Setting<unknown>>;

export type SettingName = keyof typeof SETTINGS;
type ValueOf<N extends SettingName> = (typeof SETTINGS)[N] extends Setting<infer T> ? T : never;

/** Reads settings from `env` by name, each when first asked for (Redis's only when Redis is configured). */
export type SettingsReader = <N extends SettingName>(name: N) => ValueOf<N>;

export function settingsIn(env: Env): SettingsReader {
  return (name) => SETTINGS[name].read(env, name) as ValueOf<typeof name>;
}

/** A per-Dashboard setting's variable: `OUTREACH_…` or `WIKIEDU_…`. */
export const perDashboard = <S extends string>(id: DashboardId, suffix: S) =>
  `${id.toUpperCase()}_${suffix}` as `${Uppercase<DashboardId>}_${S}`;
