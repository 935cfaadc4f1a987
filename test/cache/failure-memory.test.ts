// The engine's memory of failed loads, on its own: a window per key, what is repeated, and its bound.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FailureMemory } from '../../src/cache/failure-memory.js';
import { entryCheck, MAX_CLOCK_SKEW_MS } from '../../src/cache/trust.js';

describe('FailureMemory', () => {
  const boom = new Error('boom');

  it('remembers a failure for its window, then forgets it', () => {
    const memory = new FailureMemory(1_000, () => true);
    memory.remember('k', boom, 0);
    assert.deepEqual(memory.of('k', 999), { until: 1_000, error: boom, repeat: true });
    assert.equal(memory.of('k', 1_000), undefined);
    assert.equal(memory.of('k', 0), undefined, 'gone once it expired');
  });

  it('says which errors are repeated, and forgets a key on success', () => {
    const memory = new FailureMemory(1_000, (err) => err === boom);
    memory.remember('a', boom, 0);
    memory.remember('b', new Error('ours'), 0);
    assert.equal(memory.of('a', 1)?.repeat, true);
    assert.equal(memory.of('b', 1)?.repeat, false);
    memory.forget('a');
    assert.equal(memory.of('a', 1), undefined);
  });

  it('remembers nothing with a window of 0', () => {
    const memory = new FailureMemory(0, () => true);
    memory.remember('k', boom, 0);
    assert.equal(memory.of('k', 0), undefined);
  });

  it('holds at most 10,000 keys, dropping the oldest first', () => {
    const memory = new FailureMemory(1_000, () => true);
    for (let i = 0; i <= 10_000; i++) memory.remember(`k${i}`, boom, 0);
    assert.equal(memory.of('k0', 1), undefined, 'the oldest went');
    assert.ok(memory.of('k1', 1) && memory.of('k10000', 1));
  });
});

describe('entryCheck', () => {
  const now = () => 10_000;
  const shape = (data: unknown) => typeof data === 'string';

  it('trusts nothing from outside the process for a kind without a shape', () => {
    assert.equal(entryCheck(undefined, now)({ fetched_at: 0, data: 'x' }), false);
  });

  it('wants the shape (or a negative entry) and a fetched_at no further ahead than the clock skew', () => {
    const check = entryCheck(shape, now);
    assert.equal(check({ fetched_at: 0, data: 'x' }), true);
    assert.equal(check({ fetched_at: 0, data: null }), true);
    assert.equal(check({ fetched_at: 0, data: 42 }), false);
    assert.equal(check({ fetched_at: 10_000 + MAX_CLOCK_SKEW_MS, data: 'x' }), true);
    assert.equal(check({ fetched_at: 10_001 + MAX_CLOCK_SKEW_MS, data: 'x' }), false);
  });
});
