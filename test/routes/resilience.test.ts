// Caching behaviour seen from outside: coalescing, negative entries, stale-while-revalidate,
// stale-if-error, the memory of failing names, the concurrency cap and retries, with an injected clock
// and the real fake Dashboard.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { PERSONAS } from '../../demo/demo-world.js';
import { useService } from '../../support/service.js';

const MINUTE = 60_000;
const clock = { t: Date.now() };
// These tests fail the Dashboard on purpose, one after another; the breaker has its own tests.
const svc = useService({
  now: () => clock.t,
  env: {
    USER_CACHE_TTL: '60',
    COURSE_CACHE_TTL: '60',
    COURSE_USERS_CACHE_TTL: '60',
    NOT_FOUND_CACHE_TTL: '30',
    STALE_WHILE_REVALIDATE: '60',
    STALE_IF_ERROR: '600',
    HTTP_TIMEOUT: '3',
    REFRESH_FAILURE_BACKOFF: '5',
    UPSTREAM_MAX_FAILS: '1000',
  },
});

afterEach(() => svc.dashboard.setFaults([]));

const userPath = (name: string, suffix = ''): string => `/api/users/${encodeURIComponent(name)}${suffix}`;
/** A fresh user with one active course, so each test starts cold. */
let serial = 0;
function newUser(): string {
  const name = `Resilience User ${++serial}`;
  svc.dashboard.world.addCourse({
    slug: `Resilience_School/Course_${serial}`,
    title: `Course ${serial}`,
    school: 'Resilience School',
    start: new Date(clock.t - 30 * 24 * 60 * MINUTE).toISOString(),
    end: new Date(clock.t + 30 * 24 * 60 * MINUTE).toISOString(),
    roster: [
      { username: `Facilitator ${serial}`, role: 1 },
      { username: name, role: 0 },
    ],
  });
  return name;
}

describe('coalescing and negative caching', () => {
  it('makes one upstream request for 50 concurrent cold requests', async () => {
    const name = newUser();
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ delayMs: 100 }]);
    const replies = await Promise.all(Array.from({ length: 50 }, () => svc.get(userPath(name))));
    assert.ok(replies.every((r) => r.status === 200 && r.body.username === name));
    assert.equal(svc.dashboard.count(/^\/user_stats\.json/), 1);
  });

  it('caches "not found" for NOT_FOUND_CACHE_TTL, then asks again', async () => {
    svc.dashboard.reset();
    const ghost = `Nobody Here ${Date.now()}`;
    assert.equal((await svc.get(userPath(ghost))).status, 404);
    assert.equal((await svc.get(userPath(ghost, '/status'))).status, 404);
    assert.equal(svc.dashboard.count(/^\/user_stats\.json/), 1, 'the second 404 came from the cache');
    clock.t += 31_000;
    assert.equal((await svc.get(userPath(ghost))).status, 404);
    assert.equal(svc.dashboard.count(/^\/user_stats\.json/), 2);
  });

  it('notices a new enrolment once the negative entry expires', async () => {
    const name = `Late Joiner ${Date.now()}`;
    assert.equal((await svc.get(userPath(name))).status, 404);
    svc.dashboard.world.addUser(name);
    assert.equal((await svc.get(userPath(name))).status, 404, 'still the cached answer');
    clock.t += 31_000;
    assert.equal((await svc.get(userPath(name))).status, 200);
  });
});

describe('stale data', () => {
  it('serves stale at once while exactly one refresh runs, then the new data', async () => {
    const name = newUser();
    const first = await svc.get(userPath(name));
    assert.equal(first.body.courses.length, 1);
    svc.dashboard.world.addCourse({
      slug: `Resilience_School/Second_${serial}`,
      title: 'Second',
      school: 'Resilience School',
      start: new Date(clock.t).toISOString(),
      end: new Date(clock.t + 10 * MINUTE).toISOString(),
      roster: [{ username: name, role: 0 }],
    });
    clock.t += 61_000; // stale, inside the stale-while-revalidate window
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ delayMs: 500 }]);
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 10 }, () => svc.get(userPath(name))));
    assert.ok(Date.now() - started < 400, 'nobody waited for the slow refresh');
    assert.ok(replies.every((r) => r.status === 200 && r.body.courses.length === 1), 'the stale answer');
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(svc.dashboard.count(/^\/user_stats\.json/), 1, 'one refresh');
    const fresh = await svc.get(userPath(name));
    assert.equal(fresh.body.courses.length, 2, 'the refreshed answer');
  });

  it('serves stale data when the Dashboard fails (stale-if-error), and the error is not cached', async () => {
    const name = newUser();
    assert.equal((await svc.get(userPath(name, '/active-staff'))).status, 200);
    clock.t += 5 * MINUTE; // past stale-while-revalidate, inside stale-if-error
    svc.dashboard.setFaults([{ status: 503 }]);
    const r = await svc.get(userPath(name, '/active-staff'));
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.all_staff, [`Facilitator ${serial}`]);
    assert.ok(Number(r.headers.get('age')) >= 300, `Age ${r.headers.get('age')}`);
    svc.dashboard.setFaults([]);
    clock.t += 10_000; // past the failure back-off
    svc.dashboard.reset();
    assert.equal((await svc.get(userPath(name, '/active-staff'))).status, 200);
    assert.ok(svc.dashboard.count(/^\/user_stats\.json/) >= 1, 'refreshed once the Dashboard was back');
  });

  it('gives up on stale data past STALE_IF_ERROR: 502', async () => {
    const name = newUser();
    assert.equal((await svc.get(userPath(name))).status, 200);
    clock.t += 11 * MINUTE + 60_000;
    svc.dashboard.setFaults([{ status: 500 }]);
    assert.equal((await svc.get(userPath(name))).status, 502);
  });
});

describe('a failing name with nothing cached', () => {
  const failing = (name: string): RegExp => new RegExp(`username=${encodeURIComponent(encodeURIComponent(name))}$`);

  it('8 sequential requests cost one upstream call (and its retry); the same error class each time', async () => {
    const name = newUser();
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ match: failing(name), status: 500 }]);
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await svc.get(userPath(name, ['', '/active-staff', '/status', '?enrich=true'][i % 4])));
    assert.deepEqual(replies.map((r) => r.status), Array(8).fill(502));
    assert.ok(replies.every((r) => r.body.type === '/problems/upstream-error'));
    assert.equal(svc.dashboard.count(failing(name)), 2, 'one call and its one retry');
    // Once the back-off (REFRESH_FAILURE_BACKOFF) is over, the name is asked again.
    svc.dashboard.setFaults([]);
    clock.t += 5_000;
    assert.equal((await svc.get(userPath(name))).status, 200);
  });

  it('8 concurrent requests, then 8 more: one upstream call (and its retry)', async () => {
    const name = newUser();
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ match: failing(name), status: 503, delayMs: 50 }]);
    const first = await Promise.all(Array.from({ length: 8 }, () => svc.get(userPath(name))));
    const second = await Promise.all(Array.from({ length: 8 }, () => svc.get(userPath(name, '/status'))));
    assert.ok([...first, ...second].every((r) => r.status === 502));
    assert.equal(svc.dashboard.count(failing(name)), 2);
  });

  it('a timeout is remembered too: the requests after it get 504 at once', async () => {
    const name = newUser();
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ match: failing(name), hang: true }]);
    assert.equal((await svc.get(userPath(name))).status, 504);
    const started = Date.now();
    for (let i = 0; i < 7; i++) assert.equal((await svc.get(userPath(name))).status, 504);
    assert.ok(Date.now() - started < 500, 'nobody waited for the Dashboard again');
    assert.equal(svc.dashboard.count(failing(name)), 1);
  });
});

describe('time passing', () => {
  it('turns a course active when its window opens, with no new upstream request', async () => {
    const name = `Early Bird ${++serial}`;
    svc.dashboard.world.addCourse({
      slug: `Resilience_School/Starts_Soon_${serial}`,
      title: 'Starts soon',
      school: 'Resilience School',
      start: new Date(Math.ceil((clock.t + 20_000) / 1000) * 1000).toISOString(),
      end: new Date(clock.t + 30 * MINUTE).toISOString(),
      roster: [
        { username: 'Early Teacher', role: 1 },
        { username: name, role: 0 },
      ],
    });
    const before = await svc.get(userPath(name, '/active-staff'));
    assert.deepEqual(before.body.courses, []);
    assert.ok(Number(/max-age=(\d+)/.exec(before.headers.get('cache-control') ?? '')?.[1]) <= 20, 'kept no longer than the window stays shut');
    assert.equal((await svc.get(userPath(name, '/active-staff'))).body.courses.length, 0, 'the same answer again');
    svc.dashboard.reset();
    clock.t += 21_000; // the cached entries are still fresh (60 s), but the window is now open
    const after = await svc.get(userPath(name, '/active-staff'));
    assert.deepEqual(after.body.all_staff, ['Early Teacher']);
    assert.equal(svc.dashboard.count(/user_stats|course\.json/), 0, 'computed again from the cache');
  });
});

describe('upstream etiquette', () => {
  it('never has more than UPSTREAM_CONCURRENCY (2) requests in flight', async () => {
    const names = [newUser(), newUser(), newUser(), PERSONAS.active, PERSONAS.multiRole];
    clock.t += 24 * 60 * MINUTE; // everything cached so far is expired
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ delayMs: 40 }]);
    const replies = await Promise.all(names.map((n) => svc.get(userPath(n, '?enrich=true'))));
    assert.ok(replies.every((r) => r.status === 200));
    assert.ok(svc.dashboard.requests.length >= 10, `${svc.dashboard.requests.length} requests`);
    assert.equal(svc.dashboard.maxInFlight, 2);
  });

  it('identifies itself and asks for English JSON', async () => {
    svc.dashboard.reset();
    await svc.get(userPath(newUser()));
    const headers = svc.dashboard.requests[0]?.headers;
    assert.match(String(headers?.['user-agent']), /^OutreachDashboardHelper\/\d+\.\d+\.\d+ \(.+\)/);
    assert.equal(headers?.['accept'], 'application/json');
    assert.equal(headers?.['accept-language'], 'en');
  });

  it('retries once after a 503, honouring Retry-After', async () => {
    const name = newUser();
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ match: /user_stats/, status: 503, retryAfter: '1', times: 1 }]);
    const started = Date.now();
    const r = await svc.get(userPath(name));
    assert.equal(r.status, 200);
    assert.ok(Date.now() - started >= 950, 'waited as asked');
    assert.equal(svc.dashboard.count(/user_stats/), 2);
  });

  it('does not retry when Retry-After is beyond the deadline', async () => {
    const name = newUser();
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ match: /user_stats/, status: 503, retryAfter: '120' }]);
    assert.equal((await svc.get(userPath(name))).status, 502);
    assert.equal(svc.dashboard.count(/user_stats/), 1);
  });
});
