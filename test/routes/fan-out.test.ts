// One deadline and a bounded fan-out per answer, over real HTTP against the fake Dashboard: a person
// in 1,000 courses gets a partial answer in time without taking the upstream queue from others, and
// no answer waits on a slow Dashboard longer than HTTP_TIMEOUT from its arrival.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { useService } from '../../support/service.js';

const TIMEOUT_MS = 2_000;
const DAY = 86_400_000;
const svc = useService({ env: { HTTP_TIMEOUT: String(TIMEOUT_MS / 1000) } });

afterEach(async () => {
  svc.dashboard.setFaults([]);
  // Reads an answer left under way at its deadline go on in the background: let them end, so that
  // the next test's requests do not queue behind them for the upstream slots.
  for (let i = 0; i < 200; i++) {
    const { upstream_in_flight, upstream_queued } = (await svc.get('/health')).body;
    if (upstream_in_flight === 0 && upstream_queued === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the upstream queue did not drain within 5 s');
});

const day = (n: number) => new Date(Date.now() + n * DAY).toISOString();
let serial = 0;
/** A new person in `n` running courses of their own (each with one host): everything about them is cold. */
function person(n: number): string {
  const name = `Fan Out Person ${++serial}`;
  for (let c = 1; c <= n; c++) {
    svc.dashboard.world.addCourse({
      slug: `Fan_Out_School/P${serial}_Course_${c}`,
      title: `Course ${c}`,
      school: 'Fan Out School',
      start: day(-5),
      end: day(20),
      roster: [
        { username: `Host ${serial}.${c}`, role: 1 },
        { username: name, role: 0 },
      ],
    });
  }
  return name;
}

const timed = async (path: string) => {
  const started = performance.now();
  const reply = await svc.get(path);
  return { reply, ms: performance.now() - started };
};
const userPath = (name: string, suffix = '') => `/api/users/${encodeURIComponent(name)}${suffix}`;
const enriched = (courses: { start: string | null }[]) => courses.filter((c) => c.start !== null).length;

describe('a person in 1,000 courses', () => {
  it('gets a partial answer within HTTP_TIMEOUT, while another cold request is answered normally', async () => {
    const heavy = person(1_000);
    const other = person(3);
    const delayMs = 20;
    svc.dashboard.setFaults([{ delayMs }]);

    const heavyRun = timed(userPath(heavy, '?enrich=true'));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the heavy answer's reads are under way
    const otherRun = await timed(userPath(other, '?enrich=true'));
    const heavyRun1 = await heavyRun;

    const h = heavyRun1.reply;
    assert.equal(h.status, 200);
    assert.equal(h.body.partial, true);
    assert.ok(heavyRun1.ms < TIMEOUT_MS + 1_000, `the heavy answer took ${Math.round(heavyRun1.ms)} ms`);
    const had = enriched(h.body.courses);
    assert.ok(had > 10 && had < 1_000, `${had} of 1,000 courses enriched`);
    const maxAge = Number(/max-age=(\d+)/.exec(h.headers.get('cache-control') ?? '')?.[1]);
    assert.ok(maxAge <= 60, `max-age ${maxAge}`);

    const o = otherRun.reply;
    assert.equal(o.status, 200, JSON.stringify(o.body));
    assert.equal(o.body.partial, undefined);
    assert.equal(enriched(o.body.courses), 3);
    assert.ok(o.body.courses.every((c: { staff: string[] }) => c.staff.length === 1));
    // Alone it would cost (1 + ceil(2K/c)) = 4 round trips; sharing the cap fairly with the heavy answer, about twice that.
    assert.ok(otherRun.ms < 3 * 4 * delayMs + 400, `the other answer took ${Math.round(otherRun.ms)} ms`);

    // What was fetched stays cached: the next view completes more, and is not the remembered first answer.
    const again = await svc.get(userPath(heavy, '?enrich=true'));
    assert.equal(again.status, 200);
    assert.ok(enriched(again.body.courses) > had, `${enriched(again.body.courses)} after ${had}`);
  });
});

describe('one deadline per answer', () => {
  it('answers within HTTP_TIMEOUT when the course list, then the details, then the rosters are each slow', async () => {
    const name = person(2);
    const step = 0.6 * TIMEOUT_MS;
    svc.dashboard.setFaults([{ delayMs: step }]);
    const { reply, ms } = await timed(userPath(name, '?enrich=true'));
    assert.ok(ms < TIMEOUT_MS + 300, `answered after ${Math.round(ms)} ms`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.partial, true);
    assert.deepEqual(
      reply.body.courses.map((c: { start: unknown; staff: unknown }) => [c.start, c.staff]),
      [
        [null, null],
        [null, null],
      ],
    );
  });

  it('answers within HTTP_TIMEOUT on /active-staff (course list, then details, then active rosters)', async () => {
    const name = person(1);
    svc.dashboard.setFaults([{ delayMs: 0.6 * TIMEOUT_MS }]);
    const staff = await timed(userPath(name, '/active-staff'));
    assert.ok(staff.ms < TIMEOUT_MS + 300, `active-staff after ${Math.round(staff.ms)} ms`);
    assert.deepEqual([staff.reply.status, staff.reply.body.partial], [200, true]);
  });

  it('gives 504 at the deadline when the course list itself does not come', async () => {
    const name = person(1);
    svc.dashboard.setFaults([{ hang: true }]);
    const { reply, ms } = await timed(userPath(name, '?enrich=true'));
    assert.equal(reply.status, 504);
    assert.ok(ms < TIMEOUT_MS + 300, `answered after ${Math.round(ms)} ms`);
  });
});
