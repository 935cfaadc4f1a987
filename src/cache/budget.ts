// One in-process memory budget (MEMORY_CACHE_MAX_ENTRIES, MEMORY_CACHE_MAX_MB) for the two caches:
// the answer cache takes ANSWER_CACHE_SHARE of each bound, the data cache the rest, so together they
// never hold more than the operator set.

import type { MemoryBudget } from '../config.js';

/** Bounds of one LRU cache. */
export interface CacheBounds {
  maxEntries: number;
  maxBytes: number;
}

export function splitBudget(budget: MemoryBudget): { data: CacheBounds; answers: CacheBounds } {
  const share = (total: number): number => Math.max(1, Math.floor(total * budget.answerShare));
  const answers = { maxEntries: share(budget.maxEntries), maxBytes: share(budget.maxBytes) };
  return {
    data: { maxEntries: budget.maxEntries - answers.maxEntries, maxBytes: budget.maxBytes - answers.maxBytes },
    answers,
  };
}
