// The budget shared through a real Redis: the Lua script follows token-bucket.ts's rules, two replicas take
// from one bucket, the key lives under the prefix with a TTL, and a Redis that stops answering leaves each
// process its own bucket.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { KEY_NAMESPACE, RedisStore } from '../../src/cache/redis-store.js';
import { SharedBucket } from '../../src/dashboard/shared-bucket.js';
import { inspectorClient, startRedis, type TestRedis } from '../../support/redis-server.js';

const RULE = { rate: 5, burst: 4 };

describe('SharedBucket in Redis', () => {
  let redis: TestRedis;
  let raw: Redis;
  const stores: RedisStore[] = [];
  const prefix = `test-${randomUUID()}:`;

  async function replica(key = 'budget:outreach'): Promise<SharedBucket> {
    const store = new RedisStore({ url: redis.url, host: '127.0.0.1', port: redis.port, db: 0, keyPrefix: prefix, commandTimeoutMs: 200, breakerMs: 300 });
    stores.push(store);
    for (let i = 0; i < 100 && !store.health().ok; i++) await sleep(20);
    return new SharedBucket(RULE, { runner: store, key });
  }

  before(async () => {
    redis = await startRedis();
    raw = inspectorClient(redis.url);
  });
  after(async () => {
    await Promise.all(stores.map((s) => s.close()));
    raw.disconnect();
    await redis.kill();
  });

  it('gives the burst, then reserves for a foreground read that may wait and refuses a background one', async () => {
    const bucket = await replica('budget:rules');
    for (let i = 0; i < RULE.burst; i++) assert.deepEqual(await bucket.take('foreground', 0), { taken: true, waitMs: 0 });
    assert.equal(bucket.shared, true);
    const background = await bucket.take('background', 10_000);
    assert.equal(background.taken, false);
    const reserved = await bucket.take('foreground', 1000);
    assert.equal(reserved.taken, true);
    assert.ok(reserved.taken && reserved.waitMs > 100 && reserved.waitMs <= 200, JSON.stringify(reserved));
    const tooLong = await bucket.take('foreground', 250);
    assert.equal(tooLong.taken, false, 'the next token is ~400 ms away, beyond 250 ms');
    assert.ok(!tooLong.taken && tooLong.retryAfterMs > 250 && tooLong.retryAfterMs <= 400, JSON.stringify(tooLong));
  });

  it('keeps one bucket for every replica, under the prefix, with a TTL of a full refill', async () => {
    const [a, b] = [await replica('budget:two'), await replica('budget:two')];
    const taken = [];
    for (let i = 0; i < 6; i++) taken.push((await (i % 2 === 0 ? a : b).take('foreground', 0)).taken);
    assert.deepEqual(taken, [true, true, true, true, false, false], 'the two replicas share the burst of 4');
    const key = `${prefix}${KEY_NAMESPACE}budget:two`;
    const ttl = await raw.pttl(key);
    // Empty after 4 takes: 4 tokens at 5/s refill in 800 ms, kept 1 s beyond that.
    assert.ok(ttl > 1000 && ttl <= 1800, `PTTL ${ttl}`);
  });

  it('refills on Redis time', async () => {
    const bucket = await replica('budget:refill');
    for (let i = 0; i < RULE.burst; i++) await bucket.take('foreground', 0);
    assert.equal((await bucket.take('background', 0)).taken, false);
    await sleep(250);
    assert.equal((await bucket.take('background', 0)).taken, true, 'a token flowed in within 200 ms');
  });

  it('falls back to a bucket of its own while Redis does not answer, and says so', async () => {
    const bucket = await replica('budget:down');
    await bucket.take('foreground', 0);
    assert.equal(bucket.shared, true);
    redis.pause();
    try {
      const started = performance.now();
      const first = await bucket.take('foreground', 0);
      assert.ok(performance.now() - started < 1000, 'a hung Redis costs one command timeout at most');
      assert.equal(first.taken, false, 'its own bucket starts empty: no burst on top of the shared one');
      assert.equal(bucket.shared, false);
      for (let i = 0; i < 3; i++) assert.equal((await bucket.take('foreground', 0)).taken, false);
      // Then it fills at the rate (a token each 200 ms), with no Redis at all.
      await sleep(250);
      assert.equal((await bucket.take('foreground', 0)).taken, true);
    } finally {
      redis.resume();
    }
  });
});
