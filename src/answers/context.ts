// What every answer is built from, and what it gives back.

import type { Freshness, ReadGate } from '../cache/types.js';
import type { UpstreamsConfig } from '../config/config.js';
import { byDashboard, type DashboardId } from '../domain/dashboards.js';
import type { CachedDashboard } from '../reads/cached-dashboard.js';
import { AnswerGate } from './upstream-gate.js';

/** One Dashboard as the answers read it. */
export interface DashboardSource {
  reads: CachedDashboard;
  /** Its origin, for the links to its course pages. */
  baseUrl: string;
  /** HTTP_TIMEOUT, in ms: no answer waits on the Dashboard longer, counted from the request's arrival. */
  timeoutMs: number;
  /** ANSWER_MAX_PARALLEL_READS. */
  maxParallelReads: number;
}

/** What the answers share for the app's lifetime. */
export interface AnswerDeps {
  dashboards: Record<DashboardId, DashboardSource>;
  /** The clock for freshness and "active now". */
  now: () => number;
}

/** Each Dashboard as the answers read it: through `reads`, with its configured link base, deadline and fan-out bound. */
export function dashboardSources(upstream: UpstreamsConfig, reads: Record<DashboardId, CachedDashboard>): Record<DashboardId, DashboardSource> {
  return byDashboard((id) => ({
    reads: reads[id],
    baseUrl: upstream[id].baseUrl,
    timeoutMs: upstream[id].timeoutMs,
    maxParallelReads: upstream[id].answerParallelReads,
  }));
}

/** One request's view of one Dashboard: the shared parts, and its own share of that Dashboard (bounded fan-out, deadline). */
export interface AnswerContext {
  dashboard: DashboardId;
  baseUrl: string;
  reads: CachedDashboard;
  now: () => number;
  gate: ReadGate;
}

/** The context of a request for `dashboard` that arrived `elapsedMs` ago. */
export function answerContext(deps: AnswerDeps, dashboard: DashboardId, elapsedMs: number): AnswerContext {
  const { reads, baseUrl, timeoutMs, maxParallelReads } = deps.dashboards[dashboard];
  return { dashboard, baseUrl, reads, now: deps.now, gate: new AnswerGate(maxParallelReads, timeoutMs, elapsedMs) };
}

/** A body together with the freshness of the data behind it. */
export interface Answer<T> {
  body: T;
  freshness: Freshness;
}
