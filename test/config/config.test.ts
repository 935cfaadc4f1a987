// Configuration: defaults, parsing, and a clear failure naming the variable.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/env-values.js';
import { oldGenerationLimit } from '../../src/config/heap-limit.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const oldSpace = 256 * 1024 * 1024;
    const c = loadConfig({}, oldSpace);
    assert.deepEqual(c.http, {
      host: '0.0.0.0',
      port: 8000,
      logLevel: 'info',
      limits: { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 72_000 },
    });
    const { userAgent, ...upstream } = c.upstream.outreach;
    assert.deepEqual(upstream, {
      baseUrl: 'https://outreachdashboard.wmflabs.org',
      timeoutMs: 10_000,
      concurrency: 2,
      queueLimit: 200,
      answerParallelReads: 2,
      retryBaseMs: 250,
      maxBodyBytes: 32 * 1024 * 1024,
      maxFails: 5,
      failTimeoutMs: 30_000,
      budget: { rate: 5, burst: 20 },
      maxSourceRows: 100_000,
    });
    const { userAgent: wikieduAgent, baseUrl: wikieduUrl, ...wikiedu } = c.upstream.wikiedu;
    assert.equal(wikieduUrl, 'https://dashboard.wikiedu.org');
    const { baseUrl: _outreachUrl, ...shared } = upstream;
    assert.deepEqual(wikiedu, shared, 'the shared knobs apply to each Dashboard alike');
    assert.equal(wikieduAgent, userAgent, 'one User-Agent for both');
    assert.match(userAgent, /^OutreachDashboardHelper\/\S+ \(.+\)/);
    assert.ok(userAgent.startsWith(`OutreachDashboardHelper/${PACKAGE_VERSION} `), "package.json's version");
    assert.equal(c.redis, null, 'in-process cache by default');
    assert.deepEqual(c.cache.ttlMs, {
      user: 900_000,
      course: 21_600_000,
      roster: 3_600_000,
      notFound: 600_000,
      ended: 604_800_000,
      badgeSource: 3_600_000,
      currentCampaign: 86_400_000,
    });
    assert.deepEqual(c.badges, { campaigns: { outreach: [], wikiedu: [] } }, 'no campaign but the current term by default');
    assert.equal(c.cache.staleWhileRevalidateMs, null, 'one fresh window of each kind');
    assert.equal(c.cache.staleIfErrorMs, 7 * 86_400_000);
    assert.equal(c.cache.failureBackoffMs, 5_000);
    assert.deepEqual(c.cache.memory, {
      maxEntries: 50_000,
      maxBytes: Math.floor(oldSpace * 0.45),
      source: 'heap limit',
      oldSpaceBytes: oldSpace,
      answerShare: 0.25,
    });
    assert.equal(c.cache.l1TtlMs, 5_000);
  });

  it('reads the badge campaigns as comma-separated slugs, each once, spaces around them ignored', () => {
    const c = loadConfig({ OUTREACH_BADGE_CAMPAIGNS: ' editathons_2026 , 1lib1ref,editathons_2026,', WIKIEDU_BADGE_CAMPAIGNS: 'été_2026' });
    assert.deepEqual(c.badges.campaigns, { outreach: ['editathons_2026', '1lib1ref'], wikiedu: ['été_2026'] });
    const sources = loadConfig({ BADGE_SOURCE_TTL: '600', BADGE_SOURCE_MAX_ROWS: '500' });
    assert.equal(sources.cache.ttlMs.badgeSource, 600_000);
    assert.equal(sources.upstream.wikiedu.maxSourceRows, 500);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '9000',
      OUTREACH_BASE_URL: 'http://127.0.0.1:1234/',
      WIKIEDU_BASE_URL: 'http://127.0.0.1:5678/edu/',
      USER_CACHE_TTL: '60',
      STALE_WHILE_REVALIDATE: '0',
      HTTP_TIMEOUT: '0.5',
      UPSTREAM_CONCURRENCY: '1',
      USER_AGENT: 'Test/1.0 (test@example.org)',
      REDIS_HOST: 'redis.example',
      REDIS_PORT: '6380',
      REDIS_DB: '3',
      REDIS_KEY_PREFIX: 'secret:',
      REDIS_BREAKER_MS: '1500',
      UPSTREAM_RETRY_DELAY: '0.1',
      UPSTREAM_MAX_BODY_MB: '4',
      UPSTREAM_MAX_FAILS: '3',
      UPSTREAM_FAIL_TIMEOUT: '0.5',
      REFRESH_FAILURE_BACKOFF: '30',
      MEMORY_CACHE_MAX_MB: '64',
      ANSWER_CACHE_SHARE: '0.5',
      ENDED_COURSE_CACHE_TTL: '86400',
      ANSWER_MAX_PARALLEL_READS: '3',
      SERVER_HEADERS_TIMEOUT: '2',
      SERVER_REQUEST_TIMEOUT: '4.5',
      SERVER_KEEP_ALIVE_TIMEOUT: '5',
    });
    assert.equal(c.http.port, 9000);
    assert.deepEqual(c.http.limits, { headersTimeoutMs: 2_000, requestTimeoutMs: 4_500, keepAliveTimeoutMs: 5_000 });
    const upstream = c.upstream.outreach;
    assert.equal(upstream.baseUrl, 'http://127.0.0.1:1234', 'no trailing slash');
    assert.equal(c.upstream.wikiedu.baseUrl, 'http://127.0.0.1:5678/edu');
    for (const id of ['outreach', 'wikiedu'] as const) {
      const each = c.upstream[id];
      assert.deepEqual([each.concurrency, each.timeoutMs, each.maxFails, each.userAgent], [1, 500, 3, 'Test/1.0 (test@example.org)'], `${id}: UPSTREAM_CONCURRENCY etc. each`);
    }
    assert.equal(c.cache.ttlMs.user, 60_000);
    assert.equal(c.cache.staleWhileRevalidateMs, 0);
    assert.equal(upstream.timeoutMs, 500);
    assert.equal(upstream.concurrency, 1);
    assert.equal(upstream.answerParallelReads, 3);
    assert.equal(c.cache.ttlMs.ended, 86_400_000);
    assert.equal(upstream.userAgent, 'Test/1.0 (test@example.org)');
    assert.equal(upstream.retryBaseMs, 100);
    assert.equal(upstream.maxBodyBytes, 4 * 1024 * 1024);
    assert.equal(upstream.maxFails, 3);
    assert.equal(upstream.failTimeoutMs, 500);
    assert.equal(c.cache.failureBackoffMs, 30_000);
    assert.deepEqual(c.cache.memory, {
      maxEntries: 50_000,
      maxBytes: 64 * 1024 * 1024,
      source: 'MEMORY_CACHE_MAX_MB',
      oldSpaceBytes: oldGenerationLimit(),
      answerShare: 0.5,
    });
    assert.deepEqual(
      { host: c.redis?.host, port: c.redis?.port, db: c.redis?.db, prefix: c.redis?.keyPrefix, breaker: c.redis?.breakerMs },
      { host: 'redis.example', port: 6380, db: 3, prefix: 'secret:', breaker: 1500 },
    );
    assert.equal(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redis?.url, 'redis://127.0.0.1:6379/2');
  });

  it('lets one answer use as many upstream reads at once as the cap, unless told otherwise', () => {
    assert.equal(loadConfig({ UPSTREAM_CONCURRENCY: '4' }).upstream.outreach.answerParallelReads, 4);
    assert.equal(loadConfig({ UPSTREAM_CONCURRENCY: '4', ANSWER_MAX_PARALLEL_READS: '1' }).upstream.outreach.answerParallelReads, 1);
  });

  it("gives each Dashboard the budget's rate and burst, unless it has its own", () => {
    const c = loadConfig({ UPSTREAM_RATE: '2.5', UPSTREAM_BURST: '8', WIKIEDU_UPSTREAM_RATE: '10', OUTREACH_UPSTREAM_BURST: '3' });
    assert.deepEqual(c.upstream.outreach.budget, { rate: 2.5, burst: 3 });
    assert.deepEqual(c.upstream.wikiedu.budget, { rate: 10, burst: 8 });
  });

  const bad: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ UPSTREAM_RATE: '0' }, 'UPSTREAM_RATE'],
    [{ UPSTREAM_RATE: 'fast' }, 'UPSTREAM_RATE'],
    [{ WIKIEDU_UPSTREAM_RATE: '-1' }, 'WIKIEDU_UPSTREAM_RATE'],
    [{ UPSTREAM_BURST: '0' }, 'UPSTREAM_BURST'],
    [{ OUTREACH_UPSTREAM_BURST: '2.5' }, 'OUTREACH_UPSTREAM_BURST'],
    [{ PORT: '70000' }, 'PORT'],
    [{ USER_CACHE_TTL: '-5' }, 'USER_CACHE_TTL'],
    [{ HTTP_TIMEOUT: '10s' }, 'HTTP_TIMEOUT'],
    [{ UPSTREAM_CONCURRENCY: '0' }, 'UPSTREAM_CONCURRENCY'],
    [{ OUTREACH_BASE_URL: 'ftp://example.org' }, 'OUTREACH_BASE_URL'],
    [{ OUTREACH_BASE_URL: 'not a url' }, 'OUTREACH_BASE_URL'],
    [{ WIKIEDU_BASE_URL: 'ftp://example.org' }, 'WIKIEDU_BASE_URL'],
    [{ WIKIEDU_BASE_URL: 'https://dashboard.wikiedu.org/?x=1' }, 'WIKIEDU_BASE_URL'],
    [{ REDIS_URL: 'http://redis' }, 'REDIS_URL'],
    [{ REDIS_HOST: 'r', REDIS_PORT: 'x' }, 'REDIS_PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REDIS_HOST: 'r', REDIS_BREAKER_MS: '3s' }, 'REDIS_BREAKER_MS'],
    [{ UPSTREAM_RETRY_DELAY: '-1' }, 'UPSTREAM_RETRY_DELAY'],
    [{ UPSTREAM_MAX_BODY_MB: '0' }, 'UPSTREAM_MAX_BODY_MB'],
    [{ UPSTREAM_MAX_FAILS: '0' }, 'UPSTREAM_MAX_FAILS'],
    [{ UPSTREAM_FAIL_TIMEOUT: '30s' }, 'UPSTREAM_FAIL_TIMEOUT'],
    [{ REFRESH_FAILURE_BACKOFF: 'soon' }, 'REFRESH_FAILURE_BACKOFF'],
    [{ ANSWER_CACHE_SHARE: '25%' }, 'ANSWER_CACHE_SHARE'],
    [{ ANSWER_CACHE_SHARE: '1' }, 'ANSWER_CACHE_SHARE'],
    [{ ANSWER_CACHE_SHARE: '0' }, 'ANSWER_CACHE_SHARE'],
    [{ ENDED_COURSE_CACHE_TTL: '0' }, 'ENDED_COURSE_CACHE_TTL'],
    [{ ANSWER_MAX_PARALLEL_READS: '0' }, 'ANSWER_MAX_PARALLEL_READS'],
    [{ MEMORY_CACHE_MAX_ENTRIES: '1000001' }, 'MEMORY_CACHE_MAX_ENTRIES'],
    // A header value undici refuses would fail every upstream call, like a Dashboard outage.
    [{ USER_AGENT: 'Tool/1.0\r\nX-Injected: 1' }, 'USER_AGENT'],
    [{ USER_AGENT: 'Tool/1.0 (ünïcødé ✓)' }, 'USER_AGENT'],
    [{ SERVER_HEADERS_TIMEOUT: '0' }, 'SERVER_HEADERS_TIMEOUT'],
    [{ SERVER_REQUEST_TIMEOUT: 'long' }, 'SERVER_REQUEST_TIMEOUT'],
    [{ SERVER_KEEP_ALIVE_TIMEOUT: '90' }, 'SERVER_KEEP_ALIVE_TIMEOUT'],
    [{ SERVER_HEADERS_TIMEOUT: '40' }, 'SERVER_HEADERS_TIMEOUT'],
    // A campaign slug is lower case letters, digits and `_`: anything else could never be one.
    [{ OUTREACH_BADGE_CAMPAIGNS: 'good_one,Bad Slug' }, 'OUTREACH_BADGE_CAMPAIGNS'],
    [{ WIKIEDU_BADGE_CAMPAIGNS: '../users' }, 'WIKIEDU_BADGE_CAMPAIGNS'],
    [{ BADGE_SOURCE_TTL: '0' }, 'BADGE_SOURCE_TTL'],
    [{ BADGE_SOURCE_MAX_ROWS: 'many' }, 'BADGE_SOURCE_MAX_ROWS'],
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
