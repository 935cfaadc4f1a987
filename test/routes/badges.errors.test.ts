// /api/badges with bad input and a troubled upstream (api-contract.md v1.2, "Badges"): every bad request a
// 400, 413 or 415 problem+json, never a 500; names that break the rules listed, not failing the request;
// POST on this path alone. A program-wide source that answers garbage, too much or nothing costs only its
// own badges (`partial`, briefly cacheable), is never kept, and the next good answer is used; with both
// Dashboards asked one failing leaves the other's badges standing, and both failing is the first's error.

import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { DEMO_CAMPAIGNS } from '../../demo/badge-campaigns.js';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import type { Fault, FakeDashboard } from '../../demo/fake-dashboard.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS } from '../../demo/wikiedu-world.js';
import { badgesForm, badgesOf, badgesPath, FORM, formBody, maxAge, post } from '../../support/badge-requests.js';
import { assertProblem } from '../../support/problems.js';
import { rawRequest } from '../../support/raw-http.js';
import { replyOf, startService, useService, type Reply, type Service } from '../../support/service.js';
import { waitFor } from '../../support/wait.js';

const INVALID = '/problems/invalid-input';
const KB = 1024;

/** Badges the demo gives (test/demo/badge-campaigns.test.ts): one person per campaign source. */
const MULTI_ROLE = [
  ['outreach', COURSES.articleScoped, 0],
  ['outreach', COURSES.large, 1],
]; // community_programs_2026
const XSS_TARGET = [['outreach', COURSES.xss, 0]]; // editathons_and_sprints_2026
const ON_BOTH = [
  ['outreach', COURSES.librariesSprint, 1],
  ['wikiedu', WIKIEDU_COURSES.class, 0],
];

/** `n` distinct valid names nobody has. */
const nobodies = (n: number, prefix = 'Limit Person'): string[] => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe('/api/badges: the request', () => {
  const svc = useService();
  const postForm = (body: string, headers?: Record<string, string>): Promise<Reply> => post(svc.url, '/api/badges', body, headers);

  describe('users', () => {
    it('400 without a name: no parameter, an empty one, only separators, another parameter', async () => {
      for (const query of ['', '?users', '?users=', '?users=|', '?users=%7C%7C', '?users=||||', '?dashboard=all', '?Users=Lena%20Vogel', '?users[]=Lena%20Vogel', '?user=Lena%20Vogel']) {
        assertProblem(await svc.get(`/api/badges${query}`), 400, INVALID);
      }
      for (const body of ['', 'users=', 'users=%7C%7C', 'dashboard=all', 'Users=Lena+Vogel', 'users%5B%5D=Lena+Vogel', '=Lena+Vogel']) {
        assertProblem(await postForm(body), 400, INVALID);
      }
    });

    it('GET takes 50 names and refuses 51; POST takes 500 and refuses 501', async () => {
      const fifty = await svc.get(badgesPath(nobodies(50)));
      assert.equal(fifty.status, 200, JSON.stringify(fifty.body));
      assert.deepEqual([fifty.body.users, fifty.body.invalid], [{}, []]);
      assertProblem(await svc.get(badgesPath(nobodies(51))), 400, INVALID);
      assert.equal((await postForm(badgesForm(nobodies(51)))).status, 200, 'POST is not held to the GET limit');
      assert.equal((await postForm(badgesForm(nobodies(500)))).status, 200);
      assertProblem(await postForm(badgesForm(nobodies(501))), 400, INVALID);
    });

    it('counts the names as given, invalid ones included', async () => {
      const ok = await svc.get(badgesPath([...nobodies(49), 'Bad<1>']));
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body.invalid, ['Bad<1>']);
      assertProblem(await svc.get(badgesPath([...nobodies(50), 'Bad<1>'])), 400, INVALID);
      assertProblem(await svc.get(badgesPath([...nobodies(49), 'Bad<1>', 'Bad<2>'])), 400, INVALID);
      assertProblem(await postForm(badgesForm([...nobodies(499), '{x}', '127.0.0.1'])), 400, INVALID);
    });

    it('counts spellings of one name once and empty items not at all', async () => {
      const names = [...nobodies(50), 'limit_Person_1', 'Limit_Person_2', '', '', 'Limit  Person 3'];
      const r = await svc.get(badgesPath(names));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.normalized, { limit_Person_1: 'Limit Person 1', Limit_Person_2: 'Limit Person 2', 'Limit  Person 3': 'Limit Person 3' });
      assert.deepEqual(r.body.invalid, []);
      const edges = await svc.get(`/api/badges?users=|${encodeURIComponent(PERSONAS.multiRole)}||`);
      assert.equal(edges.status, 200);
      assert.deepEqual(badgesOf(edges.body, PERSONAS.multiRole), MULTI_ROLE);
    });

    it('lists names that break the rules in `invalid`, as given, and answers the others', async () => {
      const invalid = ['Bad<name>', 'x{y}', 'a/b', 'a#b', '127.0.0.1', '%41dmin', 'x~~~', ':Colon', 'Tab\tName', '\u200Bzero'];
      for (const r of [await svc.get(badgesPath([PERSONAS.multiRole, ...invalid])), await postForm(badgesForm([PERSONAS.multiRole, ...invalid]))]) {
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.deepEqual(r.body.invalid, invalid);
        assert.deepEqual(Object.keys(r.body.users), [PERSONAS.multiRole]);
        assert.deepEqual(badgesOf(r.body, PERSONAS.multiRole), MULTI_ROLE);
      }
      const onlyInvalid = await svc.get(badgesPath(['Bad<name>']));
      assert.equal(onlyInvalid.status, 200, 'invalid names alone are no failure either');
      assert.deepEqual([onlyInvalid.body.users, onlyInvalid.body.invalid], [{}, ['Bad<name>']]);
    });

    it('splits on %7C as on |, and on nothing else: commas, &, + and MediaWiki\'s U+001F stay inside a name', async () => {
      const [a, b] = [PERSONAS.multiRole, PERSONAS.xssTarget];
      const piped = await svc.get(`/api/badges?users=${encodeURIComponent(a)}|${encodeURIComponent(b)}`);
      const encoded = await svc.get(`/api/badges?users=${encodeURIComponent(a)}%7C${encodeURIComponent(b)}`);
      assert.deepEqual(Object.keys(piped.body.users).sort(), [a, b].sort());
      assert.deepEqual(encoded.body.users, piped.body.users);
      assert.deepEqual((await postForm(`users=${encodeURIComponent(a)}%7C${encodeURIComponent(b)}`)).body.users, piped.body.users);

      for (const value of [`${a},${b}`, `${a};${b}`, `${a}&users=${b}`, `\u001f${a}\u001f${b}`, `${a}+${b}`, `${a}\n${b}`]) {
        const r = await svc.get(`/api/badges?users=${encodeURIComponent(value)}`);
        assert.equal(r.status, 200, `${JSON.stringify(value)}: ${JSON.stringify(r.body)}`);
        assert.deepEqual(r.body.users, {}, `${JSON.stringify(value)} is one name, nobody's`);
      }
      // In a query string and a form body `+` is a space, as in the MediaWiki API.
      const plus = await svc.get(`/api/badges?users=${a.replace(' ', '+')}`);
      assert.deepEqual(badgesOf(plus.body, a), MULTI_ROLE);
      const underscore = await svc.get(`/api/badges?users=${a.replace(' ', '_')}`);
      assert.deepEqual(underscore.body.normalized, { [a.replace(' ', '_')]: a });
      assert.deepEqual(badgesOf(underscore.body, a), MULTI_ROLE);
    });

    it('400 for a repeated users parameter, on GET and POST alike', async () => {
      const [a, b] = [encodeURIComponent(PERSONAS.multiRole), encodeURIComponent(PERSONAS.xssTarget)];
      assertProblem(await svc.get(`/api/badges?users=${a}&users=${b}`), 400, INVALID);
      assertProblem(await svc.get(`/api/badges?users=${a}&users=`), 400, INVALID);
      assertProblem(await postForm(`users=${a}&users=${b}`), 400, INVALID);
    });

    it('ignores parameters and form fields it does not define, on GET and POST alike', async () => {
      const plain = await svc.get(badgesPath([PERSONAS.multiRole]));
      assert.equal(plain.status, 200);
      for (const extra of ['_=1', 'callback=x', 'format=json', 'enrich=maybe', 'users%5B%5D=Xss+Target']) {
        const get = await svc.get(`${badgesPath([PERSONAS.multiRole])}&${extra}`);
        assert.equal(get.status, 200, `GET with ${extra}: ${JSON.stringify(get.body)}`);
        assert.deepEqual(get.body.users, plain.body.users, extra);
        const form = await postForm(`${badgesForm([PERSONAS.multiRole])}&${extra}`);
        assert.equal(form.status, 200, `POST with ${extra}: ${JSON.stringify(form.body)}`);
        assert.deepEqual(form.body.users, plain.body.users, extra);
      }
    });
  });

  describe('dashboard', () => {
    const bad = ['', 'ALL', 'Outreach', 'both', 'wikiedu,outreach', 'outreach%00', 'outreach%20', '*'];
    for (const value of bad) {
      it(`400 for dashboard=${JSON.stringify(value)}, on GET and POST`, async () => {
        assertProblem(await svc.get(`${badgesPath([PERSONAS.multiRole])}&dashboard=${value}`), 400, INVALID);
        assertProblem(await postForm(`${badgesForm([PERSONAS.multiRole])}&dashboard=${value}`), 400, INVALID);
      });
    }

    it('400 for a repeated dashboard, even with one value twice', async () => {
      for (const pair of ['all&dashboard=all', 'outreach&dashboard=wikiedu']) {
        assertProblem(await svc.get(`${badgesPath([PERSONAS.multiRole])}&dashboard=${pair}`), 400, INVALID);
        assertProblem(await postForm(`${badgesForm([PERSONAS.multiRole])}&dashboard=${pair}`), 400, INVALID);
      }
    });

    it('outreach by default, wikiedu alone, or all (outreach first)', async () => {
      const index = async (dashboard?: string): Promise<string[]> => Object.keys((await svc.get(badgesPath([PERSONAS.onBoth], dashboard))).body.index);
      assert.deepEqual(await index(), ['outreach']);
      assert.deepEqual(await index('outreach'), ['outreach']);
      assert.deepEqual(await index('wikiedu'), ['wikiedu']);
      assert.deepEqual(await index('all'), ['outreach', 'wikiedu']);
      assert.deepEqual(badgesOf((await postForm(badgesForm([PERSONAS.onBoth], 'all'))).body, PERSONAS.onBoth), ON_BOTH);
    });
  });

  describe('POST', () => {
    for (const [type, body] of [
      ['application/json', JSON.stringify({ users: PERSONAS.multiRole })],
      ['text/plain', badgesForm([PERSONAS.multiRole])],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="users"\r\n\r\n${PERSONAS.multiRole}\r\n--x--\r\n`],
      ['application/x-www-form-urlencoded-evil', badgesForm([PERSONAS.multiRole])],
      ['application/xml', '<users>x</users>'],
    ] as const) {
      it(`415 problem+json for Content-Type ${type}`, async () => {
        assertProblem(await postForm(body, { 'content-type': type }), 415);
      });
    }

    it('415 problem+json for a body without a Content-Type', async () => {
      const r = await rawRequest(svc.url, '/api/badges', { method: 'POST', body: badgesForm([PERSONAS.multiRole]) });
      assertProblem(replyOf(r), 415);
    });

    it('takes the form type with a charset, in any case', async () => {
      for (const type of [`${FORM}; charset=UTF-8`, `${FORM};charset=utf-8`, 'Application/X-WWW-Form-URLEncoded']) {
        const r = await postForm(badgesForm([PERSONAS.multiRole]), { 'content-type': type });
        assert.equal(r.status, 200, `${type}: ${JSON.stringify(r.body)}`);
        assert.deepEqual(badgesOf(r.body, PERSONAS.multiRole), MULTI_ROLE);
      }
    });

    it('takes a body of 64 KB and refuses one byte more with 413 problem+json', async () => {
      const padded = (bytes: number): string => {
        const head = `${badgesForm([PERSONAS.multiRole])}&padding=`;
        return head + 'x'.repeat(bytes - head.length);
      };
      const fits = await postForm(padded(64 * KB));
      assert.equal(fits.status, 200, JSON.stringify(fits.body));
      assert.deepEqual(badgesOf(fits.body, PERSONAS.multiRole), MULTI_ROLE);
      assertProblem(await postForm(padded(64 * KB + 1)), 413);
      assertProblem(await postForm(badgesForm(Array.from({ length: 500 }, (_, i) => `${'Long Name '.repeat(20)}${i}`))), 413);
    });

    it('answers no-store; GET answers public with max-age at most 300, an ETag and 304, and HEAD like GET', async () => {
      const posted = await postForm(badgesForm([PERSONAS.multiRole]));
      assert.equal(posted.headers.get('cache-control'), 'no-store');
      const got = await svc.get(badgesPath([PERSONAS.multiRole]));
      assert.match(got.headers.get('cache-control') ?? '', /\bpublic\b/);
      assert.ok(maxAge(got) <= 300, `max-age ${maxAge(got)}`);
      const etag = got.headers.get('etag');
      assert.ok(etag, 'an ETag');
      assert.equal((await svc.get(badgesPath([PERSONAS.multiRole]), { 'if-none-match': etag })).status, 304);
      const head = await rawRequest(svc.url, badgesPath([PERSONAS.multiRole]), { method: 'HEAD' });
      assert.deepEqual([head.status, head.body, head.headers.etag], [200, '', etag], 'HEAD: as GET, without a body');
    });

    it('is allowed on /api/badges alone: every other API path keeps its 405', async () => {
      const user = `/api/users/${encodeURIComponent(PERSONAS.multiRole)}`;
      assert.equal((await postForm(badgesForm([PERSONAS.multiRole]))).status, 200, 'the body is fine on /api/badges');
      for (const path of [user, `${user}/active-staff`, `${user}/status`, `/api/courses/${COURSES.large}`, `/api/courses/${COURSES.large}/users`]) {
        const elsewhere = replyOf(await rawRequest(svc.url, path, { method: 'POST', body: badgesForm([PERSONAS.multiRole]), headers: { 'content-type': FORM } }));
        assertProblem(elsewhere, 405, '/problems/method-not-allowed');
        assert.equal(elsewhere.headers.get('allow'), 'GET, HEAD, OPTIONS', path);
      }
    });

    it('405 for the other methods on /api/badges, with an Allow that names GET and POST', async () => {
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const r = replyOf(await rawRequest(svc.url, '/api/badges', { method, body: badgesForm([PERSONAS.multiRole]), headers: { 'content-type': FORM } }));
        assertProblem(r, 405, '/problems/method-not-allowed');
        const allowed = (r.headers.get('allow') ?? '').split(/,\s*/);
        assert.ok(allowed.includes('GET') && allowed.includes('POST'), `${method}: Allow ${r.headers.get('allow')}`);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// Upstream trouble: a service of its own for each test (a cold cache), on a clock the test moves.

const USERS_OF = (campaign: string): RegExp => new RegExp(`^/campaigns/${campaign}/users\\.json$`);
const LISTED_OF = (campaign: string): RegExp => new RegExp(`^/campaigns/${campaign}/active_courses\\.json$`);
const MAX_ROWS = 1_000;
const FAILURE_MEMORY_S = 5;

async function troubled(t: TestContext, env: Record<string, string> = {}): Promise<{ svc: Service; clock: { t: number } }> {
  const clock = { t: Date.now() };
  const svc = await startService(t, {
    now: () => clock.t,
    env: {
      HTTP_TIMEOUT: '1',
      UPSTREAM_RETRY_DELAY: '0.01',
      UPSTREAM_MAX_FAILS: '1000',
      UPSTREAM_MAX_BODY_MB: '1',
      BADGE_SOURCE_MAX_ROWS: String(MAX_ROWS),
      REFRESH_FAILURE_BACKOFF: String(FAILURE_MEMORY_S),
      ...env,
    },
  });
  return { svc, clock };
}

/** A campaign users.json with `n` more rows, of made-up people in COURSES.xss. */
const withRows =
  (n: number, who = 'Padding Person') =>
  (real: string): string => {
    const body = JSON.parse(real) as { users: unknown[] };
    for (let i = 1; i <= n; i++) body.users.push({ course: COURSES.xss, role: 'Editor', username: `${who} ${i}` });
    return JSON.stringify(body);
  };

/** A body with a string field of `bytes` appended to the real one. */
const padded =
  (bytes: number) =>
  (real: string): string =>
    `${real.slice(0, -1)},"padding":"${'x'.repeat(bytes)}"}`;

/** The source answers badly; its badges are missing from an answer that says so, and nothing else is. */
function assertSourceLost(r: Reply, what: string): void {
  assert.equal(r.status, 200, `${what}: ${JSON.stringify(r.body)}`);
  assert.deepEqual(badgesOf(r.body, PERSONAS.multiRole), MULTI_ROLE, `${what}: the other campaign's badges stand`);
  assert.deepEqual(badgesOf(r.body, PERSONAS.xssTarget), [], `${what}: no badge from the failed source`);
  assert.equal(r.body.index.outreach.state, 'partial', what);
  assert.equal(r.body.partial, true, what);
  assert.ok(maxAge(r) <= 60, `${what}: max-age ${maxAge(r)}`);
  assert.ok(!Object.keys(r.body.users).some((name) => name.startsWith('Padding Person')), `${what}: nothing of the bad body`);
}

describe('/api/badges: a program-wide source in trouble', () => {
  const editathons = DEMO_CAMPAIGNS.editathons;
  const cases: [string, Fault][] = [
    ['an HTML page with status 200', { html: true }],
    ['truncated JSON', { truncated: true }],
    ['HTTP 500', { status: 500 }],
    ['JSON of another shape', { body: '{"campaign":"x","users":"none"}' }],
    ['a JSON array', { body: '[]' }],
    ['JSON null', { body: 'null' }],
    ['a body over UPSTREAM_MAX_BODY_MB', { body: padded(1_100 * KB) }],
    ['more rows than BADGE_SOURCE_MAX_ROWS', { body: withRows(MAX_ROWS) }],
  ];
  for (const [what, fault] of cases) {
    it(`${what} from a campaign's users.json: its badges missing, partial, not kept; the next good answer is used`, async (t) => {
      const { svc, clock } = await troubled(t);
      const path = badgesPath([PERSONAS.multiRole, PERSONAS.xssTarget]);
      svc.dashboard.setFaults([{ match: USERS_OF(editathons), ...fault }]);
      assertSourceLost(await svc.get(path), what);
      assert.ok(svc.dashboard.count(USERS_OF(editathons)) >= 1, 'the source was asked');
      assert.ok(svc.dashboard.requests.length > 0 && svc.dashboard.count(/user_stats|\/courses\/.+\/users\.json/) === 0);

      svc.dashboard.setFaults([]);
      clock.t += (FAILURE_MEMORY_S + 1) * 1000;
      const later = await svc.get(path);
      assert.equal(later.status, 200);
      assert.deepEqual(badgesOf(later.body, PERSONAS.xssTarget), XSS_TARGET, 'the good answer is used');
      assert.equal(later.body.index.outreach.state, 'ok');
      assert.equal(later.body.partial, undefined);
    });
  }

  it('a source that hangs: the rest answered within HTTP_TIMEOUT of the request, partial', async (t) => {
    const { svc } = await troubled(t);
    svc.dashboard.setFaults([{ match: USERS_OF(editathons), hang: true }]);
    const started = performance.now();
    const r = await svc.get(badgesPath([PERSONAS.multiRole, PERSONAS.xssTarget]));
    const took = performance.now() - started;
    assertSourceLost(r, 'a hanging source');
    assert.ok(took < 1_500, `answered after ${Math.round(took)} ms (HTTP_TIMEOUT 1 s)`);
  });

  it("course details that fail or hang: the badges at once, with active_courses.json's titles and no activity yet; not partial", async (t) => {
    const { svc } = await troubled(t);
    svc.dashboard.setFaults([
      { match: /Health_Misinformation/, hang: true },
      { match: /\/course\.json$/, status: 500 },
    ]);
    const started = performance.now();
    const r = await svc.get(badgesPath([PERSONAS.multiRole]));
    const took = performance.now() - started;
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(took < 500, `answered after ${Math.round(took)} ms: details load in the background`);
    assert.deepEqual(badgesOf(r.body, PERSONAS.multiRole), MULTI_ROLE);
    for (const badge of r.body.users[PERSONAS.multiRole]) {
      assert.equal(typeof badge.course_title, 'string', "active_courses.json's title");
      assert.deepEqual([badge.active_tracking, badge.active_event], [null, null]);
    }
    assert.deepEqual([r.body.index.outreach.state, r.body.partial], ['ok', undefined], 'details are no source of the index');
  });

  it("a failed active_courses.json of a Programs & Events campaign: none of that campaign's courses", async (t) => {
    const { svc } = await troubled(t);
    svc.dashboard.setFaults([{ match: LISTED_OF(editathons), html: true }]);
    assertSourceLost(await svc.get(badgesPath([PERSONAS.multiRole, PERSONAS.xssTarget])), 'active_courses.json');
  });

  it("a failed current.json on Wiki Education: the current term's badges missing, the configured campaigns' stand", async (t) => {
    const { svc } = await troubled(t);
    svc.wikiedu.setFaults([{ match: /^\/campaigns\/current\.json$/, status: 500 }]);
    const r = await svc.get(badgesPath([WIKIEDU_PERSONAS.student, WIKIEDU_PERSONAS.sameSlugInstructor], 'wikiedu'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(badgesOf(r.body, WIKIEDU_PERSONAS.sameSlugInstructor), [['wikiedu', WIKIEDU_COURSES.sameSlug, 1]]);
    assert.deepEqual(badgesOf(r.body, WIKIEDU_PERSONAS.student), []);
    assert.deepEqual([r.body.index.wikiedu.state, r.body.partial], ['partial', true]);
    assert.ok(maxAge(r) <= 60);
  });

  it('malformed rows, unknown role labels and rows of courses the campaign does not list: skipped, never staff; the rest stands', async (t) => {
    const { svc } = await troubled(t);
    const planted = (real: string): string => {
      const body = JSON.parse(real) as { users: unknown[] };
      body.users.push(
        null,
        42,
        'Editor',
        [],
        {},
        { course: COURSES.xss, role: 'Facilitator' },
        { role: 'Facilitator', username: 'Courseless Host' },
        { course: COURSES.xss, role: 'Facilitator', username: 42 },
        { course: COURSES.xss, role: 'Facilitator', username: ['Array Host'] },
        { course: ['x'], role: 'Facilitator', username: 'Array Course Host' },
        { course: COURSES.xss, role: 'Overlord', username: 'Unknown Label' },
        { course: COURSES.xss, role: null, username: 'Null Label' },
        { course: 'Made_Up/Unlisted_Course', role: 'Facilitator', username: 'Unlisted Host' },
        { course: COURSES.pastOnly, role: 'Facilitator', username: 'Past Course Host' },
      );
      return JSON.stringify(body);
    };
    svc.dashboard.setFaults([{ match: USERS_OF(DEMO_CAMPAIGNS.editathons), body: planted }]);
    const odd = ['Courseless Host', 'Array Host', 'Array Course Host', 'Unknown Label', 'Null Label', 'Unlisted Host', 'Past Course Host'];
    const r = await svc.get(badgesPath([PERSONAS.xssTarget, PERSONAS.multiRole, ...odd]));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.index.outreach.state, 'ok', 'rows are skipped, the source is read');
    assert.deepEqual(badgesOf(r.body, PERSONAS.xssTarget), XSS_TARGET);
    assert.deepEqual(badgesOf(r.body, PERSONAS.multiRole), MULTI_ROLE);
    const xss = r.body.users[PERSONAS.xssTarget][0];
    assert.deepEqual(xss.staff, [PERSONAS.xssStaff, 'Honest Host'], 'no one with an unknown label is staff');
    for (const name of ['Courseless Host', 'Array Host', 'Array Course Host', 'Unlisted Host', 'Past Course Host']) {
      assert.deepEqual(badgesOf(r.body, name), [], `${name}: no badge`);
    }
    for (const name of ['Unknown Label', 'Null Label']) {
      assert.ok(badgesOf(r.body, name).every(([, , role]) => role === 0), `${name}: in the course at most, never above a participant`);
    }
  });

  it('a source over BADGE_SOURCE_MAX_ROWS after a good read: the earlier copy is served as stale-if-error allows', async (t) => {
    const { svc, clock } = await troubled(t, { BADGE_SOURCE_TTL: '60', STALE_WHILE_REVALIDATE: '60', STALE_IF_ERROR: '86400' });
    const path = badgesPath([PERSONAS.xssTarget, 'Padding Person 1']);
    const first = await svc.get(path);
    assert.deepEqual(badgesOf(first.body, PERSONAS.xssTarget), XSS_TARGET);
    const users = USERS_OF(DEMO_CAMPAIGNS.editathons);
    const read = svc.dashboard.count(users);

    svc.dashboard.setFaults([{ match: users, body: withRows(MAX_ROWS) }]);
    clock.t += 200_000; // past BADGE_SOURCE_TTL and STALE_WHILE_REVALIDATE, well inside STALE_IF_ERROR
    for (let i = 0; i < 3; i++) {
      const r = await svc.get(path);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(badgesOf(r.body, PERSONAS.xssTarget), XSS_TARGET, 'the copy read earlier');
      assert.deepEqual(badgesOf(r.body, 'Padding Person 1'), [], 'nothing of the refused source');
      await waitFor('the refused read', () => svc.dashboard.count(users) > read, 2_000);
    }
  });
});

describe('/api/badges: a Dashboard down', () => {
  /** Every request to `fake` answered by `fault`. */
  const down = (fake: FakeDashboard, fault: Fault): void => fake.setFaults([fault]);

  it("dashboard=all with Wiki Education failing: its state error, Programs & Events' badges stand, partial, max-age <= 60", async (t) => {
    const { svc } = await troubled(t);
    down(svc.wikiedu, { status: 503 });
    const r = await svc.get(badgesPath([PERSONAS.onBoth, PERSONAS.multiRole], 'all'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(badgesOf(r.body, PERSONAS.onBoth), ON_BOTH.slice(0, 1));
    assert.deepEqual(badgesOf(r.body, PERSONAS.multiRole), MULTI_ROLE);
    assert.deepEqual([r.body.index.outreach.state, r.body.index.wikiedu.state, r.body.partial], ['ok', 'error', true]);
    assert.ok(maxAge(r) <= 60, `max-age ${maxAge(r)}`);
  });

  it("dashboard=all with Programs & Events failing: the same the other way round", async (t) => {
    const { svc } = await troubled(t);
    down(svc.dashboard, { html: true });
    const r = await svc.get(badgesPath([PERSONAS.onBoth, WIKIEDU_PERSONAS.student], 'all'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(badgesOf(r.body, PERSONAS.onBoth), ON_BOTH.slice(1));
    assert.deepEqual(badgesOf(r.body, WIKIEDU_PERSONAS.student), [['wikiedu', WIKIEDU_COURSES.class, 0]]);
    assert.deepEqual([r.body.index.outreach.state, r.body.index.wikiedu.state, r.body.partial], ['error', 'ok', true]);
    assert.ok(maxAge(r) <= 60, `max-age ${maxAge(r)}`);
  });

  it('one Dashboard asked and failing: its error (502), not a 200', async (t) => {
    const { svc } = await troubled(t);
    down(svc.dashboard, { status: 500 });
    assertProblem(await svc.get(badgesPath([PERSONAS.multiRole])), 502, '/problems/upstream-error');
    assertProblem(await post(svc.url, '/api/badges', badgesForm([PERSONAS.multiRole])), 502, '/problems/upstream-error');
  });

  for (const [outreach, wikiedu, status, type] of [
    [{ status: 500 }, { hang: true }, 502, '/problems/upstream-error'],
    [{ hang: true }, { status: 500 }, 504, '/problems/upstream-timeout'],
  ] as [Fault, Fault, number, string][]) {
    it(`both failing (${JSON.stringify(outreach)} then ${JSON.stringify(wikiedu)}): the first's error, ${status}`, async (t) => {
      const { svc } = await troubled(t);
      down(svc.dashboard, outreach);
      down(svc.wikiedu, wikiedu);
      assertProblem(await svc.get(badgesPath([PERSONAS.onBoth], 'all')), status, type);
    });
  }

  it("both failing, Programs & Events' breaker open: its 503 with Retry-After", async (t) => {
    const { svc } = await troubled(t, { UPSTREAM_MAX_FAILS: '2', UPSTREAM_FAIL_TIMEOUT: '30', REFRESH_FAILURE_BACKOFF: '0' });
    down(svc.dashboard, { status: 500 });
    down(svc.wikiedu, { status: 500 });
    assert.ok([502, 503].includes((await svc.get(badgesPath([PERSONAS.onBoth], 'all'))).status), 'the failures that open the breaker');
    const r = await svc.get(badgesPath([PERSONAS.onBoth], 'all'));
    assertProblem(r, 503, '/problems/dashboard-down');
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
  });

  it('with the failure gone, badges come back: a failed read was not kept', async (t) => {
    const { svc, clock } = await troubled(t);
    down(svc.dashboard, { truncated: true });
    assertProblem(await svc.get(badgesPath([PERSONAS.multiRole])), 502, '/problems/upstream-error');
    svc.dashboard.setFaults([]);
    clock.t += (FAILURE_MEMORY_S + 1) * 1000;
    const r = await svc.get(badgesPath([PERSONAS.multiRole, PERSONAS.xssTarget]));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([badgesOf(r.body, PERSONAS.multiRole), badgesOf(r.body, PERSONAS.xssTarget)], [MULTI_ROLE, XSS_TARGET]);
    assert.equal(r.body.index.outreach.state, 'ok');
  });
});
