// A token bucket, as pure arithmetic: the request budget of one Dashboard (the contract's "A budget for each
// Dashboard"). `rate` tokens a second flow in, up to `burst`; every request started takes one. A foreground
// read that finds none may reserve the next one (the bucket goes into debt) if it can wait that long; a
// background read takes one only when a whole token is there, which it never is while a foreground read
// waits (the debt is repaid first). So the requests started in any `t` seconds are at most rate * t + burst.
// shared-bucket.ts runs the same rules atomically in Redis for every replica; budget.ts applies them.

import type { Priority } from '../cache/types.js';

export interface BucketRule {
  /** Tokens per second. */
  rate: number;
  /** The most tokens the bucket holds (and the first burst allowed). */
  burst: number;
}

/** Tokens held at a moment (below 0: reserved ahead by waiting reads). */
export interface BucketState {
  tokens: number;
  at: number;
}

/** A token taken (to use `waitMs` from now), or refused with how long until one would be free. */
export type Take = { taken: true; waitMs: number } | { taken: false; retryAfterMs: number };

/** A full bucket: what a Dashboard nobody has asked lately allows. */
export function fullBucket(rule: BucketRule, now: number): BucketState {
  return { tokens: rule.burst, at: now };
}

/** The state at `now`: what flowed in since `state.at`, up to `burst`. A clock that went back adds nothing. */
export function refill(state: BucketState, rule: BucketRule, now: number): BucketState {
  const elapsed = Math.max(0, now - state.at);
  return { tokens: Math.min(rule.burst, state.tokens + (elapsed * rule.rate) / 1000), at: Math.max(now, state.at) };
}

/**
 * One request's claim at `now`. Foreground: a token now, or the next one reserved when it comes within
 * `maxWaitMs`; otherwise refused. Background: a token now only if a whole one is free (no foreground read is
 * waiting), never a reservation. Refusals change nothing.
 */
export function take(state: BucketState, rule: BucketRule, now: number, priority: Priority, maxWaitMs: number): { state: BucketState; take: Take } {
  const current = refill(state, rule, now);
  const waitMs = current.tokens >= 1 ? 0 : ((1 - current.tokens) * 1000) / rule.rate;
  if (waitMs === 0 || (priority === 'foreground' && waitMs <= maxWaitMs)) {
    return { state: { tokens: current.tokens - 1, at: current.at }, take: { taken: true, waitMs } };
  }
  return { state: current, take: { taken: false, retryAfterMs: waitMs } };
}
