// Configuration: defaults, parsing, and a clear failure naming the variable.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8000);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.outreachBaseUrl, 'https://outreachdashboard.wmflabs.org');
    assert.equal(c.redis, null, 'in-process cache by default');
    assert.deepEqual(c.ttl, { user: 900, course: 21_600, courseUsers: 3600, notFound: 600 });
    assert.equal(c.staleWhileRevalidate, null, 'one fresh window of each kind');
    assert.equal(c.staleIfError, 7 * 86_400);
    assert.equal(c.httpTimeoutMs, 10_000);
    assert.equal(c.upstreamConcurrency, 2);
    assert.match(c.userAgent, /^OutreachDashboardHelper\/\S+ \(.+\)/);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '9000',
      OUTREACH_BASE_URL: 'http://127.0.0.1:1234/',
      USER_CACHE_TTL: '60',
      STALE_WHILE_REVALIDATE: '0',
      HTTP_TIMEOUT: '0.5',
      UPSTREAM_CONCURRENCY: '1',
      USER_AGENT: 'Test/1.0 (test@example.org)',
      REDIS_HOST: 'redis.example',
      REDIS_PORT: '6380',
      REDIS_DB: '3',
      REDIS_KEY_PREFIX: 'secret:',
    });
    assert.equal(c.port, 9000);
    assert.equal(c.outreachBaseUrl, 'http://127.0.0.1:1234', 'no trailing slash');
    assert.equal(c.ttl.user, 60);
    assert.equal(c.staleWhileRevalidate, 0);
    assert.equal(c.httpTimeoutMs, 500);
    assert.equal(c.upstreamConcurrency, 1);
    assert.equal(c.userAgent, 'Test/1.0 (test@example.org)');
    assert.deepEqual(
      { host: c.redis?.host, port: c.redis?.port, db: c.redis?.db, prefix: c.redis?.keyPrefix },
      { host: 'redis.example', port: 6380, db: 3, prefix: 'secret:' },
    );
    assert.equal(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redis?.url, 'redis://127.0.0.1:6379/2');
  });

  const bad: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ USER_CACHE_TTL: '-5' }, 'USER_CACHE_TTL'],
    [{ HTTP_TIMEOUT: '10s' }, 'HTTP_TIMEOUT'],
    [{ UPSTREAM_CONCURRENCY: '0' }, 'UPSTREAM_CONCURRENCY'],
    [{ OUTREACH_BASE_URL: 'ftp://example.org' }, 'OUTREACH_BASE_URL'],
    [{ OUTREACH_BASE_URL: 'not a url' }, 'OUTREACH_BASE_URL'],
    [{ REDIS_URL: 'http://redis' }, 'REDIS_URL'],
    [{ REDIS_HOST: 'r', REDIS_PORT: 'x' }, 'REDIS_PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ];
  for (const [env, variable] of bad) {
    it(`refuses ${JSON.stringify(env)} naming ${variable}`, () => {
      assert.throws(
        () => loadConfig(env),
        (err: unknown) => err instanceof ConfigError && err.variable === variable && err.message.startsWith(`${variable}: `),
      );
    });
  }
});
