// /api/badges against hostile clients (api-contract.md v1.2, "Badges" and "What badges cost the
// Dashboards"): whatever the names hold, they stay data and never reach the Dashboard, which only ever
// sees the program-wide sources and the details of indexed courses, never a person's `user_stats` nor a
// course's `users.json`, however many names are asked; oversized heads and bodies are refused before any
// work; CORS as on the other endpoints, and a form POST that needs no preflight.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { beforeEach, describe, it } from 'node:test';
import { DEMO_BADGE_CAMPAIGNS } from '../../demo/badge-campaigns.js';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import type { FakeDashboard } from '../../demo/fake-dashboard.js';
import { badgesForm, badgesOf, badgesPath, FORM, post } from '../../support/badge-requests.js';
import { assertProblem } from '../../support/problems.js';
import { rawRequest } from '../../support/raw-http.js';
import { replyOf, startService, useService, type Reply } from '../../support/service.js';
import { quiet } from '../../support/wait.js';

const KB = 1024;
const CAMPAIGN_SOURCE = /^\/campaigns\/(?:current|[a-z0-9_]+\/(?:users|active_courses))\.json$/;
const COURSE_DETAILS = /^\/courses\/(.+)\/course\.json$/;

/** The courses of the campaigns a fake Dashboard's index may hold: the only ones whose details badges may load. */
function campaignCourses(fake: FakeDashboard, campaigns: readonly string[]): Set<string> {
  const slugs = new Set<string>();
  for (const campaign of campaigns) {
    const found = fake.world.campaigns.users(campaign);
    if (found.status === 'found') for (const row of found.body.users) slugs.add(row.course);
  }
  return slugs;
}

/** Every request `fake` saw was a GET of a campaign source or of an indexed course's details, nothing else. */
function assertBadgeReadsOnly(fake: FakeDashboard, courses: Set<string>): void {
  for (const r of fake.requests) {
    assert.equal(r.method, 'GET', r.rawUrl);
    const details = COURSE_DETAILS.exec(r.path);
    const ok = CAMPAIGN_SOURCE.test(r.rawUrl) || (details !== null && !/(^|\/)\.\.?(\/|$)/.test(r.rawUrl) && courses.has(details[1] ?? ''));
    assert.ok(ok, `unexpected upstream request ${r.rawUrl}`);
  }
  assert.equal(fake.count(/^\/user_stats\.json/), 0, 'no user_stats');
  assert.equal(fake.count(/^\/courses\/.+\/users\.json/), 0, "no course's users.json");
}

const INJECTIONS = [
  '../../user_stats.json?username=Admin',
  '..%2F..%2Fcourses%2FAdmin%2Fx%2Fusers.json',
  '/campaigns/current.json',
  '..',
  '%2e%2e',
  'x?username=Admin',
  'x&username=Admin',
  'x#Admin',
  "Robert'); DROP TABLE users;--",
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/Admin}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'Admin\r\nX-Injected: 1',
  '\u0000Admin',
  '\u202EnimdA',
  'Miscellanea',
  'Current',
  'Admin'.padEnd(300, 'x'),
  'Injected Admin %0A%0D',
];

describe('/api/badges: names stay data', () => {
  const svc = useService();
  const outreachCourses = (): Set<string> => campaignCourses(svc.dashboard, DEMO_BADGE_CAMPAIGNS.outreach);
  const wikieduCourses = (): Set<string> => campaignCourses(svc.wikiedu, [svc.wikiedu.world.campaigns.current, ...DEMO_BADGE_CAMPAIGNS.wikiedu]);
  beforeEach(() => {
    svc.dashboard.reset();
    svc.wikiedu.reset();
  });

  it('injection attempts in names: answered as names, and the Dashboard sees only its program-wide sources', async () => {
    const replies = [
      await svc.get(badgesPath(INJECTIONS, 'all')),
      await post(svc.url, '/api/badges', badgesForm([...INJECTIONS, PERSONAS.multiRole], 'all')),
    ];
    for (const r of replies) {
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(Object.keys(r.body.users).every((name) => !/Admin|DROP|script|jndi/.test(name)), 'nobody of those names has a badge');
      assert.ok(r.body.invalid.includes('<script>alert(1)</script>') && r.body.invalid.includes('..'), JSON.stringify(r.body.invalid));
      // Names such as `__proto__` are ordinary keys of the answer.
      const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(r.body.normalized, key) ? r.body.normalized[key] : undefined);
      assert.deepEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map(own), ['Proto', 'Constructor', 'ToString', 'HasOwnProperty']);
    }
    assert.deepEqual(badgesOf(replies[1]?.body, PERSONAS.multiRole), [
      ['outreach', COURSES.articleScoped, 0],
      ['outreach', COURSES.large, 1],
    ]);
    await quiet([svc.dashboard, svc.wikiedu]);
    assertBadgeReadsOnly(svc.dashboard, outreachCourses());
    assertBadgeReadsOnly(svc.wikiedu, wikieduCourses());
    for (const r of [...svc.dashboard.requests, ...svc.wikiedu.requests]) {
      assert.doesNotMatch(decodeURIComponent(r.rawUrl), /Admin|DROP|script|jndi|proto|Injected/, r.rawUrl);
    }
  });

  it("spellings of a person's name find them (NFC, first letter, underscores), and nothing else does", async () => {
    const nfd = PERSONAS.active.normalize('NFD');
    const r = await svc.get(badgesPath([nfd, 'émilie_Dupont', 'Emilie Dupont', 'ÉMILIE DUPONT']));
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.normalized, { [nfd]: PERSONAS.active, émilie_Dupont: PERSONAS.active });
    assert.deepEqual(badgesOf(r.body, PERSONAS.active), [
      ['outreach', COURSES.active, 1],
      ['outreach', COURSES.eventAhead, 0],
    ]);
  });

  it('thousands of names, known and unknown, over GET and POST: never a user_stats nor a course users.json; once warm, nothing at all', async () => {
    const known = [PERSONAS.active, PERSONAS.multiRole, PERSONAS.xssTarget, PERSONAS.onBoth, PERSONAS.pastOnly, PERSONAS.privateOnly, PERSONAS.noCourses];
    const unknown = (round: number, n: number): string[] => Array.from({ length: n }, (_, i) => `Stranger ${round}.${i}`);
    assert.equal((await svc.get(badgesPath([...known, ...unknown(0, 40)], 'all'))).status, 200);
    await quiet([svc.dashboard, svc.wikiedu]);
    assertBadgeReadsOnly(svc.dashboard, outreachCourses());
    assertBadgeReadsOnly(svc.wikiedu, wikieduCourses());

    svc.dashboard.reset();
    svc.wikiedu.reset();
    const replies: Reply[] = [];
    for (let round = 1; round <= 6; round++) {
      replies.push(await post(svc.url, '/api/badges', badgesForm([...known, ...unknown(round, 490)], 'all')));
      for (const dashboard of ['outreach', 'wikiedu', 'all']) replies.push(await svc.get(badgesPath([...known.slice(0, 3), ...unknown(round, 47)], dashboard)));
    }
    assert.ok(replies.every((r) => r.status === 200));
    assert.ok(replies.every((r) => Object.keys(r.body.users).every((name) => !name.startsWith('Stranger'))));
    assert.deepEqual([svc.dashboard.requests.map((r) => r.rawUrl), svc.wikiedu.requests.map((r) => r.rawUrl)], [[], []], 'warm: no upstream request for 3,000 names more');
  });

  it('asks only the Dashboards named: the default never asks Wiki Education, nor Programs & Events for its catch-all current.json', async (t) => {
    const own = await startService(t);
    const r = await own.get(badgesPath([PERSONAS.multiRole, PERSONAS.onBoth]));
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body.index), ['outreach']);
    assert.equal(own.wikiedu.requests.length, 0, own.wikiedu.requests.map((q) => q.rawUrl).join(', '));
    assert.equal(own.dashboard.count(/^\/campaigns\/(current|miscellanea)/), 0, 'miscellanea is never indexed, so never read');
    assert.ok(own.dashboard.count(CAMPAIGN_SOURCE) > 0);
  });
});

/** A POST whose body goes in chunks (no Content-Length), as a client streaming without end would send it. */
function postChunked(base: string, chunks: readonly string[]): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: '/api/badges', method: 'POST', headers: { 'content-type': FORM }, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve(replyOf({ status: res.statusCode ?? 0, headers: res.headers, body })));
    });
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

async function timed<T>(work: () => Promise<T>): Promise<T & { ms: number }> {
  const started = performance.now();
  const result = await work();
  return { ...result, ms: performance.now() - started };
}

describe('/api/badges: oversized and odd requests', () => {
  const svc = useService();

  it('431 problem+json for a request head over 16 KB: a long header, or a URL of thousands of names', async () => {
    assertProblem(await svc.get(badgesPath([PERSONAS.multiRole]), { 'x-padding': 'a'.repeat(20 * KB) }), 431);
    assertProblem(await svc.get(badgesPath(Array.from({ length: 2_000 }, (_, i) => `Long Stranger ${i}`))), 431);
  });

  it('400 at once for thousands of names under the size limits', async () => {
    const get = await timed(() => svc.get(badgesPath(Array.from({ length: 2_000 }, (_, i) => `S${i}`))));
    assertProblem(get, 400, '/problems/invalid-input');
    const form = await timed(() => post(svc.url, '/api/badges', badgesForm(Array.from({ length: 8_000 }, (_, i) => `S${i}`))));
    assertProblem(form, 400, '/problems/invalid-input');
    assert.ok(get.ms < 1_000 && form.ms < 1_000, `${Math.round(get.ms)} ms, ${Math.round(form.ms)} ms`);
  });

  it('413 before reading a body announced over 64 KB', async () => {
    const r = await timed(async () =>
      replyOf(await rawRequest(svc.url, '/api/badges', { method: 'POST', body: 'users=A', headers: { 'content-type': FORM, 'content-length': String(10 ** 12) } })),
    );
    assertProblem(r, 413);
    assert.ok(r.ms < 1_000, `answered after ${Math.round(r.ms)} ms, without waiting for the body`);
  });

  it('413 for a chunked body that grows past 64 KB', async () => {
    const chunk = `users=${'Stranger|'.repeat(1_000)}`;
    assertProblem(await postChunked(svc.url, Array.from({ length: 10 }, () => chunk)), 413);
    const small = await postChunked(svc.url, ['users=', encodeURIComponent(PERSONAS.multiRole)]);
    assert.equal(small.status, 200, 'a small chunked body is fine');
  });

  it('one name repeated thousands of times counts once; thousands of empty fields or items are nothing', async () => {
    const repeated = await post(svc.url, '/api/badges', `users=${`${encodeURIComponent(PERSONAS.multiRole)}|`.repeat(3_000)}`);
    assert.equal(repeated.status, 200, JSON.stringify(repeated.body));
    assert.deepEqual(Object.keys(repeated.body.users), [PERSONAS.multiRole]);
    assertProblem(await post(svc.url, '/api/badges', '&'.repeat(60 * KB)), 400, '/problems/invalid-input');
    assertProblem(await post(svc.url, '/api/badges', `users=${'|'.repeat(60 * KB)}`), 400, '/problems/invalid-input');
  });

  // Each of these takes a few tens of milliseconds when the body is read in one pass; the bound is far
  // above that, and far below what reading it again per field costs (seconds, with the event loop held).
  it('a 64 KB body of thousands of fields costs one pass: no field repeated or not makes it slow', async () => {
    const bodies = {
      'an unknown field 15,000 times': `${'a=1&'.repeat(15 * KB)}users=${encodeURIComponent(PERSONAS.multiRole)}`,
      'users 8,192 times': 'users=A&'.repeat(8 * KB).slice(0, -1),
      '9,000 distinct fields': Array.from({ length: 9_000 }, (_, i) => `f${i}=`).join('&'),
    };
    for (const [what, body] of Object.entries(bodies)) {
      assert.ok(body.length <= 64 * KB, what);
      const r = await timed(() => post(svc.url, '/api/badges', body));
      assert.ok(r.status === 200 || r.status === 400, `${what}: ${r.status}`);
      assert.ok(r.ms < 500, `${what}: answered after ${Math.round(r.ms)} ms`);
    }
  });

  it('bad percent-encoding and bytes that are not UTF-8: a 400 or an answer without badges, never a 5xx', async () => {
    for (const body of ['users=%E9t%E9', 'users=%ZZ', 'users=%', 'users=%C0%AF', 'users=%ED%A0%80', '%%%=%%%', 'users=A%00B']) {
      const r = await post(svc.url, '/api/badges', body);
      assert.ok(r.status === 400 || (r.status === 200 && Object.keys(r.body.users).length === 0), `${body}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    for (const query of ['users=%E9t%E9', 'users=%ZZ', 'users=%', 'users=%ED%A0%80', 'users=A%00B']) {
      const r = await svc.get(`/api/badges?${query}`);
      assert.ok(r.status === 400 || (r.status === 200 && Object.keys(r.body.users).length === 0), `${query}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  });
});

describe('/api/badges: CORS', () => {
  const svc = useService();
  const ORIGIN = { origin: 'https://en.wikipedia.org' };
  const CORS_HEADERS = ['access-control-allow-origin', 'access-control-expose-headers', 'x-content-type-options', 'access-control-allow-credentials'];

  it('the same CORS headers as the user endpoints, on GET, POST and errors', async () => {
    const user = await svc.get(`/api/users/${encodeURIComponent(PERSONAS.multiRole)}`, ORIGIN);
    assert.equal(user.headers.get('access-control-allow-origin'), '*');
    const expected = CORS_HEADERS.map((h) => user.headers.get(h));
    const replies = {
      get: await svc.get(badgesPath([PERSONAS.multiRole]), ORIGIN),
      post: await post(svc.url, '/api/badges', badgesForm([PERSONAS.multiRole]), ORIGIN),
      400: await svc.get('/api/badges', ORIGIN),
      415: await post(svc.url, '/api/badges', '{}', { ...ORIGIN, 'content-type': 'application/json' }),
    };
    for (const [what, r] of Object.entries(replies)) {
      assert.deepEqual(CORS_HEADERS.map((h) => r.headers.get(h)), expected, what);
    }
    assert.equal(replies.post.status, 200);
  });

  it('a form POST with no other header is answered for a browser (no preflight needed); a preflight anyway allows POST here alone', async () => {
    // What a browser sends for a "simple" cross-origin POST: a form content type, no custom headers.
    const simple = replyOf(
      await rawRequest(svc.url, '/api/badges', { method: 'POST', body: badgesForm([PERSONAS.xssTarget]), headers: { 'content-type': FORM, ...ORIGIN } }),
    );
    assert.equal(simple.status, 200);
    assert.equal(simple.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(badgesOf(simple.body, PERSONAS.xssTarget), [['outreach', COURSES.xss, 0]]);

    const preflight = async (path: string): Promise<string[]> => {
      const r = await rawRequest(svc.url, path, { method: 'OPTIONS', headers: { ...ORIGIN, 'access-control-request-method': 'POST' } });
      assert.equal(r.status, 204, path);
      assert.equal(r.headers['access-control-allow-origin'], '*');
      return String(r.headers['access-control-allow-methods'] ?? '').split(/,\s*/);
    };
    assert.ok((await preflight('/api/badges')).includes('POST'), 'POST allowed on /api/badges');
    assert.ok(!(await preflight(`/api/users/${encodeURIComponent(PERSONAS.multiRole)}`)).includes('POST'), 'and nowhere else');
  });
});
