// The answer for a `dashboard` choice: one Dashboard's, or with `all` both Dashboards' at once (the
// contract's "Two Dashboards"). Both are asked in parallel, each through a context of its own: its own
// reads and its own gate, so each Dashboard's fan-out bound guards its own upstream queue (one
// Dashboard's reads never wait inside the answer for the other's slots, and a slow one cannot hold
// back the fast one), with one deadline, HTTP_TIMEOUT from the request's arrival, for both.

import { UpstreamError } from '../dashboard/types.js';
import { DASHBOARDS, type DashboardChoice, type DashboardId, type DashboardStatus } from '../domain/dashboards.js';
import { answerContext, type Answer, type AnswerContext, type AnswerDeps } from './context.js';
import { FreshnessTracker } from './freshness.js';
import { NotFound } from './not-found.js';

/** What one Dashboard gave towards an `all` answer. */
type Part<T> = { status: 'ok'; answer: Answer<T & { partial?: boolean }> } | { status: 'not_found'; error: NotFound } | { status: 'error'; error: UpstreamError };

export type Merged<T> = T & { dashboards?: Record<DashboardId, DashboardStatus>; partial?: boolean };

/** A Dashboard's failure as the answer for both gives it: the same error, naming the Dashboard. */
export function namedError(dashboard: DashboardId, err: UpstreamError): UpstreamError {
  const { kind, message, status, retryAfterMs } = err;
  return new UpstreamError(kind, `${dashboard}: ${message}`, status, { cause: err, ...(retryAfterMs !== undefined && { retryAfterMs }) });
}

/** The error of an `all` answer that has nothing to show: a 404 from both, else the first failing Dashboard's own, naming it. */
function neither<T>(parts: readonly Part<T>[]): Error {
  const i = parts.findIndex((p) => p.status === 'error');
  const failed = parts[i];
  if (failed?.status === 'error') return namedError(DASHBOARDS[i] as DashboardId, failed.error);
  const first = parts[0];
  return first?.status === 'not_found' ? new NotFound(first.error.what, first.error.id, undefined, true) : new Error('no Dashboard answered');
}

async function part<T>(answer: Promise<Answer<T & { partial?: boolean }>>): Promise<Part<T>> {
  try {
    return { status: 'ok', answer: await answer };
  } catch (err) {
    if (err instanceof NotFound) return { status: 'not_found', error: err };
    if (err instanceof UpstreamError) return { status: 'error', error: err };
    throw err;
  }
}

/**
 * `one` answers for one Dashboard; with `all`, `merge` joins the bodies of those that answered (in the
 * order of DASHBOARDS). 200 when at least one answered; a 404 when neither knows the user; otherwise
 * the error the first failing Dashboard would give alone. A Dashboard that failed leaves the answer
 * partial (max-age at most 60, never remembered), as any read that failed does.
 */
export async function answerFor<T extends object>(
  deps: AnswerDeps,
  choice: DashboardChoice,
  elapsedMs: number,
  one: (ctx: AnswerContext) => Promise<Answer<T & { partial?: boolean }>>,
  merge: (bodies: T[]) => T,
): Promise<Answer<Merged<T>>> {
  if (choice !== 'all') return one(answerContext(deps, choice, elapsedMs));
  const parts = await Promise.all(DASHBOARDS.map((id) => part(one(answerContext(deps, id, elapsedMs)))));
  const answered = parts.flatMap((p) => (p.status === 'ok' ? [p.answer] : []));
  if (answered.length === 0) throw neither(parts);
  const freshness = new FreshnessTracker();
  const dashboards = {} as Record<DashboardId, DashboardStatus>;
  parts.forEach((p, i) => {
    dashboards[DASHBOARDS[i] as DashboardId] = p.status;
    if (p.status === 'ok') freshness.include(p.answer.freshness, p.answer.body.partial === true);
    else if (p.status === 'error') freshness.failed(deps.now());
    // "Not found" is true only as long as its negative entry: the user may enrol there meanwhile.
    else if (p.error.freshness !== undefined) freshness.include(p.error.freshness);
  });
  return freshness.answer({ ...merge(answered.map((a) => a.body)), dashboards }, deps.now());
}
