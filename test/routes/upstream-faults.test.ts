// Malformed HTTP from the Dashboard, seen from outside: every kind is a 502 problem (never a 500) on
// every read, and inside enrichment it leaves only that course's fields null, as the contract says.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { MALFORMED, type Fault, type MalformedKind } from '../../demo/fake-dashboard.js';
import { useService } from '../../support/service.js';

const DAY = 86_400_000;
// Each test breaks the Dashboard on purpose; the breaker has its own tests (dashboard-down.test.ts).
const svc = useService({
  env: { HTTP_TIMEOUT: '1', UPSTREAM_RETRY_DELAY: '0.01', UPSTREAM_MAX_FAILS: '1000', REFRESH_FAILURE_BACKOFF: '0.2' },
});
afterEach(() => svc.dashboard.setFaults([]));

const FAULTS: [string, Fault][] = [
  ...(Object.keys(MALFORMED) as MalformedKind[]).map((kind): [string, Fault] => [kind, { malformed: kind }]),
  ['a redirect elsewhere', { redirectTo: 'http://127.0.0.1:9/' }],
];

/** A new user in one new course of their own (active now), so every test starts cold. */
let serial = 0;
function newCourse(): { user: string; slug: string } {
  serial += 1;
  const slug = `Fault_School/Course_${serial}`;
  const user = `Fault User ${serial}`;
  svc.dashboard.world.addCourse({
    slug,
    title: `Course ${serial}`,
    school: 'Fault School',
    start: new Date(Date.now() - 10 * DAY).toISOString(),
    end: new Date(Date.now() + 10 * DAY).toISOString(),
    roster: [
      { username: `Fault Teacher ${serial}`, role: 1 },
      { username: user, role: 0 },
    ],
  });
  return { user, slug };
}

function assertUpstreamProblem(r: { status: number; headers: Headers; body: any }, what: string): void {
  assert.equal(r.status, 502, `${what}: ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.type, '/problems/upstream-error');
  assert.equal(r.headers.get('cache-control'), 'no-store');
}

describe('malformed answers from the Dashboard', () => {
  for (const [what, fault] of FAULTS) {
    it(`${what}: 502 for a user, a course and a roster; nothing is cached`, async () => {
      const { user, slug } = newCourse();
      svc.dashboard.setFaults([fault]);
      assertUpstreamProblem(await svc.get(`/api/users/${encodeURIComponent(user)}`), 'user');
      assertUpstreamProblem(await svc.get(`/api/courses/${slug}`), 'course');
      assertUpstreamProblem(await svc.get(`/api/courses/${slug}/users`), 'roster');
      svc.dashboard.setFaults([]);
      await new Promise((resolve) => setTimeout(resolve, 250)); // past the failure memory (REFRESH_FAILURE_BACKOFF)
      assert.equal((await svc.get(`/api/users/${encodeURIComponent(user)}`)).status, 200);
      assert.equal((await svc.get(`/api/courses/${slug}/users`)).status, 200);
    });

    it(`${what} inside enrichment: 200, that course's fields null, the rest answered`, async () => {
      const { user, slug } = newCourse();
      const other = `Fault_School/Other_${serial}`;
      svc.dashboard.world.addCourse({
        slug: other,
        title: 'Other',
        school: 'Fault School',
        start: new Date(Date.now() - DAY).toISOString(),
        end: new Date(Date.now() + DAY).toISOString(),
        roster: [
          { username: 'Other Teacher', role: 1 },
          { username: user, role: 0 },
        ],
      });
      svc.dashboard.setFaults([{ ...fault, match: new RegExp(`/Course_${serial}/`) }]);
      for (const suffix of ['?enrich=true', '/active-staff', '/status']) {
        const r = await svc.get(`/api/users/${encodeURIComponent(user)}${suffix}`);
        assert.equal(r.status, 200, `${suffix}: ${JSON.stringify(r.body)}`);
        if (suffix === '?enrich=true') {
          const broken = r.body.courses.find((c: { course_slug: string }) => c.course_slug === slug);
          const fine = r.body.courses.find((c: { course_slug: string }) => c.course_slug === other);
          assert.equal(broken.start, null);
          assert.equal(broken.active_tracking, null);
          assert.equal(broken.staff, null);
          assert.equal(fine.active_tracking, true);
          assert.deepEqual(fine.staff, ['Other Teacher']);
        }
        if (suffix === '/active-staff') assert.deepEqual(r.body.all_staff, ['Other Teacher']);
        if (suffix === '/status') assert.equal(r.body.tracked_count, 1);
      }
    });
  }
});
