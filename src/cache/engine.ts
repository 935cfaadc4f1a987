// The stale-while-revalidate engine: every cached read goes through SwrCache.read.
//
// By the age of the stored entry (now - fetched_at), against the lifetimes its policy gives it:
//   negative entry, age <= negativeMs            -> 'negative'
//   age <= freshMs                               -> 'fresh'
//   age <= freshMs + staleWhileRevalidateMs      -> 'stale' at once, one background refresh
//   age <= freshMs + staleIfErrorMs              -> refresh first; if that fails, 'error' with the stale data
//   otherwise (or nothing stored)                -> load: 'miss' (or 'negative' when the Dashboard says 404)
// Loads are single-flight per key within the process and, through store.lock, across processes.
// Load errors are never stored; after a failed load the key is not loaded again for a while: a refresh
// keeps the good entry, and a key with nothing usable answers the same error again at once.
// A read may bring a gate (types.ts ReadGate): consulted only on the paths that go upstream.
// A load is told whether a caller waits for it (types.ts Priority): background refreshes, and reads asked
// for at background priority, go upstream behind every waiting caller (the Dashboard's budget).
// Every read names its kind (types.ts CacheKind): its name for metrics and logs, the lifetimes of its
// entries, and the check an entry from outside the process (Redis) must pass to be used at all.

import { setTimeout as sleep } from 'node:timers/promises';
import { FailureMemory } from './failure-memory.js';
import { entryCheck } from './trust.js';
import type {
  CacheEntry,
  CacheKind,
  CachePolicy,
  CacheResult,
  CacheStore,
  EntryCheck,
  Fetched,
  Lifetimes,
  Load,
  Lock,
  Outcome,
  Priority,
  ReadGate,
} from './types.js';

export interface SwrCacheOptions {
  store: CacheStore;
  /** Clock (ms); injectable for tests. */
  now?: () => number;
  /** How long a cross-process refresh lock lives (a load's deadline plus a margin). */
  lockTtlMs: number;
  /** How long to wait for another process's entry when it holds the lock, before loading ourselves. */
  lockWaitMs: number;
  /** Poll interval while waiting for another process. */
  pollIntervalMs?: number;
  /** After a failed load, the key is not loaded again for this long: stale data is served, or the error repeated. */
  failureBackoffMs: number;
  /**
   * Which load errors are worth repeating to a key with nothing usable (default: all); the others (our own
   * refusals) are loaded again, and a caller who joined a background load that ended in one loads itself.
   */
  repeatsFailure?: (err: unknown) => boolean;
  /** Metrics hook: one call per answered read. */
  onOutcome?: (kind: string, outcome: Outcome) => void;
  /** Logging hook for failed background refreshes (nobody awaits them), with the kind of read (never its key). */
  onBackgroundError?: (kind: string, err: unknown) => void;
}

type Entry = CacheEntry<unknown>;
/** One key's refresh: what to load, how long to keep it, and what to trust from another process meanwhile. */
interface Job {
  key: string;
  kind: string;
  policy: CachePolicy;
  load: Load<unknown>;
  trust: EntryCheck;
  priority: Priority;
}
/** Built only when a load may be needed: a fresh read allocates nothing for it. */
function job<T>(key: string, kind: CacheKind<T>, load: Load<T>, trust: EntryCheck, priority: Priority): Job {
  // Jobs of every kind share the in-flight map: the data type is erased there.
  return { key, kind: kind.name, policy: kind.policy as CachePolicy, load, trust, priority };
}
/** undefined: a background refresh that stood aside because another process holds the lock. */
type Flight = Promise<Entry | undefined>;
/** The key's running flight and whom its load is for. */
interface Running {
  flight: Flight;
  priority: Priority;
}

export class SwrCache {
  private readonly store: CacheStore;
  private readonly now: () => number;
  private readonly lockTtlMs: number;
  private readonly maxPolls: number;
  private readonly pollIntervalMs: number;
  private readonly onOutcome: ((kind: string, outcome: Outcome) => void) | undefined;
  private readonly onBackgroundError: ((kind: string, err: unknown) => void) | undefined;
  private readonly inflight = new Map<string, Running>();
  private readonly failures: FailureMemory;
  private readonly repeatsFailure: (err: unknown) => boolean;
  private readonly background = new Set<Promise<void>>();
  /** The check for entries from outside the process, built once per kind. */
  private readonly trust = new WeakMap<CacheKind<never>, EntryCheck>();

  constructor(opts: SwrCacheOptions) {
    this.store = opts.store;
    this.now = opts.now ?? Date.now;
    this.lockTtlMs = opts.lockTtlMs;
    this.pollIntervalMs = opts.pollIntervalMs ?? 25;
    // Counted in polls, not clock time, so the wait stays bounded under an injected clock.
    this.maxPolls = Math.max(1, Math.ceil(opts.lockWaitMs / this.pollIntervalMs));
    this.repeatsFailure = opts.repeatsFailure ?? (() => true);
    this.failures = new FailureMemory(opts.failureBackoffMs, this.repeatsFailure);
    this.onOutcome = opts.onOutcome;
    this.onBackgroundError = opts.onBackgroundError;
  }

  /** `priority`: whom a load this read starts is for (its refreshes are always 'background'). */
  async read<T>(key: string, kind: CacheKind<T>, load: Load<T>, gate?: ReadGate, priority: Priority = 'foreground'): Promise<CacheResult<T>> {
    const trust = this.trustFor(kind);
    const entry = await this.store.get<T>(key, trust);
    if (entry !== undefined) {
      const now = this.now();
      const age = now - entry.fetched_at;
      const life = kind.policy(entry.data);
      if (entry.data === null) {
        if (age <= life.negativeMs) return this.answer(kind, entry, life, 'negative');
      } else if (age <= life.freshMs) {
        return this.answer(kind, entry, life, 'fresh');
      } else if (age <= life.freshMs + life.staleWhileRevalidateMs) {
        this.refreshInBackground(job(key, kind, load, trust, 'background'), entry, now, gate);
        return this.answer(kind, entry, life, 'stale');
      } else if (age <= life.freshMs + life.staleIfErrorMs) {
        if (this.failures.of(key, now) !== undefined) return this.answer(kind, entry, life, 'error');
        try {
          return this.loaded(kind, await this.foreground(job(key, kind, load, trust, priority), entry, gate));
        } catch {
          return this.answer(kind, entry, life, 'error');
        }
      }
    }
    // Nothing usable: load (errors propagate, there is nothing to fall back on), unless this key's load
    // failed moments ago: then that error again, without asking the Dashboard (8 requests for a failing
    // name are one upstream call, not eight).
    const failure = this.failures.of(key, this.now());
    if (failure?.repeat === true) throw failure.error;
    return this.loaded(kind, await this.foreground(job(key, kind, load, trust, priority), entry, gate));
  }

  /** Resolves when every background refresh started so far (and any they lead to) has finished. */
  async settle(): Promise<void> {
    while (this.background.size > 0) await Promise.all(this.background);
  }

  private trustFor(kind: CacheKind<never>): EntryCheck {
    let trust = this.trust.get(kind);
    if (trust === undefined) {
      trust = entryCheck(kind.shape, this.now);
      this.trust.set(kind, trust);
    }
    return trust;
  }

  private answer<T>(kind: CacheKind<T>, entry: CacheEntry<T>, life: Lifetimes, outcome: Outcome): CacheResult<T> {
    this.onOutcome?.(kind.name, outcome);
    const freshUntil = entry.fetched_at + (entry.data === null ? life.negativeMs : life.freshMs);
    return { data: entry.data, fetched_at: entry.fetched_at, freshUntil, outcome };
  }

  /**
   * An entry that was just loaded, by us or by another process we waited for: from the caller's
   * point of view nothing usable was cached, so it is a 'miss' (or 'negative' for a 404).
   */
  private loaded<T>(kind: CacheKind<T>, entry: Entry): CacheResult<T> {
    const mine = entry as CacheEntry<T>;
    return this.answer(kind, mine, kind.policy(mine.data), mine.data === null ? 'negative' : 'miss');
  }

  private refreshInBackground(job: Job, seen: Entry, now: number, gate: ReadGate | undefined): void {
    if (this.inflight.has(job.key) || this.failures.of(job.key, now) !== undefined) return;
    const refresh = gate === undefined ? this.flight(job, seen, true) : this.gatedRefresh(job, seen, gate);
    const done = refresh.then(
      () => undefined,
      (err: unknown) => {
        try {
          this.onBackgroundError?.(job.kind, err);
        } catch {
          // A failing logger must not turn into an unhandled rejection.
        }
      },
    );
    this.background.add(done);
    void done.then(() => this.background.delete(done));
  }

  /** A background refresh once the gate admits it; none if it never does (the caller's deadline passed). */
  private async gatedRefresh(job: Job, seen: Entry, gate: ReadGate): Promise<void> {
    let release: () => void;
    try {
      release = await gate.admit();
    } catch {
      return;
    }
    try {
      // While it waited, another read may have started this refresh or seen it fail.
      if (!this.inflight.has(job.key) && this.failures.of(job.key, this.now()) === undefined) await this.flight(job, seen, true);
    } finally {
      release();
    }
  }

  /**
   * A load the caller waits for; joins whatever flight for the key is already running. A joined background
   * load that our own refusal ended (it went behind waiting callers) does not decide for a foreground
   * caller: it loads itself, and waits its turn as one.
   */
  private async foreground(job: Job, seen: Entry | undefined, gate: ReadGate | undefined): Promise<Entry> {
    for (;;) {
      const joined = this.inflight.get(job.key)?.priority;
      let entry: Entry | undefined;
      try {
        entry = await (gate === undefined ? this.flight(job, seen, false) : gate.wait(this.gatedFlight(job, seen, gate)));
      } catch (err) {
        if (joined === 'background' && job.priority === 'foreground' && !this.repeatsFailure(err)) continue;
        throw err;
      }
      // undefined: we joined a background refresh that stood aside for another process; go again.
      if (entry !== undefined) return entry;
    }
  }

  /** Joining the key's running flight costs nothing upstream; starting one takes the gate's admission until it lands. */
  private async gatedFlight(job: Job, seen: Entry | undefined, gate: ReadGate): Flight {
    const running = this.inflight.get(job.key);
    if (running !== undefined) return running.flight;
    const release = await gate.admit();
    try {
      return await this.flight(job, seen, false);
    } finally {
      release();
    }
  }

  /** The single in-process flight for the key, started if none is running. */
  private flight(job: Job, seen: Entry | undefined, background: boolean): Flight {
    const running = this.inflight.get(job.key);
    if (running !== undefined) return running.flight;
    const flight: Flight = this.coordinate(job, seen, background).finally(() => {
      if (this.inflight.get(job.key)?.flight === flight) this.inflight.delete(job.key);
    });
    this.inflight.set(job.key, { flight, priority: job.priority });
    return flight;
  }

  /** Cross-process part of a flight: one process loads, the others wait for its entry. */
  private async coordinate(job: Job, seen: Entry | undefined, background: boolean): Flight {
    const first = await this.store.lock(job.key, this.lockTtlMs);
    if (first.state === 'acquired') return this.underLock(first.lock, job, seen);
    // Another replica is refreshing: a background refresh has nothing to add.
    if (background) return undefined;
    for (let i = 0; i < this.maxPolls; i++) {
      await sleep(this.pollIntervalMs);
      const entry = await this.store.get(job.key, job.trust);
      if (this.isNewAndUsable(entry, seen, job.policy)) return entry;
      // The holder stores before it releases: once we get the lock, its entry (if any) is there.
      const next = await this.store.lock(job.key, this.lockTtlMs);
      if (next.state === 'acquired') return this.underLock(next.lock, job, seen);
    }
    // The other process is too slow (or stuck): fetch ourselves rather than keep the caller waiting.
    return this.loadAndStore(job);
  }

  private async underLock(lock: Lock, job: Job, seen: Entry | undefined): Promise<Entry> {
    try {
      // Another process may have stored a new entry just before we got the lock (the tiered store
      // reads through to Redis here): then there is nothing to load.
      const current = await this.store.get(job.key, job.trust);
      if (this.isNewAndUsable(current, seen, job.policy)) return current;
      return await this.loadAndStore(job);
    } finally {
      await lock.release();
    }
  }

  private isNewAndUsable(entry: Entry | undefined, seen: Entry | undefined, policy: CachePolicy): entry is Entry {
    if (entry === undefined || (seen !== undefined && entry.fetched_at <= seen.fetched_at)) return false;
    const age = this.now() - entry.fetched_at;
    const life = policy(entry.data);
    return age <= (entry.data === null ? life.negativeMs : life.freshMs);
  }

  private async loadAndStore({ key, policy, load, priority }: Job): Promise<Entry> {
    const fetchedAt = this.now(); // when the Dashboard was asked: data is at least this recent
    let fetched: Fetched<unknown>;
    try {
      fetched = await load(priority);
    } catch (err) {
      this.failures.remember(key, err, this.now());
      throw err;
    }
    this.failures.forget(key);
    const entry: Entry = { fetched_at: fetchedAt, data: fetched.found ? fetched.data : null };
    const life = policy(entry.data);
    const keepMs =
      entry.data === null ? life.negativeMs : life.freshMs + Math.max(life.staleWhileRevalidateMs, life.staleIfErrorMs);
    await this.store.set(key, entry, keepMs);
    return entry;
  }
}
