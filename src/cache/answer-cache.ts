// Finished answers, serialised and with their ETag, kept while they cannot change.
//
// An answer is a pure function of the cache entries it was built from and of the time (the "active"
// flags). While every entry is fresh nobody refreshes it, and until the next window boundary no flag
// flips, so until `freshness.freshUntil` (the earlier of the two) the same request gets the same
// bytes: serialising and hashing them again would be wasted work on the hot path.
//
// Each answer is also found by the requests it was sent for (an alias: a GET's URL, or a form POST's
// URL, content type and body -> key, route, the headers Fastify sent with it, and a form's body), so
// a repeated request needs no routing or input parsing at all (http/remembered.ts). An answer
// depends on nothing of a GET but its URL, nor of a form POST but those three, and several spellings
// of one name or slug share one answer. Clients choose URLs and forms (spellings, percent-encoding),
// so the aliases have a bound of their own: however many arrive, they never push an answer out.

import { LRUCache } from 'lru-cache';
import type { CacheBounds } from './budget.js';
import { entryHeapBytes } from './heap-size.js';
import type { CacheUse, Freshness } from './types.js';

export interface FinishedAnswer {
  /** The serialised body as UTF-8, encoded once: every send writes these bytes as they are. */
  payload: Buffer;
  etag: string;
  freshness: Freshness;
}

/** Where a request's answer is kept, the route pattern that built it (for metrics and logs), and what else its response carried. */
export interface UrlAlias {
  key: string;
  route: string;
  /** The headers of the response Fastify sent for this request that the answer does not decide (name, value, name, value, …). */
  headers: readonly string[];
  /** A form's body: its name holds only part of it, so a form found by name is compared with this in full (http/remembered.ts). */
  body?: Buffer;
}

/**
 * The aliases' share of the answer cache's bounds (entries and bytes). A URL's alias costs a few
 * hundred bytes against an answer's kilobytes (a form's, its body's length against an answer ten times
 * that); a fifth of the entries still lets the hottest requests, the only ones worth skipping Fastify
 * for, find their answer.
 */
const URL_SHARE = 0.2;

/** The answer cache's bounds split between its answers and the URLs that find them. */
export function splitAnswerBounds(bounds: CacheBounds): { answers: CacheBounds; urls: CacheBounds } {
  const share = (total: number): number => Math.max(1, Math.floor(total * URL_SHARE));
  const urls = { maxEntries: share(bounds.maxEntries), maxBytes: share(bounds.maxBytes) };
  return { answers: { maxEntries: Math.max(1, bounds.maxEntries - urls.maxEntries), maxBytes: Math.max(1, bounds.maxBytes - urls.maxBytes) }, urls };
}

function lru<V extends object>(bounds: CacheBounds): LRUCache<string, V> {
  // Bounded by bytes as well: one roster of a big course serialises to megabytes.
  return new LRUCache<string, V>({ max: bounds.maxEntries, maxSize: bounds.maxBytes, sizeCalculation: (value, key) => entryHeapBytes(key, value) });
}

export class AnswerCache {
  readonly #answers: LRUCache<string, FinishedAnswer>;
  readonly #urls: LRUCache<string, UrlAlias>;

  constructor(
    private readonly now: () => number,
    bounds: CacheBounds,
    /** Told each time a remembered answer is used (metrics). */
    private readonly onReuse?: () => void,
  ) {
    const { answers, urls } = splitAnswerBounds(bounds);
    this.#answers = lru(answers);
    this.#urls = lru(urls);
  }

  /** The answer remembered under `key` while it is still true; undefined otherwise. */
  get(key: string): FinishedAnswer | undefined {
    const remembered = this.#answers.get(key);
    if (remembered === undefined || this.now() >= remembered.freshness.freshUntil) return undefined;
    this.onReuse?.();
    return remembered;
  }

  /** The answer last sent for the request `request` (its alias's name), while it is still true, with its alias; undefined otherwise. */
  forRequest(request: string): { answer: FinishedAnswer; alias: UrlAlias } | undefined {
    const alias = this.#urls.get(request);
    const answer = alias && this.get(alias.key);
    return answer && { answer, alias };
  }

  /** Keeps `answer` while it stays true; one that is already out of date replaces nothing stale. */
  remember(key: string, answer: FinishedAnswer): void {
    if (answer.freshness.freshUntil > this.now()) this.#answers.set(key, answer);
    else this.#answers.delete(key);
  }

  /** Lets forRequest find the answer under `alias.key` by the request `request` it was sent for (a GET's URL, a form's name: http/remembered.ts). */
  aliasRequest(request: string, alias: UrlAlias): void {
    this.#urls.set(request, alias);
  }

  /** Answers and URL aliases together, and their estimated heap bytes (for tests and metrics). */
  get size(): CacheUse {
    return {
      entries: this.#answers.size + this.#urls.size,
      bytes: this.#answers.calculatedSize + this.#urls.calculatedSize,
      maxBytes: this.#answers.maxSize + this.#urls.maxSize,
    };
  }
}
