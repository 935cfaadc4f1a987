// Which entries from outside the process (Redis) the engine may use: another replica, an older
// version or anyone who can write to a shared Redis may have put something else there.

import type { EntryCheck, ShapeCheck } from './types.js';

/**
 * How far in the future another replica's fetched_at may lie (their clocks differ a little). Beyond
 * it the entry is treated as absent rather than as fetched now: "now" would serve data of unknown age
 * as fresh for a whole TTL, which is what a corrupted or planted entry would want; absent costs one
 * upstream read, and that load overwrites the entry.
 */
export const MAX_CLOCK_SKEW_MS = 1_000;

const TRUST_NOTHING: EntryCheck = () => false;

/** The check for one kind's entries: its data has the kind's shape and its fetched_at is not in the future. */
export function entryCheck(shape: ShapeCheck | undefined, now: () => number): EntryCheck {
  if (shape === undefined) return TRUST_NOTHING;
  return (entry) => entry.fetched_at <= now() + MAX_CLOCK_SKEW_MS && (entry.data === null || shape(entry.data));
}
