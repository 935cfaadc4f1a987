// Hostile input, generated: whatever a client puts in a username, a slug or the query string, the
// service answers JSON or problem+json (with CORS) and never a 5xx, and every request it makes to the
// Dashboard has one of the three expected shapes. And hostile upstreams: whatever the Dashboard sends
// back (or does not), never a 500.

import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { MALFORMED, type Fault, type MalformedKind } from '../../demo/fake-dashboard.js';
import { foldForKey } from '../../src/domain/keys.js';
import { canonicalUsername } from '../../src/domain/names.js';
import { rawRequest, type RawReply } from '../../support/raw-http.js';
import { useService } from '../../support/service.js';

const USER_STATS = /^\/user_stats\.json\?username=[^&#]+$/;
const COURSE = /^\/courses\/((?:[^/?#]+\/)+)(?:course|users)\.json$/;

/** Each byte of a string's UTF-8 as %XX, letters and digits included (a lone surrogate becomes U+FFFD). */
const percentAll = (s: string): string => [...new TextEncoder().encode(s)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** encodeURIComponent, or for text with a lone surrogate (which it refuses) a surrogate's UTF-8-style bytes. */
function encodeOrSurrogate(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('Émilie Dupont', 'C++ Fan', '100% Wiki', 'e\u0301', 'ß', 'İ', '\u202Eevil', '😀', '\u0000', ' _ '),
);

/** One piece of a raw URL path segment; only characters legal on a request line appear unencoded. */
const token = fc.oneof(
  { weight: 4, arbitrary: text.map(encodeOrSurrogate) },
  { weight: 2, arbitrary: text.map(percentAll) },
  { weight: 2, arbitrary: fc.constantFrom('.', '..', '%2E', '%2e%2E', '%2F', '%2f', '%5C', '%00', '%25', '%', '%G1', '%E0%A4', '%C0%AF', '+', '_') },
  { weight: 2, arbitrary: fc.constantFrom("!$&'()*,;=:@~-", '?', 'a&b=c', '#', '%23', '%3F', '%26', '%7C', '%7B%7D') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`) },
);
const segment = fc.array(token, { maxLength: 6 }).map((t) => t.join(''));
/**
 * Sometimes very long: past MediaWiki's 255 bytes and (for usernames) the router's 2048-character
 * parameter limit, but short of the 16 KB request head past which Node answers 431 itself, before any
 * route (Toolforge's front proxy refuses such URLs earlier still).
 */
const longSegment = (maxChars: number) =>
  fc
    .tuple(fc.constantFrom('a', '%C3%A9', '_', '%F0%9F%98%80'), fc.integer({ min: 200, max: maxChars }))
    .map(([t, chars]) => t.repeat(Math.ceil(chars / t.length)));
/** Mostly hostile; often plain (so that many requests get past validation to the Dashboard); sometimes long. */
const anySegment = (maxChars: number) =>
  fc.oneof(
    { weight: 4, arbitrary: segment },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: longSegment(maxChars) },
  );

const queryValue = fc.oneof(
  fc.constantFrom('true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'TRUE', 'Yes', '', 'maybe', '%00', '%FF', 'true%00', '2'),
  segment,
);
const queryParam = fc.oneof(
  fc.tuple(fc.constantFrom('enrich', 'use_event_dates', 'username', 'ENRICH', 'enrich[]', '__proto__', 'constructor'), queryValue).map(([k, v]) => `${k}=${v}`),
  fc.constantFrom('enrich', 'use_event_dates', '=', '&', '==', 'enrich==true'),
  segment,
);
const query = fc.oneof(fc.constant(''), fc.array(queryParam, { maxLength: 5 }).map((ps) => `?${ps.join('&')}`));

const userPath = fc
  .tuple(anySegment(3_000), fc.constantFrom('', '', '/active-staff', '/status', '/', '/status/', '/x', '/..'), query)
  .map(([name, suffix, q]) => `/api/users/${name}${suffix}${q}`);
const coursePath = fc
  .tuple(fc.array(anySegment(1_400), { minLength: 0, maxLength: 5 }), fc.constantFrom('', '', '/users', '/users/', '/course.json'), query)
  .map(([segments, suffix, q]) => `/api/courses/${segments.join('/')}${suffix}${q}`);

/** What every answer must be: not a 5xx, JSON or problem+json, CORS, a problem that agrees with the status. */
function assertWellFormed(path: string, r: RawReply): void {
  const where = `${path} -> ${r.status} ${r.body.slice(0, 200)}`;
  assert.ok(r.status < 500, where);
  assert.equal(r.headers['access-control-allow-origin'], '*', where);
  const type = r.headers['content-type'] ?? '';
  if (r.status === 200) assert.match(type, /^application\/json/, where);
  else assert.match(type, /^application\/problem\+json/, where);
  const body: unknown = JSON.parse(r.body);
  if (r.status !== 200) {
    const problem = body as { type?: unknown; title?: unknown; status?: unknown; detail?: unknown };
    assert.equal(problem.status, r.status, where);
    assert.equal(typeof problem.type, 'string', where);
    assert.equal(typeof problem.title, 'string', where);
    assert.equal(typeof problem.detail, 'string', where);
  }
}

/** The three upstream shapes, with no segment that is (or decodes to) `.` or `..` or holds a `/`. */
function assertUpstreamShape(rawUrl: string): void {
  if (USER_STATS.test(rawUrl)) return;
  const course = COURSE.exec(rawUrl);
  assert.ok(course, `unexpected upstream request ${rawUrl}`);
  const segments = (course[1] ?? '').slice(0, -1).split('/');
  assert.ok(segments.length >= 2, rawUrl);
  for (const s of segments) {
    const decoded = decodeURIComponent(s);
    assert.ok(decoded !== '.' && decoded !== '..' && !decoded.includes('/'), `bad segment ${s} in ${rawUrl}`);
  }
}

describe('hostile input over HTTP', () => {
  const svc = useService();
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });

  /** GET, check the answer, and check every upstream request it caused. */
  const check = async (path: string): Promise<RawReply> => {
    const seen = svc.dashboard.requests.length;
    const reply = await rawRequest(svc.url, path, { agent });
    assertWellFormed(path, reply);
    for (const r of svc.dashboard.requests.slice(seen)) assertUpstreamShape(r.rawUrl);
    return reply;
  };

  after(() => agent.destroy());

  test('usernames: never a 5xx, always JSON or problem+json with CORS, upstream shape kept', async () => {
    await fc.assert(fc.asyncProperty(userPath, async (path) => void (await check(path))), { numRuns: 400 });
    const upstream = svc.dashboard.count(USER_STATS);
    assert.ok(upstream > 50, `not vacuous: only ${upstream} generated names went upstream`);
  });

  test('course slugs (any number of segments): the same', async () => {
    await fc.assert(fc.asyncProperty(coursePath, async (path) => void (await check(path))), { numRuns: 400 });
    const upstream = svc.dashboard.count(/^\/courses\//);
    assert.ok(upstream > 50, `not vacuous: only ${upstream} generated slugs went upstream`);
  });

  test('known paths with garbage or repeated query parameters: 200 or a 400 problem, nothing else', async () => {
    const known = fc.constantFrom(
      '/api/users/%C3%89milie_Dupont',
      '/api/users/%C3%89milie_Dupont/active-staff',
      '/api/users/%C3%89milie_Dupont/status',
      '/api/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)',
      '/api/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)/users',
    );
    await fc.assert(
      fc.asyncProperty(known, query, async (path, q) => {
        const reply = await check(path + q);
        assert.ok(reply.status === 200 || reply.status === 400, `${path}${q} -> ${reply.status}`);
      }),
      { numRuns: 250 },
    );
  });

  test('spellings that canonicalise equal share one cache entry: one upstream request, one answer', async () => {
    const nameChar = fc.constantFrom(...'abzAZé É ßıΣσ+%&?/.-09😀', 'e\u0301');
    const spelling = fc.record({ underscores: fc.boolean(), pad: fc.constantFrom('', ' ', '_', '__', ' _ '), lowerFirst: fc.boolean(), nfd: fc.boolean(), encodeAll: fc.boolean() });
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(nameChar, { minLength: 1, maxLength: 12 }), fc.array(spelling, { minLength: 2, maxLength: 4 }), async (chars, spellings) => {
        let canonical: string;
        try {
          // The suffix keeps these names apart from those the tests above may have cached as 404s.
          canonical = canonicalUsername(`${chars.join('')} (spelling)`);
        } catch {
          fc.pre(false);
          return;
        }
        const variants = spellings.map((s) => {
          let v = s.underscores ? canonical.replaceAll(' ', '_') : canonical;
          const first = String.fromCodePoint(v.codePointAt(0) ?? 0);
          const lower = first.toLowerCase();
          if (s.lowerFirst && Array.from(lower).length === 1 && lower.toUpperCase() === first) v = lower + v.slice(first.length);
          if (s.nfd) v = v.normalize('NFD');
          v = s.pad + v + s.pad;
          assert.equal(canonicalUsername(v), canonical, `spelling ${JSON.stringify(v)}`);
          return s.encodeAll ? percentAll(v) : encodeURIComponent(v);
        });
        svc.dashboard.world.addUser(canonical);
        const before = svc.dashboard.count(USER_STATS);
        const replies = await Promise.all(variants.map((v) => check(`/api/users/${v}`)));
        for (const r of replies) {
          assert.equal(r.status, 200, r.body);
          assert.equal((JSON.parse(r.body) as { username: string }).username, canonical);
        }
        // One request the first time this person is seen (names the Dashboard folds together, such as
        // `😀z` and `😀Z`, are one person), none after (it is cached).
        const key = foldForKey(canonical);
        assert.equal(svc.dashboard.count(USER_STATS) - before, seen.has(key) ? 0 : 1, canonical);
        seen.add(key);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a hostile Dashboard over HTTP', () => {
  // A breaker that opened would turn most reads here into its 503 and hide the faults from them; it has
  // its own tests (test/routes/dashboard-down.test.ts).
  const svc = useService({ env: { HTTP_TIMEOUT: '0.2', UPSTREAM_RETRY_DELAY: '0.01', UPSTREAM_MAX_FAILS: '1000', REFRESH_FAILURE_BACKOFF: '0.05' } });

  const fault: fc.Arbitrary<Fault> = fc.oneof(
    fc.record({ status: fc.constantFrom(400, 403, 404, 410, 429, 500, 502, 503, 504), retryAfter: fc.option(fc.constantFrom('0', '1', '600', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT'), { nil: undefined }), html: fc.boolean() }),
    fc.constantFrom<Fault>({ html: true }, { truncated: true }, { reset: true }, { hang: true }, { delayMs: 150 }, { delayMs: 300 }, { redirectTo: 'http://127.0.0.1:9/' }),
    fc.constantFrom(...(Object.keys(MALFORMED) as MalformedKind[])).map((malformed): Fault => ({ malformed })),
  );
  const scoped = fc.record({
    fault,
    match: fc.constantFrom(undefined, /user_stats/, /course\.json/, /users\.json/),
    times: fc.constantFrom(undefined, 1, 2),
  }).map(({ fault: f, match, times }): Fault => ({ ...f, ...(match && { match }), ...(times && { times }) }));
  // A path template, filled in with a person and a course the service has never seen (each run is cold).
  const read = fc.constantFrom(
    ...['', '?enrich=true', '/active-staff', '/status'].map((s) => (u: string) => `/api/users/${encodeURIComponent(u)}${s}`),
    ...['', '?enrich=true', '/users'].map((s) => (_u: string, c: string) => `/api/courses/${c}${s}`),
    (u: string) => `/api/users/${encodeURIComponent(`${u} Unknown`)}`,
  );
  let serial = 0;
  const DAY = 86_400_000;

  test('whatever it sends back: 200, 404 or a 502/503/504 problem with CORS, never a 500', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.array(scoped, { minLength: 1, maxLength: 3 }), fc.array(read, { minLength: 1, maxLength: 4 }), async (faults, templates) => {
        const n = ++serial;
        const [user, course] = [`Hostile Upstream ${n}`, `Hostile_Upstream/Course_${n}`];
        for (const [slug, end] of [[course, Date.now() + DAY], [`Hostile_Upstream/Past_${n}`, Date.now() - 90 * DAY]] as const) {
          svc.dashboard.world.addCourse({
            slug,
            title: slug,
            school: 'Hostile Upstream',
            start: new Date(end - 30 * DAY).toISOString(),
            end: new Date(end).toISOString(),
            roster: [
              { username: `Teacher ${n}`, role: 1 },
              { username: user, role: 0 },
            ],
          });
        }
        svc.dashboard.setFaults(faults);
        const paths = templates.map((path) => path(user, course));
        const replies = await Promise.all(paths.map((p) => rawRequest(svc.url, p)));
        replies.forEach((r, i) => {
          const where = `${paths[i]} with ${JSON.stringify(faults)} -> ${r.status} ${r.body.slice(0, 200)}`;
          assert.ok([200, 404, 502, 503, 504].includes(r.status), where);
          assert.equal(r.headers['access-control-allow-origin'], '*', where);
          assert.match(r.headers['content-type'] ?? '', r.status === 200 ? /^application\/json/ : /^application\/problem\+json/, where);
          JSON.parse(r.body);
          seen.add(r.status);
        });
      }),
      { numRuns: 120 },
    );
    svc.dashboard.setFaults([]);
    for (const status of [200, 404, 502, 504]) assert.ok(seen.has(status), `not vacuous: no ${status} among ${[...seen].join(', ')}`);
  });
});

describe('canonicalUsername', () => {
  test('is idempotent wherever it accepts the input', () => {
    const input = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom('_', ' ', '\u3000', '\u00A0', 'e', '\u0301', 'ß', 'ǆ', 'ﬀ', 'İ', 'ı', 'σ', 'ς', 'Å', 'A\u030A', '\u1E9E'), { maxLength: 12 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(input, (x) => {
        let once: string;
        try {
          once = canonicalUsername(x);
        } catch {
          return;
        }
        assert.equal(canonicalUsername(once), once);
      }),
      { numRuns: 5000 },
    );
  });
});
