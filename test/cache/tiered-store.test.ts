import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import { SwrCache } from '../../src/cache/engine.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { KEY_NAMESPACE, RedisStore } from '../../src/cache/redis-store.js';
import { TieredStore } from '../../src/cache/tiered-store.js';
import type { CacheEntry, CacheKind } from '../../src/cache/types.js';
import { inspectorClient, startRedis, type TestRedis } from '../../support/redis-server.js';

const L1_TTL_MS = 5_000;

describe('TieredStore', () => {
  let redis: TestRedis;
  let raw: Redis;
  const closers: (() => Promise<void>)[] = [];

  before(async () => {
    redis = await startRedis();
    raw = inspectorClient(redis.url);
  });
  after(async () => {
    await Promise.all(closers.map((close) => close()));
    raw.disconnect();
    await redis.kill();
  });

  /** A tiered store with its own fake clock; replicas share a prefix. */
  async function replica(prefix: string, clock: { now: () => number }) {
    const l2 = new RedisStore(
      { url: redis.url, host: '127.0.0.1', port: redis.port, db: 0, keyPrefix: prefix, commandTimeoutMs: 100, breakerMs: 500 },
    );
    const store = new TieredStore(new MemoryStore({ maxEntries: 100, maxBytes: 1_000_000, now: clock.now }), l2, L1_TTL_MS);
    closers.push(() => store.close());
    const started = Date.now();
    while (!store.health().ok) {
      if (Date.now() - started > 5_000) throw new Error('Redis did not connect');
      await new Promise((r) => setTimeout(r, 10));
    }
    return store;
  }

  function fakeClock() {
    let t = Date.now();
    return { now: () => t, advance: (ms: number) => void (t += ms) };
  }

  const entry = (data: unknown, fetched_at = Date.now()): CacheEntry => ({ fetched_at, data });

  it('writes both tiers and serves the L1 copy for l1TtlMs, then asks Redis', async () => {
    const prefix = `t-${randomUUID()}:`;
    const clock = fakeClock();
    const store = await replica(prefix, clock);
    await store.set('k', entry('v1', 1), 60_000);
    assert.equal(JSON.parse((await raw.get(`${prefix}${KEY_NAMESPACE}k`)) ?? 'null').data, 'v1');
    // Another replica writes a newer entry to Redis.
    await raw.set(`${prefix}${KEY_NAMESPACE}k`, JSON.stringify(entry('v2', 2)), 'PX', 60_000);
    clock.advance(L1_TTL_MS - 1);
    assert.equal((await store.get('k'))?.data, 'v1');
    clock.advance(1);
    assert.equal((await store.get('k'))?.data, 'v2');
    // ... and the copy from Redis is trusted in L1 again for l1TtlMs.
    await raw.del(`${prefix}${KEY_NAMESPACE}k`);
    assert.equal((await store.get('k'))?.data, 'v2');
  });

  it('keeps the newer of the two when Redis holds an older entry', async () => {
    const prefix = `t-${randomUUID()}:`;
    const clock = fakeClock();
    const store = await replica(prefix, clock);
    await store.set('k', entry('new', 2), 60_000);
    await raw.set(`${prefix}${KEY_NAMESPACE}k`, JSON.stringify(entry('old', 1)), 'PX', 60_000);
    clock.advance(L1_TTL_MS);
    assert.equal((await store.get('k'))?.data, 'new');
  });

  it('checks what Redis answers, not its own L1 copy: a newer entry that fails the check does not replace a good copy', async () => {
    const prefix = `t-${randomUUID()}:`;
    const clock = fakeClock();
    const store = await replica(prefix, clock);
    const trust = (e: CacheEntry) => typeof e.data === 'string';
    await store.set('k', entry(7, 1), 60_000);
    assert.equal((await store.get('k', trust))?.data, 7, 'the young L1 copy is served unchecked');
    await raw.set(`${prefix}${KEY_NAMESPACE}k`, JSON.stringify(entry({ planted: true }, 2)), 'PX', 60_000);
    clock.advance(L1_TTL_MS);
    assert.equal((await store.get('k', trust))?.data, 7, 'the L1 copy, not the newer entry that failed');
  });

  it('uses the Redis lock across replicas and reports Redis health', async () => {
    const prefix = `t-${randomUUID()}:`;
    const [a, b] = [await replica(prefix, fakeClock()), await replica(prefix, fakeClock())];
    assert.equal((await a.lock('k', 10_000)).state, 'acquired');
    assert.equal((await b.lock('k', 10_000)).state, 'busy');
    assert.deepEqual(a.health(), { kind: 'redis', redis_connected: true, ok: true });
  });

  it('a replica with a young L1 copy does not refresh again after another replica did', async () => {
    const prefix = `t-${randomUUID()}:`;
    const clock = fakeClock();
    const life = { freshMs: 1_000, staleWhileRevalidateMs: 60_000, staleIfErrorMs: 60_000, negativeMs: 1_000 };
    const user: CacheKind = { name: 'user', policy: () => life, shape: (data) => typeof data === 'number' };
    const engines = [await replica(prefix, clock), await replica(prefix, clock)].map(
      (store) =>
        new SwrCache({
          store,
          now: clock.now,
          lockTtlMs: 5_000,
          lockWaitMs: 2_000,
          pollIntervalMs: 10,
          failureBackoffMs: 5_000,
        }),
    );
    const [a, b] = engines as [SwrCache, SwrCache];
    let calls = 0;
    const load = async () => ({ found: true as const, data: ++calls });
    await a.read('k', user, load);
    assert.equal((await b.read('k', user, load)).outcome, 'fresh'); // b's L1 now holds call 1
    clock.advance(life.freshMs + 1); // stale, but b's L1 copy is still young
    assert.equal((await a.read('k', user, load)).outcome, 'stale');
    await a.settle();
    assert.equal(calls, 2);
    assert.equal((await b.read('k', user, load)).data, 1, 'b answers its stale copy at once');
    await b.settle();
    assert.equal(calls, 2, "b's refresh found a's entry in Redis instead of asking the Dashboard");
    assert.deepEqual(await b.read('k', user, load).then((r) => [r.outcome, r.data]), ['fresh', 2]);
  });

  it('keeps serving L1 copies past l1TtlMs while Redis is down', async () => {
    const prefix = `t-${randomUUID()}:`;
    const clock = fakeClock();
    const store = await replica(prefix, clock);
    await store.set('k', entry('kept'), 60_000);
    await store.set('many', entry('also'), 60_000);
    await redis.kill();
    try {
      clock.advance(L1_TTL_MS * 10);
      const started = performance.now();
      assert.equal((await store.get('k'))?.data, 'kept');
      assert.equal((await store.get('many'))?.data, 'also');
      assert.equal(await store.get('none'), undefined);
      assert.ok(performance.now() - started < 100);
      assert.equal(store.health().ok, false);
      // Writes still land in L1.
      await store.set('during', entry('outage'), 60_000);
      assert.equal((await store.get('during'))?.data, 'outage');
    } finally {
      await redis.restart();
    }
  });
});
