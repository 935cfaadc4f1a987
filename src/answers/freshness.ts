// How old an answer is and how long it stays true: derived from the cache entries it was built
// from (the oldest one decides `Age`; the first to go stale, or the next course window to open or
// close, decides how long it may be kept).

import type { CachePolicy, CacheResult } from '../cache/types.js';
import { courseActivity, type CourseActivity } from '../domain/activity.js';
import type { CourseDetails } from '../domain/types.js';

export interface Freshness {
  /** fetched_at of the oldest entry used (epoch ms). */
  oldestFetchedAt: number;
  /** When the first entry used stops being fresh (epoch ms). */
  freshUntil: number;
}

export class FreshnessTracker {
  #oldest = Infinity;
  #until = Infinity;

  /** Records a cached read the answer is built from; returns its data (null: not found). */
  add<T>(result: CacheResult<T>, policy: CachePolicy): T | null {
    const lifetime = result.data === null ? policy.negativeMs : policy.freshMs;
    this.#oldest = Math.min(this.#oldest, result.fetched_at);
    this.#until = Math.min(this.#until, result.fetched_at + lifetime);
    return result.data;
  }

  /** Whether a course is active now; the answer changes by itself when one of its windows opens or closes. */
  activityOf(course: Pick<CourseDetails, 'start' | 'end' | 'timeline_start' | 'timeline_end'>, now: number): CourseActivity {
    for (const date of [course.start, course.end, course.timeline_start, course.timeline_end]) {
      if (date === null) continue;
      const at = Date.parse(date);
      if (at >= now) this.#until = Math.min(this.#until, at);
    }
    return courseActivity(course, now);
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
