// The Dashboard's JSON reads (a user, a course, its roster, and the campaign sources of badges) over undici: descriptive User-Agent, English labels, a concurrency
// cap, a request budget (budget.ts: a token per request sent, waiting callers first), one deadline per
// call (a retry included), one retry on network errors and 5xx (retry.ts), and a breaker that stops
// asking a Dashboard that keeps failing.

import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import type { Fetched, Priority } from '../cache/types.js';
import type { UpstreamConfig } from '../config/config.js';
import type { Slug } from '../domain/slugs.js';
import type { CampaignUsers, ListedCourse } from '../domain/badge-sources.js';
import type { CourseDetails, UserStats } from '../schemas/stored.js';
import {
  campaignActiveCoursesPath,
  campaignUsersPath,
  CURRENT_CAMPAIGN_PATH,
  parseActiveCourses,
  parseCampaignUsers,
  parseCurrentCampaign,
  type CurrentCampaign,
} from './campaigns.js';
import { CircuitBreaker, type Admission, type BreakerState } from './breaker.js';
import { UpstreamBudget } from './budget.js';
import { ConcurrencyLimiter } from './limiter.js';
import { parseCourse, parseRoster, parseUserStats } from './parse.js';
import { upstreamSlugPath, upstreamUsernameQuery } from './paths.js';
import { jitter, RETRYABLE_STATUS, retryDelay, withOneRetry, type Attempt } from './retry.js';
import { SharedBucket } from './shared-bucket.js';
import { isRefusal, UpstreamError, type Dashboard, type Roster } from './types.js';

export type Endpoint = 'user_stats' | 'course' | 'course_users' | 'campaign_current' | 'campaign_users' | 'campaign_active_courses';

/** One finished upstream attempt, for metrics. status 0: no HTTP answer (timeout, network). */
export interface UpstreamAttempt {
  endpoint: Endpoint;
  status: number;
  durationMs: number;
}

export interface DashboardClientHooks {
  /** Tests may pass their own; by default a keep-alive Agent sized to the cap. */
  dispatcher?: Dispatcher;
  onAttempt?: (attempt: UpstreamAttempt) => void;
  /** The breaker's clock: real time by default, like the call deadline. */
  now?: () => number;
  /** Every change of the breaker's state. */
  onBreakerChange?: (to: BreakerState, from: BreakerState) => void;
  /** The Dashboard's request budget (shared through Redis by app.ts); by default one of this process's own. */
  budget?: UpstreamBudget;
}

// The share of HTTP_TIMEOUT a call must still have when its slot comes for it to be sent at all: one
// that would likely time out upstream leaves the queue then (503, our refusal), sparing the Dashboard
// work nobody will wait for, and its caller the rest of the wait.
const MIN_DEADLINE_LEFT_TO_SEND = 0.25;

export class DashboardClient implements Dashboard {
  readonly limiter: ConcurrencyLimiter;
  readonly breaker: CircuitBreaker;
  readonly budget: UpstreamBudget;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;

  constructor(
    private readonly options: UpstreamConfig,
    private readonly hooks: DashboardClientHooks = {},
  ) {
    this.limiter = new ConcurrencyLimiter(options.concurrency, options.queueLimit);
    this.breaker = new CircuitBreaker({
      maxFails: options.maxFails,
      openMs: options.failTimeoutMs,
      now: hooks.now ?? Date.now,
      ...(hooks.onBreakerChange && { onChange: hooks.onBreakerChange }),
    });
    this.budget = hooks.budget ?? new UpstreamBudget(new SharedBucket(options.budget, undefined));
    this.#ownsDispatcher = hooks.dispatcher === undefined;
    // Agent timeouts are only coarse backstops: the real deadline is the abort signal (undici 7
    // does not enforce a short headersTimeout reliably).
    this.#dispatcher =
      hooks.dispatcher ??
      new Agent({
        connections: options.concurrency,
        keepAliveTimeout: 10_000,
        connectTimeout: options.timeoutMs,
        headersTimeout: options.timeoutMs + 5_000,
        bodyTimeout: options.timeoutMs + 5_000,
      });
  }

  userStats(username: string, priority: Priority = 'foreground'): Promise<Fetched<UserStats>> {
    return this.#get('user_stats', `/user_stats.json?username=${upstreamUsernameQuery(username)}`, json(parseUserStats), priority);
  }

  course(slug: Slug, priority: Priority = 'foreground'): Promise<Fetched<CourseDetails>> {
    return this.#get('course', `/courses/${upstreamSlugPath(slug)}/course.json`, json(parseCourse), priority);
  }

  courseUsers(slug: Slug, priority: Priority = 'foreground'): Promise<Fetched<Roster>> {
    return this.#get('course_users', `/courses/${upstreamSlugPath(slug)}/users.json`, json(parseRoster), priority);
  }

  currentCampaign(priority: Priority = 'foreground'): Promise<Fetched<CurrentCampaign>> {
    return this.#get('campaign_current', CURRENT_CAMPAIGN_PATH, json(parseCurrentCampaign), priority);
  }

  /** The two campaign lists are parsed from their text, refused (before JSON.parse) over BADGE_SOURCE_MAX_ROWS rows. */
  campaignUsers(campaign: string, priority: Priority = 'foreground'): Promise<Fetched<CampaignUsers>> {
    return this.#get('campaign_users', campaignUsersPath(campaign), (text) => parseCampaignUsers(text, this.options.maxSourceRows), priority);
  }

  campaignActiveCourses(campaign: string, priority: Priority = 'foreground'): Promise<Fetched<ListedCourse[]>> {
    return this.#get('campaign_active_courses', campaignActiveCoursesPath(campaign), (text) => parseActiveCourses(text, this.options.maxSourceRows), priority);
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /** One call: a request, perhaps a retry (retry.ts), each sent with a token, a slot and the breaker's leave, all within HTTP_TIMEOUT. */
  async #get<T>(endpoint: Endpoint, pathAndQuery: string, parse: (text: string) => T, priority: Priority): Promise<Fetched<T>> {
    // A Dashboard that is down is not asked, and the caller learns it at once, not after a wait in the queue.
    const wait = this.breaker.waitMs();
    if (wait > 0) throw this.#down(wait);
    const { timeoutMs } = this.options;
    const signal = AbortSignal.timeout(timeoutMs);
    const started = Date.now();
    const sendBy = started + timeoutMs * (1 - MIN_DEADLINE_LEFT_TO_SEND);
    const pass = new BreakerPass(this.breaker, () => this.#down(this.breaker.waitMs()));
    // Every request goes here, the retry too: a token (refused at once when it would come too late to send
    // the call in time), a slot, then the breaker's leave just before sending.
    const send = async (retryOf?: UpstreamError): Promise<Attempt<T>> => {
      await this.budget.acquire(priority, sendBy - Date.now(), signal);
      return this.limiter.run(
        async () => {
          pass.beforeSend(retryOf);
          return this.#request(endpoint, pathAndQuery, parse, signal);
        },
        signal,
        sendBy - Date.now(),
      );
    };
    try {
      const fetched = await withOneRetry(send, () => timeoutMs - (Date.now() - started), signal);
      pass.answered();
      return fetched;
    } catch (err) {
      const timedOut = signal.aborted && !isRefusal(err);
      pass.failed(timedOut, timeoutMs);
      if (timedOut) throw new UpstreamError('timeout', `the Dashboard did not answer within ${timeoutMs} ms`, undefined, { cause: err });
      throw err;
    }
  }

  #down(waitMs: number): UpstreamError {
    return new UpstreamError('down', `the Dashboard failed ${this.options.maxFails} calls in a row and is not asked for a while`, undefined, {
      retryAfterMs: waitMs,
    });
  }

  /** One request and what it came to. The deadline's abort, and failures not worth a retry, are thrown. */
  async #request<T>(endpoint: Endpoint, pathAndQuery: string, parse: (text: string) => T, signal: AbortSignal): Promise<Attempt<T>> {
    const started = performance.now();
    let status = 0;
    try {
      const res = await request(this.options.baseUrl + pathAndQuery, {
        method: 'GET',
        dispatcher: this.#dispatcher,
        signal,
        headers: {
          'user-agent': this.options.userAgent,
          accept: 'application/json',
          'accept-language': 'en',
        },
      });
      status = res.statusCode;
      const text = await readText(res.body, this.options.maxBodyBytes);
      if (status === 200) return { fetched: { found: true, data: parse(text) } };
      if (status === 404 && isDashboardNotFound(text)) return { fetched: { found: false } };
      const error = new UpstreamError('http', `the Dashboard answered HTTP ${status}`, status);
      if (RETRYABLE_STATUS.has(status)) return { error, retryInMs: retryDelay(res.headers['retry-after'], this.options.retryBaseMs) };
      throw error;
    } catch (err) {
      if (err instanceof UpstreamError || signal.aborted) throw err;
      if (isNetworkError(err)) {
        const error = new UpstreamError('network', `could not reach the Dashboard: ${messageOf(err)}`, undefined, { cause: err });
        return { error, retryInMs: jitter(this.options.retryBaseMs) };
      }
      // Anything else the HTTP client throws (its parser refusing the answer, above all) is the
      // Dashboard's failure, never ours; not retried, as the same bytes would likely come back.
      throw new UpstreamError('protocol', `the Dashboard's answer is not valid HTTP: ${messageOf(err)}`, undefined, { cause: err });
    } finally {
      this.hooks.onAttempt?.({ endpoint, status, durationMs: performance.now() - started });
    }
  }
}

/**
 * One call's dealings with the breaker, all in one place: it is let through just before its first
 * send (the breaker may have opened while it waited for a slot); its retry goes only while nothing has
 * changed since; and its verdict is reported once.
 */
class BreakerPass {
  #admission: Admission | undefined;
  #sentAt = 0;

  constructor(
    private readonly breaker: CircuitBreaker,
    private readonly refusal: () => UpstreamError,
  ) {}

  /** `retryOf`: the first request's failure, which stands if the retry may not go. */
  beforeSend(retryOf?: UpstreamError): void {
    if (retryOf === undefined) {
      this.#admission = this.breaker.admit();
      if (this.#admission === undefined) throw this.refusal();
    } else if (this.#admission === undefined || !this.breaker.holds(this.#admission)) {
      throw retryOf;
    }
    this.#sentAt = Date.now();
  }

  /** A 200 and the Dashboard's own 404 alike: it answered. */
  answered(): void {
    if (this.#admission !== undefined) this.breaker.succeeded(this.#admission);
  }

  /**
   * Only a call that was sent counts; our own refusals (queue full, breaker open) say nothing of the
   * Dashboard, and neither does a timeout after it had the request for less than half the deadline
   * (the rest went waiting for a slot): a slow but answering Dashboard under a burst is not down.
   */
  failed(timedOut: boolean, timeoutMs: number): void {
    if (this.#admission === undefined) return;
    if (timedOut && Date.now() - this.#sentAt < timeoutMs / 2) this.breaker.inconclusive(this.#admission);
    else this.breaker.failed(this.#admission);
  }
}

async function readText(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw new UpstreamError('payload', `the Dashboard's answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A parser of a JSON body's value, as a parser of its text. */
function json<T>(parse: (body: unknown) => T): (text: string) => T {
  return (text) => parse(parseJson(text));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UpstreamError('payload', 'the Dashboard answered with something that is not JSON');
  }
}

/** The Dashboard's own 404 bodies are small JSON objects; an HTML 404 from a proxy is not "not found". */
function isDashboardNotFound(text: string): boolean {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && ('error' in body || 'message' in body);
  } catch {
    return false;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isNetworkError(err: unknown): boolean {
  return (
    err instanceof undiciErrors.SocketError ||
    err instanceof undiciErrors.ConnectTimeoutError ||
    (err instanceof Error && 'code' in err && typeof err.code === 'string' && /^(E[A-Z]+|UND_ERR_SOCKET)$/.test(err.code))
  );
}
