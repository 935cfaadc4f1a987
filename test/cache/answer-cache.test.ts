// The answer cache: finished answers kept while they stay true, within their bounds.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerCache, type FinishedAnswer } from '../../src/cache/answer-cache.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const finished = (payload: string, freshUntil: number, oldestFetchedAt = 0): FinishedAnswer => ({
  payload,
  etag: `W/"${payload.length}"`,
  freshness: { oldestFetchedAt, freshUntil },
});

describe('AnswerCache', () => {
  it('gives back a remembered answer until its freshUntil, and nothing from then on', () => {
    const c = clock();
    let reused = 0;
    const cache = new AnswerCache(c.now, { maxEntries: 10, maxBytes: 10_000 }, () => reused++);
    const answer = finished('{"a":1}', c.now() + 1_000);
    cache.remember('k', answer);
    assert.equal(cache.get('k'), answer);
    c.advance(999);
    assert.equal(cache.get('k'), answer);
    c.advance(1);
    assert.equal(cache.get('k'), undefined, 'at freshUntil it may have changed');
    assert.equal(reused, 2, 'told once per reuse');
    assert.equal(cache.get('other'), undefined);
  });

  it('does not keep an answer that is already out of date, and drops the older one it replaces', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 10, maxBytes: 10_000 });
    cache.remember('k', finished('old', c.now() + 1_000));
    cache.remember('k', finished('partial', c.now()));
    assert.equal(cache.get('k'), undefined);
    assert.equal(cache.size.entries, 0);
  });

  it('evicts the least recently used answer beyond its entry bound', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 2, maxBytes: 10_000 });
    const until = c.now() + 60_000;
    cache.remember('a', finished('A', until));
    cache.remember('b', finished('B', until));
    assert.ok(cache.get('a'));
    cache.remember('c', finished('C', until));
    assert.deepEqual(['a', 'b', 'c'].map((k) => cache.get(k)?.payload), ['A', undefined, 'C']);
  });

  it('stays within its byte bound: a big answer pushes out older ones, one over the bound is not kept', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 100, maxBytes: 1_000 });
    const until = c.now() + 60_000;
    for (let i = 0; i < 10; i++) cache.remember(`small${i}`, finished('x'.repeat(90), until));
    assert.equal(cache.size.bytes, 900);
    cache.remember('big', finished('y'.repeat(600), until));
    assert.ok(cache.size.bytes <= 1_000, `${cache.size.bytes} bytes held`);
    assert.equal(cache.get('big')?.payload.length, 600);
    assert.equal(cache.get('small0'), undefined, 'the oldest went first');
    cache.remember('huge', finished('z'.repeat(1_001), until));
    assert.equal(cache.get('huge'), undefined);
    assert.ok(cache.size.bytes <= 1_000);
  });
});
