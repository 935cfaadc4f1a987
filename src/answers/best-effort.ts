// The secondary reads of an answer (enrichment) are best effort.

import { InvalidInput } from '../domain/invalid.js';
import { UpstreamError } from '../dashboard/types.js';
import type { FreshnessTracker } from './freshness.js';
import { NotFound } from './not-found.js';

/**
 * Runs `read`; when the Dashboard fails, the course is gone or its slug cannot be used, the answer
 * gets null there instead of an error, and is marked as not worth keeping. Never rejects for those,
 * so it may run beside the main read (whose error then wins).
 */
export async function bestEffort<T>(
  freshness: FreshnessTracker,
  now: () => number,
  read: () => Promise<T | null>,
): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (!(err instanceof UpstreamError || err instanceof NotFound || err instanceof InvalidInput)) throw err;
    freshness.failed(now());
    return null;
  }
}
