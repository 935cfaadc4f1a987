import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { MALFORMED, startFakeDashboard, type FakeDashboard, type MalformedKind } from '../../demo/fake-dashboard.js';
import { COURSES, demoWorld, PERSONAS } from '../../demo/demo-world.js';
import type { UserStatsBody } from '../../demo/wire.js';
import { SNAPSHOT_AT } from '../../demo/world.js';
import { rawRequest, type RawReply } from '../../support/raw-http.js';

const fixture = (file: string): string => readFileSync(new URL(`../../demo/fixtures/${file}`, import.meta.url), 'utf8');

type Reply = RawReply;
const get = (base: string, rawPath: string, headers: Record<string, string> = {}): Promise<Reply> => rawRequest(base, rawPath, { headers });

const stats = (r: Reply): UserStatsBody => JSON.parse(r.body) as UserStatsBody;
const slugsOf = (r: Reply): string[] => stats(r).courses_details.map((d) => d.course_slug);

describe('fake Dashboard over HTTP', () => {
  let fake: FakeDashboard;
  const at = (rawPath: string, headers?: Record<string, string>): Promise<Reply> => get(fake.url, rawPath, headers);

  before(async () => {
    fake = await startFakeDashboard();
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  test('listens on 127.0.0.1 with a port and no trailing slash', () => {
    assert.match(fake.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  describe('user_stats.json', () => {
    test('decodes the username twice, then reads _ as a space', async () => {
      const expected = (await at('/user_stats.json?username=User%20With%20Spaces')).body;
      assert.equal(slugsOf({ status: 200, headers: {}, body: expected }).length, 2);
      for (const q of ['User_With_Spaces', 'User+With+Spaces', 'User%2520With%2520Spaces', 'user_with_spaces']) {
        const r = await at(`/user_stats.json?username=${q}`);
        assert.equal(r.status, 200, q);
        assert.equal(r.body, expected, q);
      }
      // `+` survives only when encoded twice; a single %2B is a space after the second decode.
      const plus = await at('/user_stats.json?username=C%252B%252B%2520Fan');
      assert.equal(plus.status, 200);
      assert.deepEqual(slugsOf(plus), [COURSES.threeSegments]);
      assert.equal((await at('/user_stats.json?username=C%2B%2B%20Fan')).status, 404);
      assert.equal((await at('/user_stats.json?username=C++_Fan')).status, 404);
      const percent = await at('/user_stats.json?username=100%2525%2520Wiki');
      assert.equal(percent.status, 200);
      assert.deepEqual(slugsOf(percent), [COURSES.threeSegments]);
    });

    test('matches case-, accent- and trailing-space-insensitively', async () => {
      const expected = (await at('/user_stats.json?username=%C3%89milie%20Dupont')).body;
      assert.equal(slugsOf({ status: 200, headers: {}, body: expected }).length, 3);
      for (const q of [ '%C3%A9milie%20dupont', 'EMILIE_DUPONT', 'E%CC%81milie_Dupont', 'Emilie%20Dupont%20%20']) {
        const r = await at(`/user_stats.json?username=${q}`);
        assert.equal(r.status, 200, q);
        assert.equal(r.body, expected, q);
      }
      const lower = await at('/user_stats.json?username=lower_first');
      assert.equal(lower.status, 200);
      assert.deepEqual(slugsOf(lower), [COURSES.threeSegments]);
    });

    test('a user with no courses is a 200 with an empty list', async () => {
      const r = await at('/user_stats.json?username=Quiet_Reader');
      assert.equal(r.status, 200);
      assert.equal(r.body, '{"user_recent_uploads":[],"courses_details":[],"max_project":null}');
    });

    test('an unknown user is a 404, a missing parameter a 500', async () => {
      const unknown = await at('/user_stats.json?username=Ghost_User');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body, fixture('_errors/user_not_found.json'));
      assert.equal(unknown.headers['content-type'], 'application/json; charset=utf-8');
      for (const q of ['', '?user=Ghost', '?username']) {
        const r = await at(`/user_stats.json${q}`);
        assert.equal(r.status, 500, q);
        assert.equal(r.body, fixture('_errors/internal_server_error.json'));
      }
    });

    test('rows follow the rosters: three roles for Adaeze Okafor, B twice for Lena Vogel', async () => {
      const adaeze = stats(await at('/user_stats.json?username=Adaeze_Okafor')).courses_details;
      assert.deepEqual(
        adaeze.map((d) => [d.course_slug, d.user_role]),
        [
          [COURSES.articleScoped, 'Student'],
          [COURSES.large, 'Instructor'],
          [COURSES.oddSlug, 'Online Volunteer'],
        ],
      );
      for (const d of adaeze) {
        const users = (JSON.parse((await at(`/courses/${encodeURI(d.course_slug)}/users.json`)).body) as { course: { users: { role: number }[] } })
          .course.users;
        assert.equal(d.user_count, users.filter((u) => u.role === 0).length, d.course_slug);
      }
      const lena = slugsOf(await at('/user_stats.json?username=Lena_Vogel'));
      assert.deepEqual(lena, [COURSES.eventAhead, COURSES.eventAhead, COURSES.recentlyEnded]);
    });
  });

  describe('courses/<slug>/(course|users).json', () => {
    test('a slug of three segments, for both files', async () => {
      const c = await at('/courses/Wiki_Club/Berlin/Spring_Sprint_(2026)/course.json');
      assert.equal(c.status, 200);
      assert.equal((JSON.parse(c.body) as { course: { slug: string } }).course.slug, COURSES.threeSegments);
      const u = await at('/courses/Wiki_Club/Berlin/Spring_Sprint_(2026)/users.json');
      assert.equal(u.status, 200);
      const names = (JSON.parse(u.body) as { course: { users: { username: string }[] } }).course.users.map((x) => x.username);
      assert.ok(names.includes(PERSONAS.threeSegmentStudent));
    });

    test('percent-decoded and matched ignoring case and accents, but not _ versus space', async () => {
      const expected = (await at('/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)/users.json')).body;
      assert.ok(expected.includes('"username":"Léa Gagnon"'));
      for (const p of [
        'Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_%28Automne_2026%29',
        'universit%C3%A9_DE_montr%C3%A9al/histoire_des_sciences_%28automne_2026%29',
        'Universite_de_Montreal/Histoire_des_sciences_(Automne_2026)',
      ]) {
        const r = await at(`/courses/${p}/users.json`);
        assert.equal(r.status, 200, p);
        assert.equal(r.body, expected, p);
      }
      const spaced = await at('/courses/Wikimedia%20UK/Wikidata_Taster_(Saturday_7th_November_2026)/course.json');
      assert.equal(spaced.status, 404);
      assert.equal(spaced.body, '{"message":"Course Wikimedia UK/Wikidata_Taster_(Saturday_7th_November_2026) not found"}');
    });

    test('unknown and private courses are 404s with upstream bodies; other routes too', async () => {
      const unknown = await at('/courses/No_Such_School/No_Such_Course_(2026)/course.json');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body, fixture('_errors/course_not_found_example.json'));
      for (const file of ['course', 'users']) {
        const secret = await at(`/courses/Secret_Lab/Internal_Pilot_(2026)/${file}.json`);
        assert.equal(secret.status, 404);
        assert.equal(secret.body, fixture('_errors/private_course.json'));
      }
      const other = await at('/courses_users.json?user_id=1411090');
      assert.equal(other.status, 404);
      assert.equal(other.body, fixture('_errors/route_not_found.json'));
      const page = await at('/courses/Wikimedia_UK/Wikidata_Taster_(Saturday_7th_November_2026)');
      assert.equal(page.status, 404);
      assert.match(String(page.headers['content-type']), /^text\/html/);
    });

    test('dates are relative to now: A is active, C ended, B has its event ahead', async () => {
      const now = Date.now();
      const read = async (slug: string): Promise<Record<string, unknown>> =>
        (JSON.parse((await at(`/courses/${encodeURI(slug)}/course.json`)).body) as { course: Record<string, unknown> }).course;
      const a = await read(COURSES.active);
      assert.ok(Date.parse(String(a['start'])) < now && now < Date.parse(String(a['end'])));
      assert.equal(a['ended'], false);
      const c = await read(COURSES.past);
      assert.ok(Date.parse(String(c['end'])) < now);
      assert.equal(c['ended'], true);
      const b = await read(COURSES.eventAhead);
      assert.ok(Date.parse(String(b['timeline_start'])) > now);
    });

    test('bodies are written like Rails: compact, with & < > escaped', async () => {
      const r = await at(`/courses/${COURSES.xss}/users.json`);
      assert.equal(r.status, 200);
      assert.ok(!r.body.includes('<') && !r.body.includes('&') && !r.body.includes('\n'));
      assert.ok(r.body.includes('Evil \\u003cimg src=x onerror=\\"window.__xss=1\\"\\u003e\\u0026amp;'));
      const names = (JSON.parse(r.body) as { course: { users: { username: string }[] } }).course.users.map((u) => u.username);
      assert.ok(names.includes(PERSONAS.xssStaff));
    });
  });

  test('answers from the world as it is at request time', async () => {
    const now = Date.now();
    assert.equal((await at('/user_stats.json?username=Late_Comer')).status, 404);
    fake.world.addCourse({
      slug: 'Late/Course',
      title: 'Course',
      school: 'Late',
      start: new Date(now - 1000).toISOString(),
      end: new Date(now + 86_400_000).toISOString(),
      roster: [{ username: 'Late Comer', role: 0 }],
    });
    fake.world.addUser('Only Just Registered');
    assert.deepEqual(slugsOf(await at('/user_stats.json?username=Late_Comer')), ['Late/Course']);
    assert.equal((await at('/courses/late/course/course.json')).status, 200);
    assert.equal((await at('/user_stats.json?username=Only_Just_Registered')).status, 200);
  });

  test('ETag and 304 on If-None-Match; errors carry no ETag', async () => {
    const path = '/user_stats.json?username=Adaeze_Okafor';
    const first = await at(path);
    const etag = first.headers.etag;
    assert.match(String(etag), /^W\/"[0-9a-f]{32}"$/);
    assert.equal(first.headers['cache-control'], 'max-age=0, private, must-revalidate');
    const again = await at(path, { 'If-None-Match': String(etag) });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    assert.equal((await at(path, { 'If-None-Match': 'W/"something-else"' })).status, 200);
    // Another body, another tag.
    assert.notEqual((await at('/user_stats.json?username=Lena_Vogel')).headers.etag, etag);
    const missing = await at('/user_stats.json?username=Ghost_User');
    assert.equal(missing.headers.etag, undefined);
  });

  test('records every request with its raw URL, decoded path and headers', async () => {
    await at('/user_stats.json?username=%C3%89milie_Dupont', { 'User-Agent': 'test-agent/1' });
    await at('/courses/a/../b/course.json');
    assert.deepEqual(
      fake.requests.map((r) => [r.method, r.rawUrl, r.path]),
      [
        ['GET', '/user_stats.json?username=%C3%89milie_Dupont', '/user_stats.json'],
        ['GET', '/courses/a/../b/course.json', '/courses/a/../b/course.json'],
      ],
    );
    assert.equal(fake.requests[0]?.headers['user-agent'], 'test-agent/1');
    assert.ok(Math.abs((fake.requests[0]?.at ?? 0) - Date.now()) < 5000);
    assert.equal(fake.count(), 2);
    assert.equal(fake.count(/^\/user_stats\.json\?/), 1);
    assert.equal(fake.count(/\.\./g), 1);
    assert.equal(fake.count(/\.\./g), 1); // a /g pattern keeps no state between calls
    fake.reset();
    assert.equal(fake.count(), 0);
  });

  test('maxInFlight is the peak of concurrent requests', async () => {
    fake.setFaults([{ delayMs: 150 }]);
    await Promise.all(Array.from({ length: 5 }, () => at('/user_stats.json?username=Quiet_Reader')));
    assert.equal(fake.maxInFlight, 5);
    await at('/user_stats.json?username=Quiet_Reader');
    assert.equal(fake.maxInFlight, 5);
    fake.reset();
    assert.equal(fake.maxInFlight, 0);
    await at('/user_stats.json?username=Quiet_Reader');
    assert.equal(fake.maxInFlight, 1);
  });

  describe('faults', () => {
    const quiet = '/user_stats.json?username=Quiet_Reader';

    test('delayMs waits, then answers normally', async () => {
      fake.setFaults([{ delayMs: 300 }]);
      const t0 = performance.now();
      const r = await at(quiet);
      assert.ok(performance.now() - t0 >= 290);
      assert.equal(r.status, 200);
      assert.equal(r.body, '{"user_recent_uploads":[],"courses_details":[],"max_project":null}');
    });

    test('status with Retry-After', async () => {
      fake.setFaults([{ status: 503, retryAfter: '120' }]);
      const r = await at(quiet);
      assert.equal(r.status, 503);
      assert.equal(r.headers['retry-after'], '120');
      assert.deepEqual(JSON.parse(r.body), { message: 'Service Unavailable' });
      fake.setFaults([{ status: 502, html: true }]);
      const page = await at(quiet);
      assert.equal(page.status, 502);
      assert.match(String(page.headers['content-type']), /^text\/html/);
    });

    test('html is a 200 that is not JSON', async () => {
      fake.setFaults([{ html: true }]);
      const r = await at(quiet);
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-type']), /^text\/html/);
      assert.throws(() => JSON.parse(r.body));
    });

    test('truncated is a 200 application/json with half the body', async () => {
      const full = (await at('/user_stats.json?username=Adaeze_Okafor')).body;
      fake.setFaults([{ truncated: true }]);
      const r = await at('/user_stats.json?username=Adaeze_Okafor');
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(Number(r.headers['content-length']), Math.floor(Buffer.byteLength(full) / 2));
      assert.equal(r.body, Buffer.from(full).subarray(0, Math.floor(Buffer.byteLength(full) / 2)).toString());
      assert.throws(() => JSON.parse(r.body));
    });

    test('body is a 200 application/json with that body, or with what it makes of the real one', async () => {
      const path = '/user_stats.json?username=Adaeze_Okafor';
      const full = (await at(path)).body;
      fake.setFaults([{ body: '{"planted":true}', times: 1 }, { body: (real) => `[${real}]` }]);
      const planted = await at(path);
      assert.deepEqual([planted.status, planted.headers['content-type'], planted.body], [200, 'application/json; charset=utf-8', '{"planted":true}']);
      const wrapped = await at(path);
      assert.deepEqual([wrapped.status, wrapped.body], [200, `[${full}]`]);
    });

    test('reset destroys the socket without an answer', async () => {
      fake.setFaults([{ reset: true }]);
      await assert.rejects(at(quiet), (err: NodeJS.ErrnoException) => ['ECONNRESET', 'EPIPE'].includes(String(err.code)));
    });

    test('redirectTo is a 302 with that Location', async () => {
      fake.setFaults([{ redirectTo: 'http://elsewhere.example/user_stats.json' }]);
      const r = await at(quiet);
      assert.equal(r.status, 302);
      assert.equal(r.headers['location'], 'http://elsewhere.example/user_stats.json');
    });

    for (const kind of Object.keys(MALFORMED) as MalformedKind[]) {
      test(`malformed ${kind}: those raw bytes around the real body, then the connection closes`, async () => {
        const body = Buffer.from((await at(quiet)).body);
        fake.setFaults([{ malformed: kind }]);
        const wire = await rawExchange(fake.url, `GET ${quiet} HTTP/1.1\r\nHost: x\r\n\r\n`);
        assert.deepEqual(wire, MALFORMED[kind](body));
        assert.ok(wire.includes(kind === 'cut-body' ? body.subarray(0, body.length >> 1) : body));
      });
    }

    test('times applies a fault to the next N matching requests only; the first matching fault wins', async () => {
      fake.setFaults([
        { match: /username=Quiet/, status: 500, times: 2 },
        { match: /username=Quiet/, status: 429 },
      ]);
      assert.equal((await at('/user_stats.json?username=Lena_Vogel')).status, 200);
      assert.equal((await at(quiet)).status, 500);
      assert.equal((await at(quiet)).status, 500);
      assert.equal((await at(quiet)).status, 429);
      fake.setFaults([{ status: 500, times: 1 }]);
      assert.equal((await at(quiet)).status, 500);
      assert.equal((await at(quiet)).status, 200);
      fake.setFaults([{ status: 500 }]);
      fake.reset();
      assert.equal((await at(quiet)).status, 200);
    });
  });
});

/** Everything the server writes on one connection for `request`, until it closes the connection. */
function rawExchange(base: string, request: string): Promise<Buffer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(request));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

test('hang holds the request until close() ends it', { timeout: 5000 }, async (t) => {
  const fake = await startFakeDashboard();
  t.after(() => fake.close());
  fake.setFaults([{ hang: true }]);
  let settled = false;
  const pending = get(fake.url, '/user_stats.json?username=Quiet_Reader').finally(() => {
    settled = true;
  });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(settled, false);
  assert.equal(fake.count(), 1);
  await fake.close();
  await assert.rejects(pending);
});

test('ended follows the injected clock at request time', async (t) => {
  const worldNow = Date.now();
  let clock = worldNow;
  const fake = await startFakeDashboard({ world: demoWorld(worldNow), now: () => clock });
  t.after(() => fake.close());
  const ended = async (): Promise<unknown> =>
    (JSON.parse((await get(fake.url, `/courses/${encodeURI(COURSES.active)}/course.json`)).body) as { course: { ended: unknown } }).course.ended;
  assert.equal(await ended(), false);
  // A's tracking ends about 23 days after the snapshot instant.
  clock = worldNow + 60 * 86_400_000;
  assert.equal(await ended(), true);
  assert.equal(fake.requests[1]?.at, clock);
});

test('at the snapshot instant it answers every manifest request with the fixture file, byte for byte', async (t) => {
  const snapshot = Date.parse(SNAPSHOT_AT);
  const fake = await startFakeDashboard({ world: demoWorld(snapshot), now: () => snapshot });
  t.after(() => fake.close());
  const manifest = JSON.parse(fixture('manifest.json')) as {
    routes: { encoded_path: string; encoded_query?: string; status: number; file: string }[];
  };
  assert.equal(manifest.routes.length, 26);
  for (const r of manifest.routes) {
    const reply = await get(fake.url, r.encoded_path + (r.encoded_query === undefined ? '' : `?${r.encoded_query}`));
    assert.equal(reply.status, r.status, r.file);
    assert.equal(reply.body, fixture(r.file), r.file);
    assert.equal(reply.headers['content-type'], 'application/json; charset=utf-8');
  }
});
