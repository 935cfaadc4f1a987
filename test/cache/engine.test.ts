import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SwrCache, type SwrCacheOptions } from '../../src/cache/engine.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import type { CacheEntry, CacheKind, CachePolicy, CacheStore, Fetched, Lifetimes, Lock, Outcome, ReadGate } from '../../src/cache/types.js';

const life: Lifetimes = { freshMs: 1_000, staleWhileRevalidateMs: 2_000, staleIfErrorMs: 10_000, negativeMs: 500 };
const policy: CachePolicy = () => life;
// Kinds of read; their entries are in-process only here, so none needs a shape.
const user: CacheKind = { name: 'user', policy };
const course: CacheKind = { name: 'course', policy };
const FAILURE_BACKOFF_MS = 3_000;

/** Wraps a MemoryStore: records sets and lock releases, and can pretend another process holds the lock. */
class ObservedStore implements CacheStore {
  readonly sets: { key: string; entry: CacheEntry; ttlMs: number }[] = [];
  releases = 0;
  lockedElsewhere = false;
  constructor(readonly inner: MemoryStore) {}
  get<T>(key: string) {
    return this.inner.get<T>(key);
  }
  set<T>(key: string, entry: CacheEntry<T>, ttlMs: number) {
    this.sets.push({ key, entry, ttlMs });
    return this.inner.set(key, entry, ttlMs);
  }
  async lock(): Promise<{ state: 'acquired'; lock: Lock } | { state: 'busy' }> {
    if (this.lockedElsewhere) return { state: 'busy' };
    return { state: 'acquired', lock: { release: async () => void this.releases++ } };
  }
  health() {
    return this.inner.health();
  }
  close() {
    return this.inner.close();
  }
}

function setup(opts: Partial<SwrCacheOptions> = {}) {
  let t = Date.now();
  const now = () => t;
  const store = new ObservedStore(new MemoryStore({ maxEntries: 1_000, maxBytes: 1_000_000, now }));
  const outcomes: [string, Outcome][] = [];
  const cache = new SwrCache({
    store,
    now,
    lockTtlMs: 5_000,
    lockWaitMs: 200,
    pollIntervalMs: 5,
    failureBackoffMs: FAILURE_BACKOFF_MS,
    onOutcome: (kind, outcome) => outcomes.push([kind, outcome]),
    ...opts,
  });
  return { cache, store, outcomes, now, advance: (ms: number) => void (t += ms) };
}

/** A loader that counts its calls and answers from `answer(callNumber)`. */
function counting<T>(answer: (call: number) => Fetched<T> | Promise<Fetched<T>>) {
  const load = Object.assign(async () => answer(++load.calls), { calls: 0 });
  return load;
}

const found = <T>(data: T): Fetched<T> => ({ found: true, data });

/** A loader whose calls stay pending until the test settles them. */
function deferred<T>() {
  const pending: { resolve: (v: Fetched<T>) => void; reject: (e: unknown) => void }[] = [];
  const load = Object.assign(
    () => {
      load.calls++;
      return new Promise<Fetched<T>>((resolve, reject) => pending.push({ resolve, reject }));
    },
    { calls: 0, pending },
  );
  return load;
}

const flush = () => new Promise<void>((r) => setImmediate(r));

describe('SwrCache: fresh and miss', () => {
  it('loads a cold key once, stores it, then answers fresh without loading', async () => {
    const { cache, store, advance } = setup();
    const load = counting((n) => found({ v: n }));
    const first = await cache.read('k', user, load);
    assert.deepEqual([first.outcome, first.data], ['miss', { v: 1 }]);
    advance(life.freshMs); // exactly at the edge is still fresh
    const second = await cache.read('k', user, load);
    assert.deepEqual([second.outcome, second.data, second.fetched_at], ['fresh', { v: 1 }, first.fetched_at]);
    assert.equal(load.calls, 1);
    assert.equal(store.sets.length, 1);
    assert.equal(store.sets[0]?.ttlMs, life.freshMs + life.staleIfErrorMs);
  });

  it('keeps entries as long as the longer of the two stale windows', async () => {
    const { cache, store } = setup();
    const longSwr: CachePolicy = () => ({ ...life, staleWhileRevalidateMs: 50_000 });
    await cache.read('k', { name: 'user', policy: longSwr }, counting(() => found(1)));
    assert.equal(store.sets[0]?.ttlMs, life.freshMs + 50_000);
  });

  it('coalesces 50 concurrent cold reads into one load', async () => {
    const { cache } = setup();
    const load = deferred<string>();
    const reads = Array.from({ length: 50 }, () => cache.read('k', user, load));
    await flush();
    assert.equal(load.calls, 1);
    load.pending[0]?.resolve(found('data'));
    const results = await Promise.all(reads);
    assert.ok(results.every((r) => r.outcome === 'miss' && r.data === 'data'));
    assert.equal(load.calls, 1);
  });

  it('keeps keys apart', async () => {
    const { cache } = setup();
    const load = counting((n) => found(n));
    const [a, b] = await Promise.all([cache.read('a', user, load), cache.read('b', user, load)]);
    assert.equal(load.calls, 2);
    assert.notEqual(a.data, b.data);
  });

  it('reports every answer to onOutcome with its kind', async () => {
    const { cache, outcomes } = setup();
    const load = counting(() => found(1));
    await cache.read('k', course, load);
    await cache.read('k', course, load);
    assert.deepEqual(outcomes, [
      ['course', 'miss'],
      ['course', 'fresh'],
    ]);
  });
});

describe('SwrCache: how long a read stays true', () => {
  it('tells each read until when it is fresh: fetched_at plus the fresh lifetime, also once stale', async () => {
    const { cache, advance } = setup();
    const miss = await cache.read('k', user, counting(() => found('v')));
    assert.equal(miss.freshUntil, miss.fetched_at + life.freshMs);
    advance(life.freshMs / 2);
    const fresh = await cache.read('k', user, counting(() => found('v')));
    assert.deepEqual([fresh.outcome, fresh.freshUntil], ['fresh', miss.freshUntil]);
    advance(life.freshMs);
    const stale = await cache.read('k', user, counting(() => found('w')));
    assert.deepEqual([stale.outcome, stale.freshUntil], ['stale', miss.freshUntil], 'already past: nobody keeps it');
  });

  it('gives a negative entry its negative lifetime', async () => {
    const { cache } = setup();
    const r = await cache.read('k', user, counting((): Fetched<string> => ({ found: false })));
    assert.deepEqual([r.outcome, r.freshUntil], ['negative', r.fetched_at + life.negativeMs]);
  });

  it("takes the lifetimes from the policy for the entry's own data", async () => {
    const { cache, store, advance } = setup();
    // One kind, two lifetimes: an entry that says it is over is kept fresh ten times longer.
    const byData: CachePolicy<string> = (data) => (data === 'over' ? { ...life, freshMs: 10 * life.freshMs } : life);
    const over = await cache.read('over', { name: 'course', policy: byData }, counting(() => found('over')));
    const running = await cache.read('running', { name: 'course', policy: byData }, counting(() => found('running')));
    assert.equal(over.freshUntil - over.fetched_at, 10 * life.freshMs);
    assert.equal(running.freshUntil - running.fetched_at, life.freshMs);
    assert.deepEqual(
      store.sets.map((s) => s.ttlMs),
      [10 * life.freshMs + life.staleIfErrorMs, life.freshMs + life.staleIfErrorMs],
      'each stored for its own lifetime',
    );
    advance(2 * life.freshMs);
    const loads = counting(() => found('new'));
    assert.equal((await cache.read('over', { name: 'course', policy: byData }, loads)).outcome, 'fresh');
    assert.equal((await cache.read('running', { name: 'course', policy: byData }, loads)).outcome, 'stale');
  });
});

describe('SwrCache: stale-while-revalidate', () => {
  it('answers stale at once while exactly one background refresh runs, then serves the new entry', async () => {
    const { cache, advance } = setup();
    await cache.read('k', user, counting(() => found('old')));
    advance(life.freshMs + 1);
    const refresh = deferred<string>();
    // The refresh hangs: stale readers must not wait for it.
    const stale = await Promise.all(Array.from({ length: 10 }, () => cache.read('k', user, refresh)));
    assert.ok(stale.every((r) => r.outcome === 'stale' && r.data === 'old'));
    await flush();
    assert.equal(refresh.calls, 1);
    refresh.pending[0]?.resolve(found('new'));
    await cache.settle();
    const after = await cache.read('k', user, refresh);
    assert.deepEqual([after.outcome, after.data], ['fresh', 'new']);
    assert.equal(refresh.calls, 1);
  });

  it('serves stale up to the end of the window, and refreshes first after it', async () => {
    const { cache, advance } = setup();
    await cache.read('k', user, counting(() => found('old')));
    advance(life.freshMs + life.staleWhileRevalidateMs);
    const slow = deferred<string>();
    assert.equal((await cache.read('k', user, slow)).outcome, 'stale');
    await flush();
    assert.equal(slow.calls, 1);
    slow.pending[0]?.reject(new Error('down'));
    await cache.settle();
    advance(FAILURE_BACKOFF_MS); // past the backoff, and past the stale-while-revalidate window
    const load = counting(() => found('new'));
    const r = await cache.read('k', user, load);
    assert.deepEqual([r.outcome, r.data], ['miss', 'new']);
  });

  it('reports a failed background refresh by its kind (never its key), keeps the good entry and backs off', async () => {
    const errors: [string, unknown][] = [];
    const { cache, store, advance } = setup({ onBackgroundError: (kind, err) => errors.push([kind, err]) });
    const p: CachePolicy = () => ({ ...life, staleWhileRevalidateMs: 10 * FAILURE_BACKOFF_MS });
    await cache.read('k', { name: 'user', policy: p }, counting(() => found('good')));
    advance(life.freshMs + 1);
    const failing = counting((): Fetched<string> => {
      throw new Error('dashboard down');
    });
    assert.equal((await cache.read('k', { name: 'user', policy: p }, failing)).data, 'good');
    await cache.settle();
    assert.equal(failing.calls, 1);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.[0], 'user');
    assert.equal(store.sets.length, 1, 'the failure stored nothing');
    // Within the backoff: stale answers, no new refresh.
    advance(FAILURE_BACKOFF_MS - 2);
    assert.equal((await cache.read('k', { name: 'user', policy: p }, failing)).outcome, 'stale');
    await cache.settle();
    assert.equal(failing.calls, 1);
    // After it: one more try.
    advance(2);
    await cache.read('k', { name: 'user', policy: p }, failing);
    await cache.settle();
    assert.equal(failing.calls, 2);
  });

  it('settle() waits for background refreshes', async () => {
    const { cache, store, advance } = setup();
    await cache.read('k', user, counting(() => found('old')));
    advance(life.freshMs + 1);
    const slow = counting(async () => {
      await new Promise((r) => setTimeout(r, 30));
      return found('new');
    });
    await cache.read('k', user, slow);
    assert.equal(store.sets.length, 1);
    await cache.settle();
    assert.equal(store.sets.length, 2);
  });

  it('a background refresh stands aside when another process holds the lock', async () => {
    const { cache, store, advance } = setup();
    await cache.read('k', user, counting(() => found('old')));
    advance(life.freshMs + 1);
    store.lockedElsewhere = true;
    const load = counting(() => found('new'));
    assert.equal((await cache.read('k', user, load)).outcome, 'stale');
    await cache.settle();
    assert.equal(load.calls, 0);
  });

  it('a background refresh uses an entry another process stored meanwhile instead of loading', async () => {
    const { cache, store, advance, now } = setup();
    await cache.read('k', user, counting(() => found('old')));
    advance(life.freshMs + 1);
    const load = counting(() => found('ours'));
    // Another replica refreshes between our read and our lock.
    const get = store.get.bind(store);
    let reads = 0;
    store.get = async <T>(key: string) => {
      if (++reads === 2) await store.inner.set(key, { fetched_at: now(), data: 'theirs' }, 60_000);
      return get<T>(key);
    };
    await cache.read('k', user, load);
    await cache.settle();
    assert.equal(load.calls, 0);
    assert.equal((await cache.read('k', user, load)).data, 'theirs');
  });
});

describe('SwrCache: stale-if-error', () => {
  async function staleBeyondRevalidateWindow() {
    const s = setup();
    await s.cache.read('k', user, counting(() => found('good')));
    s.advance(life.freshMs + life.staleWhileRevalidateMs + 1);
    return s;
  }

  it('refreshes before answering when the stale-while-revalidate window has passed', async () => {
    const { cache } = await staleBeyondRevalidateWindow();
    const load = counting(() => found('new'));
    const r = await cache.read('k', user, load);
    assert.deepEqual([r.outcome, r.data, load.calls], ['miss', 'new', 1]);
  });

  it('serves the stale data with outcome error when the refresh fails, keeping the entry', async () => {
    const { cache, store } = await staleBeyondRevalidateWindow();
    const failing = counting((): Fetched<string> => {
      throw new Error('timeout');
    });
    const r = await cache.read('k', user, failing);
    assert.deepEqual([r.outcome, r.data], ['error', 'good']);
    assert.equal(store.sets.length, 1);
    assert.equal((await store.get('k'))?.data, 'good');
  });

  it('does not ask the Dashboard again during the failure backoff, then does', async () => {
    const { cache, advance } = await staleBeyondRevalidateWindow();
    const failing = counting((): Fetched<string> => {
      throw new Error('timeout');
    });
    await cache.read('k', user, failing);
    for (let i = 0; i < 5; i++) assert.equal((await cache.read('k', user, failing)).outcome, 'error');
    assert.equal(failing.calls, 1);
    advance(FAILURE_BACKOFF_MS);
    await cache.read('k', user, failing);
    assert.equal(failing.calls, 2);
  });

  it('a successful refresh ends the backoff', async () => {
    const { cache, advance } = await staleBeyondRevalidateWindow();
    let fail = true;
    const load = counting((): Fetched<string> => {
      if (fail) throw new Error('timeout');
      return found('new');
    });
    await cache.read('k', user, load);
    advance(FAILURE_BACKOFF_MS);
    fail = false;
    assert.equal((await cache.read('k', user, load)).data, 'new');
    advance(life.freshMs + life.staleWhileRevalidateMs + 1);
    fail = true;
    await cache.read('k', user, load); // fails, but is tried: no backoff left over
    assert.equal(load.calls, 3);
  });

  it('answers negative when the refreshed item no longer exists', async () => {
    const { cache } = await staleBeyondRevalidateWindow();
    const r = await cache.read('k', user, counting((): Fetched<string> => ({ found: false })));
    assert.deepEqual([r.outcome, r.data], ['negative', null]);
  });

  it('beyond the stale-if-error window a failure reaches the caller', async () => {
    const { cache, advance } = await staleBeyondRevalidateWindow();
    advance(life.staleIfErrorMs);
    const failing = counting((): Fetched<string> => {
      throw new Error('timeout');
    });
    await assert.rejects(cache.read('k', user, failing), /timeout/);
  });

  it('serves stale while the stale-if-error window is shorter than the revalidate window', async () => {
    const { cache, advance } = setup();
    const p: CachePolicy = () => ({ ...life, staleWhileRevalidateMs: 5_000, staleIfErrorMs: 0 });
    await cache.read('k', { name: 'user', policy: p }, counting(() => found('old')));
    advance(life.freshMs + 4_000);
    assert.equal((await cache.read('k', { name: 'user', policy: p }, counting(() => found('new')))).outcome, 'stale');
  });
});

describe('SwrCache: negative entries', () => {
  it('caches not-found for negativeMs, then asks again', async () => {
    const { cache, store, advance } = setup();
    const load = counting((): Fetched<string> => ({ found: false }));
    const first = await cache.read('k', user, load);
    assert.deepEqual([first.outcome, first.data], ['negative', null]);
    assert.equal(store.sets[0]?.ttlMs, life.negativeMs);
    advance(life.negativeMs);
    assert.equal((await cache.read('k', user, load)).outcome, 'negative');
    assert.equal(load.calls, 1);
    advance(1); // never served stale
    await cache.read('k', user, load);
    assert.equal(load.calls, 2);
  });
});

describe('SwrCache: errors', () => {
  it('never stores a load error: once the failure back-off is over, the next read asks again', async () => {
    const { cache, store, advance } = setup();
    let fail = true;
    const load = counting((): Fetched<string> => {
      if (fail) throw new Error('502');
      return found('ok');
    });
    await assert.rejects(cache.read('k', user, load), /502/);
    assert.equal(store.sets.length, 0);
    fail = false;
    advance(FAILURE_BACKOFF_MS);
    assert.equal((await cache.read('k', user, load)).data, 'ok');
    assert.equal(load.calls, 2);
  });

  it('a key with nothing cached answers its failure again during the back-off, without loading', async () => {
    const { cache, advance } = setup();
    const failure = new Error('502');
    const failing = counting((): Fetched<string> => {
      throw failure;
    });
    await assert.rejects(cache.read('k', user, failing));
    for (let i = 0; i < 7; i++) await assert.rejects(cache.read('k', user, failing), (err) => err === failure);
    assert.equal(failing.calls, 1);
    // Only that key: another one is loaded.
    await assert.rejects(cache.read('other', user, failing));
    assert.equal(failing.calls, 2);
    advance(FAILURE_BACKOFF_MS - 1);
    await assert.rejects(cache.read('k', user, failing));
    assert.equal(failing.calls, 2);
    advance(1);
    await assert.rejects(cache.read('k', user, failing));
    assert.equal(failing.calls, 3, 'asked again after the back-off');
  });

  it('concurrent reads of a failing key: one load, and the reads after it none', async () => {
    const { cache } = setup();
    const load = counting(async (): Promise<Fetched<string>> => {
      await flush(); // the other seven reads arrive while this load is running
      throw new Error('timeout');
    });
    const first = Array.from({ length: 8 }, () => cache.read('k', user, load));
    assert.ok((await Promise.allSettled(first)).every((s) => s.status === 'rejected'));
    const more = await Promise.allSettled(Array.from({ length: 8 }, () => cache.read('k', user, load)));
    assert.ok(more.every((s) => s.status === 'rejected'));
    assert.equal(load.calls, 1);
  });

  for (const [what, opts] of [
    ['errors not worth repeating (repeatsFailure) are', { repeatsFailure: (err: unknown) => (err as Error).message !== '502' }],
    ['with a failure back-off of 0, errors are', { failureBackoffMs: 0 }],
  ] as const) {
    it(`${what} loaded again at once`, async () => {
      const { cache } = setup(opts);
      const failing = counting((): Fetched<string> => {
        throw new Error('502');
      });
      await assert.rejects(cache.read('k', user, failing));
      await assert.rejects(cache.read('k', user, failing));
      assert.equal(failing.calls, 2);
    });
  }

  it('remembers at most 10,000 failing keys, forgetting the oldest first', async () => {
    const { cache } = setup();
    const failing = counting((): Fetched<string> => {
      throw new Error('502');
    });
    for (let i = 0; i <= 10_000; i++) await assert.rejects(cache.read(`k${i}`, user, failing));
    assert.equal(failing.calls, 10_001);
    await assert.rejects(cache.read('k10000', user, failing));
    await assert.rejects(cache.read('k1', user, failing));
    assert.equal(failing.calls, 10_001, 'the newest are remembered');
    await assert.rejects(cache.read('k0', user, failing));
    assert.equal(failing.calls, 10_002, 'the oldest was forgotten');
  });

  it('shares one failure among concurrent callers and cleans up the flight', async () => {
    const { cache, store, advance } = setup();
    const load = deferred<string>();
    const reads = Array.from({ length: 5 }, () => cache.read('k', user, load));
    await flush();
    load.pending[0]?.reject(new Error('boom'));
    const settled = await Promise.allSettled(reads);
    assert.ok(settled.every((s) => s.status === 'rejected'));
    assert.equal(load.calls, 1);
    assert.equal(store.releases, 1, 'the lock is released after a failure');
    advance(FAILURE_BACKOFF_MS);
    const again = counting(() => found('ok'));
    assert.equal((await cache.read('k', user, again)).data, 'ok');
    assert.equal(again.calls, 1);
  });

  it('handles a loader that throws synchronously', async () => {
    const { cache, advance } = setup();
    const load = (): Promise<Fetched<string>> => {
      throw new TypeError('sync');
    };
    await assert.rejects(cache.read('k', user, load), TypeError);
    advance(FAILURE_BACKOFF_MS);
    assert.equal((await cache.read('k', user, counting(() => found('ok')))).data, 'ok');
  });

  it('releases the lock after a successful load', async () => {
    const { cache, store } = setup();
    await cache.read('k', user, counting(() => found(1)));
    assert.equal(store.releases, 1);
  });
});

describe('SwrCache: another process holds the lock', () => {
  it('waits for the other process entry instead of loading', async () => {
    const { cache, store, now } = setup({ lockWaitMs: 2_000 });
    store.lockedElsewhere = true;
    setTimeout(() => void store.inner.set('k', { fetched_at: now(), data: 'theirs' }, 60_000), 30);
    const load = counting(() => found('ours'));
    const r = await cache.read('k', user, load);
    assert.deepEqual([r.outcome, r.data, load.calls], ['miss', 'theirs', 0]);
  });

  it('loads itself once the other process releases the lock without storing anything', async () => {
    const { cache, store } = setup({ lockWaitMs: 2_000 });
    store.lockedElsewhere = true;
    setTimeout(() => (store.lockedElsewhere = false), 30);
    const load = counting(() => found('ours'));
    const started = Date.now();
    assert.equal((await cache.read('k', user, load)).data, 'ours');
    assert.ok(Date.now() - started < 1_000, 'did not wait for the whole lockWaitMs');
    assert.equal(store.releases, 1);
  });

  it('does not take an entry older than the one it already had', async () => {
    const { cache, store, advance } = setup({ lockWaitMs: 60 });
    await cache.read('k', user, counting(() => found('old')));
    advance(life.freshMs + life.staleWhileRevalidateMs + 1);
    store.lockedElsewhere = true;
    const load = counting(() => found('ours'));
    const r = await cache.read('k', user, load);
    assert.deepEqual([r.data, load.calls], ['ours', 1]);
  });

  it('gives up waiting after lockWaitMs and loads itself', async () => {
    const { cache, store } = setup({ lockWaitMs: 50 });
    store.lockedElsewhere = true;
    const load = counting(() => found('ours'));
    const started = Date.now();
    const r = await cache.read('k', user, load);
    assert.deepEqual([r.outcome, r.data, load.calls], ['miss', 'ours', 1]);
    assert.ok(Date.now() - started >= 45);
  });
});

/** A gate that records what the engine asks of it; admissions wait until the test opens them, waits until it cuts them. */
class RecordingGate implements ReadGate {
  admissions = 0;
  waits = 0;
  released = 0;
  readonly queued: { open: () => void; refuse: () => void }[] = [];
  readonly #cuts: (() => void)[] = [];
  constructor(private readonly opensAtOnce = true) {}
  admit(): Promise<() => void> {
    this.admissions++;
    const release = () => void this.released++;
    if (this.opensAtOnce) return Promise.resolve(release);
    return new Promise((resolve, reject) =>
      this.queued.push({ open: () => resolve(release), refuse: () => reject(new Error('not admitted')) }),
    );
  }
  wait<T>(load: Promise<T>): Promise<T> {
    this.waits++;
    return new Promise((resolve, reject) => {
      this.#cuts.push(() => reject(new Error('deadline')));
      load.then(resolve, reject);
    });
  }
  cut(): void {
    for (const cut of this.#cuts.splice(0)) cut();
  }
}

describe('SwrCache: a read with a gate', () => {
  it('never consults the gate for a fresh or negative read', async () => {
    const { cache } = setup();
    await cache.read('k', user, counting(() => found('v')));
    await cache.read('gone', user, counting(() => ({ found: false })));
    const gate = new RecordingGate();
    await cache.read('k', user, counting(() => found('v')), gate);
    await cache.read('gone', user, counting(() => ({ found: false })), gate);
    assert.deepEqual([gate.admissions, gate.waits], [0, 0]);
  });

  it('takes an admission before a load of its own, holds it until the load lands, and waits through the gate', async () => {
    const { cache } = setup();
    const gate = new RecordingGate();
    const load = deferred<string>();
    const read = cache.read('k', user, load, gate);
    await flush();
    assert.deepEqual([gate.admissions, gate.waits, gate.released, load.calls], [1, 1, 0, 1]);
    load.pending[0]?.resolve(found('v'));
    assert.equal((await read).data, 'v');
    assert.equal(gate.released, 1);
  });

  it('joins a load already running without an admission', async () => {
    const { cache } = setup();
    const load = deferred<string>();
    const first = cache.read('k', user, load);
    await flush();
    const gate = new RecordingGate();
    const joined = cache.read('k', user, load, gate);
    await flush();
    assert.deepEqual([gate.admissions, gate.waits, load.calls], [0, 1, 1]);
    load.pending[0]?.resolve(found('v'));
    assert.deepEqual([(await first).data, (await joined).data], ['v', 'v']);
  });

  it('does not load while the admission waits; a refused admission fails the read and starts nothing', async () => {
    const { cache } = setup();
    const gate = new RecordingGate(false);
    const load = counting(() => found('v'));
    const read = cache.read('k', user, load, gate);
    await flush();
    assert.equal(load.calls, 0);
    gate.queued[0]?.refuse();
    await assert.rejects(read, /not admitted/);
    assert.equal(load.calls, 0);
    // Not a Dashboard failure: nothing remembered, the next read loads at once.
    assert.equal((await cache.read('k', user, load)).data, 'v');
  });

  it('stops waiting when the gate cuts the wait; the load goes on and fills the cache', async () => {
    const { cache } = setup();
    const gate = new RecordingGate();
    const load = deferred<string>();
    const read = cache.read('k', user, load, gate);
    await flush();
    gate.cut();
    await assert.rejects(read, /deadline/);
    load.pending[0]?.resolve(found('late'));
    await flush();
    const next = await cache.read('k', user, counting(() => found('other')));
    assert.deepEqual([next.outcome, next.data], ['fresh', 'late']);
  });

  it('serves stale data when a refresh-first read is cut off (stale-if-error)', async () => {
    const { cache, advance } = setup();
    await cache.read('k', user, counting(() => found('old')));
    advance(life.freshMs + life.staleWhileRevalidateMs + 1);
    const gate = new RecordingGate();
    const read = cache.read('k', user, deferred<string>(), gate);
    await flush();
    gate.cut();
    const r = await read;
    assert.deepEqual([r.outcome, r.data], ['error', 'old']);
  });

  it('starts a background refresh only once admitted, and none when refused', async () => {
    const { cache, advance } = setup({ onBackgroundError: () => assert.fail('a refused admission is not an error') });
    await cache.read('a', user, counting(() => found('old')));
    await cache.read('b', user, counting(() => found('old')));
    advance(life.freshMs + 1);
    const gate = new RecordingGate(false);
    const load = counting(() => found('new'));
    assert.equal((await cache.read('a', user, load, gate)).outcome, 'stale');
    assert.equal((await cache.read('b', user, load, gate)).outcome, 'stale');
    await flush();
    assert.deepEqual([gate.admissions, gate.waits, load.calls], [2, 0, 0]);
    gate.queued[0]?.open();
    gate.queued[1]?.refuse();
    await cache.settle();
    assert.deepEqual([load.calls, gate.released], [1, 1]);
    assert.equal((await cache.read('a', user, load)).data, 'new');
  });
});

describe('SwrCache: whom a load is for', () => {
  const refused = new Error('refused');
  const notOurs = { repeatsFailure: (err: unknown) => err !== refused };

  it('tells a load it is for a waiting caller, a refresh that it is for nobody, and a read at background priority likewise', async () => {
    const { cache, advance } = setup();
    const priorities: string[] = [];
    const load = async (priority: string) => {
      priorities.push(priority);
      return found('v');
    };
    await cache.read('k', user, load);
    advance(life.freshMs + 1);
    await cache.read('k', user, load); // stale: served at once, refreshed in the background
    await cache.settle();
    await cache.read('other', user, load, undefined, 'background');
    assert.deepEqual(priorities, ['foreground', 'background', 'background']);
  });

  it("loads itself when it joined a background load that our own refusal ended, instead of failing with it", async () => {
    const { cache } = setup(notOurs);
    const priorities: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const load = async (priority: string) => {
      priorities.push(priority);
      if (priority === 'background') {
        await held;
        throw refused; // the budget had no free token for a load nobody waits for
      }
      return found('v');
    };
    const background = cache.read('k', user, load, undefined, 'background');
    await flush();
    const foreground = cache.read('k', user, load); // joins the background load
    release();
    await assert.rejects(background, refused);
    assert.equal((await foreground).data, 'v');
    assert.deepEqual(priorities, ['background', 'foreground']);
  });

  it('still shares the failure of a joined background load that the Dashboard caused', async () => {
    const { cache } = setup(notOurs);
    let calls = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const load = async () => {
      calls++;
      await held;
      throw new Error('502');
    };
    const background = cache.read('k', user, load, undefined, 'background');
    await flush();
    const foreground = cache.read('k', user, load);
    release();
    await assert.rejects(background, /502/);
    await assert.rejects(foreground, /502/);
    assert.equal(calls, 1, 'one upstream call for both');
  });
});
