// The retry policy of one upstream call: a failure worth retrying (a network error, a 429 or a 5xx) is
// tried once more, after the Dashboard's Retry-After or a jittered UPSTREAM_RETRY_DELAY, and only if
// that wait ends before the call's deadline.

import { setTimeout as sleep } from 'node:timers/promises';
import type { Fetched } from '../cache/types.js';
import { isRefusal, type UpstreamError } from './types.js';

/** What one request came to: what the Dashboard said, or a failure worth retrying after `retryInMs`. Other failures are thrown. */
export type Attempt<T> = { fetched: Fetched<T>; retryInMs?: undefined } | { error: UpstreamError; retryInMs: number };

export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * `send` once, and once more if its failure is worth it and the wait fits in `leftMs()` (a longer
 * Retry-After is not waited for: the call fails now). The retry's `send` gets the first failure,
 * which stands when the retry cannot be sent (as does any refusal of ours in the way of it).
 */
export async function withOneRetry<T>(
  send: (retryOf?: UpstreamError) => Promise<Attempt<T>>,
  leftMs: () => number,
  signal: AbortSignal,
): Promise<Fetched<T>> {
  const first = await send();
  if (first.retryInMs === undefined) return first.fetched;
  if (first.retryInMs >= leftMs()) throw first.error;
  await sleep(first.retryInMs, undefined, { signal });
  const second = await send(first.error).catch((err: unknown) => {
    throw isRefusal(err) ? first.error : err;
  });
  if (second.retryInMs !== undefined) throw second.error;
  return second.fetched;
}

/** The wait before a retry: the Dashboard's Retry-After (seconds or a date), else `baseMs` jittered ±25 %. */
export function retryDelay(header: string | string[] | undefined, baseMs: number): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined) {
    if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  return jitter(baseMs);
}

export function jitter(ms: number): number {
  return Math.round(ms * (0.75 + Math.random() / 2));
}
