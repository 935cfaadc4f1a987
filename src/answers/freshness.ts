// How old an answer is and how long it stays true: combined from the cache results it was built
// from (the oldest one decides `Age`; the first to stop being true, or the next course window to
// open or close, decides how long it may be kept). An answer that lacks part of its data is partial:
// out of date at once, so it is never remembered and clients ask again soon.

import type { CacheResult, Freshness } from '../cache/types.js';
import type { Answer } from './context.js';
import { courseActivity, type CourseActivity, type CourseWindows } from '../domain/activity.js';

/** The contract's bound on a partial answer's max-age. */
const PARTIAL_MAX_AGE_MS = 60_000;

export class FreshnessTracker {
  #oldest = Infinity;
  #until = Infinity;
  #partial = false;

  /** Records a cached read the answer is built from; returns its data (null: not found). */
  add<T>(result: CacheResult<T>): T | null {
    this.#oldest = Math.min(this.#oldest, result.fetched_at);
    this.#until = Math.min(this.#until, result.freshUntil);
    return result.data;
  }

  /** Records a finished part the answer is built from (one Dashboard's answer, or its "not found"). */
  include(freshness: Freshness, partial = false): void {
    this.#oldest = Math.min(this.#oldest, freshness.oldestFetchedAt);
    this.#until = Math.min(this.#until, freshness.freshUntil);
    if (partial) this.#partial = true;
  }

  /** Whether a course is active now; the answer changes by itself when one of its windows opens or closes. */
  activityOf(course: CourseWindows, now: number): CourseActivity {
    for (const date of [course.start, course.end, course.timeline_start, course.timeline_end]) {
      if (date === null) continue;
      const at = Date.parse(date);
      if (at >= now) this.#until = Math.min(this.#until, at);
    }
    return courseActivity(course, now);
  }

  /** Part of the answer (a course's data, or a whole Dashboard's) could not be had (in time): it is partial, and clients should not keep it. */
  failed(now: number): void {
    this.#partial = true;
    this.#until = Math.min(this.#until, now);
  }

  /** The finished answer: `body`, with `partial: true` when part of it could not be had, and its freshness. */
  answer<T extends object>(body: T, now: number): Answer<T & { partial?: boolean }> {
    return { body: this.#partial ? { ...body, partial: true } : body, freshness: this.result(now) };
  }

  result(now: number): Freshness {
    const oldestFetchedAt = Number.isFinite(this.#oldest) ? this.#oldest : now;
    const freshUntil = Number.isFinite(this.#until) ? this.#until : now;
    // max-age is counted from the oldest fetch (respond.ts): a partial answer's stays within the bound.
    return { oldestFetchedAt, freshUntil: this.#partial ? Math.min(freshUntil, oldestFetchedAt + PARTIAL_MAX_AGE_MS) : freshUntil };
  }
}
