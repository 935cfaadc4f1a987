// The cache's vocabulary, shared by the engine and its stores.

import type { ScriptRunner } from './scripts.js';

/** What a load said: the data, or that it does not exist (kept as a negative entry). */
export type Fetched<T> = { found: true; data: T } | { found: false };

/**
 * Whom a load is for: a caller waiting for it ('foreground'), or nobody right now ('background': a
 * stale-while-revalidate refresh, or a read started so that a later answer finds the data). The Dashboard's
 * budget lets foreground loads go first.
 */
export type Priority = 'foreground' | 'background';

/** Loads the data of one key, for `priority`. */
export type Load<T> = (priority: Priority) => Promise<Fetched<T>>;

/** What a store keeps: when the Dashboard was asked, and what it said (null: "not found"). */
export interface CacheEntry<T = unknown> {
  fetched_at: number; // epoch ms
  data: T | null;
}

/** Lifetimes of one entry, in ms (see the contract's caching rules). */
export interface Lifetimes {
  /** Fresh while age <= freshMs. */
  freshMs: number;
  /** After freshness: served at once while exactly one refresh runs. */
  staleWhileRevalidateMs: number;
  /** After freshness (covers the window above): refreshed before answering, served stale if that fails. */
  staleIfErrorMs: number;
  /** Lifetime of a negative ("not found") entry; it is never served stale. */
  negativeMs: number;
}

/**
 * The lifetimes of an entry, given its data (null: a negative entry). Being a function of the data
 * lets a kind keep some entries longer (the details and roster of a course that is over, reads/kinds.ts)
 * without any reader knowing.
 */
export type CachePolicy<T = unknown> = (data: T | null) => Lifetimes;

/**
 * A kind of entry as the engine reads it: its name (a label for metrics and logs, never a key), the
 * lifetimes of its entries, and what its data must look like when the store brings it from outside
 * the process (Redis); without a shape, nothing from outside is trusted.
 */
export interface CacheKind<T = unknown> {
  readonly name: string;
  readonly policy: CachePolicy<T>;
  readonly shape?: ShapeCheck;
}

/**
 * A caller's say over what one read does upstream on its behalf (one answer's bounded fan-out and
 * deadline). The engine asks it only when the read cannot be answered from the cache, so a fresh
 * read costs it nothing.
 */
export interface ReadGate {
  /**
   * Before the read starts a load of its own (not when it joins one already running), also a
   * background refresh: resolves with the function that ends the admission once the load is done;
   * rejects to leave the load unstarted.
   */
  admit(): Promise<() => void>;
  /** Wraps the caller's wait for a load: it may stop waiting early (rejecting); the load goes on and fills the cache. */
  wait<T>(load: Promise<T>): Promise<T>;
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
  /** Until when (epoch ms) this stays true: the end of its fresh (or negative) lifetime. */
  freshUntil: number;
  outcome: Outcome;
}

/** How old an answer built from cache results is, and how long it stays true. */
export interface Freshness {
  /** fetched_at of the oldest entry used (epoch ms). */
  oldestFetchedAt: number;
  /** When the answer may change: the first entry used stops being fresh, or a course window opens or closes (epoch ms). */
  freshUntil: number;
}

/**
 * Whether an entry read from outside the process (Redis) may be used at all: its data has the shape of
 * its kind and its fetched_at is not in the future. One that fails is treated as absent.
 */
export type EntryCheck = (entry: CacheEntry<unknown>) => boolean;

/** What the data of one kind of entry must look like (a "not found" entry, data null, needs no check). */
export type ShapeCheck = (data: unknown) => boolean;

/** A held cross-process lock; release is best effort. */
export interface Lock {
  release(): Promise<void>;
}

/**
 * A place to keep entries. Stores never throw: a failing store (Redis down) answers
 * "nothing there" / "not stored" / "no lock needed" and reports itself unhealthy.
 */
export interface CacheStore {
  /** `trust`: what an entry from outside the process must pass; in-process entries were checked when they came in. */
  get<T>(key: string, trust?: EntryCheck): Promise<CacheEntry<T> | undefined>;
  set<T>(key: string, entry: CacheEntry<T>, ttlMs: number): Promise<void>;
  /**
   * Try to become the one process that refreshes `key` for up to ttlMs.
   * 'acquired': go ahead (release when done); 'busy': another process holds it;
   * a store without cross-process state always answers 'acquired'.
   */
  lock(key: string, ttlMs: number): Promise<{ state: 'acquired'; lock: Lock } | { state: 'busy' }>;
  health(): StoreHealth;
  /** A store backed by a shared Redis also runs scripts there (scripts.ts), for state every replica shares. */
  readonly scripts?: ScriptRunner;
  /** What the store holds in process memory, if it holds anything there. */
  readonly size?: CacheUse;
  close(): Promise<void>;
}

/** An in-process cache's contents against its bound (estimated heap bytes, see heap-size.ts). */
export interface CacheUse {
  entries: number;
  bytes: number;
  maxBytes: number;
}

export interface StoreHealth {
  kind: 'memory' | 'redis';
  /** Redis only: whether it is connected and answering. */
  redis_connected: boolean | null;
  /** True when the store works as configured (memory: always; redis: connected and breaker closed). */
  ok: boolean;
}
