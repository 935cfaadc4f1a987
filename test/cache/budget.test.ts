// One memory budget for the data cache and the answer cache.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeBudget, splitBudget } from '../../src/cache/budget.js';
import { CACHE_HEAP_SHARE, loadConfig } from '../../src/config.js';

describe('splitBudget', () => {
  it('gives the answer cache its share and the data cache the rest, adding up to the budget', () => {
    const { data, answers } = splitBudget({ maxEntries: 50_000, maxBytes: 128 * 2 ** 20, answerShare: 0.25 });
    assert.deepEqual(answers, { maxEntries: 12_500, maxBytes: 32 * 2 ** 20 });
    assert.deepEqual(data, { maxEntries: 37_500, maxBytes: 96 * 2 ** 20 });
  });

  it('adds up exactly for any budget and share the configuration allows', () => {
    for (const [entries, mb, share] of [
      ['10', '1', '0.01'],
      ['10', '1', '0.9'],
      ['77777', '333', '0.37'],
      ['10000000', '16384', '0.5'],
    ] as const) {
      const { memory } = loadConfig({ MEMORY_CACHE_MAX_ENTRIES: entries, MEMORY_CACHE_MAX_MB: mb, ANSWER_CACHE_SHARE: share }).cache;
      const { data, answers } = splitBudget(memory);
      assert.equal(data.maxEntries + answers.maxEntries, memory.maxEntries);
      assert.equal(data.maxBytes + answers.maxBytes, memory.maxBytes);
      for (const bound of [data.maxEntries, data.maxBytes, answers.maxEntries, answers.maxBytes]) {
        assert.ok(Number.isInteger(bound) && bound >= 1, `${bound} for ${entries}/${mb}/${share}`);
      }
    }
  });
});

describe('the default budget', () => {
  const MB = 2 ** 20;

  it('is CACHE_HEAP_SHARE of the heap limit when MEMORY_CACHE_MAX_MB is not set, else what it says', () => {
    assert.equal(CACHE_HEAP_SHARE, 0.4);
    const derived = loadConfig({}, 304 * MB).cache.memory;
    assert.equal(derived.maxBytes, Math.floor(304 * MB * 0.4));
    assert.equal(derived.source, 'heap limit');
    const bigger = loadConfig({}, 1_072 * MB).cache.memory;
    assert.ok(bigger.maxBytes > 3 * derived.maxBytes, 'a bigger heap, a bigger budget');
    const set = loadConfig({ MEMORY_CACHE_MAX_MB: '64' }, 304 * MB).cache.memory;
    assert.equal(set.maxBytes, 64 * MB);
    assert.equal(set.source, 'MEMORY_CACHE_MAX_MB');
  });

  it('is described at start-up, with a warning when MEMORY_CACHE_MAX_MB takes more than half the heap', () => {
    const derived = describeBudget(loadConfig({}, 304 * MB).cache.memory);
    assert.equal(derived.level, 'info');
    assert.deepEqual(derived.fields, { budget_mb: 122, heap_limit_mb: 304, source: 'heap limit' });
    assert.equal(describeBudget(loadConfig({ MEMORY_CACHE_MAX_MB: '128' }, 304 * MB).cache.memory).level, 'info');
    const tooBig = describeBudget(loadConfig({ MEMORY_CACHE_MAX_MB: '200' }, 304 * MB).cache.memory);
    assert.equal(tooBig.level, 'warn');
    assert.match(tooBig.message, /--max-old-space-size/);
  });
});
