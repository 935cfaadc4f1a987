// What a Dashboard's index costs on the heap, estimated as the caches' entries are (cache/heap-size.ts),
// so that it counts toward the one memory budget: cache/budget.ts sets BADGE_INDEX_SHARE of it aside for
// the indexes (the data cache gets that much less), and the metrics show each index's bytes beside it.

import { heapBytes } from '../cache/heap-size.js';
import type { EnrolmentPart } from '../domain/badge-enrolments.js';
import type { BadgeIndex } from '../domain/badge-index.js';

/** A Map entry's slots beyond its key and value (V8's OrderedHashMap: key, value, chain, a bucket share). */
const MAP_ENTRY = 4 * 8;

// A part is shared by every index built while its source did not change: counted once.
const partBytes = new WeakMap<EnrolmentPart, number>();

function bytesOfPart(part: EnrolmentPart): number {
  let bytes = partBytes.get(part);
  if (bytes === undefined) {
    bytes = heapBytes(part.courses);
    for (const [person, held] of part.people) bytes += MAP_ENTRY + heapBytes(person) + heapBytes(held);
    partBytes.set(part, bytes);
  }
  return bytes;
}

/** The index's own structures: its parts (who is enrolled where), its current courses and their placement. */
export function indexBytes(index: BadgeIndex): number {
  let bytes = heapBytes(index.courses) + heapBytes(index.missingDetails);
  for (const part of index.parts) bytes += bytesOfPart(part);
  for (const placement of index.placement) bytes += placement.byteLength;
  return bytes;
}
