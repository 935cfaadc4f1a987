// The cache's vocabulary, shared by the engine and its stores.

/** What a store keeps: when the Dashboard was asked, and what it said (null: "not found"). */
export interface CacheEntry<T = unknown> {
  fetched_at: number; // epoch ms
  data: T | null;
}

/** Lifetimes of one kind of entry, in ms (see the contract's caching rules). */
export interface CachePolicy {
  /** Fresh while age <= freshMs. */
  freshMs: number;
  /** After freshness: served at once while exactly one refresh runs. */
  staleWhileRevalidateMs: number;
  /** After freshness (covers the window above): refreshed before answering, served stale if that fails. */
  staleIfErrorMs: number;
  /** Lifetime of a negative ("not found") entry; it is never served stale. */
  negativeMs: number;
}

/** How a read was answered, for headers, logs and metrics. */
export type Outcome =
  | 'fresh' // from the cache, fresh
  | 'stale' // from the cache, stale, a refresh started in the background
  | 'miss' // from the Dashboard (nothing usable was cached)
  | 'negative' // a cached "not found"
  | 'error'; // stale served because the Dashboard failed (stale-if-error)

export interface CacheResult<T> {
  /** null: the Dashboard says it does not exist. */
  data: T | null;
  fetched_at: number;
  outcome: Outcome;
}

/** A held cross-process lock; release is best effort. */
export interface Lock {
  release(): Promise<void>;
}

/**
 * A place to keep entries. Stores never throw: a failing store (Redis down) answers
 * "nothing there" / "not stored" / "no lock needed" and reports itself unhealthy.
 */
export interface CacheStore {
  get<T>(key: string): Promise<CacheEntry<T> | undefined>;
  set<T>(key: string, entry: CacheEntry<T>, ttlMs: number): Promise<void>;
  /**
   * Try to become the one process that refreshes `key` for up to ttlMs.
   * 'acquired': go ahead (release when done); 'busy': another process holds it;
   * a store without cross-process state always answers 'acquired'.
   */
  lock(key: string, ttlMs: number): Promise<{ state: 'acquired'; lock: Lock } | { state: 'busy' }>;
  health(): StoreHealth;
  close(): Promise<void>;
}

export interface StoreHealth {
  kind: 'memory' | 'redis';
  /** Redis only: whether it is connected and answering. */
  redis_connected: boolean | null;
  /** True when the store works as configured (memory: always; redis: connected and breaker closed). */
  ok: boolean;
}
