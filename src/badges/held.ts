// What a Dashboard's index takes from the reads of other answers (the rosters and course details they
// read), held by the course's folded slug: the newest copy of each, at most `max` of them (the oldest
// recorded goes first), each dropped once `expiresAt` of its data has passed. The list handed to the index
// is rebuilt only when something changed, so an unchanged hold keeps its stamp (badge-sources.ts
// entriesStamp) and the index is not rebuilt for it.

import type { Stamped } from '../domain/badge-sources.js';
import { heapBytes } from '../cache/heap-size.js';

/** A Map entry's slots beyond its key and value (V8's OrderedHashMap: key, value, chain, a bucket share). */
const MAP_ENTRY = 4 * 8;

export class HeldEntries<T> {
  readonly #byKey = new Map<string, Stamped<T>>();
  #list: readonly Stamped<T>[] | undefined;
  #nextExpiry = Infinity;
  #bytes = 0;

  /** `expiresAt`: when an entry stops mattering (ms; NaN or Infinity: never). */
  constructor(
    private readonly max: number,
    private readonly expiresAt: (data: T) => number,
  ) {}

  /** Holds `entry` under `key` unless a copy as new is held already. */
  put(key: string, entry: Stamped<T>): void {
    const held = this.#byKey.get(key);
    if (held !== undefined && held.fetched_at >= entry.fetched_at) return;
    this.#byKey.delete(key); // re-inserted last: the oldest recorded is the first to go
    this.#byKey.set(key, entry);
    if (this.#byKey.size > this.max) this.#byKey.delete(this.#byKey.keys().next().value as string);
    this.#list = undefined;
  }

  remove(key: string): void {
    if (this.#byKey.delete(key)) this.#list = undefined;
  }

  /** The entries held at `now`, the same array while nothing changed. */
  list(now: number): readonly Stamped<T>[] {
    if (this.#list !== undefined && now <= this.#nextExpiry) return this.#list;
    let next = Infinity;
    let bytes = 0;
    for (const [key, entry] of this.#byKey) {
      const at = this.expiresAt(entry.data);
      if (at < now) {
        this.#byKey.delete(key);
        continue;
      }
      if (at < next) next = at;
      bytes += MAP_ENTRY + heapBytes(key) + heapBytes(entry);
    }
    this.#list = [...this.#byKey.values()];
    this.#nextExpiry = next;
    this.#bytes = bytes;
    return this.#list;
  }

  /** Estimated heap bytes of what was held at the last list(). */
  get bytes(): number {
    return this.#bytes;
  }
}
