// Finished answers, serialised and with their ETag, kept while they cannot change.
//
// An answer is a pure function of the cache entries it was built from and of the time (the "active"
// flags). While every entry is fresh nobody refreshes it, and until the next window boundary no flag
// flips, so until `freshness.freshUntil` (the earlier of the two) the same request gets the same
// bytes: serialising and hashing them again would be wasted work on the hot path.
//
// Each answer is also found by the request URLs it was sent for (an alias: URL -> key, route and the
// headers Fastify sent with it), so a repeated request needs no routing or input parsing at all
// (http/remembered.ts). An answer depends on nothing of a GET but its URL, and several spellings of
// one name or slug share one answer.

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

/** Where a request URL's answer is kept, the route pattern that built it (for metrics and logs), and what else its response carried. */
export interface UrlAlias {
  key: string;
  route: string;
  /** The headers of the response Fastify sent for this URL that the answer does not decide (name, value, name, value, …). */
  headers: readonly string[];
}

// Keys of answers never start with this; request URLs always follow it. Both share one LRU and bound.
const URL_PREFIX = 'url ';

export class AnswerCache {
  readonly #lru: LRUCache<string, FinishedAnswer | UrlAlias>;

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
    if (remembered === undefined || !('payload' in remembered) || this.now() >= remembered.freshness.freshUntil) return undefined;
    this.onReuse?.();
    return remembered;
  }

  /** The answer last sent for the request URL `url`, while it is still true, with its alias; undefined otherwise. */
  forUrl(url: string): { answer: FinishedAnswer; alias: UrlAlias } | undefined {
    const alias = this.#lru.get(URL_PREFIX + url);
    if (alias === undefined || !('key' in alias)) return undefined;
    const answer = this.get(alias.key);
    return answer && { answer, alias };
  }

  /** Keeps `answer` while it stays true; one that is already out of date replaces nothing stale. */
  remember(key: string, answer: FinishedAnswer): void {
    if (answer.freshness.freshUntil > this.now()) this.#lru.set(key, answer);
    else this.#lru.delete(key);
  }

  /** Lets forUrl find the answer under `alias.key` by the request URL `url` it was sent for. */
  aliasUrl(url: string, alias: UrlAlias): void {
    this.#lru.set(URL_PREFIX + url, alias);
  }

  /** Answers (and URL aliases) and estimated heap bytes held (for tests and metrics). */
  get size(): CacheUse {
    return { entries: this.#lru.size, bytes: this.#lru.calculatedSize, maxBytes: this.#lru.maxSize };
  }
}
