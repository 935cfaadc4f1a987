// `dashboard=all` over two stub Dashboards: the contract's merge rules, the `dashboards` map, which
// error an answer with nothing to show gives, and how long a merged answer stays true.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFor } from '../../src/answers/all-dashboards.js';
import { mergeActiveStaff, mergeUserCourses, mergeUserStatus } from '../../src/answers/merge.js';
import { NotFound } from '../../src/answers/not-found.js';
import { activeStaff, userCourses, userStatus } from '../../src/answers/users.js';
import { UpstreamError } from '../../src/dashboard/types.js';
import { courseDetails, enrolment, roster, StubDashboard, stubDeps, testClock } from '../../support/stub-dashboard.js';

const DAY = 86_400_000;
const USER_TTL = 900_000;
const NOT_FOUND_TTL = 600_000;

/** Ada: an instructor of one running course on Programs & Events, a student of one on Wiki Education. */
function setup(env: Record<string, string> = {}) {
  const clock = testClock();
  const at = (ms: number) => new Date(clock.now() + ms).toISOString();
  const running = { start: at(-DAY), end: at(10 * DAY) };
  const outreach = new StubDashboard();
  const wikiedu = new StubDashboard();
  outreach.users.set('Ada', { courses: [enrolment('PE/Sprint', 'Instructor', 11)], max_project: 'wikidata' });
  outreach.courses.set('PE/Sprint', courseDetails('PE/Sprint', running));
  outreach.rosters.set('PE/Sprint', roster({ username: 'Ada', role: 1 }, { username: 'Zed', role: 1 }));
  wikiedu.users.set('Ada', { courses: [enrolment('Uni/Class_(Spring_2026)', 'Student', 11)], max_project: 'wikipedia' });
  wikiedu.courses.set('Uni/Class_(Spring_2026)', courseDetails('Uni/Class_(Spring_2026)', running));
  wikiedu.rosters.set('Uni/Class_(Spring_2026)', roster({ username: 'Prof', role: 1 }, { username: 'Sage (Wiki Ed)', role: 4 }, { username: 'Ada', role: 0 }));
  wikiedu.users.set('Only Edu', { courses: [], max_project: null });
  const deps = stubDeps(outreach, clock.now, env, wikiedu);
  return { clock, outreach, wikiedu, deps };
}

describe('the merge rules', () => {
  it('user courses: both lists, outreach first; roles true on either; outreach max_project unless null', () => {
    const base = { username: 'Ada', courses: [], is_instructor: false, is_student: false };
    const course = (slug: string, dashboard: 'outreach' | 'wikiedu') =>
      ({ ...enrolment(slug), dashboard, course_url: `https://x/courses/${slug}` }) as const;
    const merged = mergeUserCourses([
      { ...base, courses: [course('A/a', 'outreach')], is_instructor: true, max_project: null, partial: true },
      { ...base, courses: [course('B/b', 'wikiedu'), course('C/c', 'wikiedu')], is_student: true, max_project: 'wikipedia' },
    ]);
    assert.deepEqual(merged.courses.map((c) => c.course_slug), ['A/a', 'B/b', 'C/c']);
    assert.deepEqual([merged.is_instructor, merged.is_student, merged.max_project], [true, true, 'wikipedia']);
    assert.equal('partial' in merged, false, "a part's partial flag is not copied");
    assert.equal(mergeUserCourses([{ ...base, max_project: 'wikidata' }, { ...base, max_project: 'wikipedia' }]).max_project, 'wikidata');
  });

  it('active staff: the union of all_staff, sorted and unique; status: counts summed, flags or-ed', () => {
    const staff = mergeActiveStaff([
      { username: 'Ada', all_staff: ['Zed', 'Ada'], courses: [] },
      { username: 'Ada', all_staff: ['Ada', 'Bea'], courses: [] },
    ]);
    assert.deepEqual(staff.all_staff, ['Ada', 'Bea', 'Zed']);
    const none = { has_any_courses: false, has_active_event: false, has_active_tracking: false, active_event_count: 0, tracked_count: 0, total_courses: 0 };
    const status = mergeUserStatus([
      { username: 'Ada', ...none, has_any_courses: true, has_active_event: true, active_event_count: 1, total_courses: 3 },
      { username: 'Ada', ...none, has_any_courses: true, has_active_tracking: true, tracked_count: 2, total_courses: 2 },
    ]);
    assert.deepEqual(status, {
      username: 'Ada',
      has_any_courses: true,
      has_active_event: true,
      has_active_tracking: true,
      active_event_count: 1,
      tracked_count: 2,
      total_courses: 5,
    });
  });
});

describe('answerFor', () => {
  it('asks one Dashboard for one, both for all, and labels each course with its Dashboard and link', async () => {
    const { outreach, wikiedu, deps } = setup();
    const one = await answerFor(deps, 'wikiedu', 0, (ctx) => userCourses(ctx, 'Ada', false), mergeUserCourses);
    assert.deepEqual(one.body.courses.map((c) => [c.dashboard, c.course_slug]), [['wikiedu', 'Uni/Class_(Spring_2026)']]);
    assert.equal(one.body.dashboards, undefined, 'no dashboards map for one Dashboard');
    assert.deepEqual(outreach.calls, []);
    const all = await answerFor(deps, 'all', 0, (ctx) => userCourses(ctx, 'Ada', true), mergeUserCourses);
    assert.deepEqual(all.body.dashboards, { outreach: 'ok', wikiedu: 'ok' });
    assert.deepEqual(
      all.body.courses.map((c) => [c.dashboard, c.course_url]),
      [
        ['outreach', 'https://outreachdashboard.wmflabs.org/courses/PE/Sprint'],
        ['wikiedu', 'https://dashboard.wikiedu.org/courses/Uni/Class_(Spring_2026)'],
      ],
    );
    assert.deepEqual([all.body.is_instructor, all.body.is_student, all.body.max_project], [true, true, 'wikidata']);
    assert.equal(all.body.partial, undefined);
    assert.deepEqual(wikiedu.calls, ['user:Ada', 'course:Uni/Class_(Spring_2026)', 'roster:Uni/Class_(Spring_2026)'], 'its reads, once');
    assert.deepEqual(outreach.calls, ['user:Ada', 'course:PE/Sprint', 'roster:PE/Sprint']);
  });

  it('unknown on one: 200 with the other, not_found, true only as long as the negative entry', async () => {
    const { clock, deps } = setup();
    const { body, freshness } = await answerFor(deps, 'all', 0, (ctx) => userStatus(ctx, 'Only Edu'), mergeUserStatus);
    assert.deepEqual(body.dashboards, { outreach: 'not_found', wikiedu: 'ok' });
    assert.equal(body.total_courses, 0);
    assert.equal(body.partial, undefined, 'not found is the whole truth, not a gap');
    assert.deepEqual(freshness, { oldestFetchedAt: clock.now(), freshUntil: clock.now() + Math.min(USER_TTL, NOT_FOUND_TTL) });
  });

  it('unknown on both: NotFound saying so', async () => {
    const { deps } = setup();
    await assert.rejects(
      answerFor(deps, 'all', 0, (ctx) => activeStaff(ctx, 'Nobody', false), mergeActiveStaff),
      (err) => err instanceof NotFound && err.what === 'user' && /neither Dashboard/.test(err.message),
    );
  });

  it('one failing: the other one, error, partial and out of date at once', async () => {
    const { clock, wikiedu, deps } = setup();
    wikiedu.failing.add('user:Ada');
    const { body, freshness } = await answerFor(deps, 'all', 0, (ctx) => activeStaff(ctx, 'Ada', false), mergeActiveStaff);
    assert.deepEqual(body.dashboards, { outreach: 'ok', wikiedu: 'error' });
    assert.deepEqual(body.all_staff, ['Ada', 'Zed']);
    assert.equal(body.partial, true);
    assert.ok(freshness.freshUntil <= clock.now(), 'never remembered');
  });

  it("nothing to show: the first failing Dashboard's error (outreach before wikiedu), naming it; not found does not hide an error", async () => {
    const { outreach, wikiedu, deps } = setup();
    wikiedu.failing.add('user:Ada');
    outreach.failing.add('user:Ada');
    await assert.rejects(
      answerFor(deps, 'all', 0, (ctx) => userCourses(ctx, 'Ada', false), mergeUserCourses),
      (err) => err instanceof UpstreamError && err.kind === 'http' && err.status === 500 && err.message.startsWith('outreach: '),
    );
    wikiedu.failing.add('user:Nobody');
    await assert.rejects(
      answerFor(deps, 'all', 0, (ctx) => userCourses(ctx, 'Nobody', false), mergeUserCourses),
      (err) => err instanceof UpstreamError && err.message.startsWith('wikiedu: '),
    );
  });

  it('gives each Dashboard its own fan-out bound: both chains run side by side, costing the slower, not the sum', async () => {
    const { outreach, wikiedu, deps } = setup({ ANSWER_MAX_PARALLEL_READS: '1', HTTP_TIMEOUT: '3' });
    outreach.latencyMs = 200;
    wikiedu.latencyMs = 300;
    const started = performance.now();
    const { body } = await answerFor(deps, 'all', 0, (ctx) => userCourses(ctx, 'Ada', true), mergeUserCourses);
    const took = performance.now() - started;
    assert.equal(body.partial, undefined);
    assert.deepEqual([outreach.maxInFlight, wikiedu.maxInFlight], [1, 1], 'one read at a time on each');
    // Each chain is its user read, then details and roster one at a time: 3 x 200 ms and 3 x 300 ms.
    // One bound shared by both would put all six reads in a row (1,500 ms).
    assert.ok(took >= 880 && took < 1_300, `answered after ${Math.round(took)} ms`);
  });
});
