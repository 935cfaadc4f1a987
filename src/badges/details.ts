// Course details for the index (titles and dates): those any read of this Dashboard's course details
// brought, held as the index needs them, and the loads of the ones the index lacks. Those loads run in
// the background: ordinary `course` reads (cached, single-flight, the Dashboard's cap, breaker and budget)
// at background priority, so they wait behind every read someone waits for, never delay the answer that
// started them, and are at most MAX_STARTS_PER_REQUEST per request and MAX_RUNNING at once. They never
// read a `user_stats` or a roster.

import type { CacheResult } from '../cache/types.js';
import type { CourseFacts, Stamped } from '../domain/badge-sources.js';
import { foldForKey } from '../domain/keys.js';
import { parsedOrNull } from '../domain/invalid.js';
import { slugFromText } from '../domain/slugs.js';
import type { CachedDashboard } from '../reads/cached-dashboard.js';
import type { CourseDetails } from '../schemas/stored.js';
import { HeldEntries } from './held.js';

/** Courses whose details a Dashboard's index holds; a Wiki Education term is about 370 courses. */
const MAX_DETAILS = 10_000;
const MAX_STARTS_PER_REQUEST = 8;
const MAX_RUNNING = 16;

/** How a background load ended: details read (from the cache or the Dashboard), the course is gone, or it failed. */
export type DetailLoadOutcome = 'loaded' | 'not_found' | 'failed';

export class HeldDetails {
  readonly #held: HeldEntries<CourseFacts>;

  constructor(maxBytes: number) {
    // An over course's details stay: without them it would look current again (its dates unknown).
    this.#held = new HeldEntries<CourseFacts>({ maxEntries: MAX_DETAILS, maxBytes }, () => Infinity);
  }

  record(result: CacheResult<CourseDetails>): void {
    const { data } = result;
    if (data === null) return;
    const { slug, title, start, end, timeline_start, timeline_end } = data;
    this.#held.put(foldForKey(slug), { fetched_at: result.fetched_at, data: { slug, title, start, end, timeline_start, timeline_end } });
  }

  list(now: number): readonly Stamped<CourseFacts>[] {
    return this.#held.list(now);
  }

  get bytes(): number {
    return this.#held.bytes;
  }
}

export class DetailLoads {
  /** Folded slugs being loaded now. */
  readonly #running = new Set<string>();
  readonly #tasks = new Set<Promise<void>>();

  constructor(
    private readonly reads: CachedDashboard,
    private readonly onLoad: (outcome: DetailLoadOutcome) => void = () => undefined,
  ) {}

  /** Starts loads for some of `slugs` (the index's courses without details) not being loaded already; returns how many. */
  start(slugs: readonly string[]): number {
    let started = 0;
    for (const text of slugs) {
      if (started >= MAX_STARTS_PER_REQUEST || this.#running.size >= MAX_RUNNING) break;
      const key = foldForKey(text);
      const slug = parsedOrNull(slugFromText, text);
      if (slug === null || this.#running.has(key)) continue;
      this.#running.add(key);
      started++;
      // The read's result reaches the index through the Dashboard's ReadObserver (HeldDetails.record).
      const task = this.reads.course(slug, undefined, 'background').then(
        (result) => this.onLoad(result.data === null ? 'not_found' : 'loaded'),
        () => this.onLoad('failed'),
      ).catch(() => undefined); // a failing metrics hook must not become an unhandled rejection
      const done = task.finally(() => {
        this.#running.delete(key);
        this.#tasks.delete(done);
      });
      this.#tasks.add(done);
    }
    return started;
  }

  /** Resolves once every load started so far has ended (the app waits for them when it closes). */
  async settle(): Promise<void> {
    while (this.#tasks.size > 0) await Promise.all(this.#tasks);
  }
}
