// The request budget of one Dashboard, as the client uses it just before each request it sends (retries
// included): a foreground read waits for its token if the token comes in time, else it is refused at once
// (503 with Retry-After, our refusal: the breaker does not count it); a background read takes a token only
// when one is free, so it never goes ahead of a person waiting. Refusals are told once when they start and
// once when they stop, never per request.

import { setTimeout as sleep } from 'node:timers/promises';
import { SharedBucket } from './shared-bucket.js';
import type { Priority } from '../cache/types.js';
import { UpstreamError } from './types.js';

export type BudgetOutcome = 'taken' | 'refused';

export interface BudgetHooks {
  /** Every take, for metrics. */
  onTake?: (priority: Priority, outcome: BudgetOutcome) => void;
  /** Refusals of foreground reads started (`refused` 1) or stopped (with how many there were and for how long). */
  onRefusals?: (change: { state: 'started' } | { state: 'stopped'; refused: number; forMs: number }) => void;
  now?: () => number;
}

// Refusals count as stopped once a foreground read gets its token this long after the last refusal: a flood
// alternates takes and refusals, and that must stay one "started" line, not one per flip.
const QUIET_MS = 5_000;

export class UpstreamBudget {
  readonly #now: () => number;
  #refusing: { since: number; last: number; refused: number } | undefined;

  constructor(
    private readonly bucket: SharedBucket,
    private readonly hooks: BudgetHooks = {},
  ) {
    this.#now = hooks.now ?? Date.now;
  }

  /** 'shared' when the last take was counted for every replica (Redis), 'per-process' otherwise. */
  get scope(): 'shared' | 'per-process' {
    return this.bucket.shared ? 'shared' : 'per-process';
  }

  /**
   * Resolves when the request may be sent: at once, or (foreground) after waiting for a token that comes
   * within `maxWaitMs`. Rejects with an UpstreamError('budget') carrying retryAfterMs when refused, or with
   * the signal's reason when it aborts during the wait (the token is then spent: the bound stays true).
   */
  async acquire(priority: Priority, maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    const result = await this.bucket.take(priority, maxWaitMs);
    this.hooks.onTake?.(priority, result.taken ? 'taken' : 'refused');
    if (!result.taken) {
      if (priority === 'foreground') this.#refused();
      throw new UpstreamError('budget', `the Dashboard's request budget is spent for now (${priority} read)`, undefined, {
        retryAfterMs: result.retryAfterMs,
      });
    }
    if (priority === 'foreground') this.#tookForeground();
    if (result.waitMs > 0) {
      await sleep(result.waitMs, undefined, signal === undefined ? {} : { signal }).catch((err: unknown) => {
        throw signal?.aborted ? signal.reason : err;
      });
    }
  }

  #refused(): void {
    const now = this.#now();
    if (this.#refusing === undefined) {
      this.#refusing = { since: now, last: now, refused: 0 };
      this.hooks.onRefusals?.({ state: 'started' });
    }
    this.#refusing.refused += 1;
    this.#refusing.last = now;
  }

  #tookForeground(): void {
    const refusing = this.#refusing;
    if (refusing === undefined || this.#now() - refusing.last < QUIET_MS) return;
    this.#refusing = undefined;
    this.hooks.onRefusals?.({ state: 'stopped', refused: refusing.refused, forMs: refusing.last - refusing.since });
  }
}

interface BudgetLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** What an operator reads: one warning when a Dashboard's budget starts turning readers away, one line when it stops. */
export function logBudgetRefusals(log: BudgetLog, dashboard: string): BudgetHooks['onRefusals'] {
  return (change) => {
    if (change.state === 'started') {
      log.warn({ dashboard }, "Dashboard's request budget spent: reads that cannot wait for a token get 503 (UPSTREAM_RATE, UPSTREAM_BURST)");
    } else {
      log.info({ dashboard, refused: change.refused, seconds: Math.round(change.forMs / 1000) }, "Dashboard's request budget has room again");
    }
  };
}
