// Bad input, unknown things and a failing Dashboard: problem+json with the right status, never a
// 500 for a bad name or slug, nothing cached from a failure, and nothing escapes the upstream paths.

import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import { assertProblem } from '../../support/problems.js';
import { useService } from '../../support/service.js';

// A short deadline keeps the hang cases quick; a short failure memory lets a test see that a failure
// was not cached without waiting long.
const svc = useService({ env: { HTTP_TIMEOUT: '0.5', REFRESH_FAILURE_BACKOFF: '0.1' } });
afterEach(() => svc.dashboard.setFaults([]));

/** Past the failure memory (REFRESH_FAILURE_BACKOFF): a failed name is asked again, not answered from memory. */
const pastFailureMemory = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 150));

/** Every request the fake Dashboard ever saw stayed inside the three allowed shapes. */
function assertUpstreamShapes(): void {
  for (const { rawUrl } of svc.dashboard.requests) {
    const ok =
      /^\/user_stats\.json\?username=[^&#/]+$/.test(rawUrl) ||
      (/^\/courses\/(?:[^/?#]+\/){2,}(?:course|users)\.json$/.test(rawUrl) && !/\/\.\.?\//.test(rawUrl));
    assert.ok(ok, `unexpected upstream request ${rawUrl}`);
  }
}

describe('not found', () => {
  it('404 for an unknown user on every user endpoint', async () => {
    for (const suffix of ['', '/active-staff', '/status', '?enrich=true']) {
      assertProblem(await svc.get(`/api/users/${encodeURIComponent(PERSONAS.unknown)}${suffix}`), 404, '/problems/not-found');
    }
  });

  it('404 for an unknown course, a private course, and their rosters', async () => {
    for (const slug of ['No_Such_School/No_Such_Course_(2026)', COURSES.private]) {
      assertProblem(await svc.get(`/api/courses/${slug}`), 404, '/problems/not-found');
      assertProblem(await svc.get(`/api/courses/${slug}/users?enrich=true`), 404, '/problems/not-found');
    }
  });

  it('404 problem for a path that is not an endpoint', async () => {
    assertProblem(await svc.get('/api/nothing-here'), 404, '/problems/no-such-route');
  });
});

describe('bad input', () => {
  const badNames = ['a%3Cb', '%7Bx%7D', 'a%7Cb', 'a%5Bb%5D', 'a%23b', '%00x', 'a%0Ab', '%20', '_', '%E9', '%ZZ', 'x'.repeat(256), '%C3%A9'.repeat(128)];
  for (const name of badNames) {
    it(`400 for the username ${JSON.stringify(name.slice(0, 40))}`, async () => {
      assertProblem(await svc.get(`/api/users/${name}`), 400, '/problems/invalid-input');
    });
  }

  const badSlugs = ['OnlyOne', 'a//b', 'a/b/', '/a/b', 'a/./b', 'a/../b', '..%2F..%2Fuser_stats.json/x', 'a%2Fb', 'a/%E9', `a/${'b'.repeat(1001)}`];
  for (const slug of badSlugs) {
    it(`400 for the slug ${JSON.stringify(slug.slice(0, 40))}`, async () => {
      assertProblem(await svc.get(`/api/courses/${slug}`), 400, '/problems/invalid-input');
    });
  }

  for (const query of ['enrich=maybe', 'enrich=2', 'enrich=true&enrich=false']) {
    it(`400 for ?${query}`, async () => {
      assertProblem(await svc.get(`/api/users/lower_first?${query}`), 400, '/problems/invalid-input');
    });
  }

  it('accepts every documented boolean spelling', async () => {
    for (const v of ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'TRUE']) {
      assert.equal((await svc.get(`/api/users/lower_first?enrich=${v}`)).status, 200, v);
    }
  });
});

describe('requests Node refuses before routing', () => {
  it('431 problem+json with CORS for a request head over 16 KB', async () => {
    const r = await svc.get(`/api/users/${'x'.repeat(20_000)}`);
    assertProblem(r, 431, '/problems/bad-request');
  });

  it('400 problem+json with CORS for a request that is not HTTP', async () => {
    const { status, headers, body } = await new Promise<{ status: string; headers: string; body: string }>((resolve, reject) => {
      const socket = connect(Number(new URL(svc.url).port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
      socket.on('end', () => {
        const [head = '', rest = ''] = text.split('\r\n\r\n');
        resolve({ status: head.split('\r\n')[0] ?? '', headers: head, body: rest });
      });
      socket.on('error', reject);
    });
    assert.match(status, /^HTTP\/1\.1 400 /);
    assert.match(headers, /^Access-Control-Allow-Origin: \*$/im);
    assert.match(headers, /^Content-Type: application\/problem\+json/im);
    assert.equal(JSON.parse(body).status, 400);
  });
});

describe('injection probes stay inside the upstream paths', () => {
  it('sends dots, slashes, query and fragment characters upstream only as encoded data', async () => {
    svc.dashboard.reset();
    const probes = [
      '/api/users/..%2F..%2Fcourses%2Fx%2Fy%2Fcourse.json',
      '/api/users/x%3Fusername%3DAdmin',
      '/api/users/x%26username%3DAdmin',
      '/api/users/%2E%2E',
      '/api/users/a%2Fb',
      '/api/courses/a%3F/b%23/users',
      '/api/courses/x%3Fy/z%26w',
      '/api/courses/%2E%2E%2E/x',
      '/api/courses/a/b%3Fformat%3Djson/course.json',
    ];
    for (const p of probes) {
      const r = await svc.get(p);
      assert.ok(r.status < 500, `${p} -> ${r.status}`);
    }
    assert.ok(svc.dashboard.requests.length > 0, 'the harmless probes did reach the Dashboard, encoded');
    assertUpstreamShapes();
  });
});

describe('a failing Dashboard', () => {
  it('502 when it answers 500 (after one retry), and nothing is cached', async () => {
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ match: /Adaeze/, status: 500 }]);
    assertProblem(await svc.get(`/api/users/${encodeURIComponent(PERSONAS.multiRole)}`), 502, '/problems/upstream-error');
    assert.equal(svc.dashboard.count(/Adaeze/), 2, 'one retry');
    svc.dashboard.setFaults([]);
    await pastFailureMemory();
    const r = await svc.get(`/api/users/${encodeURIComponent(PERSONAS.multiRole)}`);
    assert.equal(r.status, 200, 'the failure was not cached');
  });

  for (const [what, fault] of [
    ['an HTML page', { html: true }],
    ['truncated JSON', { truncated: true }],
  ] as const) {
    it(`502 for ${what} with status 200, and the garbage is not cached`, async () => {
      const name = what === 'an HTML page' ? PERSONAS.plusSigns : PERSONAS.percent;
      svc.dashboard.setFaults([{ match: /user_stats/, ...fault }]);
      assertProblem(await svc.get(`/api/users/${encodeURIComponent(name)}`), 502, '/problems/upstream-error');
      svc.dashboard.setFaults([]);
      await pastFailureMemory();
      const r = await svc.get(`/api/users/${encodeURIComponent(name)}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.username, name);
    });
  }

  it('504 within the deadline when it hangs, without a second attempt', async () => {
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ match: /Past/, hang: true }]);
    const started = Date.now();
    const r = await svc.get(`/api/users/${encodeURIComponent(PERSONAS.pastOnly)}`);
    const took = Date.now() - started;
    assertProblem(r, 504, '/problems/upstream-timeout');
    assert.ok(took < 1500, `answered after ${took} ms with HTTP_TIMEOUT=0.5 s`);
    assert.equal(svc.dashboard.count(/Past/), 1, 'a timed-out call is not retried');
  });

  it('keeps the answer when only an enrichment read fails: that course gets nulls', async () => {
    svc.dashboard.setFaults([{ match: /Wikimedia_Argentina/, status: 503 }]);
    const r = await svc.get(`/api/users/${encodeURIComponent(PERSONAS.active)}?enrich=true`);
    assert.equal(r.status, 200);
    const past = r.body.courses.find((c: { course_slug: string }) => c.course_slug === COURSES.past);
    assert.equal(past.start, null);
    assert.equal(past.active_tracking, null);
    assert.equal(past.staff, null);
    const active = r.body.courses.find((c: { course_slug: string }) => c.course_slug === COURSES.active);
    assert.equal(active.active_tracking, true);
    assert.match(r.headers.get('cache-control') ?? '', /max-age=0/, 'a partial answer is not to be kept');
  });
});
