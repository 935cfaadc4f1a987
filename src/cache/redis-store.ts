// The Redis tier. Redis is optional: when it is down, slow or not connected yet, every call answers
// at once as "nothing there" / "not stored" / "no lock needed" and the service carries on with the
// in-process cache and the Dashboard (see the contract's caching rules).

import { createHash, randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config/config.js';
import type { LuaScript, ScriptRunner } from './scripts.js';
import { UNCOORDINATED } from './no-lock.js';
import type { CacheEntry, CacheStore, EntryCheck, Lock, StoreHealth } from './types.js';

/** App name and schema version: bump the version to orphan every old key (KEYS/SCAN are disabled on Toolforge). */
export const KEY_NAMESPACE = 'odh:v1:';

const MIN_PREFIX_LENGTH = 16;

/** A loud warning when the key prefix is too easy to guess on a shared Redis, else null. */
export function warnAboutPrefix(prefix: string): string | null {
  const advice =
    'On a shared Redis (Toolforge) any tool that guesses the prefix can read and overwrite this ' +
    `service's cache. Set REDIS_KEY_PREFIX to a long random secret, e.g. the output of \`openssl rand -hex 16\`.`;
  if (prefix === '') return `REDIS_KEY_PREFIX is empty. ${advice}`;
  if (prefix.length < MIN_PREFIX_LENGTH) {
    return `REDIS_KEY_PREFIX is only ${prefix.length} characters (at least ${MIN_PREFIX_LENGTH} expected). ${advice}`;
  }
  return null;
}

// Deletes the lock only while it still holds our token, so a lock that expired and was taken by
// another process is never released by us.
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface RedisStoreOptions {
  connectTimeoutMs?: number;
  /** Longest pause between reconnect attempts (ms). */
  maxReconnectDelayMs?: number;
  /** Clock (ms); injectable for tests. */
  now?: () => number;
  /** Told once when Redis becomes unavailable and once when it is back (not on every retry). */
  log?: { warn(msg: string): void };
}

/** An entry as stored, if it is one and passes `trust`; anything else is treated as absent, and overwritten by the next load. */
function parseEntry<T>(raw: string | null | undefined, trust: EntryCheck | undefined): CacheEntry<T> | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || !('data' in value) || !('fetched_at' in value)) return undefined;
    if (typeof value.fetched_at !== 'number' || !Number.isFinite(value.fetched_at)) return undefined;
    const entry = value as CacheEntry<T>;
    return trust === undefined || trust(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

export class RedisStore implements CacheStore, ScriptRunner {
  /** The ioredis client (tests inspect it; the service should go through the store). */
  readonly client: Redis;
  private readonly ns: string;
  private readonly breakerMs: number;
  private readonly now: () => number;
  private readonly log: { warn(msg: string): void } | undefined;
  /** 0: closed. Otherwise Redis is skipped until then, after which one probe command goes through. */
  private openUntil = 0;
  private probing = false;
  private reportedDown = false;
  readonly #scriptShas: Record<string, string> = {};

  constructor(config: RedisConfig, opts: RedisStoreOptions = {}) {
    this.ns = config.keyPrefix + KEY_NAMESPACE;
    this.breakerMs = config.breakerMs;
    this.now = opts.now ?? Date.now;
    this.log = opts.log;
    const maxDelay = opts.maxReconnectDelayMs ?? 1_000;
    const options: RedisOptions = {
      // Fail fast (measured in docs/stack.md §4.2): no queueing while disconnected, a deadline that
      // also covers a hung server, no long retry loop per command.
      enableOfflineQueue: false,
      commandTimeout: config.commandTimeoutMs,
      maxRetriesPerRequest: 1,
      connectTimeout: opts.connectTimeoutMs ?? 1_000,
      // disconnect() keeps a timer this long (not unref'd) when the socket is already gone:
      // it would hold up shutdown while Redis is down.
      disconnectTimeout: 300,
      // CLIENT is disabled on Toolforge: no CLIENT SETINFO, and no connectionName (CLIENT SETNAME).
      disableClientInfo: true,
      // Strings are all we need; RESP2 skips the HELLO handshake on every (re)connect.
      protocol: 2,
      enableAutoPipelining: true,
      // Keep reconnecting in the background, but come back within about a second.
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), maxDelay),
    };
    this.client =
      config.url !== undefined
        ? new Redis(config.url, options)
        : new Redis({
            ...options,
            host: config.host,
            port: config.port,
            db: config.db,
            ...(config.password !== undefined && { password: config.password }),
          });
    this.client.on('error', (err: Error) => this.markDown(err.message));
    this.client.on('ready', () => {
      // A new connection: nothing left of what opened the breaker.
      this.openUntil = 0;
      this.probing = false;
      this.markUp();
    });
  }

  async get<T>(key: string, trust?: EntryCheck): Promise<CacheEntry<T> | undefined> {
    return parseEntry<T>(await this.run(undefined, () => this.client.get(this.ns + key)), trust);
  }

  async set<T>(key: string, entry: CacheEntry<T>, ttlMs: number): Promise<void> {
    // Every key gets a finite TTL (a shared Redis must not fill with our leftovers).
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) return;
    await this.run(undefined, () => this.client.set(this.ns + key, JSON.stringify(entry), 'PX', Math.ceil(ttlMs)));
  }

  async lock(key: string, ttlMs: number): Promise<{ state: 'acquired'; lock: Lock } | { state: 'busy' }> {
    const lockKey = `${this.ns}lock:${key}`;
    const token = randomBytes(16).toString('hex');
    // Redis unavailable: nobody to coordinate with, so the caller fetches.
    const reply = await this.run('unavailable' as const, () =>
      this.client.set(lockKey, token, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX'),
    );
    if (reply === 'unavailable') return UNCOORDINATED;
    if (reply === null) return { state: 'busy' };
    const release = async () => {
      await this.run(undefined, () => this.client.eval(RELEASE_SCRIPT, 1, lockKey, token));
    };
    return { state: 'acquired', lock: { release } };
  }

  get scripts(): ScriptRunner {
    return this;
  }

  /**
   * Runs `script` atomically with `keys` under this store's namespace; undefined when Redis is unavailable.
   * Sent by its SHA-1 (EVALSHA), and in full only when Redis does not know it yet.
   */
  async runScript(script: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    const sha = (this.#scriptShas[script.name] ??= createHash('sha1').update(script.lua).digest('hex'));
    const names = keys.map((k) => this.ns + k);
    return this.run(undefined, async () => {
      try {
        return await this.client.evalsha(sha, names.length, ...names, ...args);
      } catch (err) {
        if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
        return this.client.eval(script.lua, names.length, ...names, ...args);
      }
    });
  }

  health(): StoreHealth {
    const connected = this.client.status === 'ready' && this.openUntil === 0;
    return { kind: 'redis', redis_connected: connected, ok: connected };
  }

  async close(): Promise<void> {
    if (this.client.status === 'ready') {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), 1_000);
      });
      // A hung server would never answer QUIT: give it a moment, then just drop the connection.
      const quit = this.client.quit().then(() => true, () => false);
      const done = await Promise.race([quit, deadline]);
      clearTimeout(timer);
      if (done) return;
    }
    this.client.disconnect();
  }

  /** Runs one command unless Redis is known to be unavailable; never throws. */
  private async run<R, F>(fallback: F, command: () => Promise<R>): Promise<R | F> {
    if (!this.mayTry()) return fallback;
    try {
      const result = await command();
      if (this.openUntil !== 0) {
        this.openUntil = 0;
        this.probing = false;
        this.markUp();
      }
      return result;
    } catch (err) {
      this.openUntil = this.now() + this.breakerMs;
      this.probing = false;
      this.markDown(err instanceof Error ? err.message : String(err));
      return fallback;
    }
  }

  private mayTry(): boolean {
    if (this.client.status !== 'ready') return false;
    if (this.openUntil === 0) return true;
    if (this.probing || this.now() < this.openUntil) return false;
    // The window has passed: let exactly one command find out whether Redis answers again.
    this.probing = true;
    return true;
  }

  private markDown(reason: string): void {
    if (this.reportedDown) return;
    this.reportedDown = true;
    this.log?.warn(`Redis unavailable (${reason}); serving from the in-process cache and the Dashboard`);
  }

  private markUp(): void {
    if (!this.reportedDown) return;
    this.reportedDown = false;
    this.log?.warn('Redis available again');
  }
}
