// What the rest of the service reads of a Dashboard's client: its concurrency cap's queue and its
// breaker (/health, the /metrics gauges).

import type { CircuitBreaker } from './breaker.js';
import type { ConcurrencyLimiter } from './limiter.js';

/** One Dashboard's client, as the gauges and /health read it. */
export interface UpstreamState {
  limiter: Pick<ConcurrencyLimiter, 'active' | 'queued'>;
  breaker: Pick<CircuitBreaker, 'state'>;
}
