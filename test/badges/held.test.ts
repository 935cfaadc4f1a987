// What an index holds of other answers' reads (badges/held.ts): the newest copy per course, bounded,
// dropped once it stops mattering, and the same list while nothing changed (so the index keeps its stamp).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeldEntries } from '../../src/badges/held.js';
import { OrganicRosters } from '../../src/badges/organic.js';
import { HeldDetails } from '../../src/badges/details.js';
import { courseDetails } from '../../support/stub-dashboard.js';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('HeldEntries', () => {
  it('keeps the newest copy of each key, and hands out the same list until something changes', () => {
    const held = new HeldEntries<string>({ maxEntries: 10, maxBytes: 1_000_000 }, () => Infinity);
    held.put('a', { fetched_at: 2, data: 'a2' });
    held.put('a', { fetched_at: 1, data: 'a1' }); // older: ignored
    const first = held.list(NOW);
    assert.deepEqual(first, [{ fetched_at: 2, data: 'a2' }]);
    held.put('a', { fetched_at: 2, data: 'again' }); // as new: ignored
    assert.equal(held.list(NOW), first, 'the same array: nothing changed');
    held.put('a', { fetched_at: 3, data: 'a3' });
    assert.notEqual(held.list(NOW), first);
    assert.deepEqual(held.list(NOW), [{ fetched_at: 3, data: 'a3' }]);
    assert.ok(held.bytes > 0);
  });

  it('holds at most `max` entries, the oldest recorded going first', () => {
    const held = new HeldEntries<string>({ maxEntries: 2, maxBytes: 1_000_000 }, () => Infinity);
    held.put('a', { fetched_at: 1, data: 'a' });
    held.put('b', { fetched_at: 1, data: 'b' });
    held.put('a', { fetched_at: 2, data: 'a' }); // recorded again: now the newest
    held.put('c', { fetched_at: 1, data: 'c' });
    assert.deepEqual(held.list(NOW).map((e) => e.data).sort(), ['a', 'c']);
  });

  it('holds at most `maxBytes` of estimated heap, the oldest recorded going first; an entry larger alone is not held', () => {
    const big = 'x'.repeat(400);
    const held = new HeldEntries<string>({ maxEntries: 100, maxBytes: 1_200 }, () => Infinity);
    for (const key of ['a', 'b', 'c', 'd']) held.put(key, { fetched_at: 1, data: big });
    assert.ok(held.bytes <= 1_200 && held.bytes > 0, String(held.bytes));
    assert.deepEqual(held.list(NOW).length, 2);
    held.put('huge', { fetched_at: 1, data: 'x'.repeat(2_000) });
    assert.equal(held.list(NOW).length, 2, 'too large to hold at all: nothing evicted for it');
    held.remove('c');
    held.remove('d');
    assert.equal(held.bytes, 0);
  });

  it('drops an entry once its expiry has passed', () => {
    const held = new HeldEntries<number>({ maxEntries: 10, maxBytes: 1_000_000 }, (endsAt) => endsAt);
    held.put('soon', { fetched_at: 1, data: NOW + 1_000 });
    held.put('later', { fetched_at: 1, data: NOW + DAY });
    assert.equal(held.list(NOW).length, 2);
    assert.deepEqual(held.list(NOW + 2_000).map((e) => e.data), [NOW + DAY]);
  });
});

describe('OrganicRosters', () => {
  const roster = (slug: string, end: string | null, fetched_at = NOW) => ({
    data: { slug, end, users: [{ username: 'Ann', role: 1 }] },
    fetched_at,
    freshUntil: fetched_at + 1,
    outcome: 'miss' as const,
  });

  it("holds a roster read for another answer until its course's end, by the course's folded slug", () => {
    const rosters = new OrganicRosters(1_000_000);
    rosters.record(roster('A/Open', iso(NOW + DAY)), NOW);
    rosters.record(roster('a/open', iso(NOW + DAY), NOW + 5), NOW); // the same course, newer
    rosters.record(roster('A/Ended', iso(NOW - DAY)), NOW);
    assert.deepEqual(rosters.list(NOW).map((r) => [r.data.slug, r.fetched_at]), [['a/open', NOW + 5]]);
    assert.deepEqual(rosters.list(NOW + 2 * DAY), [], 'gone once its tracking window closed');
  });

  it('ignores a course the Dashboard does not know', () => {
    const rosters = new OrganicRosters(1_000_000);
    rosters.record({ data: null, fetched_at: NOW, freshUntil: NOW, outcome: 'negative' }, NOW);
    assert.deepEqual(rosters.list(NOW), []);
  });
});

describe('HeldDetails', () => {
  it('keeps what badges need of a course read: its title and dates', () => {
    const details = new HeldDetails(1_000_000);
    const data = courseDetails('A/b', { start: iso(NOW - DAY), end: iso(NOW + DAY) });
    details.record({ data, fetched_at: NOW, freshUntil: NOW + 1, outcome: 'fresh' });
    assert.deepEqual(details.list(NOW), [
      { fetched_at: NOW, data: { slug: 'A/b', title: 'Title of A/b', start: iso(NOW - DAY), end: iso(NOW + DAY), timeline_start: iso(NOW - DAY), timeline_end: iso(NOW + DAY) } },
    ]);
  });
});
