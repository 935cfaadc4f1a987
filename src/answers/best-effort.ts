// The secondary reads of an answer (enrichment) are best effort.

import { InvalidInput } from '../domain/invalid.js';
import { UpstreamError } from '../dashboard/types.js';
import type { FreshnessTracker } from './freshness.js';
import { NotFound } from './not-found.js';

/**
 * Runs `read`; when the Dashboard fails or does not answer before the deadline, the answer gets null
 * there and is marked partial (the next request may complete it); when the course is gone or its
 * slug cannot be used, null too, but that is the whole truth, not a gap. Never rejects for those, so
 * it may run beside the main read (whose error then wins).
 */
export async function bestEffort<T>(
  freshness: FreshnessTracker,
  now: () => number,
  read: () => Promise<T | null>,
): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof UpstreamError) freshness.failed(now());
    else if (!(err instanceof NotFound || err instanceof InvalidInput)) throw err;
    return null;
  }
}
