// How old an answer is and how long it stays true: combined from the cache results it was built
// from (the oldest one decides `Age`; the first to stop being true, or the next course window to
// open or close, decides how long it may be kept).

import type { CacheResult, Freshness } from '../cache/types.js';
import { courseActivity, type CourseActivity } from '../domain/activity.js';
import type { CourseDetails } from '../domain/types.js';

export class FreshnessTracker {
  #oldest = Infinity;
  #until = Infinity;

  /** Records a cached read the answer is built from; returns its data (null: not found). */
  add<T>(result: CacheResult<T>): T | null {
    this.#oldest = Math.min(this.#oldest, result.fetched_at);
    this.#until = Math.min(this.#until, result.freshUntil);
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
