// Combining the freshness of the reads behind an answer, and of the course windows it depends on.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FreshnessTracker } from '../../src/answers/freshness.js';
import type { CacheResult } from '../../src/cache/types.js';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const read = <T>(data: T | null, fetched_at: number, freshUntil: number): CacheResult<T> => ({ data, fetched_at, freshUntil, outcome: 'fresh' });

describe('FreshnessTracker', () => {
  it('without reads is as old as now and already out of date', () => {
    assert.deepEqual(new FreshnessTracker().result(NOW), { oldestFetchedAt: NOW, freshUntil: NOW });
  });

  it('takes the oldest fetch and the earliest freshUntil of its reads, and hands back their data', () => {
    const f = new FreshnessTracker();
    assert.equal(f.add(read('a', NOW - 5_000, NOW + 60_000)), 'a');
    assert.equal(f.add(read('b', NOW - 1_000, NOW + 10_000)), 'b');
    assert.equal(f.add(read(null, NOW - 9_000, NOW + 30_000)), null, 'a negative read counts too');
    assert.deepEqual(f.result(NOW), { oldestFetchedAt: NOW - 9_000, freshUntil: NOW + 10_000 });
  });

  it('ends at the next window boundary still ahead, and tells whether the course is active', () => {
    const f = new FreshnessTracker();
    f.add(read('x', NOW, NOW + 3_600_000));
    const activity = f.activityOf(
      { start: iso(NOW - 86_400_000), end: iso(NOW + 600_000), timeline_start: iso(NOW + 120_000), timeline_end: null },
      NOW,
    );
    assert.deepEqual(activity, { active_tracking: true, active_event: null });
    assert.equal(f.result(NOW).freshUntil, NOW + 120_000, 'the event start, two minutes away');
  });

  it('ignores boundaries already passed and unknown dates', () => {
    const f = new FreshnessTracker();
    f.add(read('x', NOW, NOW + 60_000));
    f.activityOf({ start: iso(NOW - 2_000), end: iso(NOW - 1_000), timeline_start: null, timeline_end: null }, NOW);
    assert.equal(f.result(NOW).freshUntil, NOW + 60_000);
  });

  it('makes an answer partial and out of date at once when part of it failed', () => {
    const f = new FreshnessTracker();
    f.add(read('x', NOW - 1_000, NOW + 60_000));
    assert.deepEqual(f.answer({ a: 1 }, NOW).body, { a: 1 }, 'complete: no partial field');
    f.failed(NOW);
    assert.deepEqual(f.answer({ a: 1 }, NOW), { body: { a: 1, partial: true }, freshness: { oldestFetchedAt: NOW - 1_000, freshUntil: NOW } });
  });

  it('keeps a partial answer built from old entries within max-age 60 (counted from the oldest fetch)', () => {
    const f = new FreshnessTracker();
    f.add(read('x', NOW - 3_600_000, NOW + 60_000));
    f.failed(NOW);
    assert.deepEqual(f.result(NOW), { oldestFetchedAt: NOW - 3_600_000, freshUntil: NOW - 3_600_000 + 60_000 });
  });
});
