// How old an answer is and how long it stays true: derived from the cache entries it was built
// from (the oldest one decides `Age`; the first to go stale, or the next course window to open or
// close, decides how long it may be kept).

import type { CachePolicy, CacheResult } from '../cache/types.js';

export interface Freshness {
  /** fetched_at of the oldest entry used (epoch ms). */
  oldestFetchedAt: number;
  /** When the first entry used stops being fresh (epoch ms). */
  freshUntil: number;
}

export class FreshnessTracker {
  #oldest = Infinity;
  #until = Infinity;

  add(result: CacheResult<unknown>, policy: CachePolicy): void {
    const lifetime = result.data === null ? policy.negativeMs : policy.freshMs;
    this.#oldest = Math.min(this.#oldest, result.fetched_at);
    this.#until = Math.min(this.#until, result.fetched_at + lifetime);
  }

  /** The answer changes by itself at these instants (course windows opening or closing). */
  changesAt(dates: readonly (string | null)[], now: number): void {
    for (const date of dates) {
      if (date === null) continue;
      const at = Date.parse(date);
      if (at >= now) this.#until = Math.min(this.#until, at);
    }
  }

  /** Part of the answer could not be had: clients should not keep it. */
  failed(now: number): void {
    this.#until = Math.min(this.#until, now);
  }

  result(now: number): Freshness {
    return {
      oldestFetchedAt: Number.isFinite(this.#oldest) ? this.#oldest : now,
      freshUntil: Number.isFinite(this.#until) ? this.#until : now,
    };
  }
}

/** A body together with the freshness of the data behind it. */
export interface Answer<T> {
  body: T;
  freshness: Freshness;
}
