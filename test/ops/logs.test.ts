// What an operator reads in the logs, captured from the real logger (pino as Fastify builds it, at
// debug) across failure scenarios: a failing, hanging and malformed Dashboard, failed background
// refreshes, stale-if-error, enrichment failures, the breaker going down and coming back, unknown and
// invalid names. No username or slug may appear in any of it, in any spelling.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { MALFORMED, startFakeDashboard, type MalformedKind } from '../../demo/fake-dashboard.js';
import { demoWorld, PERSONAS } from '../../demo/demo-world.js';
import { captureLogs, LEVELS, type LogRecord } from '../../support/log-capture.js';
import { startNodeProcess } from '../../support/node-process.js';
import { rawRequest } from '../../support/raw-http.js';
import { startService, type Service } from '../../support/service.js';

const DAY = 86_400_000;
// Every name and slug below carries one of these tokens; letters survive percent-encoding, so
// finding neither (case-insensitively) in the log means no spelling of them is there.
const USER_TOKEN = 'Logsecret';
const SLUG_TOKEN = 'Slugsecret';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('logs', () => {
  it('a failed background refresh says which kind of read failed, not its key', async (t) => {
    const clock = { t: Date.now() };
    const logs = captureLogs('info');
    const svc = await startService(t, { now: () => clock.t, logger: logs.logger, env: { USER_CACHE_TTL: '60', STALE_WHILE_REVALIDATE: '60' } });
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
    const svc: Service = await startService(t, {
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

  it('the service process writes each response\'s line to stdout within the turn, in order, and its last lines on the way out', async (t) => {
    const fake = await startFakeDashboard({ world: demoWorld() });
    t.after(() => fake.close());
    const svc = await startNodeProcess('src/server.ts', { env: { OUTREACH_BASE_URL: fake.url, WIKIEDU_BASE_URL: fake.url, LOG_LEVEL: 'info' } });
    t.after(() => svc.stop(0));
    const path = `/api/users/${encodeURIComponent(PERSONAS.active)}`;
    assert.equal((await rawRequest(svc.url, path)).status, 200);
    // Many at once, answered in few turns (most from the remembered answer, before Fastify), each with its own id.
    const ids = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
    const replies = await Promise.all(ids.map((id) => rawRequest(svc.url, path, { headers: { 'x-request-id': id } })));
    for (const r of replies) assert.equal(r.status, 200);
    const deadline = Date.now() + 2_000;
    const requestLines = () => svc.output().split('\n').filter((l) => l.includes('"msg":"request"')).map((l) => JSON.parse(l) as LogRecord);
    while (requestLines().filter((r) => String(r.reqId).startsWith('burst-')).length < ids.length && Date.now() < deadline) await wait(20);
    const burst = requestLines().filter((r) => String(r.reqId).startsWith('burst-'));
    assert.deepEqual(burst.map((r) => r.reqId).sort(), [...ids].sort(), 'a line per response, none held back');
    for (const r of burst) assert.deepEqual([r.level, r.route, r.status], [LEVELS.info, '/api/users/:username', 200]);
    const times = requestLines().map((r) => Number(r.time));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'in the order they were logged');

    svc.kill('SIGTERM');
    assert.equal((await svc.exited).code, 0);
    assert.match(svc.output(), /"signal":"SIGTERM".*shutting down/, 'the lines of the way out are written too');
  });

  it('the line logged just before the process exits, in the same turn, is written (a port already taken)', async (t) => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    t.after(() => taken.close());
    const { port } = taken.address() as { port: number };
    const env = { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), OUTREACH_BASE_URL: 'http://127.0.0.1:9', WIKIEDU_BASE_URL: 'http://127.0.0.1:9' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: new URL('../../', import.meta.url), env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /"level":50.*"code":"EADDRINUSE".*could not listen/);
  });
});
