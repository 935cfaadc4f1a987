// What an operator reads in the logs, captured from the real logger (pino as Fastify builds it, at
// debug) across failure scenarios: a failing, hanging and malformed Dashboard, failed background
// refreshes, stale-if-error, enrichment failures, the breaker going down and coming back, unknown and
// invalid names. No username or slug may appear in any of it, in any spelling.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MALFORMED, type MalformedKind } from '../../demo/fake-dashboard.js';
import { captureLogs, LEVELS } from '../../support/log-capture.js';
import { startService, type Service } from '../../support/service.js';

const DAY = 86_400_000;
// Every name and slug below carries one of these tokens; letters survive percent-encoding, so
// finding neither (case-insensitively) in the log means no spelling of them is there.
const USER_TOKEN = 'Logsecret';
const SLUG_TOKEN = 'Slugsecret';

describe('logs', () => {
  it('a failed background refresh says which kind of read failed, not its key', async (t) => {
    const clock = { t: Date.now() };
    const logs = captureLogs('info');
    const svc = await startService({ now: () => clock.t, logger: logs.logger, env: { USER_CACHE_TTL: '60', STALE_WHILE_REVALIDATE: '60' } });
    t.after(() => svc.close());
    const name = `${USER_TOKEN} Bob`;
    svc.dashboard.world.addUser(name);
    assert.equal((await svc.get(`/api/users/${encodeURIComponent(name)}`)).status, 200);
    clock.t += 61_000;
    svc.dashboard.setFaults([{ status: 500 }]);
    assert.equal((await svc.get(`/api/users/${encodeURIComponent(name)}`)).status, 200, 'stale, refreshed in the background');
    await svc.app.close(); // waits for the background refresh
    const failed = logs.records().filter((r) => r.msg === 'background refresh failed');
    assert.equal(failed.length, 1);
    assert.doesNotMatch(logs.text(), new RegExp(USER_TOKEN, 'i'));
    assert.equal(failed[0]?.read, 'user');
  });

  it('name no username or slug across failure scenarios, and still say what happened', async (t) => {
    const clock = { t: Date.now() };
    const logs = captureLogs('debug');
    const svc: Service = await startService({
      now: () => clock.t,
      logger: logs.logger,
      env: {
        HTTP_TIMEOUT: '0.3',
        UPSTREAM_RETRY_DELAY: '0.01',
        UPSTREAM_MAX_FAILS: '8',
        UPSTREAM_FAIL_TIMEOUT: '0.3',
        USER_CACHE_TTL: '60',
        COURSE_CACHE_TTL: '60',
        COURSE_USERS_CACHE_TTL: '60',
        STALE_WHILE_REVALIDATE: '60',
        STALE_IF_ERROR: '600',
        REFRESH_FAILURE_BACKOFF: '1',
      },
    });
    t.after(() => svc.close());
    const { world } = svc.dashboard;
    let serial = 0;
    const user = (): string => {
      const name = `${USER_TOKEN} Ålice ${++serial}`;
      world.addCourse({
        slug: `${SLUG_TOKEN}_School/Course_${serial}`,
        title: `${SLUG_TOKEN} course`,
        school: 'School',
        start: new Date(clock.t - DAY).toISOString(),
        end: new Date(clock.t + DAY).toISOString(),
        roster: [
          { username: `${USER_TOKEN} Teacher ${serial}`, role: 1 },
          { username: name, role: 0 },
        ],
      });
      return name;
    };
    const get = (path: string) => svc.get(path);
    const users = (name: string, suffix = '') => get(`/api/users/${encodeURIComponent(name.replaceAll(' ', '_'))}${suffix}`);
    const ok = () => svc.dashboard.setFaults([]);
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    // A failing Dashboard, one scenario after another; each time with nothing cached.
    svc.dashboard.setFaults([{ status: 500 }]);
    assert.equal((await users(user())).status, 502);
    ok();
    assert.equal((await users(user())).status, 200, 'a success between keeps the breaker closed');
    svc.dashboard.setFaults([{ hang: true }]);
    assert.equal((await users(user(), '/status')).status, 504);
    ok();
    assert.equal((await users(user())).status, 200);
    for (const kind of Object.keys(MALFORMED) as MalformedKind[]) {
      svc.dashboard.setFaults([{ malformed: kind }]);
      const name = user();
      assert.equal((await users(name)).status, 502, kind);
      assert.equal((await get(`/api/courses/${SLUG_TOKEN}_School/Course_${serial}/users`)).status, 502, kind);
      ok();
      assert.equal((await users(user())).status, 200);
    }

    // Cached data going stale while the Dashboard fails: a failed background refresh, then stale-if-error;
    // enrichment whose course reads fail.
    const cached = user();
    assert.equal((await users(cached, '/active-staff')).status, 200);
    clock.t += 61_000;
    svc.dashboard.setFaults([{ status: 503 }]);
    assert.equal((await users(cached, '/active-staff')).status, 200, 'stale, with a background refresh');
    await wait(100);
    clock.t += 60_000 + 2_000;
    assert.equal((await users(cached, '/active-staff')).status, 200, 'stale-if-error');
    ok();
    const enriched = user();
    assert.equal((await users(enriched)).status, 200);
    svc.dashboard.setFaults([{ match: /course\.json/, malformed: 'bad-status-line' }]);
    assert.equal((await users(enriched, '?enrich=true')).status, 200);

    // The breaker: down (eight failed calls in a row, the enrichment's among them), refusals, a refused
    // background refresh, back.
    svc.dashboard.setFaults([{ status: 500 }]);
    const statuses: number[] = [];
    while (statuses.at(-1) !== 503 && statuses.length < 10) statuses.push((await users(user())).status);
    assert.deepEqual(statuses, [502, 502, 502, 502, 502, 502, 502, 503]);
    clock.t += 61_000;
    assert.equal((await users(enriched)).status, 200, 'stale; its background refresh is not sent');
    ok();
    await wait(350);
    assert.equal((await users(user())).status, 200, 'the probe');

    // Unknown and invalid names.
    assert.equal((await users(`${USER_TOKEN} Nobody`)).status, 404);
    assert.equal((await get(`/api/users/${USER_TOKEN}%7CPipe`)).status, 400);
    assert.equal((await get(`/api/courses/${SLUG_TOKEN}_Only`)).status, 400);
    assert.equal((await get(`/api/courses/${SLUG_TOKEN}_Gone/Nothing`)).status, 404);
    await wait(50);

    const text = logs.text();
    const records = logs.records();
    for (const token of [USER_TOKEN, SLUG_TOKEN]) {
      const line = text.split('\n').find((l) => l.toLowerCase().includes(token.toLowerCase()));
      assert.equal(line, undefined, `a log line names a user or course: ${line}`);
    }
    // Not vacuous: the log says what happened, by kind of read and by route pattern.
    const said = (msg: string, level: number) => records.filter((r) => r.msg.startsWith(msg) && r.level === level);
    assert.ok(said('upstream trouble', LEVELS.warn).length >= 10, 'failed reads are logged');
    const refreshes = said('background refresh failed', LEVELS.warn);
    assert.ok(refreshes.some((r) => r.read === 'user'), 'a failed background refresh, by kind of read');
    for (const r of refreshes) assert.ok(['user', 'course', 'roster'].includes(String(r.read)) && !('key' in r), JSON.stringify(r));
    assert.ok(said('background refresh not sent', LEVELS.debug).length >= 1, 'a refresh the breaker refused');
    assert.equal(said('Dashboard down', LEVELS.warn).length, 1);
    assert.equal(said('Dashboard back', LEVELS.info).length, 1);
    assert.ok(records.some((r) => r.msg === 'request' && r.route === '/api/users/:username'), 'requests by route pattern');
  });
});
