// Environment -> typed, validated configuration. Parsed once at start-up; a wrong value stops the
// start with a message that names the variable (ConfigError).

import type { DashboardId } from '../domain/dashboards.js';
import { ConfigError, fraction, headerValue, httpUrl, int, MB, ms, raw, seconds, type Env } from './env-values.js';
import { oldGenerationLimit } from './heap-limit.js';
import { VERSION } from './package-info.js';

export interface HttpConfig {
  host: string;
  port: number;
  logLevel: string;
  limits: ServerLimits;
}

/** How long the server waits for clients (the contract's "own HTTP limits"), in ms. */
export interface ServerLimits {
  /** From the connection (or the previous answer) until the request head has arrived. */
  headersTimeoutMs: number;
  /** Until the whole request, body included, has arrived. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
}

/** How one Dashboard is asked: each gets its own client, concurrency cap and queue. */
export interface UpstreamConfig {
  /** The Dashboard's origin, without a trailing slash. */
  baseUrl: string;
  userAgent: string;
  /** Deadline for one upstream call (a retry included), in ms. */
  timeoutMs: number;
  concurrency: number;
  /** Requests allowed to wait for an upstream slot before new cache misses are shed with a 503. */
  queueLimit: number;
  /** Upstream reads one answer may have queued or in flight at once; its other reads wait inside the answer. */
  answerParallelReads: number;
  /** Delay before the one retry of a failed call (jittered), unless the Dashboard sends Retry-After, in ms. */
  retryBaseMs: number;
  /** A larger answer is refused as garbage, in bytes. */
  maxBodyBytes: number;
  /** The breaker: this many failed calls in a row and the Dashboard is sent nothing for failTimeoutMs. */
  maxFails: number;
  failTimeoutMs: number;
}

/** The Dashboards by id: the shared knobs (timeout, concurrency, queue, breaker, ...) apply to each separately. */
export type UpstreamsConfig = Record<DashboardId, UpstreamConfig>;

/** Where each Dashboard is: its variable and default. Only these hosts are ever contacted. */
const BASE_URLS: Record<DashboardId, { variable: string; fallback: string }> = {
  outreach: { variable: 'OUTREACH_BASE_URL', fallback: 'https://outreachdashboard.wmflabs.org' },
  wikiedu: { variable: 'WIKIEDU_BASE_URL', fallback: 'https://dashboard.wikiedu.org' },
};

export interface RedisConfig {
  /** A redis:// or rediss:// URL; when set it wins over host/port/db/password. */
  url?: string;
  host: string;
  port: number;
  db: number;
  password?: string;
  /** Prepended to every key (REDIS_KEY_PREFIX); on a shared Redis it should be a long random secret. */
  keyPrefix: string;
  /** Deadline for one Redis command, in ms. */
  commandTimeoutMs: number;
  /** After a failed command, Redis is skipped entirely for this long, in ms. */
  breakerMs: number;
}

export interface CacheConfig {
  /** Freshness per kind of entry, in seconds. */
  ttl: { user: number; course: number; courseUsers: number; notFound: number; ended: number };
  /** Seconds after freshness during which stale data is served at once while one refresh runs;
   *  null means "one fresh window of that kind". */
  staleWhileRevalidate: number | null;
  /** Seconds past freshness during which stale data may still be served when the Dashboard fails. */
  staleIfError: number;
  /** After a failed refresh, a key is served stale without asking the Dashboard again for this long, in ms. */
  failureBackoffMs: number;
  /** The in-process memory budget, shared by the data cache and the answer cache. */
  memory: MemoryBudget;
  /** With Redis: how long an L1 copy is trusted before Redis is asked again, in ms. */
  l1TtlMs: number;
}

export interface MemoryBudget {
  /** Both caches together. */
  maxEntries: number;
  /** Both caches together, in estimated heap bytes. */
  maxBytes: number;
  /** Where maxBytes comes from: MEMORY_CACHE_MAX_MB, or CACHE_HEAP_SHARE of the old generation's limit. */
  source: 'MEMORY_CACHE_MAX_MB' | 'heap limit';
  /** The limit of V8's old generation, where cached data lives (oldGenerationLimit()), in bytes. */
  oldSpaceBytes: number;
  /** The answer cache's part of both bounds (0 < share < 1); the data cache gets the rest. */
  answerShare: number;
}

export interface Config {
  http: HttpConfig;
  upstream: UpstreamsConfig;
  /** null: in-process cache only (the embedded default). */
  redis: RedisConfig | null;
  cache: CacheConfig;
}

// Toolforge forwards mail for tools.<name>@toolforge.org to the tool's maintainers.
const CONTACT = 'https://outreach.toolforge.org/; tools.outreach@toolforge.org';
export const DEFAULT_USER_AGENT = `OutreachDashboardHelper/${VERSION} (${CONTACT}) node/${process.versions.node}`;

/**
 * The in-process caches' part of the old generation's limit when MEMORY_CACHE_MAX_MB is not set. The
 * rest is for the process itself, answers in flight, upstream bodies being parsed (their text and
 * their parsed form at once) and V8's room to collect garbage: measured in BENCHMARKS.md (headroom).
 */
export const CACHE_HEAP_SHARE = 0.45;

const DAY = 86_400;

function redisConfig(env: Env): RedisConfig | null {
  const url = raw(env, 'REDIS_URL');
  const host = raw(env, 'REDIS_HOST');
  if (url === undefined && host === undefined) return null;
  if (url !== undefined) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new ConfigError('REDIS_URL', `not a URL: "${url}"`);
    }
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
      throw new ConfigError('REDIS_URL', `must start with redis:// or rediss://, got "${u.protocol}"`);
    }
  }
  return {
    ...(url !== undefined && { url }),
    host: host ?? '127.0.0.1',
    port: int(env, 'REDIS_PORT', 6379, 1, 65535),
    db: int(env, 'REDIS_DB', 0, 0, 15),
    ...(raw(env, 'REDIS_PASSWORD') !== undefined && { password: raw(env, 'REDIS_PASSWORD') }),
    keyPrefix: env.REDIS_KEY_PREFIX ?? '',
    commandTimeoutMs: int(env, 'REDIS_COMMAND_TIMEOUT_MS', 250, 10, 10_000),
    // Long enough that a dead Redis costs one failed command per window, short enough to come back soon.
    breakerMs: int(env, 'REDIS_BREAKER_MS', 3_000, 10, 600_000),
  };
}

function upstreamConfig(env: Env, dashboard: DashboardId): UpstreamConfig {
  // P&E's Dashboard has four Rails workers in all: two of them is the most we may take (of each Dashboard).
  const concurrency = int(env, 'UPSTREAM_CONCURRENCY', 2, 1, 16);
  const { variable, fallback } = BASE_URLS[dashboard];
  return {
    baseUrl: httpUrl(env, variable, fallback),
    userAgent: headerValue(env, 'USER_AGENT', DEFAULT_USER_AGENT),
    timeoutMs: ms(seconds(env, 'HTTP_TIMEOUT', 10, 0.05, 120)),
    concurrency,
    queueLimit: int(env, 'UPSTREAM_QUEUE_LIMIT', 200, 1, 100_000),
    // As many as the cap: one answer alone keeps every slot busy, yet never queues ahead of other answers.
    answerParallelReads: int(env, 'ANSWER_MAX_PARALLEL_READS', concurrency, 1, 64),
    retryBaseMs: ms(seconds(env, 'UPSTREAM_RETRY_DELAY', 0.25, 0, 60)),
    // A roster of a few thousand people is a few MB; anything far larger is not a roster.
    maxBodyBytes: int(env, 'UPSTREAM_MAX_BODY_MB', 32, 1, 1_024) * MB,
    // A wedged Dashboard costs five timeouts, then gets half a minute of quiet before one probe.
    maxFails: int(env, 'UPSTREAM_MAX_FAILS', 5, 1, 1_000),
    failTimeoutMs: ms(seconds(env, 'UPSTREAM_FAIL_TIMEOUT', 30, 0.1, 3600)),
  };
}

function memoryBudget(env: Env, oldSpaceBytes: number): MemoryBudget {
  const mb = raw(env, 'MEMORY_CACHE_MAX_MB') === undefined ? undefined : int(env, 'MEMORY_CACHE_MAX_MB', 0, 1, 16_384);
  return {
    // lru-cache sets aside about 50 bytes per allowed entry up front, outside the budget: 50 MB at the most.
    maxEntries: int(env, 'MEMORY_CACHE_MAX_ENTRIES', 50_000, 10, 1_000_000),
    maxBytes: mb === undefined ? Math.max(MB, Math.floor(oldSpaceBytes * CACHE_HEAP_SHARE)) : mb * MB,
    source: mb === undefined ? 'heap limit' : 'MEMORY_CACHE_MAX_MB',
    oldSpaceBytes,
    // Answers are derived from the data and cheap to rebuild from it; the data is what spares the Dashboard.
    answerShare: fraction(env, 'ANSWER_CACHE_SHARE', 0.25, 0.01, 0.9),
  };
}

function cacheConfig(env: Env, oldSpaceBytes: number): CacheConfig {
  const swr = raw(env, 'STALE_WHILE_REVALIDATE');
  return {
    ttl: {
      // Enrolments show up upstream at once, so user lists are the shortest-lived.
      user: seconds(env, 'USER_CACHE_TTL', 15 * 60, 1, 7 * DAY),
      // course.json changes only when the Dashboard's updater runs (every 1.5-12 h).
      course: seconds(env, 'COURSE_CACHE_TTL', 6 * 3600, 1, 7 * DAY),
      // Rosters change when someone joins; staff changes are rare.
      courseUsers: seconds(env, 'COURSE_USERS_CACHE_TTL', 3600, 1, 7 * DAY),
      // Long enough to absorb repeated views of a non-participant's page, short enough for new sign-ups.
      notFound: seconds(env, 'NOT_FOUND_CACHE_TTL', 10 * 60, 1, DAY),
      // Details and rosters of over courses (the Dashboard no longer updates them); never shorter than their usual TTL.
      ended: seconds(env, 'ENDED_COURSE_CACHE_TTL', 7 * DAY, 1, 90 * DAY),
    },
    staleWhileRevalidate: swr === undefined ? null : seconds(env, 'STALE_WHILE_REVALIDATE', 0, 0, 30 * DAY),
    // A week covers a long Dashboard outage (the VM wedges every 1-2 days and needs a manual reboot).
    staleIfError: seconds(env, 'STALE_IF_ERROR', 7 * DAY, 0, 90 * DAY),
    failureBackoffMs: ms(seconds(env, 'REFRESH_FAILURE_BACKOFF', 5, 0, 3600)),
    memory: memoryBudget(env, oldSpaceBytes),
    l1TtlMs: ms(seconds(env, 'L1_TTL', 5, 0, 3600)),
  };
}

function serverLimits(env: Env): ServerLimits {
  const limits = {
    headersTimeoutMs: ms(seconds(env, 'SERVER_HEADERS_TIMEOUT', 10, 0.05, 600)),
    requestTimeoutMs: ms(seconds(env, 'SERVER_REQUEST_TIMEOUT', 30, 0.05, 600)),
    // Above the 60 s a front proxy (nginx) keeps idle upstream connections, so the proxy closes first;
    // Node waits 1 s more before closing, so an idle connection goes after 73 s, within the contract's 75 s.
    keepAliveTimeoutMs: ms(seconds(env, 'SERVER_KEEP_ALIVE_TIMEOUT', 72, 0.05, 74)),
  };
  // Node refuses a head deadline past the whole request's.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError('SERVER_HEADERS_TIMEOUT', 'must not be longer than SERVER_REQUEST_TIMEOUT');
  }
  return limits;
}

/** `oldSpaceBytes`: the old generation's limit, from which the default memory budget follows. */
export function loadConfig(env: Env = process.env, oldSpaceBytes = oldGenerationLimit()): Config {
  const logLevel = raw(env, 'LOG_LEVEL') ?? 'info';
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `one of ${levels.join(', ')}, got "${logLevel}"`);
  return {
    http: { host: raw(env, 'HOST') ?? '0.0.0.0', port: int(env, 'PORT', 8000, 0, 65535), logLevel, limits: serverLimits(env) },
    upstream: { outreach: upstreamConfig(env, 'outreach'), wikiedu: upstreamConfig(env, 'wikiedu') },
    redis: redisConfig(env),
    cache: cacheConfig(env, oldSpaceBytes),
  };
}
