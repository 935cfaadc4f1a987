// One memory budget for the data cache and the answer cache.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeBudget, splitBudget } from '../../src/cache/budget.js';
import { getHeapStatistics } from 'node:v8';
import { loadConfig } from '../../src/config/config.js';
import { CACHE_HEAP_SHARE } from '../../src/config/settings.js';
import { oldGenerationLimit } from '../../src/config/heap-limit.js';

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
      ['1000000', '16384', '0.5'],
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

  it('is CACHE_HEAP_SHARE of the old generation when MEMORY_CACHE_MAX_MB is not set, else what it says', () => {
    assert.equal(CACHE_HEAP_SHARE, 0.45);
    const derived = loadConfig({}, 256 * MB).cache.memory;
    assert.equal(derived.maxBytes, Math.floor(256 * MB * 0.45));
    assert.equal(derived.source, 'heap limit');
    const bigger = loadConfig({}, 1_024 * MB).cache.memory;
    assert.equal(bigger.maxBytes, 4 * derived.maxBytes, 'a bigger heap, a bigger budget');
    const set = loadConfig({ MEMORY_CACHE_MAX_MB: '64' }, 256 * MB).cache.memory;
    assert.equal(set.maxBytes, 64 * MB);
    assert.equal(set.source, 'MEMORY_CACHE_MAX_MB');
  });

  it("takes the old generation as V8's heap limit less its young generation, of the size set or V8's default", () => {
    const young = oldGenerationLimit(1_000 * MB, []) === (1_000 - 48) * MB ? 48 : 192;
    assert.equal(young, Number(process.versions.v8.split('.')[0]) >= 13 ? 192 : 48, 'three semi-spaces of 16 MB, or of 64 MB from V8 13 (Node 24)');
    assert.equal(oldGenerationLimit(400 * MB, ['--max-semi-space-size=8']), 376 * MB);
    assert.equal(oldGenerationLimit(400 * MB, ['--max_semi_space_size', '8']), 376 * MB);
    assert.equal(oldGenerationLimit(400 * MB, ['--max-semi-space-size=32', '--max-semi-space-size=8']), 376 * MB, 'the last one wins');
    assert.equal(oldGenerationLimit(), getHeapStatistics().heap_size_limit - young * MB, 'this process: no semi-space flag');
  });

  it('is described at start-up, with a warning when MEMORY_CACHE_MAX_MB takes more than half the old generation', () => {
    const derived = describeBudget(loadConfig({}, 256 * MB).cache.memory);
    assert.equal(derived.level, 'info');
    assert.deepEqual(derived.fields, { budget_mb: 115, old_space_mb: 256, source: 'heap limit' });
    assert.equal(describeBudget(loadConfig({ MEMORY_CACHE_MAX_MB: '128' }, 256 * MB).cache.memory).level, 'info');
    const tooBig = describeBudget(loadConfig({ MEMORY_CACHE_MAX_MB: '200' }, 256 * MB).cache.memory);
    assert.equal(tooBig.level, 'warn');
    assert.match(tooBig.message, /--max-old-space-size/);
  });
});
