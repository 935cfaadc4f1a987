// Environment -> typed, validated configuration. Parsed once at start-up; a wrong value stops the
// start with a message that names the variable (ConfigError).

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

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
}

export interface Config {
  host: string;
  port: number;
  logLevel: string;
  /** The Dashboard's origin, without a trailing slash. */
  outreachBaseUrl: string;
  /** null: in-process cache only (the embedded default). */
  redis: RedisConfig | null;
  /** Freshness per kind of entry, in seconds. */
  ttl: { user: number; course: number; courseUsers: number; notFound: number };
  /** Seconds after freshness during which stale data is served at once while one refresh runs;
   *  null means "one fresh window of that kind". */
  staleWhileRevalidate: number | null;
  /** Seconds past freshness during which stale data may still be served when the Dashboard fails. */
  staleIfError: number;
  /** Deadline for one upstream call (a retry included), in ms. */
  httpTimeoutMs: number;
  upstreamConcurrency: number;
  /** Requests allowed to wait for an upstream slot before new cache misses are shed with a 503. */
  upstreamQueueLimit: number;
  userAgent: string;
  /** Bounds of the in-process cache (the only tier without Redis, the L1 with it). */
  memoryCache: { maxEntries: number; maxBytes: number };
  /** With Redis: how long an L1 copy is trusted before Redis is asked again, in ms. */
  l1TtlMs: number;
}

export const VERSION = '1.0.0';
// Toolforge forwards mail for tools.<name>@toolforge.org to the tool's maintainers.
const CONTACT = 'https://outreach.toolforge.org/; tools.outreach@toolforge.org';
export const DEFAULT_USER_AGENT = `OutreachDashboardHelper/${VERSION} (${CONTACT}) node/${process.versions.node}`;

type Env = Record<string, string | undefined>;

function raw(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = raw(env, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new ConfigError(name, `expected a whole number, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function seconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = raw(env, name);
  if (v === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(v)) throw new ConfigError(name, `expected a number of seconds, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} seconds, got ${n}`);
  return n;
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const v = raw(env, name) ?? fallback;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(name, `not a URL: "${v}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(name, `must be http(s), got "${v}"`);
  if (u.search || u.hash) throw new ConfigError(name, `must not have a query or fragment: "${v}"`);
  return u.origin + u.pathname.replace(/\/+$/, '');
}

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
  };
}

export function loadConfig(env: Env = process.env): Config {
  const logLevel = raw(env, 'LOG_LEVEL') ?? 'info';
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `one of ${levels.join(', ')}, got "${logLevel}"`);
  const swr = raw(env, 'STALE_WHILE_REVALIDATE');
  return {
    host: raw(env, 'HOST') ?? '0.0.0.0',
    port: int(env, 'PORT', 8000, 0, 65535),
    logLevel,
    outreachBaseUrl: httpUrl(env, 'OUTREACH_BASE_URL', 'https://outreachdashboard.wmflabs.org'),
    redis: redisConfig(env),
    ttl: {
      // Enrolments show up upstream at once, so user lists are the shortest-lived.
      user: seconds(env, 'USER_CACHE_TTL', 15 * 60, 1, 7 * DAY),
      // course.json changes only when the Dashboard's updater runs (every 1.5-12 h).
      course: seconds(env, 'COURSE_CACHE_TTL', 6 * 3600, 1, 7 * DAY),
      // Rosters change when someone joins; staff changes are rare.
      courseUsers: seconds(env, 'COURSE_USERS_CACHE_TTL', 3600, 1, 7 * DAY),
      // Long enough to absorb repeated views of a non-participant's page, short enough for new sign-ups.
      notFound: seconds(env, 'NOT_FOUND_CACHE_TTL', 10 * 60, 1, DAY),
    },
    staleWhileRevalidate: swr === undefined ? null : seconds(env, 'STALE_WHILE_REVALIDATE', 0, 0, 30 * DAY),
    // A week covers a long Dashboard outage (the VM wedges every 1-2 days and needs a manual reboot).
    staleIfError: seconds(env, 'STALE_IF_ERROR', 7 * DAY, 0, 90 * DAY),
    httpTimeoutMs: Math.round(seconds(env, 'HTTP_TIMEOUT', 10, 0.05, 120) * 1000),
    // The Dashboard has four Rails workers in all: two of them is the most we may take.
    upstreamConcurrency: int(env, 'UPSTREAM_CONCURRENCY', 2, 1, 16),
    upstreamQueueLimit: int(env, 'UPSTREAM_QUEUE_LIMIT', 200, 1, 100_000),
    userAgent: raw(env, 'USER_AGENT') ?? DEFAULT_USER_AGENT,
    memoryCache: {
      maxEntries: int(env, 'MEMORY_CACHE_MAX_ENTRIES', 50_000, 10, 10_000_000),
      maxBytes: int(env, 'MEMORY_CACHE_MAX_MB', 128, 1, 16_384) * 1024 * 1024,
    },
    l1TtlMs: Math.round(seconds(env, 'L1_TTL', 5, 0, 3600) * 1000),
  };
}
