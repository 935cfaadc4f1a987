// The breaker seen from outside, over HTTP with the fake Dashboard: after UPSTREAM_MAX_FAILS failed
// calls in a row nothing more is sent, cold reads get a quick 503 with Retry-After, cached data keeps
// flowing, /health and /metrics say so, one log line goes out each way, and one probe call brings it back.

import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { PERSONAS } from '../../demo/demo-world.js';
import { captureLogs, LEVELS, type LogCapture } from '../../support/log-capture.js';
import { startService, type Reply, type Service } from '../../support/service.js';

const TIMEOUT_MS = 300;
const FAIL_TIMEOUT_MS = 1_000;
const MAX_FAILS = 3;

async function start(t: TestContext, now?: () => number): Promise<{ svc: Service; logs: LogCapture }> {
  const logs = captureLogs();
  const svc = await startService(t, {
    ...(now && { now }),
    logger: logs.logger,
    env: {
      HTTP_TIMEOUT: String(TIMEOUT_MS / 1000),
      UPSTREAM_MAX_FAILS: String(MAX_FAILS),
      UPSTREAM_FAIL_TIMEOUT: String(FAIL_TIMEOUT_MS / 1000),
      UPSTREAM_RETRY_DELAY: '0.01',
      USER_CACHE_TTL: '60',
      STALE_WHILE_REVALIDATE: '60',
      STALE_IF_ERROR: '600',
    },
  });
  return { svc, logs };
}

let serial = 0;
/** A user the service has never seen (with no courses: one upstream call per answer). */
function coldUser(svc: Service): string {
  const name = `Breaker User ${++serial}`;
  svc.dashboard.world.addUser(name);
  return name;
}
const userPath = (name: string, suffix = ''): string => `/api/users/${encodeURIComponent(name)}${suffix}`;

async function timed(svc: Service, path: string): Promise<Reply & { ms: number }> {
  const started = performance.now();
  const reply = await svc.get(path);
  return { ...reply, ms: performance.now() - started };
}

function assertDown(r: Reply & { ms: number }, what: string): void {
  assert.equal(r.status, 503, `${what}: ${JSON.stringify(r.body)}`);
  assert.ok(r.ms < 100, `${what} answered after ${Math.round(r.ms)} ms`);
  assert.equal(r.body.type, '/problems/dashboard-down');
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  const retryAfter = Number(r.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= FAIL_TIMEOUT_MS / 1000, `Retry-After ${r.headers.get('retry-after')}`);
}

/** Cold reads that time out against a hanging Dashboard until the breaker opens. */
async function openByHanging(svc: Service): Promise<void> {
  svc.dashboard.setFaults([{ hang: true }]);
  for (let i = 0; i < MAX_FAILS; i++) assert.equal((await svc.get(userPath(coldUser(svc)))).status, 504);
}

const messages = (logs: LogCapture, level: number): string[] =>
  logs.records().filter((r) => r.level === level && /^Dashboard /.test(r.msg)).map((r) => r.msg);

const breakerMetric = async (svc: Service): Promise<number> =>
  Number(/^upstream_breaker_state\{dashboard="outreach"\} (\d+)$/m.exec((await svc.get('/metrics')).body as string)?.[1]);

describe('the breaker over HTTP', () => {
  it('with the Dashboard hanging: 503 within 100 ms once open, nothing sent, cached data flows; back within UPSTREAM_FAIL_TIMEOUT plus one call', async (t) => {
    const clock = { t: Date.now() };
    const { svc, logs } = await start(t, () => clock.t);
    // One user cached long ago (stale, inside stale-if-error by the time the Dashboard hangs), one just now.
    const stale = PERSONAS.active;
    assert.equal((await svc.get(userPath(stale))).status, 200);
    clock.t += 130_000; // past USER_CACHE_TTL + STALE_WHILE_REVALIDATE
    const fresh = PERSONAS.multiRole;
    assert.equal((await svc.get(userPath(fresh))).status, 200);
    assert.equal((await svc.get('/health')).body.dashboards.outreach, 'ok');
    assert.equal(await breakerMetric(svc), 0);

    await openByHanging(svc);
    const sent = svc.dashboard.requests.length;
    const opened = performance.now();

    const cold = await Promise.all(Array.from({ length: 10 }, () => timed(svc, userPath(coldUser(svc)))));
    cold.forEach((r, i) => assertDown(r, `concurrent cold request ${i}`));
    for (let i = 0; i < 5; i++) assertDown(await timed(svc, userPath(coldUser(svc), '/active-staff')), `sequential cold request ${i}`);

    const cached = await timed(svc, userPath(fresh));
    assert.equal(cached.status, 200);
    const served = await timed(svc, userPath(stale));
    assert.equal(served.status, 200, 'stale-if-error');
    assert.ok(served.ms < 100, `stale answer after ${Math.round(served.ms)} ms`);
    assert.ok(Number(served.headers.get('age')) >= 130, `Age ${served.headers.get('age')}`);
    assert.equal(svc.dashboard.requests.length, sent, 'nothing was sent to the Dashboard while the breaker was open');

    const health = await svc.get('/health');
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'degraded');
    assert.deepEqual(health.body.dashboards, { outreach: 'down', wikiedu: 'ok' }, 'the other Dashboard is not down with it');
    assert.equal(await breakerMetric(svc), 1);
    assert.equal(messages(logs, LEVELS.warn).length, 1, 'one warning when it went down');
    const refusals = logs.records().filter((r) => r.problem === '/problems/dashboard-down');
    assert.ok(refusals.length >= 15 && refusals.every((r) => r.level === LEVELS.debug), 'the requests turned away are no warnings');
    assert.ok(performance.now() - opened < FAIL_TIMEOUT_MS, 'all of the above inside one breaker window');

    svc.dashboard.setFaults([]);
    const recovered = performance.now();
    let answer: Reply;
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await svc.get(userPath(coldUser(svc)));
      assert.ok(answer.status === 200 || answer.status === 503, `status ${answer.status}`);
    } while (answer.status !== 200);
    const took = performance.now() - recovered;
    assert.ok(took <= FAIL_TIMEOUT_MS + TIMEOUT_MS + 100, `answers resumed ${Math.round(took)} ms after the Dashboard recovered`);

    assert.deepEqual((await svc.get('/health')).body.dashboards, { outreach: 'ok', wikiedu: 'ok' });
    assert.equal((await svc.get('/health')).body.status, 'ok');
    assert.equal(await breakerMetric(svc), 0);
    assert.deepEqual(messages(logs, LEVELS.warn), ['Dashboard down: too many failed calls in a row; not asked for 1 s, then one probe call']);
    assert.deepEqual(messages(logs, LEVELS.info), ['Dashboard back: the probe call succeeded']);
  });

  it('lets one probe through per UPSTREAM_FAIL_TIMEOUT; a failed probe opens it again', async (t) => {
    const { svc, logs } = await start(t);
    await openByHanging(svc);
    await new Promise((resolve) => setTimeout(resolve, FAIL_TIMEOUT_MS + 50));
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ hang: true }]);
    const replies = await Promise.all(Array.from({ length: 6 }, () => timed(svc, userPath(coldUser(svc)))));
    assert.equal(svc.dashboard.requests.length, 1, 'one probe');
    assert.deepEqual(replies.map((r) => r.status).sort(), [503, 503, 503, 503, 503, 504]);
    for (const r of replies.filter((x) => x.status === 503)) assertDown(r, 'while the probe is out');
    assertDown(await timed(svc, userPath(coldUser(svc))), 'after the failed probe');
    assert.equal(svc.dashboard.requests.length, 1);
    assert.equal((await svc.get('/health')).body.dashboards.outreach, 'down');
    assert.equal(messages(logs, LEVELS.warn).length, 1, 'a failed probe is no new warning');
    assert.equal(messages(logs, LEVELS.info).length, 0);
  });

  it('counts a 5xx after its retry, an HTML 200 and a Retry-After beyond the deadline; a 404 or a 200 resets the count', async (t) => {
    const { svc } = await start(t);
    const down = async (): Promise<boolean> => (await svc.get('/health')).body.dashboards.outreach === 'down';
    svc.dashboard.setFaults([{ match: /Failing/, status: 500 }]);
    for (let i = 0; i < MAX_FAILS - 1; i++) assert.equal((await svc.get(userPath(`Failing ${i}`))).status, 502);
    assert.equal((await svc.get(userPath(`Nobody ${serial++}`))).status, 404, "the Dashboard's own 404");
    assert.equal(await down(), false);
    for (let i = 0; i < MAX_FAILS - 1; i++) assert.equal((await svc.get(userPath(`Failing again ${i}`))).status, 502);
    assert.equal((await svc.get(userPath(coldUser(svc)))).status, 200);
    assert.equal(await down(), false);

    svc.dashboard.setFaults([
      { match: /Failing/, status: 500 },
      { match: /Html/, html: true },
      { match: /Later/, status: 503, retryAfter: '60' },
    ]);
    assert.equal((await svc.get(userPath('Failing once more'))).status, 502);
    assert.equal((await svc.get(userPath('Html Page'))).status, 502);
    const started = performance.now();
    assert.equal((await svc.get(userPath('Come Back Later'))).status, 502);
    assert.ok(performance.now() - started < 100, 'a Retry-After beyond HTTP_TIMEOUT is not waited for');
    assert.equal(await down(), true, `${MAX_FAILS} failed calls in a row`);
  });

  it('enrichment while the breaker is open: the courses it cannot have get nulls, at once', async (t) => {
    const { svc } = await start(t);
    // The user list is cached; the courses' details are not.
    assert.equal((await svc.get(userPath(PERSONAS.active))).status, 200);
    await openByHanging(svc);
    const r = await timed(svc, userPath(PERSONAS.active, '?enrich=true'));
    assert.equal(r.status, 200);
    assert.ok(r.ms < 100, `${Math.round(r.ms)} ms`);
    assert.ok(r.body.courses.length > 0);
    for (const c of r.body.courses) assert.equal(c.start, null);
  });
});

describe('what does not open the breaker', () => {
  it('a slow Dashboard that answers, under a burst: calls sent late or refused in our queue are no verdict', async (t) => {
    const svc = await startService(t, {
      env: { HTTP_TIMEOUT: '2', UPSTREAM_CONCURRENCY: '2', UPSTREAM_MAX_FAILS: '2', UPSTREAM_FAIL_TIMEOUT: '30' },
    });
    // Every answer takes 1.2 s of the 2 s deadline: the first two calls succeed, the next two get their
    // slots with 0.8 s left, are sent and time out after less than half the deadline upstream (no
    // verdict); the rest leave the queue at 1.5 s, with a quarter left, unsent (503, our refusal).
    svc.dashboard.setFaults([{ delayMs: 1_200 }]);
    const replies = await Promise.all(Array.from({ length: 10 }, () => svc.get(userPath(coldUser(svc)))));
    const statuses = replies.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 503, 503, 503, 503, 503, 503, 504, 504]);
    assert.equal(svc.dashboard.count(), 4, 'two answered, two sent too late');
    assert.equal((await svc.get('/health')).body.dashboards.outreach, 'ok');
    assert.equal((await svc.get(userPath(coldUser(svc)))).status, 200);
  });
});
