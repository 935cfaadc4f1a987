import { test } from 'node:test';
import assert from 'node:assert/strict';
import { courseActivity, windowActive } from '../../src/domain/activity.js';

const now = Date.now();
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

test('windowActive is inclusive at both bounds', () => {
  assert.equal(windowActive(iso(now - DAY), iso(now + DAY), now), true);
  assert.equal(windowActive(iso(now), iso(now + DAY), now), true);
  assert.equal(windowActive(iso(now - DAY), iso(now), now), true);
  assert.equal(windowActive(iso(now), iso(now), now), true);
});

test('windowActive is false before and after the window', () => {
  assert.equal(windowActive(iso(now + 1), iso(now + DAY), now), false); // future
  assert.equal(windowActive(iso(now - DAY), iso(now - 1), now), false); // past
  assert.equal(windowActive(iso(now + DAY), iso(now - DAY), now), false); // inverted
});

test('windowActive is null when either date is missing or unparseable', () => {
  assert.equal(windowActive(null, iso(now + DAY), now), null);
  assert.equal(windowActive(iso(now - DAY), null, now), null);
  assert.equal(windowActive('not a date', iso(now + DAY), now), null);
  assert.equal(windowActive(iso(now - DAY), '', now), null);
});

test('courseActivity judges each window on its own dates, with no fallback', () => {
  const course = {
    start: iso(now - 3 * DAY),
    end: iso(now + 10 * DAY),
    timeline_start: iso(now + 2 * DAY),
    timeline_end: iso(now + 3 * DAY),
  };
  assert.deepEqual(courseActivity(course, now), { active_tracking: true, active_event: false });
  assert.deepEqual(courseActivity(course, now + 2.5 * DAY), { active_tracking: true, active_event: true });
  assert.deepEqual(courseActivity({ ...course, timeline_start: null }, now), { active_tracking: true, active_event: null });
  assert.deepEqual(courseActivity({ ...course, end: null }, now + 2.5 * DAY), { active_tracking: null, active_event: true });
});
