// What every answer is built from, and what it gives back.

import type { Freshness } from '../cache/types.js';
import type { CachedDashboard } from '../reads.js';

export interface AnswerContext {
  reads: CachedDashboard;
  /** The clock for freshness and "active now". */
  now: () => number;
}

/** A body together with the freshness of the data behind it. */
export interface Answer<T> {
  body: T;
  freshness: Freshness;
}
