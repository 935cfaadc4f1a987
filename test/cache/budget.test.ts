// One memory budget for the data cache and the answer cache.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitBudget } from '../../src/cache/budget.js';
import { loadConfig } from '../../src/config.js';

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
