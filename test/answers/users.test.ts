// The user answers over a stub Dashboard: what each contains, what it reads, and how long it stays true.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerContext } from '../../src/answers/context.js';
import { NotFound } from '../../src/answers/not-found.js';
import { activeStaff, userCourses, userStatus } from '../../src/answers/users.js';
import { UpstreamError } from '../../src/dashboard/types.js';
import { courseDetails, enrolment, roster, StubDashboard, stubContext, stubDeps, testClock } from '../../support/stub-dashboard.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const USER_TTL = 900_000; // USER_CACHE_TTL's default
const NOT_FOUND_TTL = 600_000;

/** A world of one user in three courses: running now, running with its event still ahead, and over. */
function setup() {
  const clock = testClock();
  const t = clock.now();
  const at = (ms: number) => new Date(t + ms).toISOString();
  const dashboard = new StubDashboard();
  dashboard.users.set('Ada', {
    courses: [
      enrolment('School/Running', 'Instructor', 3),
      enrolment('School/Running', 'Student', 2),
      enrolment('School/EventAhead', 'Student', 4),
      enrolment('School/Over', 'Student', 1),
    ],
    max_project: 'wikipedia',
  });
  dashboard.courses.set('School/Running', courseDetails('School/Running', { start: at(-10 * DAY), end: at(20 * DAY) }));
  dashboard.courses.set(
    'School/EventAhead',
    courseDetails('School/EventAhead', { start: at(-DAY), end: at(10 * DAY) }, { start: at(2 * HOUR), end: at(5 * HOUR) }),
  );
  dashboard.courses.set('School/Over', courseDetails('School/Over', { start: at(-90 * DAY), end: at(-60 * DAY) }));
  for (const slug of ['School/Running', 'School/EventAhead', 'School/Over']) {
    dashboard.rosters.set(slug, roster({ username: `Host of ${slug}`, role: 1 }, { username: 'Ada', role: 0 }, { username: 'Bea', role: 2 }));
  }
  return { clock, dashboard, ctx: stubContext(dashboard, clock.now), at };
}

describe('userCourses', () => {
  it('answers one entry per course (highest role) from the user read alone, true for the user TTL', async () => {
    const { clock, dashboard, ctx } = setup();
    const { body, freshness } = await userCourses(ctx, 'Ada', false);
    assert.deepEqual(
      body.courses.map((c) => [c.course_slug, c.user_role]),
      [
        ['School/Running', 'Instructor'],
        ['School/EventAhead', 'Student'],
        ['School/Over', 'Student'],
      ],
    );
    assert.deepEqual([body.username, body.is_instructor, body.is_student, body.max_project], ['Ada', true, true, 'wikipedia']);
    assert.equal('staff' in (body.courses[0] ?? {}), false, 'no enrichment fields without enrich');
    assert.deepEqual(dashboard.calls, ['user:Ada']);
    assert.deepEqual(freshness, { oldestFetchedAt: clock.now(), freshUntil: clock.now() + USER_TTL });
  });

  it('with enrich: dates, activity and staff for every course, active or over, each course read once', async () => {
    const { dashboard, ctx } = setup();
    const { body } = await userCourses(ctx, 'Ada', true);
    const bySlug = new Map(body.courses.map((c) => [c.course_slug, c]));
    assert.deepEqual(bySlug.get('School/Running')?.staff, ['Bea', 'Host of School/Running']);
    assert.deepEqual([bySlug.get('School/Running')?.active_tracking, bySlug.get('School/Running')?.active_event], [true, true]);
    assert.deepEqual(bySlug.get('School/EventAhead')?.staff, ['Bea', 'Host of School/EventAhead'], 'tracking window is on');
    assert.equal(bySlug.get('School/EventAhead')?.active_event, false);
    assert.deepEqual(bySlug.get('School/Over')?.staff, ['Bea', 'Host of School/Over'], 'an over course has its staff too');
    assert.equal(bySlug.get('School/Over')?.active_tracking, false);
    assert.equal(body.partial, undefined);
    const slugs = ['School/Running', 'School/EventAhead', 'School/Over'];
    assert.deepEqual([...dashboard.calls].sort(), ['user:Ada', ...slugs.flatMap((s) => [`course:${s}`, `roster:${s}`])].sort());
  });

  it('with enrich stays true until the first of its reads goes stale or the next window boundary', async () => {
    const { clock, ctx, at, dashboard } = setup();
    const short = await userCourses(ctx, 'Ada', true);
    assert.equal(short.freshness.freshUntil, clock.now() + USER_TTL, 'the user entry (15 min) ends before the event starts (2 h)');
    const longLived = stubContext(dashboard, clock.now, { USER_CACHE_TTL: '10800', COURSE_USERS_CACHE_TTL: '10800' });
    const { freshness } = await userCourses(longLived, 'Ada', true);
    assert.equal(freshness.freshUntil, Date.parse(at(2 * HOUR)), 'with 3 h TTLs the event start comes first');
    assert.equal((await userCourses(longLived, 'Ada', false)).freshness.freshUntil, clock.now() + 3 * HOUR, 'plain: no windows');
  });

  it('leaves a course whose details fail with null enrichment, keeps the rest, and is not worth keeping', async () => {
    const { clock, dashboard, ctx } = setup();
    dashboard.failing.add('course:School/Running');
    const { body, freshness } = await userCourses(ctx, 'Ada', true);
    const running = body.courses.find((c) => c.course_slug === 'School/Running');
    assert.deepEqual(
      [running?.start, running?.end, running?.active_event, running?.active_tracking, running?.staff],
      [null, null, null, null, null],
    );
    assert.ok(body.courses.find((c) => c.course_slug === 'School/Over')?.start, 'the other courses are enriched');
    assert.equal(body.partial, true);
    assert.equal(freshness.freshUntil, clock.now(), 'max-age 0, never remembered');
  });

  it('leaves a course with a slug that cannot be used with null enrichment, without asking the Dashboard', async () => {
    const { clock, dashboard, ctx } = setup();
    dashboard.users.set('Cy', { courses: [enrolment('no-slash-slug')], max_project: null });
    const { body, freshness } = await userCourses(ctx, 'Cy', true);
    assert.equal(body.courses[0]?.staff, null);
    assert.equal(body.courses[0]?.start, null);
    assert.deepEqual(dashboard.calls, ['user:Cy']);
    assert.equal(body.partial, undefined, 'nothing more is to be had: not partial');
    assert.equal(freshness.freshUntil, clock.now() + USER_TTL);
  });

  it('throws NotFound for an unknown user; the negative entry spares the next read', async () => {
    const { dashboard, ctx } = setup();
    await assert.rejects(userCourses(ctx, 'Ghost', true), (err) => err instanceof NotFound && err.what === 'user');
    await assert.rejects(userCourses(ctx, 'Ghost', false), NotFound);
    assert.deepEqual(dashboard.calls, ['user:Ghost']);
  });

  it('lets a failing user read through: there is nothing to answer without it', async () => {
    const { dashboard, ctx } = setup();
    dashboard.failing.add('user:Ada');
    await assert.rejects(userCourses(ctx, 'Ada', false), /HTTP 500/);
  });

  it('is as old as its oldest read, and no fresher than its first read to go stale', async () => {
    const { clock, ctx } = setup();
    await userCourses(ctx, 'Ada', true); // user, courses, rosters read now
    clock.advance(USER_TTL + 1); // the user entry is stale now, served at once while it refreshes
    const { freshness } = await userCourses(ctx, 'Ada', true);
    assert.equal(freshness.oldestFetchedAt, clock.now() - USER_TTL - 1);
    assert.ok(freshness.freshUntil < clock.now(), 'already past: clients must revalidate');
  });
});

describe('activeStaff', () => {
  it('lists only courses active in the tracking window, and the union of their staff', async () => {
    const { ctx } = setup();
    const { body } = await activeStaff(ctx, 'Ada', false);
    assert.deepEqual(body.courses.map((c) => c.course_slug), ['School/Running', 'School/EventAhead']);
    assert.deepEqual(body.all_staff, ['Bea', 'Host of School/EventAhead', 'Host of School/Running']);
  });

  it('with use_event_dates: only courses whose event window contains now', async () => {
    const { dashboard, ctx } = setup();
    const { body } = await activeStaff(ctx, 'Ada', true);
    assert.deepEqual(body.courses.map((c) => c.course_slug), ['School/Running']);
    assert.deepEqual(body.all_staff, ['Bea', 'Host of School/Running']);
    assert.ok(!dashboard.calls.includes('roster:School/EventAhead'), 'its event has not started: no roster read');
  });

  it('answers an empty list for a user enrolled nowhere, true for the user TTL', async () => {
    const { clock, dashboard, ctx } = setup();
    dashboard.users.set('Quiet', { courses: [], max_project: null });
    const { body, freshness } = await activeStaff(ctx, 'Quiet', false);
    assert.deepEqual(body, { username: 'Quiet', all_staff: [], courses: [] });
    assert.equal(freshness.freshUntil, clock.now() + USER_TTL);
  });
});

describe('userStatus', () => {
  it('counts courses and active windows without reading any roster', async () => {
    const { dashboard, ctx } = setup();
    const { body } = await userStatus(ctx, 'Ada');
    // Running: both windows open; EventAhead: tracking only; Over: neither.
    const counts = [body.total_courses, body.tracked_count, body.active_event_count];
    assert.deepEqual(counts, [3, 2, 1]);
    const flags = [body.has_any_courses, body.has_active_tracking, body.has_active_event];
    assert.deepEqual(flags, [true, true, true]);
    assert.equal(body.username, 'Ada');
    assert.ok(!dashboard.calls.some((c) => c.startsWith('roster:')));
  });

  it('for an unknown user, throws NotFound and the negative entry lasts NOT_FOUND_CACHE_TTL', async () => {
    const { clock, dashboard, ctx } = setup();
    await assert.rejects(userStatus(ctx, 'Ghost'), NotFound);
    clock.advance(NOT_FOUND_TTL);
    await assert.rejects(userStatus(ctx, 'Ghost'), NotFound);
    assert.equal(dashboard.calls.length, 1);
    clock.advance(1);
    await assert.rejects(userStatus(ctx, 'Ghost'), NotFound);
    assert.equal(dashboard.calls.length, 2, 'asked again once the negative entry ended');
  });
});

/** A user in `n` running courses of their own, each with one host. */
function manyCourses(n: number) {
  const clock = testClock();
  const at = (ms: number) => new Date(clock.now() + ms).toISOString();
  const dashboard = new StubDashboard();
  const slugs = Array.from({ length: n }, (_, i) => `Many/Course_${i + 1}`);
  dashboard.users.set('Max', { courses: slugs.map((slug, i) => enrolment(slug, 'Student', i + 1)), max_project: null });
  for (const slug of slugs) {
    dashboard.courses.set(slug, courseDetails(slug, { start: at(-DAY), end: at(DAY) }));
    dashboard.rosters.set(slug, roster({ username: `Host of ${slug}`, role: 1 }));
  }
  return { clock, dashboard, slugs };
}

const enrichedCount = (courses: { start?: string | null }[]) => courses.filter((c) => c.start !== null).length;

describe("one answer's share of the Dashboard", () => {
  it('has at most ANSWER_MAX_PARALLEL_READS reads under way at once, and still reads every course', async () => {
    const { clock, dashboard } = manyCourses(30);
    dashboard.latencyMs = 5;
    const ctx = stubContext(dashboard, clock.now, { ANSWER_MAX_PARALLEL_READS: '3' });
    const { body } = await userCourses(ctx, 'Max', true);
    assert.equal(dashboard.maxInFlight, 3);
    assert.equal(dashboard.calls.length, 1 + 2 * 30);
    assert.equal(enrichedCount(body.courses), 30);
    assert.ok(body.courses.every((c) => c.staff?.length === 1));
    assert.equal(body.partial, undefined);
  });

  it('answers at the deadline with what it has, partial; reads under way fill the cache, queued ones never start', async () => {
    const { clock, dashboard } = manyCourses(200);
    dashboard.latencyMs = 40;
    const deps = stubDeps(dashboard, clock.now, { HTTP_TIMEOUT: '0.3' });
    const started = performance.now();
    const first = await userCourses(answerContext(deps, 'outreach', 0), 'Max', true);
    const took = performance.now() - started;
    assert.ok(took >= 290 && took < 450, `answered after ${Math.round(took)} ms`);
    assert.equal(first.body.partial, true);
    const had = enrichedCount(first.body.courses);
    assert.ok(had > 0 && had < 200, `${had} courses enriched`);
    assert.ok(first.freshness.freshUntil <= clock.now(), 'never remembered');
    const callsAtDeadline = dashboard.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(dashboard.calls.length, callsAtDeadline, 'nothing new started after the deadline');
    assert.equal(dashboard.inFlight, 0);
    const second = await userCourses(answerContext(deps, 'outreach', 0), 'Max', true);
    assert.ok(enrichedCount(second.body.courses) > had, 'the next request completes more');
    assert.ok(!dashboard.calls.slice(callsAtDeadline).includes('user:Max'), 'what was fetched is cached');
  });

  it('does not throttle or time cached reads: a warm answer for 1,000 courses reads nothing upstream', async () => {
    const { clock, dashboard } = manyCourses(1_000);
    const deps = stubDeps(dashboard, clock.now, { ANSWER_MAX_PARALLEL_READS: '16' });
    await userCourses(answerContext(deps, 'outreach', 0), 'Max', true);
    dashboard.calls.length = 0;
    dashboard.latencyMs = 10_000; // any read that went upstream now would miss the deadline below
    const strict = { ...deps, dashboards: { ...deps.dashboards, outreach: { ...deps.dashboards.outreach, maxParallelReads: 1, timeoutMs: 200 } } };
    const { body } = await userCourses(answerContext(strict, 'outreach', 0), 'Max', true);
    assert.deepEqual(dashboard.calls, []);
    assert.equal(enrichedCount(body.courses), 1_000);
    assert.equal(body.partial, undefined);
  });

  it('gives up on the course list at the deadline: a timeout error (504), nothing to answer with', async () => {
    const { clock, dashboard } = manyCourses(1);
    dashboard.latencyMs = 1_000;
    const started = performance.now();
    await assert.rejects(
      userCourses(stubContext(dashboard, clock.now, { HTTP_TIMEOUT: '0.2' }), 'Max', false),
      (err) => err instanceof UpstreamError && err.kind === 'timeout',
    );
    assert.ok(performance.now() - started < 350);
  });

  it('waits no longer than the deadline in all when each step is slow (course list, then details)', async () => {
    const { clock, dashboard } = manyCourses(2);
    dashboard.latencyMs = 180;
    const started = performance.now();
    const { body } = await activeStaff(stubContext(dashboard, clock.now, { HTTP_TIMEOUT: '0.3' }), 'Max', false);
    const took = performance.now() - started;
    assert.ok(took < 420, `answered after ${Math.round(took)} ms`);
    assert.deepEqual([body.courses, body.partial], [[], true]);
  });
});
