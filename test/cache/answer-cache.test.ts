// The answer cache: finished answers kept while they stay true, within their bounds.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerCache, type FinishedAnswer } from '../../src/cache/answer-cache.js';
import { entryHeapBytes } from '../../src/cache/heap-size.js';

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

  it('stays within its byte bound by heap cost: a big answer pushes out older ones, one over the bound is not kept', () => {
    const c = clock();
    const until = c.now() + 60_000;
    const small = (i: number) => finished('x'.repeat(90), until, i);
    const smallCost = entryHeapBytes('small0', small(0));
    const cache = new AnswerCache(c.now, { maxEntries: 100, maxBytes: smallCost * 10 + 100 });
    for (let i = 0; i < 10; i++) cache.remember(`small${i}`, small(i));
    assert.equal(cache.size.bytes, smallCost * 10, 'each answer counted at its estimated heap cost');
    cache.remember('big', finished('y'.repeat(smallCost * 5), until));
    assert.ok(cache.size.bytes <= cache.size.maxBytes, `${cache.size.bytes} bytes held`);
    assert.equal(cache.get('big')?.payload.length, smallCost * 5);
    assert.equal(cache.get('small0'), undefined, 'the oldest went first');
    cache.remember('huge', finished('z'.repeat(smallCost * 11), until));
    assert.equal(cache.get('huge'), undefined);
    assert.ok(cache.size.bytes <= cache.size.maxBytes);
  });

  it('counts an answer with text above U+00FF at two bytes a character', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 10, maxBytes: 1_000_000 });
    cache.remember('latin', finished('é'.repeat(10_000), c.now() + 1_000));
    const latin = cache.size.bytes;
    cache.remember('cyrillic', finished('ж'.repeat(10_000), c.now() + 1_000));
    assert.ok(latin > 10_000 && latin < 10_400, `${latin}`);
    assert.ok(cache.size.bytes - latin > 20_000, `${cache.size.bytes - latin}`);
  });

  it('finds an answer by the URLs it was sent for, while it stays true, with the route that built it', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 10, maxBytes: 10_000 });
    const answer = finished('{"a":1}', c.now() + 1_000);
    assert.equal(cache.forUrl('/api/users/A'), undefined);
    cache.remember('user|A', answer);
    const alias = { key: 'user|A', route: '/api/users/:username', headers: ['x-one', '1'] };
    cache.aliasUrl('/api/users/A', alias);
    cache.aliasUrl('/api/users/a', alias);
    for (const url of ['/api/users/A', '/api/users/a']) assert.deepEqual(cache.forUrl(url), { answer, alias });
    assert.equal(cache.forUrl('user|A'), undefined, 'an answer key is not a URL');
    assert.equal(cache.get('url /api/users/A'), undefined, 'an alias is not an answer');
    c.advance(1_000);
    assert.equal(cache.forUrl('/api/users/A'), undefined, 'not once the answer may have changed');
  });

  it('forgets a URL whose answer was evicted, and counts aliases within the same bounds', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 2, maxBytes: 10_000 });
    const until = c.now() + 60_000;
    cache.remember('a', finished('A', until));
    cache.aliasUrl('/a', { key: 'a', route: '/r', headers: [] });
    cache.remember('b', finished('B', until));
    assert.equal(cache.size.entries, 2);
    assert.equal(cache.get('a'), undefined, 'the alias took a place of the bound');
    assert.equal(cache.forUrl('/a'), undefined);
  });
});
