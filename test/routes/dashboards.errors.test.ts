// Both Dashboards when things go wrong, over real HTTP against two fake Dashboards: bad `dashboard`
// values, one Dashboard failing or hanging under `dashboard=all`, one Dashboard's full queue or open
// breaker never slowing the other's answers, and no request to any host but the two configured.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it, type TestContext } from 'node:test';
import { COURSES, demoWorld, PERSONAS } from '../../demo/demo-world.js';
import { startFakeDashboard, type FakeDashboard } from '../../demo/fake-dashboard.js';
import { WIKIEDU_COURSES } from '../../demo/wikiedu-world.js';
import { World } from '../../demo/world.js';
import { startService, useService, type Reply, type Service } from '../../support/service.js';

const DAY = 86_400_000;
const TIMEOUT_MS = 1_000;
const enc = encodeURIComponent;
const path = (slug: string): string => slug.split('/').map(enc).join('/');
const user = (name: string, rest = ''): string => `/api/users/${enc(name)}${rest}`;

let serial = 0;
/** A new person in one new active course on each Dashboard, so that every test starts cold. */
function personOnBoth(svc: Service): string {
  serial += 1;
  const name = `Both Person ${serial}`;
  for (const [fake, school] of [
    [svc.dashboard, 'PE_School'],
    [svc.wikiedu, 'Edu_School'],
  ] as const) {
    fake.world.addCourse({
      slug: `${school}/Course_${serial}`,
      title: `Course ${serial}`,
      school,
      start: new Date(Date.now() - DAY).toISOString(),
      end: new Date(Date.now() + 10 * DAY).toISOString(),
      roster: [
        { username: `${school} Host`, role: 1 },
        { username: name, role: 0 },
      ],
    });
  }
  return name;
}

const maxAge = (r: Reply): number => Number(/max-age=(\d+)/.exec(r.headers.get('cache-control') ?? '')?.[1]);

async function timed(svc: Service, request: string): Promise<Reply & { ms: number }> {
  const started = performance.now();
  const r = await svc.get(request);
  return { ...r, ms: performance.now() - started };
}

describe('bad dashboard values', () => {
  const svc = useService();

  const everywhere = [
    user(PERSONAS.active),
    user(PERSONAS.active, '/active-staff'),
    user(PERSONAS.active, '/status'),
    `/api/courses/${path(COURSES.active)}`,
    `/api/courses/${path(COURSES.active)}/users`,
  ];
  const bad = ['dashboard=', 'dashboard', 'dashboard=Outreach', 'dashboard=WIKIEDU', 'dashboard=both', 'dashboard=%20outreach', 'dashboard=outreach&dashboard=wikiedu', 'dashboard=all&dashboard=all'];

  it('are a 400 problem on every endpoint, with CORS, and nothing asked upstream', async () => {
    svc.dashboard.reset();
    svc.wikiedu.reset();
    for (const endpoint of everywhere) {
      for (const query of bad) {
        const r = await svc.get(`${endpoint}?${query}`);
        const what = `${endpoint}?${query}`;
        assert.equal(r.status, 400, what);
        assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
        assert.equal(r.headers.get('access-control-allow-origin'), '*', what);
        assert.equal(r.body.type, '/problems/invalid-input', what);
        assert.match(r.body.detail, /"dashboard"/, what);
      }
    }
    assert.deepEqual([svc.dashboard.requests.length, svc.wikiedu.requests.length], [0, 0]);
  });

  it('all is a 400 on the course endpoints (a slug is one Dashboard\'s), saying where it is allowed', async () => {
    for (const endpoint of everywhere.slice(3)) {
      const r = await svc.get(`${endpoint}?dashboard=all`);
      assert.equal(r.status, 400, endpoint);
      assert.match(r.body.detail, /\/api\/users\//);
    }
  });
});

describe('dashboard=all with one Dashboard failing', () => {
  const svc = useService({
    env: { HTTP_TIMEOUT: String(TIMEOUT_MS / 1000), UPSTREAM_RETRY_DELAY: '0.01', UPSTREAM_MAX_FAILS: '1000', REFRESH_FAILURE_BACKOFF: '0' },
  });
  afterEach(() => {
    svc.dashboard.setFaults([]);
    svc.wikiedu.setFaults([]);
  });

  for (const [failing, other] of [
    ['wikiedu', 'outreach'],
    ['outreach', 'wikiedu'],
  ] as const) {
    it(`${failing} answering 503: 200 with ${other}'s courses, "error", partial, short max-age, not remembered`, async () => {
      const name = personOnBoth(svc);
      const fake = failing === 'wikiedu' ? svc.wikiedu : svc.dashboard;
      fake.setFaults([{ status: 503 }]);
      for (const rest of ['?dashboard=all', '?dashboard=all&enrich=true', '/active-staff?dashboard=all', '/status?dashboard=all']) {
        const r = await svc.get(user(name, rest));
        assert.equal(r.status, 200, `${rest}: ${JSON.stringify(r.body)}`);
        assert.deepEqual(r.body.dashboards, { [other]: 'ok', [failing]: 'error' }, rest);
        assert.equal(r.body.partial, true, rest);
        assert.ok(maxAge(r) <= 60, `${rest}: max-age ${maxAge(r)}`);
        if (rest.startsWith('/status')) assert.equal(r.body.total_courses, 1);
        else assert.deepEqual(r.body.courses.map((c: { dashboard: string }) => c.dashboard), [other], rest);
      }
      fake.setFaults([]);
      const healed = await svc.get(user(name, '?dashboard=all'));
      assert.deepEqual(healed.body.dashboards, { outreach: 'ok', wikiedu: 'ok' }, 'the degraded answer was not remembered');
      assert.equal(healed.body.courses.length, 2);
      assert.equal(healed.body.partial, undefined);
    });
  }

  it('wikiedu hanging: 200 with outreach\'s courses and "error" within HTTP_TIMEOUT; outreach alone is not slowed', async () => {
    const name = personOnBoth(svc);
    svc.wikiedu.setFaults([{ hang: true }]);
    const [all, alone] = await Promise.all([timed(svc, user(name, '/active-staff?dashboard=all')), timed(svc, user(name, '/status'))]);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(all.body.dashboards, { outreach: 'ok', wikiedu: 'error' });
    assert.deepEqual(all.body.courses.map((c: { course_slug: string }) => c.course_slug), [`PE_School/Course_${serial}`]);
    assert.ok(all.ms >= TIMEOUT_MS * 0.9 && all.ms < TIMEOUT_MS + 400, `the hung one cost ${Math.round(all.ms)} ms (HTTP_TIMEOUT ${TIMEOUT_MS})`);
    assert.equal(alone.status, 200);
    assert.ok(alone.ms < TIMEOUT_MS / 2, `an outreach-only answer took ${Math.round(alone.ms)} ms`);
  });

  it('neither answering: the first failing Dashboard\'s error; unknown on one does not hide the other\'s failure', async () => {
    const name = personOnBoth(svc);
    svc.dashboard.setFaults([{ status: 500 }]);
    svc.wikiedu.setFaults([{ hang: true }]);
    const both = await svc.get(user(name, '?dashboard=all'));
    assert.equal(both.status, 502, 'outreach, first in order, failed with an error status');
    assert.match(both.body.detail, /^outreach: /);
    svc.dashboard.setFaults([]);
    const unknownThere = await timed(svc, user(PERSONAS.unknown, '/status?dashboard=all'));
    assert.equal(unknownThere.status, 504, "outreach does not know the user; wikiedu's timeout is the answer");
    assert.match(unknownThere.body.detail, /^wikiedu: /);
    assert.equal(unknownThere.headers.get('cache-control'), 'no-store');
  });
});

describe('one Dashboard never slows the other', () => {
  it("a saturated Wiki Education queue (and its 503s) leaves Programs & Events' answers fast", async (t: TestContext) => {
    const svc = await startService(t, { env: { UPSTREAM_CONCURRENCY: '1', UPSTREAM_QUEUE_LIMIT: '2', HTTP_TIMEOUT: '3', UPSTREAM_MAX_FAILS: '1000' } });
    svc.wikiedu.setFaults([{ delayMs: 800 }]);
    const names = Array.from({ length: 6 }, () => personOnBoth(svc));
    // Wiki Education's one slot and two queue places taken (answered after 0.8, 1.6 and 2.4 s), the rest shed.
    const burst = names.map((n) => svc.get(user(n, '?dashboard=wikiedu')));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const health = await svc.get('/health');
    assert.ok(health.body.upstream_queued >= 2, `queued: ${health.body.upstream_queued}`);
    const metrics = (await svc.get('/metrics')).body as string;
    assert.match(metrics, /^upstream_queue_length\{dashboard="wikiedu"\} 2$/m);
    assert.match(metrics, /^upstream_queue_length\{dashboard="outreach"\} 0$/m);
    const outreach = await Promise.all(names.slice(0, 3).map((n) => timed(svc, user(n, '/active-staff'))));
    for (const r of outreach) {
      assert.equal(r.status, 200);
      assert.ok(r.ms < 500, `a Programs & Events answer took ${Math.round(r.ms)} ms`);
    }
    const all = await timed(svc, user(names[5] ?? '', '?dashboard=all'));
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.dashboards, { outreach: 'ok', wikiedu: 'error' }, 'its queue is full: turned away at once');
    assert.ok(all.ms < 500, `the all answer took ${Math.round(all.ms)} ms`);
    const statuses = (await Promise.all(burst)).map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 503, 503, 503]);
  });

  it("Wiki Education's memory of a failed lookup is its own: the same name on Programs & Events is asked and answered", async (t: TestContext) => {
    const svc = await startService(t, { env: { REFRESH_FAILURE_BACKOFF: '30', UPSTREAM_RETRY_DELAY: '0.01', UPSTREAM_MAX_FAILS: '1000' } });
    const name = personOnBoth(svc);
    svc.wikiedu.setFaults([{ status: 500 }]);
    assert.equal((await svc.get(user(name, '?dashboard=wikiedu'))).status, 502);
    svc.wikiedu.setFaults([]);
    svc.wikiedu.reset();
    assert.equal((await svc.get(user(name, '?dashboard=wikiedu'))).status, 502, 'the failure is remembered for REFRESH_FAILURE_BACKOFF');
    const outreach = await svc.get(user(name));
    assert.equal(outreach.status, 200, 'not the other Dashboard’s failure');
    const all = await svc.get(user(name, '?dashboard=all'));
    assert.deepEqual([all.status, all.body.dashboards], [200, { outreach: 'ok', wikiedu: 'error' }]);
    assert.equal(svc.wikiedu.requests.length, 0, 'the remembered failure asks nothing');
  });

  it("an open Wiki Education breaker: its reads get 503 at once, Programs & Events' go on", async (t: TestContext) => {
    const svc = await startService(t, { env: { HTTP_TIMEOUT: '0.3', UPSTREAM_MAX_FAILS: '2', UPSTREAM_FAIL_TIMEOUT: '30', UPSTREAM_RETRY_DELAY: '0.01' } });
    svc.wikiedu.setFaults([{ status: 500 }]);
    for (let i = 0; i < 2; i++) assert.equal((await svc.get(user(personOnBoth(svc), '?dashboard=wikiedu'))).status, 502);
    const health = await svc.get('/health');
    assert.deepEqual([health.body.status, health.body.dashboards], ['degraded', { outreach: 'ok', wikiedu: 'down' }]);
    svc.wikiedu.reset();
    const name = personOnBoth(svc);
    const down = await timed(svc, user(name, '?dashboard=wikiedu'));
    assert.equal(down.status, 503);
    assert.equal(down.body.type, '/problems/dashboard-down');
    const outreach = await timed(svc, user(name, '?enrich=true'));
    assert.equal(outreach.status, 200);
    assert.equal(outreach.body.courses[0].staff.length, 1);
    const all = await svc.get(user(name, '?dashboard=all'));
    assert.deepEqual([all.status, all.body.dashboards], [200, { outreach: 'ok', wikiedu: 'error' }]);
    assert.equal(svc.wikiedu.requests.length, 0, 'nothing sent to the Dashboard that is down');
    const metrics = (await svc.get('/metrics')).body as string;
    assert.match(metrics, /^upstream_breaker_state\{dashboard="wikiedu"\} 1$/m);
    assert.match(metrics, /^upstream_breaker_state\{dashboard="outreach"\} 0$/m);
  });
});

describe('only the two configured hosts', () => {
  let third: FakeDashboard;
  let fakes: [FakeDashboard, FakeDashboard];
  before(async () => {
    // A third server that every link in the worlds points at: nothing may ever reach it.
    third = await startFakeDashboard({ world: new World(Date.now(), { fixtures: false }) });
    fakes = await Promise.all([
      startFakeDashboard({ world: demoWorldLinkingTo(third.url) }),
      startFakeDashboard({ world: wikieduWorldLinkingTo(third.url) }),
    ]);
  });
  // Closed before the fakes (after hooks run in the order they are registered).
  const svc = useService(() => ({ dashboard: fakes[0], wikiedu: fakes[1], env: { UPSTREAM_MAX_FAILS: '1000', HTTP_TIMEOUT: '1' } }));
  after(() => Promise.all([...fakes, third].map((f) => f.close())));

  it('each fake sees only the requests of its own Dashboard, and the third host sees nothing', async () => {
    const users = [PERSONAS.onBoth, PERSONAS.active, PERSONAS.unknown, 'Linked Person'];
    const userRests = ['', '?enrich=true', '/active-staff', '/active-staff?use_event_dates=true', '/status'];
    const slugs = [COURSES.active, WIKIEDU_COURSES.class, 'Linked_School/Linked_Course', COURSES.threeSegments];
    const requests: [string, 'outreach' | 'wikiedu' | 'all'][] = [];
    // Wiki Education first: nothing is cached yet, so a request for it that reached Programs & Events would show.
    for (const dashboard of ['wikiedu', 'outreach', 'all'] as const) {
      for (const name of users) for (const rest of userRests) requests.push([user(name, `${rest}${rest.includes('?') ? '&' : '?'}dashboard=${dashboard}`), dashboard]);
      if (dashboard === 'all') continue;
      for (const slug of slugs) for (const suffix of ['', '/users']) requests.push([`/api/courses/${path(slug)}${suffix}?enrich=1&dashboard=${dashboard}`, dashboard]);
    }
    // A redirect to the third host, on either Dashboard: not followed.
    svc.wikiedu.setFaults([{ match: /Linked_Course\/users/, redirectTo: `${third.url}/courses/Linked_School/Linked_Course/users.json` }]);
    svc.dashboard.setFaults([{ match: /user_stats.*Linked/, redirectTo: `${third.url}/user_stats.json?username=Linked_Person` }]);
    for (const [request, dashboard] of requests) {
      svc.dashboard.reset();
      svc.wikiedu.reset();
      const r = await svc.get(request);
      assert.ok([200, 404, 502].includes(r.status), `${request}: ${r.status}`);
      if (dashboard === 'wikiedu') assert.equal(svc.dashboard.requests.length, 0, request);
      if (dashboard === 'outreach') assert.equal(svc.wikiedu.requests.length, 0, request);
      for (const c of r.status === 200 ? (r.body.courses ?? [r.body]) : []) {
        if (c.course_url === undefined) continue;
        const expected = c.dashboard === 'wikiedu' ? svc.wikiedu.url : svc.dashboard.url;
        assert.ok(c.course_url.startsWith(`${expected}/courses/`), `${request}: ${c.course_url}`);
      }
    }
    assert.equal(third.requests.length, 0, third.requests.map((q) => q.rawUrl).join(', '));
  });
});

/** The demo world, plus a course whose every link (course page, enrolment) names `elsewhere`. */
function demoWorldLinkingTo(elsewhere: string): World {
  const world = demoWorld();
  addLinkedCourse(world, elsewhere);
  return world;
}

/** A Wiki Education world whose Dashboard links (enroll_url) and course pages name `elsewhere`. */
function wikieduWorldLinkingTo(elsewhere: string): World {
  const world = new World(Date.now(), { dashboardUrl: elsewhere, fixtures: false });
  world.addCourse({
    slug: WIKIEDU_COURSES.class,
    title: 'Environmental Science',
    school: 'Riverside University',
    type: 'ClassroomProgramCourse',
    start: new Date(Date.now() - DAY).toISOString(),
    end: new Date(Date.now() + DAY).toISOString(),
    url: `${elsewhere}/wiki/Course`,
    roster: [
      { username: 'Edu Host', role: 1 },
      { username: PERSONAS.onBoth, role: 0 },
    ],
  });
  addLinkedCourse(world, elsewhere);
  return world;
}

function addLinkedCourse(world: World, elsewhere: string): void {
  world.addCourse({
    slug: 'Linked_School/Linked_Course',
    title: 'Linked Course',
    school: 'Linked School',
    description: `<a href="${elsewhere}/courses/x">elsewhere</a>`,
    start: new Date(Date.now() - DAY).toISOString(),
    end: new Date(Date.now() + DAY).toISOString(),
    url: `${elsewhere}/wiki/Linked`,
    roster: [
      { username: 'Linked Host', role: 1 },
      { username: 'Linked Person', role: 0 },
    ],
  });
}
