// The heap-cost estimate of cached values: V8's layouts (bench/heap-cost.ts checks them against the
// real heap), so that a byte bound is a bound on heap and text above U+00FF is not undercounted.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryHeapBytes, heapBytes } from '../../src/cache/heap-size.js';

describe('heapBytes', () => {
  it('counts a string at one byte a character up to U+00FF and two above, plus its header', () => {
    assert.equal(heapBytes(''), 16);
    assert.equal(heapBytes('x'.repeat(1_000)), 1_016);
    assert.equal(heapBytes('é'.repeat(1_000)), 1_016, 'Latin-1 is one byte');
    assert.equal(heapBytes('ж'.repeat(1_000)), 2_016);
    assert.equal(heapBytes(`${'x'.repeat(999)}ж`), 2_016, 'one character above U+00FF makes the whole string two-byte');
    assert.equal(heapBytes('😀'), 24, 'a surrogate pair is two UTF-16 units');
    assert.equal(heapBytes('abc'), 24, 'rounded up to whole words');
  });

  it('counts small integers inline and other numbers as boxed', () => {
    assert.equal(heapBytes(42), 0);
    assert.equal(heapBytes(-(2 ** 31)), 0);
    assert.equal(heapBytes(2 ** 31), 16);
    assert.equal(heapBytes(Date.now()), 16, 'a timestamp is a HeapNumber');
    assert.equal(heapBytes(0.5), 16);
    assert.equal(heapBytes(true), 0);
    assert.equal(heapBytes(null), 0);
  });

  it('counts objects by their slots and arrays with room to grow, and what they hold', () => {
    assert.equal(heapBytes({}), 24);
    assert.equal(heapBytes({ username: 'abc', role: 1 }), 24 + 2 * 8 + 24);
    assert.equal(heapBytes([]), 48);
    assert.equal(heapBytes([1, 2]), 48 + 3 * 8);
    const row = { username: 'Участник 1', role: 0 };
    assert.equal(heapBytes({ users: [row, row] }), 24 + 8 + 48 + 3 * 8 + 2 * heapBytes(row));
  });

  it('makes many tiny rows cost more than their JSON text, and never nothing', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => ({ username: `U${i}`, role: 0 }));
    assert.ok(heapBytes({ users: rows }) > 2 * JSON.stringify({ users: rows }).length);
  });
});

describe('entryHeapBytes', () => {
  it("adds the key and the LRU's bookkeeping to the value", () => {
    const value = { fetched_at: Date.now(), data: null };
    assert.equal(entryHeapBytes('user:Someone', value), heapBytes('user:Someone') + heapBytes(value) + 96);
    assert.ok(entryHeapBytes('user:Кто-то', value) > entryHeapBytes('user:Someone', value));
  });
});
