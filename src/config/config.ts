// The service's configuration, built from the settings table (settings.ts): parsed once at start-up,
// every duration in ms and every size in bytes; a wrong value stops the start with a message that
// names the variable (ConfigError).

import { byDashboard, type DashboardId } from '../domain/dashboards.js';
import { ConfigError, MB, type Env } from './env-values.js';
import { oldGenerationLimit } from './heap-limit.js';
import { CACHE_HEAP_SHARE, perDashboard, settingsIn, type LOG_LEVELS, type SettingsReader } from './settings.js';

export interface HttpConfig {
  host: string;
  port: number;
  logLevel: (typeof LOG_LEVELS)[number];
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
  /** The request budget: requests started per second (rate) and at once (burst), for every replica together. */
  budget: { rate: number; burst: number };
  /** A campaign list with more rows is refused as a failed read (BADGE_SOURCE_MAX_ROWS). */
  maxSourceRows: number;
}

/** The Dashboards by id: the shared knobs (timeout, concurrency, queue, breaker, ...) apply to each separately. */
export type UpstreamsConfig = Record<DashboardId, UpstreamConfig>;

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
  /** How long entries stay fresh, in ms: per kind of read, "not found" entries, and the details and roster of an over course. */
  ttlMs: { user: number; course: number; roster: number; notFound: number; ended: number; badgeSource: number; currentCampaign: number };
  /** After freshness, stale data is served at once while one refresh runs, for this long (ms); null: one fresh window of that kind. */
  staleWhileRevalidateMs: number | null;
  /** How long past freshness stale data may still be served when the Dashboard fails, in ms. */
  staleIfErrorMs: number;
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

/** The index of current courses behind /api/badges (api-contract.md v1.2). */
export interface BadgesConfig {
  /** Per Dashboard, the configured campaigns (OUTREACH_BADGE_CAMPAIGNS, WIKIEDU_BADGE_CAMPAIGNS). */
  campaigns: Record<DashboardId, readonly string[]>;
}

export interface Config {
  http: HttpConfig;
  badges: BadgesConfig;
  upstream: UpstreamsConfig;
  /** null: in-process cache only (the embedded default). */
  redis: RedisConfig | null;
  cache: CacheConfig;
}

const CURRENT_CAMPAIGN_TTL_MS = 86_400_000;

function redisConfig(read: SettingsReader): RedisConfig | null {
  const url = read('REDIS_URL');
  const host = read('REDIS_HOST');
  if (url === undefined && host === undefined) return null;
  const password = read('REDIS_PASSWORD');
  return {
    ...(url !== undefined && { url }),
    host: host ?? '127.0.0.1',
    port: read('REDIS_PORT'),
    db: read('REDIS_DB'),
    keyPrefix: read('REDIS_KEY_PREFIX'),
    commandTimeoutMs: read('REDIS_COMMAND_TIMEOUT_MS'),
    breakerMs: read('REDIS_BREAKER_MS'),
    ...(password !== undefined && { password }),
  };
}

function upstreamConfig(read: SettingsReader, dashboard: DashboardId): UpstreamConfig {
  const concurrency = read('UPSTREAM_CONCURRENCY');
  return {
    baseUrl: read(perDashboard(dashboard, 'BASE_URL')),
    userAgent: read('USER_AGENT'),
    timeoutMs: read('HTTP_TIMEOUT'),
    concurrency,
    queueLimit: read('UPSTREAM_QUEUE_LIMIT'),
    answerParallelReads: read('ANSWER_MAX_PARALLEL_READS') ?? concurrency,
    retryBaseMs: read('UPSTREAM_RETRY_DELAY'),
    maxBodyBytes: read('UPSTREAM_MAX_BODY_MB'),
    maxFails: read('UPSTREAM_MAX_FAILS'),
    failTimeoutMs: read('UPSTREAM_FAIL_TIMEOUT'),
    budget: {
      rate: read(perDashboard(dashboard, 'UPSTREAM_RATE')) ?? read('UPSTREAM_RATE'),
      burst: read(perDashboard(dashboard, 'UPSTREAM_BURST')) ?? read('UPSTREAM_BURST'),
    },
    maxSourceRows: read('BADGE_SOURCE_MAX_ROWS'),
  };
}

function memoryBudget(read: SettingsReader, oldSpaceBytes: number): MemoryBudget {
  const maxBytes = read('MEMORY_CACHE_MAX_MB');
  return {
    maxEntries: read('MEMORY_CACHE_MAX_ENTRIES'),
    maxBytes: maxBytes ?? Math.max(MB, Math.floor(oldSpaceBytes * CACHE_HEAP_SHARE)),
    source: maxBytes === undefined ? 'heap limit' : 'MEMORY_CACHE_MAX_MB',
    oldSpaceBytes,
    answerShare: read('ANSWER_CACHE_SHARE'),
  };
}

function cacheConfig(read: SettingsReader, oldSpaceBytes: number): CacheConfig {
  return {
    ttlMs: {
      user: read('USER_CACHE_TTL'),
      course: read('COURSE_CACHE_TTL'),
      roster: read('COURSE_USERS_CACHE_TTL'),
      notFound: read('NOT_FOUND_CACHE_TTL'),
      ended: read('ENDED_COURSE_CACHE_TTL'),
      badgeSource: read('BADGE_SOURCE_TTL'),
      // The current term changes a few times a year; the Dashboard itself caches its sums for a day.
      currentCampaign: CURRENT_CAMPAIGN_TTL_MS,
    },
    staleWhileRevalidateMs: read('STALE_WHILE_REVALIDATE') ?? null,
    staleIfErrorMs: read('STALE_IF_ERROR'),
    failureBackoffMs: read('REFRESH_FAILURE_BACKOFF'),
    memory: memoryBudget(read, oldSpaceBytes),
    l1TtlMs: read('L1_TTL'),
  };
}

function serverLimits(read: SettingsReader): ServerLimits {
  const limits = {
    headersTimeoutMs: read('SERVER_HEADERS_TIMEOUT'),
    requestTimeoutMs: read('SERVER_REQUEST_TIMEOUT'),
    keepAliveTimeoutMs: read('SERVER_KEEP_ALIVE_TIMEOUT'),
  };
  // Node refuses a head deadline past the whole request's.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError('SERVER_HEADERS_TIMEOUT', 'must not be longer than SERVER_REQUEST_TIMEOUT');
  }
  return limits;
}

/** `oldSpaceBytes`: the old generation's limit, from which the default memory budget follows. */
export function loadConfig(env: Env = process.env, oldSpaceBytes = oldGenerationLimit()): Config {
  const read = settingsIn(env);
  const logLevel = read('LOG_LEVEL');
  return {
    http: { host: read('HOST'), port: read('PORT'), logLevel, limits: serverLimits(read) },
    badges: { campaigns: byDashboard((id) => read(perDashboard(id, 'BADGE_CAMPAIGNS'))) },
    upstream: byDashboard((id) => upstreamConfig(read, id)),
    redis: redisConfig(read),
    cache: cacheConfig(read, oldSpaceBytes),
  };
}
