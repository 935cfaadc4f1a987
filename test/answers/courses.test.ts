// The course answers over a stub Dashboard: details and roster, their enrichment, and how long they stay true.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { course, courseUsers } from '../../src/answers/courses.js';
import { NotFound } from '../../src/answers/not-found.js';
import { courseDetails, roster, StubDashboard, stubContext, testClock } from '../../support/stub-dashboard.js';

const DAY = 86_400_000;
const COURSE_TTL = 6 * 3_600_000; // COURSE_CACHE_TTL's default
const ROSTER_TTL = 3_600_000; // COURSE_USERS_CACHE_TTL's default
const SLUG = ['School', 'Course_(2026)'] as const;
const SLUG_TEXT = 'School/Course_(2026)';

function setup() {
  const clock = testClock();
  const at = (ms: number) => new Date(clock.now() + ms).toISOString();
  const dashboard = new StubDashboard();
  dashboard.courses.set(SLUG_TEXT, courseDetails(SLUG_TEXT, { start: at(-DAY), end: at(3 * DAY) }));
  dashboard.rosters.set(
    SLUG_TEXT,
    roster({ username: 'Zed', role: 1 }, { username: 'Ann', role: 0 }, { username: 'Ann', role: 3 }, { username: 'Bo', role: 0 }),
  );
  return { clock, dashboard, ctx: stubContext(dashboard, clock.now), at };
}

describe('course', () => {
  it('answers the details from one read, true for the course TTL', async () => {
    const { clock, dashboard, ctx } = setup();
    const { body, freshness } = await course(ctx, SLUG, false);
    assert.equal(body.slug, SLUG_TEXT);
    assert.equal('staff' in body, false);
    assert.deepEqual(dashboard.calls, [`course:${SLUG_TEXT}`]);
    assert.deepEqual(freshness, { oldestFetchedAt: clock.now(), freshUntil: clock.now() + COURSE_TTL });
  });

  it('with enrich: activity and staff (from the roster, read beside the details), true until the roster goes stale', async () => {
    const { clock, dashboard, ctx } = setup();
    const { body, freshness } = await course(ctx, SLUG, true);
    assert.deepEqual([body.active_tracking, body.active_event, body.staff], [true, true, ['Ann', 'Zed']]);
    assert.deepEqual([...dashboard.calls].sort(), [`course:${SLUG_TEXT}`, `roster:${SLUG_TEXT}`]);
    assert.equal(freshness.freshUntil, clock.now() + ROSTER_TTL);
  });

  it('with enrich and a failing roster: staff null, the details still answered, not worth keeping', async () => {
    const { clock, dashboard, ctx } = setup();
    dashboard.failing.add(`roster:${SLUG_TEXT}`);
    const { body, freshness } = await course(ctx, SLUG, true);
    assert.equal(body.staff, null);
    assert.equal(body.active_tracking, true);
    assert.equal(freshness.freshUntil, clock.now());
  });

  it('throws NotFound for an unknown course, even when its roster read fails beside it', async () => {
    const { dashboard, ctx } = setup();
    dashboard.failing.add('roster:School/Gone');
    await assert.rejects(course(ctx, ['School', 'Gone'], true), (err) => err instanceof NotFound && err.what === 'course');
  });
});

describe('courseUsers', () => {
  it('splits the roster by role, one row per person with the highest role; the details give it the slug', async () => {
    const { clock, dashboard, ctx } = setup();
    const { body, freshness } = await courseUsers(ctx, SLUG, false);
    assert.deepEqual(body, {
      slug: SLUG_TEXT,
      dashboard: 'outreach',
      facilitators: [
        { username: 'Zed', role: 1 },
        { username: 'Ann', role: 3 },
      ],
      participants: [{ username: 'Bo', role: 0 }],
      all_users: [
        { username: 'Zed', role: 1 },
        { username: 'Ann', role: 3 },
        { username: 'Bo', role: 0 },
      ],
    });
    assert.deepEqual([...dashboard.calls].sort(), [`course:${SLUG_TEXT}`, `roster:${SLUG_TEXT}`]);
    assert.equal(freshness.freshUntil, clock.now() + ROSTER_TTL);
  });

  it("answers the Dashboard's spelling of the slug, not the request's", async () => {
    const { dashboard, ctx } = setup();
    // The stub matches exactly; the Dashboard's collation would match both spellings.
    dashboard.courses.set('school/course_(2026)', courseDetails(SLUG_TEXT, { start: null, end: null }));
    dashboard.rosters.set('school/course_(2026)', roster({ username: 'Zed', role: 1 }));
    const { body } = await courseUsers(ctx, ['school', 'course_(2026)'], false);
    assert.equal(body.slug, SLUG_TEXT);
  });

  it('with enrich: whether the course is active, true until its end when that comes first', async () => {
    const { clock, dashboard, at } = setup();
    const ending = at(30 * 60_000); // ends in half an hour, before the roster goes stale
    dashboard.courses.set(SLUG_TEXT, courseDetails(SLUG_TEXT, { start: at(-DAY), end: ending }));
    const { body, freshness } = await courseUsers(stubContext(dashboard, clock.now), SLUG, true);
    assert.deepEqual([body.active_tracking, body.active_event], [true, true]);
    assert.equal(freshness.freshUntil, Date.parse(ending));
  });

  it('fails with the details when nothing is cached: the roster keeps its slug and end from them', async () => {
    const { dashboard, ctx } = setup();
    dashboard.failing.add(`course:${SLUG_TEXT}`);
    await assert.rejects(courseUsers(ctx, SLUG, true), /HTTP 500/);
    await assert.rejects(courseUsers(ctx, SLUG, false), /HTTP 500/);
  });

  it('with enrich and a roster cached but details failing now: activity null, the roster answered, partial', async () => {
    const { clock, dashboard } = setup();
    const ctx = stubContext(dashboard, clock.now, { COURSE_CACHE_TTL: '60', STALE_IF_ERROR: '0', STALE_WHILE_REVALIDATE: '0' });
    await courseUsers(ctx, SLUG, false);
    clock.advance(61_000); // the details are past every window, the roster still fresh
    dashboard.failing.add(`course:${SLUG_TEXT}`);
    const { body, freshness } = await courseUsers(ctx, SLUG, true);
    assert.deepEqual([body.active_tracking, body.active_event, body.all_users.length, body.partial], [null, null, 3, true]);
    assert.ok(freshness.freshUntil <= clock.now(), 'out of date at once');
    assert.ok(freshness.freshUntil - freshness.oldestFetchedAt <= 60_000, 'max-age at most 60');
  });

  it('throws NotFound for an unknown course', async () => {
    const { ctx } = setup();
    await assert.rejects(courseUsers(ctx, ['School', 'Gone'], false), NotFound);
  });
});
