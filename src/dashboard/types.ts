// The Dashboard as the rest of the service sees it: its reads and how they fail.

import type { Fetched, Priority } from '../cache/types.js';
import type { CampaignUsers, ListedCourse } from '../domain/badge-sources.js';
import type { Slug } from '../domain/slugs.js';
import type { CourseDetails, CourseRoster, UserStats } from '../schemas/stored.js';

/** users.json's rows: a roster as the Dashboard gives it (the cached one adds the course's own slug and end). */
export type Roster = Pick<CourseRoster, 'users'>;

/**
 * The upstream reads: the payload, or that the user/course does not exist (404). Failures throw
 * UpstreamError. `priority`: whether a caller waits for it (the Dashboard's budget serves those first).
 */
export interface Dashboard {
  userStats(username: string, priority?: Priority): Promise<Fetched<UserStats>>;
  course(slug: Slug, priority?: Priority): Promise<Fetched<CourseDetails>>;
  courseUsers(slug: Slug, priority?: Priority): Promise<Fetched<Roster>>;
  /** The program-wide sources of badges (dashboard-api.md section 10); 404: no such campaign. */
  currentCampaign(priority?: Priority): Promise<Fetched<{ slug: string }>>;
  campaignUsers(campaign: string, priority?: Priority): Promise<Fetched<CampaignUsers>>;
  campaignActiveCourses(campaign: string, priority?: Priority): Promise<Fetched<ListedCourse[]>>;
}

export type UpstreamFailure =
  | 'timeout' // the deadline (HTTP_TIMEOUT) passed
  | 'network' // connection refused/reset, DNS, ...
  | 'http' // an unexpected status (5xx, 429, 403, ...)
  | 'payload' // the body was not the JSON we expect
  | 'protocol' // the answer broke HTTP/1.1 (bad status line, header, chunk or framing) or the client failed otherwise
  | 'overloaded' // too many requests already waiting for an upstream slot (load shedding)
  | 'budget' // the Dashboard's request budget (UPSTREAM_RATE, UPSTREAM_BURST) has no token in time
  | 'down'; // the breaker is open: the Dashboard failed too often in a row and is not asked for a while

export class UpstreamError extends Error {
  /** 'down', 'budget': how long (ms) until the Dashboard may be asked again. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly kind: UpstreamFailure,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.name = 'UpstreamError';
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Our own refusals (queue full, breaker open, budget spent): they say nothing of the Dashboard and end by themselves. */
export function isRefusal(err: unknown): boolean {
  return err instanceof UpstreamError && (err.kind === 'overloaded' || err.kind === 'down' || err.kind === 'budget');
}
