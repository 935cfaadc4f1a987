// The answer cache: finished answers kept while they stay true, within their bounds.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerCache, splitAnswerBounds, type FinishedAnswer } from '../../src/cache/answer-cache.js';
import { entryHeapBytes } from '../../src/cache/heap-size.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const finished = (payload: string, freshUntil: number, oldestFetchedAt = 0): FinishedAnswer => ({
  payload: Buffer.from(payload),
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

  it('evicts the least recently used answer beyond its part of the entry bound', () => {
    const c = clock();
    const bounds = { maxEntries: 10, maxBytes: 10_000 };
    const { maxEntries } = splitAnswerBounds(bounds).answers;
    const cache = new AnswerCache(c.now, bounds);
    const until = c.now() + 60_000;
    for (let i = 0; i < maxEntries; i++) cache.remember(`k${i}`, finished(`P${i}`, until));
    assert.ok(cache.get('k0'));
    cache.remember('new', finished('N', until));
    assert.equal(cache.get('k0')?.payload.toString(), 'P0', 'the one just used stays');
    assert.equal(cache.get('k1'), undefined, 'the least recently used went');
    assert.equal(cache.get('new')?.payload.toString(), 'N');
  });

  it('stays within its part of the byte bound by heap cost: a big answer pushes out older ones, one over the bound is not kept', () => {
    const c = clock();
    const until = c.now() + 60_000;
    const small = (i: number) => finished('x'.repeat(90), until, i);
    const smallCost = entryHeapBytes('small0', small(0));
    const cache = new AnswerCache(c.now, { maxEntries: 100, maxBytes: smallCost * 13 });
    const { maxBytes } = splitAnswerBounds({ maxEntries: 100, maxBytes: smallCost * 13 }).answers;
    const fit = Math.floor(maxBytes / smallCost);
    for (let i = 0; i < fit; i++) cache.remember(`small${i}`, small(i));
    assert.equal(cache.size.bytes, smallCost * fit, 'each answer counted at its estimated heap cost');
    cache.remember('big', finished('y'.repeat(smallCost * 5), until));
    assert.ok(cache.size.bytes <= maxBytes, `${cache.size.bytes} bytes held`);
    assert.equal(cache.get('big')?.payload.length, smallCost * 5);
    assert.equal(cache.get('small0'), undefined, 'the oldest went first');
    cache.remember('huge', finished('z'.repeat(maxBytes), until));
    assert.equal(cache.get('huge'), undefined);
    assert.ok(cache.size.bytes <= maxBytes);
  });

  it('counts an answer at the bytes it is sent as: its UTF-8', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 10, maxBytes: 1_000_000 });
    cache.remember('ascii', finished('e'.repeat(10_000), c.now() + 1_000));
    const ascii = cache.size.bytes;
    cache.remember('accented', finished('é'.repeat(10_000), c.now() + 1_000));
    assert.ok(ascii > 10_000 && ascii < 10_600, `${ascii}`);
    assert.ok(cache.size.bytes - ascii > 20_000, `${cache.size.bytes - ascii}`);
  });

  it('finds an answer by the URLs it was sent for, while it stays true, with the route that built it', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 10, maxBytes: 10_000 });
    const answer = finished('{"a":1}', c.now() + 1_000);
    assert.equal(cache.forRequest('/api/users/A'), undefined);
    cache.remember('user|A', answer);
    const alias = { key: 'user|A', route: '/api/users/:username', headers: ['x-one', '1'] };
    cache.aliasRequest('/api/users/A', alias);
    cache.aliasRequest('/api/users/a', alias);
    for (const url of ['/api/users/A', '/api/users/a']) assert.deepEqual(cache.forRequest(url), { answer, alias });
    assert.equal(cache.forRequest('user|A'), undefined, 'an answer key is not a URL');
    assert.equal(cache.get('/api/users/A'), undefined, 'a URL is not an answer key');
    c.advance(1_000);
    assert.equal(cache.forRequest('/api/users/A'), undefined, 'not once the answer may have changed');
  });

  it('forgets a URL whose answer was evicted', () => {
    const c = clock();
    const cache = new AnswerCache(c.now, { maxEntries: 10, maxBytes: 10_000 });
    const until = c.now() + 60_000;
    cache.remember('a', finished('A', until));
    cache.aliasRequest('/a', { key: 'a', route: '/r', headers: [] });
    for (let i = 0; i < 10; i++) cache.remember(`b${i}`, finished('B', until));
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.forRequest('/a'), undefined);
  });

  it('bounds the URLs apart from the answers, within its own bounds: 100,000 URLs evict no answer', () => {
    const c = clock();
    const bounds = { maxEntries: 100, maxBytes: 100_000 };
    const cache = new AnswerCache(c.now, bounds);
    const until = c.now() + 60_000;
    const keys = Array.from({ length: 50 }, (_, i) => `k${i}`);
    for (const key of keys) cache.remember(key, finished(`{"n":"${key}"}`, until));
    const held = cache.size;
    for (let i = 0; i < 100_000; i++) cache.aliasRequest(`/api/users/A?_=${i}`, { key: 'k0', route: '/api/users/:username', headers: [] });
    for (const key of keys) assert.ok(cache.get(key), `${key} is still there`);
    assert.ok(cache.forRequest('/api/users/A?_=99999'), 'the latest URLs are found');
    assert.equal(cache.forRequest('/api/users/A?_=0'), undefined, 'the oldest went');
    const { entries, bytes, maxBytes } = cache.size;
    assert.ok(entries > held.entries && entries <= bounds.maxEntries, `${entries} entries`);
    assert.ok(bytes <= maxBytes && maxBytes === bounds.maxBytes, `${bytes} of ${maxBytes} bytes`);
  });
});
