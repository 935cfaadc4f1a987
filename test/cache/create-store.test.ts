import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { createStore } from '../../src/cache/index.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { TieredStore } from '../../src/cache/tiered-store.js';
import { startRedis } from '../../support/redis-server.js';

describe('createStore', () => {
  it('is in-process only without Redis configuration', async () => {
    const store = createStore(loadConfig({}).cache, null);
    assert.ok(store instanceof MemoryStore);
    await store.close();
  });

  it('puts an L1 in front of Redis, and warns about a guessable prefix', async (t) => {
    const redis = await startRedis();
    t.after(() => redis.kill());
    const warnings: string[] = [];
    const config = loadConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'odh' });
    const store = createStore(config.cache, config.redis, { warn: (m) => warnings.push(m) });
    t.after(() => store.close());
    assert.ok(store instanceof TieredStore);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /REDIS_KEY_PREFIX is only 3 characters/);
  });

  it('does not warn about a long random prefix', async (t) => {
    const redis = await startRedis();
    t.after(() => redis.kill());
    const warnings: string[] = [];
    const config = loadConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'a3f9c1e07b5d42c8e6f1:' });
    const store = createStore(config.cache, config.redis, { warn: (m) => warnings.push(m) });
    t.after(() => store.close());
    assert.deepEqual(warnings, []);
  });
});
