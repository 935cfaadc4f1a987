// Finished answers, serialised and with their ETag, kept while they cannot change.
//
// An answer is a pure function of the cache entries it was built from and of the time (the "active"
// flags). While every entry is fresh nobody refreshes it, and until the next window boundary no flag
// flips, so until `freshness.freshUntil` (the earlier of the two) the same request gets the same
// bytes: serialising and hashing them again would be wasted work on the hot path.

import { LRUCache } from 'lru-cache';
import type { CacheBounds } from './budget.js';
import { entryHeapBytes } from './heap-size.js';
import type { CacheUse, Freshness } from './types.js';

export interface FinishedAnswer {
  /** The serialised body. */
  payload: string;
  etag: string;
  freshness: Freshness;
}

export class AnswerCache {
  readonly #lru: LRUCache<string, FinishedAnswer>;

  constructor(
    private readonly now: () => number,
    bounds: CacheBounds,
    /** Told each time a remembered answer is used (metrics). */
    private readonly onReuse?: () => void,
  ) {
    // Bounded by bytes as well: one roster of a big course serialises to megabytes.
    this.#lru = new LRUCache({ max: bounds.maxEntries, maxSize: bounds.maxBytes, sizeCalculation: (a, key) => entryHeapBytes(key, a) });
  }

  /** The answer remembered under `key` while it is still true; undefined otherwise. */
  get(key: string): FinishedAnswer | undefined {
    const remembered = this.#lru.get(key);
    if (remembered === undefined || this.now() >= remembered.freshness.freshUntil) return undefined;
    this.onReuse?.();
    return remembered;
  }

  /** Keeps `answer` while it stays true; one that is already out of date replaces nothing stale. */
  remember(key: string, answer: FinishedAnswer): void {
    if (answer.freshness.freshUntil > this.now()) this.#lru.set(key, answer);
    else this.#lru.delete(key);
  }

  /** Answers and estimated heap bytes held (for tests and metrics). */
  get size(): CacheUse {
    return { entries: this.#lru.size, bytes: this.#lru.calculatedSize, maxBytes: this.#lru.maxSize };
  }
}
