// The /api/badges answer, assembled from the indexes of the Dashboards asked alone (never a per-user
// read): each index read for the request (its sources within the request's deadline, HTTP_TIMEOUT from its
// arrival), then domain/badges.ts badgesAnswer. When every Dashboard asked could read none of its sources,
// the answer is the first one's error (502, 503 or 504), as on the other endpoints.

import { namedError } from '../answers/all-dashboards.js';
import { answerContext, type Answer, type AnswerDeps } from '../answers/context.js';
import { UpstreamError } from '../dashboard/types.js';
import { badgesAnswer, type BadgeNames, type BadgesAnswer } from '../domain/badges.js';
import { DASHBOARDS, type DashboardChoice, type DashboardId } from '../domain/dashboards.js';
import type { DashboardIndex, IndexRead } from './dashboard-index.js';

/** The contract's bounds on a GET's max-age: any answer, and a partial one. */
const MAX_AGE_MS = 300_000;
const PARTIAL_MAX_AGE_MS = 60_000;

export type BadgeIndexes = Record<DashboardId, DashboardIndex>;

/** Whether a badge of the answer is of a course whose details are still loading: then a later answer says more. */
function awaitsDetails(body: BadgesAnswer, reads: readonly IndexRead[]): boolean {
  const missing = new Set(reads.flatMap(({ view }) => (view.index?.missingDetails ?? []).map((slug) => `${view.dashboard}|${slug}`)));
  if (missing.size === 0) return false;
  return Object.values(body.users).some((badges) => badges.some((b) => missing.has(`${b.dashboard}|${b.course_slug}`)));
}

/**
 * The badges of `names` on the Dashboards `choice` asks for, for a request that arrived `elapsedMs` ago.
 * It holds (max-age) at most 300 s, 60 s when partial, until a source stops being fresh or a course's window
 * opens or ends, and not at all while some badge's course details are loading.
 */
export async function badgesFor(deps: AnswerDeps, indexes: BadgeIndexes, choice: DashboardChoice, names: BadgeNames, elapsedMs: number): Promise<Answer<BadgesAnswer>> {
  const asked: readonly DashboardId[] = choice === 'all' ? DASHBOARDS : [choice];
  const reads = await Promise.all(asked.map((id) => indexes[id].read(answerContext(deps, id, elapsedMs).gate)));
  const first = reads[0];
  if (first !== undefined && reads.every((r) => r.view.state === 'error')) {
    const error = first.error ?? new UpstreamError('http', 'no source of badges could be read');
    throw choice === 'all' ? namedError(first.view.dashboard, error) : error;
  }
  const now = deps.now();
  const body = badgesAnswer(names, reads.map((r) => r.view), now);
  let until = Math.min(now + (body.partial ? PARTIAL_MAX_AGE_MS : MAX_AGE_MS), ...reads.map((r) => r.freshUntil));
  if (awaitsDetails(body, reads)) until = now;
  // Derived now from the index: its age counts from now, whatever the age of the sources behind it.
  return { body, freshness: { oldestFetchedAt: now, freshUntil: Math.max(now, until) } };
}
