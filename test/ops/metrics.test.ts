import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PERSONAS } from '../../demo/demo-world.js';
import type { BreakerState } from '../../src/dashboard/breaker.js';
import { createMetrics, type GaugeSources } from '../../src/telemetry/metrics.js';
import { startService, type Service } from '../../support/service.js';

const memoryStore: GaugeSources['store'] = { health: () => ({ kind: 'memory', redis_connected: null, ok: true }) };
const idle = { limiter: { active: 0, queued: 0 }, breaker: { state: 'closed' as const } };
const idleDashboards: GaugeSources['dashboards'] = { outreach: idle, wikiedu: idle };

/** The value of one sample line, e.g. sample(text, 'http_requests_total{route="/x",status="200"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('createMetrics', () => {
  test('two registries in one process count independently', async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.onResponse('/api/users/:username', 200, 12);
    a.onResponse('/api/users/:username', 200, 30);
    b.onResponse('/api/users/:username', 404, 5);
    const sources = { store: memoryStore, dashboards: idleDashboards };
    const [ta, tb] = await Promise.all([a.scrape(sources), b.scrape(sources)]);
    assert.equal(sample(ta, 'http_requests_total{route="/api/users/:username",status="200"}'), 2);
    assert.equal(sample(ta, 'http_requests_total{route="/api/users/:username",status="404"}'), undefined);
    assert.equal(sample(tb, 'http_requests_total{route="/api/users/:username",status="404"}'), 1);
    assert.equal(sample(ta, 'http_request_duration_seconds_count{route="/api/users/:username"}'), 2);
    const sum = sample(ta, 'http_request_duration_seconds_sum{route="/api/users/:username"}') ?? 0;
    assert.ok(Math.abs(sum - 0.042) < 1e-9, `duration sum ${sum}`);
    // Process metrics are shared, and present in both.
    for (const text of [ta, tb]) assert.match(text, /^process_cpu_user_seconds_total /m);
  });

  test('upstream attempts (by Dashboard), cache outcomes, and gauges read at scrape time', async () => {
    const m = createMetrics();
    m.onAttempt('outreach', { endpoint: 'user_stats', status: 200, durationMs: 250 });
    m.onAttempt('outreach', { endpoint: 'course', status: 0, durationMs: 2000 });
    m.onAttempt('wikiedu', { endpoint: 'user_stats', status: 404, durationMs: 40 });
    m.onOutcome('user', 'miss');
    m.onOutcome('user', 'fresh');
    m.onOutcome('user', 'fresh');
    const limiter = { active: 2, queued: 7 };
    const redis = { connected: true };
    const outreach: { state: BreakerState } = { state: 'closed' };
    const sources: GaugeSources = {
      store: { health: () => ({ kind: 'redis', redis_connected: redis.connected, ok: redis.connected }) },
      dashboards: { outreach: { limiter, breaker: outreach }, wikiedu: { limiter: { active: 1, queued: 0 }, breaker: { state: 'half-open' } } },
    };
    let text = await m.scrape(sources);
    assert.equal(sample(text, 'upstream_requests_total{dashboard="outreach",endpoint="user_stats",status="200"}'), 1);
    assert.equal(sample(text, 'upstream_requests_total{dashboard="outreach",endpoint="course",status="0"}'), 1);
    assert.equal(sample(text, 'upstream_requests_total{dashboard="wikiedu",endpoint="user_stats",status="404"}'), 1);
    assert.equal(sample(text, 'upstream_requests_total{dashboard="wikiedu",endpoint="user_stats",status="200"}'), undefined);
    assert.equal(sample(text, 'upstream_request_duration_seconds_bucket{le="0.25",dashboard="outreach",endpoint="user_stats"}'), 1);
    assert.equal(sample(text, 'upstream_request_duration_seconds_bucket{le="1",dashboard="outreach",endpoint="course"}'), 0);
    assert.equal(sample(text, 'upstream_request_duration_seconds_bucket{le="0.05",dashboard="wikiedu",endpoint="user_stats"}'), 1);
    assert.equal(sample(text, 'cache_outcomes_total{kind="user",outcome="fresh"}'), 2);
    assert.equal(sample(text, 'cache_outcomes_total{kind="user",outcome="miss"}'), 1);
    assert.equal(sample(text, 'upstream_in_flight{dashboard="outreach"}'), 2);
    assert.equal(sample(text, 'upstream_in_flight{dashboard="wikiedu"}'), 1);
    assert.equal(sample(text, 'upstream_queue_length{dashboard="outreach"}'), 7);
    assert.equal(sample(text, 'upstream_queue_length{dashboard="wikiedu"}'), 0);
    assert.equal(sample(text, 'redis_connected'), 1);
    assert.equal(sample(text, 'upstream_breaker_state{dashboard="outreach"}'), 0);
    assert.equal(sample(text, 'upstream_breaker_state{dashboard="wikiedu"}'), 2);

    limiter.queued = 0;
    redis.connected = false;
    outreach.state = 'open';
    text = await m.scrape(sources);
    assert.equal(sample(text, 'upstream_queue_length{dashboard="outreach"}'), 0);
    assert.equal(sample(text, 'redis_connected'), 0);
    assert.equal(sample(text, 'upstream_breaker_state{dashboard="outreach"}'), 1);
  });
});

describe('the memory gauges', () => {
  test("show each in-process cache's estimated heap bytes, entries and part of the budget", async () => {
    const m = createMetrics();
    const text = await m.scrape({
      store: { ...memoryStore, size: { entries: 7, bytes: 1_000, maxBytes: 96_000 } },
      dashboards: idleDashboards,
      answers: { size: { entries: 2, bytes: 300, maxBytes: 32_000 } },
    });
    assert.equal(sample(text, 'cache_memory_bytes{cache="data"}'), 1_000);
    assert.equal(sample(text, 'cache_memory_budget_bytes{cache="data"}'), 96_000);
    assert.equal(sample(text, 'cache_entries{cache="data"}'), 7);
    assert.equal(sample(text, 'cache_memory_bytes{cache="answers"}'), 300);
    assert.equal(sample(text, 'cache_memory_budget_bytes{cache="answers"}'), 32_000);
    assert.equal(sample(text, 'cache_entries{cache="answers"}'), 2);
  });

  test('leave out a store that holds nothing in process memory', async () => {
    const text = await createMetrics().scrape({ store: memoryStore, dashboards: idleDashboards });
    assert.equal(sample(text, 'cache_memory_bytes{cache="data"}'), undefined);
  });
});

describe('GET /metrics on the running service', () => {
  let svc: Service;
  before(async () => {
    svc = await startService();
  });
  after(() => svc.close());

  test('counts responses by route pattern, cache outcomes and upstream requests, and leaks no usernames', async () => {
    const path = `/api/users/${encodeURIComponent(PERSONAS.active)}`;
    assert.equal((await svc.get(path)).status, 200);
    assert.equal((await svc.get(path)).status, 200);
    assert.equal((await svc.get('/api/users/a%7Cb')).status, 400);
    assert.equal((await svc.get('/no/such/thing')).status, 404);

    const res = await svc.get('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const text = res.body as string;

    assert.equal(sample(text, 'http_requests_total{route="/api/users/:username",status="200"}'), 2);
    assert.equal(sample(text, 'http_requests_total{route="/api/users/:username",status="400"}'), 1);
    assert.equal(sample(text, 'http_request_duration_seconds_count{route="/api/users/:username"}'), 3);
    assert.equal(sample(text, 'http_requests_total{route="unmatched",status="404"}'), 1);
    assert.equal(sample(text, 'cache_outcomes_total{kind="user",outcome="miss"}'), 1);
    // The repeat is answered from the remembered answer, before any cache read.
    assert.equal(sample(text, 'cache_outcomes_total{kind="answer",outcome="fresh"}'), 1);
    assert.equal(sample(text, 'upstream_requests_total{dashboard="outreach",endpoint="user_stats",status="200"}'), 1);
    assert.equal(sample(text, 'upstream_requests_total{dashboard="wikiedu",endpoint="user_stats",status="200"}'), undefined, 'only the Dashboard asked');
    for (const dashboard of ['outreach', 'wikiedu']) {
      assert.equal(sample(text, `upstream_in_flight{dashboard="${dashboard}"}`), 0);
      assert.equal(sample(text, `upstream_queue_length{dashboard="${dashboard}"}`), 0);
      assert.equal(sample(text, `upstream_breaker_state{dashboard="${dashboard}"}`), 0);
    }
    assert.equal(sample(text, 'redis_connected'), 0);
    assert.match(text, /^nodejs_heap_size_used_bytes /m);
    // Route patterns only: no username, no raw path of an unmatched request.
    assert.doesNotMatch(text, /milie|Dupont|no\/such/);
  });

  test('the scrape itself is counted on the next one', async () => {
    await svc.get('/metrics');
    const text = (await svc.get('/metrics')).body as string;
    const scrapes = sample(text, 'http_requests_total{route="/metrics",status="200"}') ?? 0;
    assert.ok(scrapes >= 1, `scrapes counted: ${scrapes}`);
  });
});
