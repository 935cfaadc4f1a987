// What every answer is built from, and what it gives back.

import type { Freshness, ReadGate } from '../cache/types.js';
import type { CachedDashboard } from '../reads.js';
import { AnswerGate } from './upstream-gate.js';

/** What the answers share for the app's lifetime. */
export interface AnswerDeps {
  reads: CachedDashboard;
  /** The clock for freshness and "active now". */
  now: () => number;
  /** HTTP_TIMEOUT, in ms: no answer waits on the Dashboard longer, counted from the request's arrival. */
  timeoutMs: number;
  /** ANSWER_MAX_PARALLEL_READS. */
  maxParallelReads: number;
}

/** One request's: the shared parts, and its own share of the Dashboard (bounded fan-out, deadline). */
export interface AnswerContext {
  reads: CachedDashboard;
  now: () => number;
  gate: ReadGate;
}

/** The context of a request that arrived `elapsedMs` ago. */
export function answerContext(deps: AnswerDeps, elapsedMs: number): AnswerContext {
  return { reads: deps.reads, now: deps.now, gate: new AnswerGate(deps.maxParallelReads, deps.timeoutMs, elapsedMs) };
}

/** A body together with the freshness of the data behind it. */
export interface Answer<T> {
  body: T;
  freshness: Freshness;
}
