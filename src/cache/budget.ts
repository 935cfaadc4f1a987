// One in-process memory budget (MEMORY_CACHE_MAX_ENTRIES, MEMORY_CACHE_MAX_MB) for the two caches:
// the answer cache takes ANSWER_CACHE_SHARE of each bound, the data cache the rest, so together they
// never hold more than the operator set.

import type { MemoryBudget } from '../config/config.js';

/**
 * The part of the budget's bytes set aside for the badges' indexes of current courses (badges/memory.ts
 * estimates them): the data cache's bound is that much lower (cache/index.ts), so the caches and the
 * indexes together stay within the one budget.
 */
export const BADGE_INDEX_SHARE = 0.1;

export function badgeIndexBytes(budget: Pick<MemoryBudget, 'maxBytes'>): number {
  return Math.floor(budget.maxBytes * BADGE_INDEX_SHARE);
}

/** A budget above this share of the old generation leaves too little for everything else (BENCHMARKS.md, headroom). */
const MAX_SAFE_HEAP_SHARE = 0.5;

/** Bounds of one LRU cache. */
export interface CacheBounds {
  maxEntries: number;
  maxBytes: number;
}

export function splitBudget(budget: Pick<MemoryBudget, 'maxEntries' | 'maxBytes' | 'answerShare'>): { data: CacheBounds; answers: CacheBounds } {
  const share = (total: number): number => Math.max(1, Math.floor(total * budget.answerShare));
  const answers = { maxEntries: share(budget.maxEntries), maxBytes: share(budget.maxBytes) };
  return {
    data: { maxEntries: budget.maxEntries - answers.maxEntries, maxBytes: budget.maxBytes - answers.maxBytes },
    answers,
  };
}

/** The start-up log line about the budget: what it is and where it comes from; a warning when it leaves too little heap. */
export function describeBudget(budget: MemoryBudget): { level: 'info' | 'warn'; fields: Record<string, unknown>; message: string } {
  const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
  const fields = { budget_mb: mb(budget.maxBytes), old_space_mb: mb(budget.oldSpaceBytes), source: budget.source };
  if (budget.source === 'heap limit') {
    return { level: 'info', fields, message: 'in-process cache budget: a share of the heap limit (set MEMORY_CACHE_MAX_MB to choose)' };
  }
  if (budget.maxBytes > budget.oldSpaceBytes * MAX_SAFE_HEAP_SHARE) {
    return {
      level: 'warn',
      fields,
      message:
        'MEMORY_CACHE_MAX_MB is more than half the old generation (old_space_mb): the process may run out of memory; ' +
        'raise the heap (NODE_OPTIONS=--max-old-space-size=...) or lower MEMORY_CACHE_MAX_MB (DEPLOYMENT.md)',
    };
  }
  return { level: 'info', fields, message: 'in-process cache budget: MEMORY_CACHE_MAX_MB' };
}
