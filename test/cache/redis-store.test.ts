import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { RedisConfig } from '../../src/config/config.js';
import { SwrCache } from '../../src/cache/engine.js';
import { KEY_NAMESPACE, RedisStore, warnAboutPrefix } from '../../src/cache/redis-store.js';
import type { CacheKind, CachePolicy } from '../../src/cache/types.js';
import { inspectorClient, startRedis, type TestRedis } from '../../support/redis-server.js';

const COMMAND_TIMEOUT_MS = 100;
const BREAKER_MS = 500;

function redisConfig(port: number, keyPrefix = `test-${randomUUID()}:`): RedisConfig {
  return { url: `redis://127.0.0.1:${port}`, host: '127.0.0.1', port, db: 0, keyPrefix, commandTimeoutMs: COMMAND_TIMEOUT_MS, breakerMs: BREAKER_MS };
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Milliseconds `fn` takes. */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** A private server, a raw client to inspect it, and stores that are closed afterwards. */
function privateRedis() {
  const ctx = {
    redis: undefined as unknown as TestRedis,
    raw: undefined as unknown as Redis,
    stores: [] as RedisStore[],
    async store(config?: RedisConfig): Promise<RedisStore> {
      const store = new RedisStore(config ?? redisConfig(ctx.redis.port));
      ctx.stores.push(store);
      await waitFor('the store to connect', () => store.health().ok);
      return store;
    },
  };
  before(async () => {
    ctx.redis = await startRedis();
    ctx.raw = inspectorClient(ctx.redis.url);
  });
  after(async () => {
    await Promise.all(ctx.stores.map((s) => s.close()));
    ctx.raw.disconnect();
    await ctx.redis.kill();
  });
  return ctx;
}

describe('warnAboutPrefix', () => {
  it('warns about an empty or short prefix and accepts a long one', () => {
    assert.match(warnAboutPrefix('') ?? '', /REDIS_KEY_PREFIX is empty/);
    assert.match(warnAboutPrefix('odh:') ?? '', /only 4 characters/);
    assert.equal(warnAboutPrefix('3f9a1c0e5b7d2a4c:'), null);
  });
});

describe('RedisStore with Redis up', () => {
  const ctx = privateRedis();

  it('round-trips entries', async () => {
    const store = await ctx.store();
    const entry = { fetched_at: Date.now(), data: { courses: [1, 2], name: 'Ünïcode' } };
    await store.set('user:A', entry, 60_000);
    assert.deepEqual(await store.get('user:A'), entry);
    assert.equal(await store.get('user:B'), undefined);
  });

  it('prefixes and versions every key, and gives every key a TTL', async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = await ctx.store(redisConfig(ctx.redis.port, prefix));
    await store.set('user:A', { fetched_at: Date.now(), data: 1 }, 60_000);
    await store.set('course:x/y', { fetched_at: Date.now(), data: null }, 5_000);
    const lock = await store.lock('user:A', 10_000);
    assert.equal(lock.state, 'acquired');
    // KEYS is fine on our own private server (it is disabled on Toolforge).
    const keys = await ctx.raw.keys(`${prefix}*`);
    assert.deepEqual(keys.sort(), [
      `${prefix}${KEY_NAMESPACE}course:x/y`,
      `${prefix}${KEY_NAMESPACE}lock:user:A`,
      `${prefix}${KEY_NAMESPACE}user:A`,
    ]);
    for (const key of keys) {
      const ttl = await ctx.raw.pttl(key);
      assert.ok(ttl > 0 && ttl <= 60_000, `${key} has TTL ${ttl}`);
    }
    assert.deepEqual(JSON.parse((await ctx.raw.get(`${prefix}${KEY_NAMESPACE}user:A`)) ?? ''), {
      fetched_at: (await store.get('user:A'))?.fetched_at,
      data: 1,
    });
  });

  it('treats a value that does not parse as absent', async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = await ctx.store(redisConfig(ctx.redis.port, prefix));
    await ctx.raw.set(`${prefix}${KEY_NAMESPACE}bad`, '{not json', 'PX', 60_000);
    await ctx.raw.set(`${prefix}${KEY_NAMESPACE}odd`, '{"data":1}', 'PX', 60_000);
    assert.equal(await store.get('bad'), undefined);
    assert.equal(await store.get('odd'), undefined);
  });

  it('gives back an entry only if it passes the check it is asked with', async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = await ctx.store(redisConfig(ctx.redis.port, prefix));
    await store.set('k', { fetched_at: 5, data: { n: 1 } }, 60_000);
    await ctx.raw.set(`${prefix}${KEY_NAMESPACE}inf`, '{"fetched_at":1e999,"data":1}', 'PX', 60_000);
    assert.deepEqual(await store.get('k', (e) => e.fetched_at === 5), { fetched_at: 5, data: { n: 1 } });
    assert.equal(await store.get('k', () => false), undefined);
    assert.equal(await store.get('k', () => { throw new Error('a broken check'); }), undefined, 'a check that throws rejects');
    assert.equal(await store.get('inf'), undefined, 'fetched_at must be a finite number');
  });

  it('lets only one of two stores hold a lock, and frees it on release', async () => {
    const config = redisConfig(ctx.redis.port);
    const [a, b] = [await ctx.store(config), await ctx.store(config)];
    const held = await a.lock('k', 10_000);
    assert.equal(held.state, 'acquired');
    assert.equal((await b.lock('k', 10_000)).state, 'busy');
    assert.equal((await a.lock('k', 10_000)).state, 'busy', 'not re-entrant either');
    if (held.state === 'acquired') await held.lock.release();
    assert.equal((await b.lock('k', 10_000)).state, 'acquired');
  });

  it('never releases a lock that expired and was taken by another store', async () => {
    const config = redisConfig(ctx.redis.port);
    const [a, b] = [await ctx.store(config), await ctx.store(config)];
    const stale = await a.lock('k', 50);
    await sleep(80);
    const fresh = await b.lock('k', 10_000);
    assert.equal(fresh.state, 'acquired');
    if (stale.state === 'acquired') await stale.lock.release();
    assert.equal((await a.lock('k', 10_000)).state, 'busy', "b's lock survived a's release");
  });

  it('reports itself healthy', async () => {
    const store = await ctx.store();
    assert.deepEqual(store.health(), { kind: 'redis', redis_connected: true, ok: true });
  });
});

describe('two replicas on one Redis', () => {
  const ctx = privateRedis();
  const policy: CachePolicy = () => ({ freshMs: 60_000, staleWhileRevalidateMs: 60_000, staleIfErrorMs: 600_000, negativeMs: 60_000 });
  const user: CacheKind = { name: 'user', policy, shape: (data) => typeof data === 'object' && data !== null && 'calls' in data };
  // A kind without a shape: nothing from another process is trusted.
  const other: CacheKind = { name: 'other', policy };
  const engine = (store: RedisStore) => new SwrCache({ store, lockTtlMs: 5_000, lockWaitMs: 3_000, pollIntervalMs: 10, failureBackoffMs: 5_000 });

  it('load a cold key once for 40 concurrent reads spread over both', async () => {
    const config = redisConfig(ctx.redis.port);
    const engines = [await ctx.store(config), await ctx.store(config)].map(engine);
    let calls = 0;
    const load = async () => {
      calls++;
      await sleep(100);
      return { found: true as const, data: { calls } };
    };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (engines[i % 2] as SwrCache).read('user:Cold', user, load)),
    );
    assert.equal(calls, 1);
    assert.ok(results.every((r) => r.outcome === 'miss' && JSON.stringify(r.data) === '{"calls":1}'));
  });

  it("treat another's entry of the wrong shape, or fetched in the future, as absent: load it again and overwrite it", async () => {
    const prefix = `test-${randomUUID()}:`;
    const cache = engine(await ctx.store(redisConfig(ctx.redis.port, prefix)));
    const now = Date.now();
    const cases = [
      ['user:WrongShape', { fetched_at: now, data: 'not a user' }],
      ['user:Future', { fetched_at: now + 365 * 86_400_000, data: { calls: 'planted' } }],
      ['other:NoShape', { fetched_at: now, data: { calls: 'a kind nobody described' } }],
    ] as const;
    for (const [key, poison] of cases) {
      await ctx.raw.set(`${prefix}${KEY_NAMESPACE}${key}`, JSON.stringify(poison), 'PX', 60_000);
      let calls = 0;
      const result = await cache.read(key, key.startsWith('user:') ? user : other, async () => ({ found: true as const, data: { calls: ++calls } }));
      assert.equal(calls, 1, key);
      assert.deepEqual([result.outcome, result.data], ['miss', { calls: 1 }], key);
      const stored = JSON.parse((await ctx.raw.get(`${prefix}${KEY_NAMESPACE}${key}`)) ?? '{}') as { fetched_at: number; data: unknown };
      assert.deepEqual(stored.data, { calls: 1 }, `${key} overwritten`);
      assert.ok(stored.fetched_at <= Date.now(), key);
    }
  });

  it("trust another's entry fetched a moment ahead by its clock", async () => {
    const prefix = `test-${randomUUID()}:`;
    const cache = engine(await ctx.store(redisConfig(ctx.redis.port, prefix)));
    await ctx.raw.set(`${prefix}${KEY_NAMESPACE}user:Skewed`, JSON.stringify({ fetched_at: Date.now() + 500, data: { calls: 0 } }), 'PX', 60_000);
    const result = await cache.read('user:Skewed', user, () => assert.fail('loaded although a good entry was there'));
    assert.deepEqual([result.outcome, result.data], ['fresh', { calls: 0 }]);
  });
});

describe('RedisStore when Redis fails', () => {
  const ctx = privateRedis();

  it('is hung (SIGSTOP): a command fails within about commandTimeout, then the breaker skips Redis', async (t) => {
    const store = await ctx.store();
    await store.set('k', { fetched_at: 1, data: 1 }, 60_000);
    ctx.redis.pause();
    t.after(() => ctx.redis.resume());
    const first = await timed(async () => assert.equal(await store.get('k'), undefined));
    assert.ok(first >= COMMAND_TIMEOUT_MS * 0.8 && first < COMMAND_TIMEOUT_MS + 400, `first get took ${first} ms`);
    assert.equal(store.health().ok, false);
    // Breaker open: no command is even sent.
    const skipped = await timed(async () => {
      assert.equal(await store.get('k'), undefined);
      await store.set('k', { fetched_at: 2, data: 2 }, 60_000);
      assert.equal((await store.lock('k', 1_000)).state, 'acquired');
    });
    assert.ok(skipped < 50, `breaker-open calls took ${skipped} ms`);
    // After the window, a probe finds Redis again.
    ctx.redis.resume();
    await sleep(BREAKER_MS);
    await waitFor('a probe to close the breaker', async () => (await store.get('k')) !== undefined);
    assert.deepEqual(store.health(), { kind: 'redis', redis_connected: true, ok: true });
    assert.equal((await store.get('k'))?.data, 1, 'nothing was written while the breaker was open');
  });

  it('is killed: every call answers fast, health says disconnected; restarted: it comes back', async () => {
    const store = await ctx.store();
    await ctx.redis.kill();
    await waitFor('the store to notice', () => !store.health().ok);
    assert.deepEqual(store.health(), { kind: 'redis', redis_connected: false, ok: false });
    const elapsed = await timed(async () => {
      for (let i = 0; i < 20; i++) {
        assert.equal(await store.get('k'), undefined);
        assert.equal(await store.get('l'), undefined);
        await store.set('k', { fetched_at: i, data: i }, 60_000);
        const lock = await store.lock('k', 1_000);
        assert.equal(lock.state, 'acquired', 'no one to coordinate with: go ahead');
        if (lock.state === 'acquired') await lock.lock.release();
      }
    });
    assert.ok(elapsed < 1_000, `100 calls against a dead Redis took ${elapsed} ms`);

    await ctx.redis.restart();
    await waitFor('the store to reconnect', () => store.health().ok, 5_000);
    await store.set('back', { fetched_at: 1, data: 'again' }, 60_000);
    assert.equal((await store.get('back'))?.data, 'again');
  });

  it('close() does not hang on a hung server', async (t) => {
    const store = new RedisStore(redisConfig(ctx.redis.port));
    await waitFor('the store to connect', () => store.health().ok);
    ctx.redis.pause();
    t.after(() => ctx.redis.resume());
    assert.ok((await timed(() => store.close())) < 1_500);
  });
});

describe('RedisStore started before its Redis', () => {
  it('behaves as down until Redis appears, then connects; close() does not hang', async (t) => {
    const redis = await startRedis();
    await redis.kill(); // its port now has no server
    t.after(() => redis.kill());
    const warnings: string[] = [];
    const store = new RedisStore(redisConfig(redis.port), { log: { warn: (m) => warnings.push(m) } });
    t.after(() => store.close());
    const elapsed = await timed(async () => {
      assert.equal(await store.get('k'), undefined);
      await store.set('k', { fetched_at: 1, data: 1 }, 60_000);
      assert.equal((await store.lock('k', 1_000)).state, 'acquired');
    });
    assert.ok(elapsed < 100, `calls took ${elapsed} ms`);
    assert.equal(store.health().redis_connected, false);
    await sleep(300); // several reconnect attempts fail meanwhile
    await redis.restart();
    await waitFor('the store to connect', () => store.health().ok, 5_000);
    // Told once that it is down (not on every reconnect attempt), once that it is back.
    assert.deepEqual(
      warnings.map((w) => w.split(' (')[0]),
      ['Redis unavailable', 'Redis available again'],
    );
    await store.set('k', { fetched_at: 2, data: 2 }, 60_000);
    assert.equal((await store.get('k'))?.data, 2);
    await redis.kill();
    assert.ok((await timed(() => store.close())) < 1_500);
  });
});
