// The Dashboard's three JSON reads over undici: descriptive User-Agent, English labels, a concurrency
// cap, one deadline per call (a retry included), one retry on network errors and 5xx, and a breaker
// that stops asking a Dashboard that keeps failing.

import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import type { UpstreamConfig } from '../config/config.js';
import type { Slug } from '../domain/slugs.js';
import type { CourseDetails, UserStats } from '../schemas/stored.js';
import { CircuitBreaker, type Admission, type BreakerState } from './breaker.js';
import { ConcurrencyLimiter } from './limiter.js';
import { parseCourse, parseRoster, parseUserStats } from './parse.js';
import { upstreamSlugPath, upstreamUsernameQuery } from './paths.js';
import type { Fetched } from '../cache/types.js';
import { isRefusal, UpstreamError, type Dashboard, type Roster } from './types.js';

export type Endpoint = 'user_stats' | 'course' | 'course_users';

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
}

// The share of HTTP_TIMEOUT a call must still have when its slot comes for it to be sent at all: one
// that would likely time out upstream leaves the queue then (503, our refusal), sparing the Dashboard
// work nobody will wait for, and its caller the rest of the wait.
const MIN_DEADLINE_LEFT_TO_SEND = 0.25;
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export class DashboardClient implements Dashboard {
  readonly limiter: ConcurrencyLimiter;
  readonly breaker: CircuitBreaker;
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

  userStats(username: string): Promise<Fetched<UserStats>> {
    return this.#get('user_stats', `/user_stats.json?username=${upstreamUsernameQuery(username)}`, parseUserStats);
  }

  course(slug: Slug): Promise<Fetched<CourseDetails>> {
    return this.#get('course', `/courses/${upstreamSlugPath(slug)}/course.json`, parseCourse);
  }

  courseUsers(slug: Slug): Promise<Fetched<Roster>> {
    return this.#get('course_users', `/courses/${upstreamSlugPath(slug)}/users.json`, parseRoster);
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  async #get<T>(endpoint: Endpoint, pathAndQuery: string, parse: (body: unknown) => T): Promise<Fetched<T>> {
    // A Dashboard that is down is not asked, and the caller learns it at once, not after a wait in the queue.
    const wait = this.breaker.waitMs();
    if (wait > 0) throw this.#down(wait);
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const started = Date.now();
    const call: { admission?: Admission; sentAt: number } = { sentAt: 0 };
    try {
      // The breaker is asked again with a slot in hand, just before sending: it may have opened meanwhile.
      const sendBy = started + this.options.timeoutMs * (1 - MIN_DEADLINE_LEFT_TO_SEND);
      const first = await this.#attempt(endpoint, pathAndQuery, parse, signal, sendBy, () => {
        call.admission = this.breaker.admit();
        if (call.admission === undefined) throw this.#down(this.breaker.waitMs());
        call.sentAt = Date.now();
      });
      let result: Fetched<T>;
      if (first.retryAfterMs === undefined) {
        result = first.result;
      } else {
        // One retry, only if it can still finish before the deadline (a longer Retry-After is not
        // waited for: the call fails now) and the breaker has not changed meanwhile.
        const remaining = this.options.timeoutMs - (Date.now() - started);
        if (first.retryAfterMs >= remaining) throw first.error;
        await sleep(first.retryAfterMs, signal);
        const second = await this.#attempt(endpoint, pathAndQuery, parse, signal, sendBy, () => {
          if (call.admission === undefined || !this.breaker.holds(call.admission)) throw first.error;
          call.sentAt = Date.now();
        }).catch((err: unknown) => {
          // A retry that could not be sent in time leaves the Dashboard's own failure as the verdict.
          throw isRefusal(err) ? first.error : err;
        });
        if (second.retryAfterMs !== undefined) throw second.error;
        result = second.result;
      }
      // A 200 and the Dashboard's own 404 alike: it answered.
      if (call.admission !== undefined) this.breaker.succeeded(call.admission);
      return result;
    } catch (err) {
      const timedOut = signal.aborted && !isRefusal(err);
      // Only a call that was sent counts; our own refusals (queue full, breaker open) say nothing of the
      // Dashboard, and neither does a timeout after it had the request for less than half the deadline
      // (the rest went waiting for a slot): a slow but answering Dashboard under a burst is not down.
      if (call.admission !== undefined) {
        if (timedOut && Date.now() - call.sentAt < this.options.timeoutMs / 2) this.breaker.inconclusive(call.admission);
        else this.breaker.failed(call.admission);
      }
      if (timedOut) {
        throw new UpstreamError('timeout', `the Dashboard did not answer within ${this.options.timeoutMs} ms`, undefined, {
          cause: err,
        });
      }
      throw err;
    }
  }

  #down(waitMs: number): UpstreamError {
    return new UpstreamError('down', `the Dashboard failed ${this.options.maxFails} calls in a row and is not asked for a while`, undefined, {
      retryAfterMs: waitMs,
    });
  }

  /**
   * One request, once it has a slot (by `sendBy`, else refused) and `beforeSend` (run with the slot in
   * hand) lets it go. Either a result, or an error with (when worth retrying) a delay before the retry.
   */
  async #attempt<T>(
    endpoint: Endpoint,
    pathAndQuery: string,
    parse: (body: unknown) => T,
    signal: AbortSignal,
    sendBy: number,
    beforeSend: () => void,
  ): Promise<{ result: Fetched<T>; retryAfterMs?: undefined } | { retryAfterMs: number; error: UpstreamError }> {
    return this.limiter.run(async () => {
      beforeSend();
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
        if (status === 200) return { result: { found: true, data: parse(parseJson(text)) } };
        if (status === 404 && isDashboardNotFound(text)) return { result: { found: false } };
        const error = new UpstreamError('http', `the Dashboard answered HTTP ${status}`, status);
        if (RETRYABLE_STATUS.has(status)) {
          return { retryAfterMs: retryDelay(res.headers['retry-after'], this.options.retryBaseMs), error };
        }
        throw error;
      } catch (err) {
        if (err instanceof UpstreamError || signal.aborted) throw err;
        if (isNetworkError(err)) {
          return {
            retryAfterMs: jitter(this.options.retryBaseMs),
            error: new UpstreamError('network', `could not reach the Dashboard: ${messageOf(err)}`, undefined, {
              cause: err,
            }),
          };
        }
        // Anything else the HTTP client throws (its parser refusing the answer, above all) is the
        // Dashboard's failure, never ours; not retried, as the same bytes would likely come back.
        throw new UpstreamError('protocol', `the Dashboard's answer is not valid HTTP: ${messageOf(err)}`, undefined, {
          cause: err,
        });
      } finally {
        this.hooks.onAttempt?.({ endpoint, status, durationMs: performance.now() - started });
      }
    }, signal, sendBy - Date.now());
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

function retryDelay(header: string | string[] | undefined, baseMs: number): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined) {
    if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  return jitter(baseMs);
}

function jitter(ms: number): number {
  return Math.round(ms * (0.75 + Math.random() / 2));
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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
