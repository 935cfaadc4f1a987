// What an index holds of other answers' reads (the rosters and course details they read), by the course's
// folded slug: the newest copy of each, within a bound on their count and on their estimated heap bytes
// (the oldest recorded goes first), each dropped once `expiresAt` of its data has passed. The bytes are
// part of the badges' share of the memory budget (memory.ts): held entries keep data alive that the data
// cache may have let go. The list handed to the index is rebuilt only when something changed, so an
// unchanged hold keeps its stamp (badge-sources.ts entriesStamp) and the index is not rebuilt for it.

import type { Stamped } from '../domain/badge-sources.js';
import { heapBytes } from '../cache/heap-size.js';

/** A Map entry's slots beyond its key and value (V8's OrderedHashMap: key, value, chain, a bucket share), and the held record. */
const ENTRY_OVERHEAD = 4 * 8 + 4 * 8;

export interface HeldBounds {
  maxEntries: number;
  maxBytes: number;
}

interface Held<T> {
  entry: Stamped<T>;
  bytes: number;
}

export class HeldEntries<T> {
  readonly #byKey = new Map<string, Held<T>>();
  #list: readonly Stamped<T>[] | undefined;
  #nextExpiry = Infinity;
  #bytes = 0;

  /** `expiresAt`: when an entry stops mattering (ms; NaN or Infinity: never). */
  constructor(
    private readonly bounds: HeldBounds,
    private readonly expiresAt: (data: T) => number,
  ) {}

  /** Holds `entry` under `key` unless a copy as new is held already (or it alone is over the byte bound). */
  put(key: string, entry: Stamped<T>): void {
    const held = this.#byKey.get(key);
    if (held !== undefined && held.entry.fetched_at >= entry.fetched_at) return;
    const bytes = ENTRY_OVERHEAD + heapBytes(key) + heapBytes(entry);
    this.remove(key); // re-inserted last: the oldest recorded is the first to go
    if (bytes > this.bounds.maxBytes) return;
    this.#byKey.set(key, { entry, bytes });
    this.#bytes += bytes;
    for (const [oldest, { bytes: size }] of this.#byKey) {
      if (this.#byKey.size <= this.bounds.maxEntries && this.#bytes <= this.bounds.maxBytes) break;
      this.#byKey.delete(oldest);
      this.#bytes -= size;
    }
    this.#list = undefined;
  }

  remove(key: string): void {
    const held = this.#byKey.get(key);
    if (held === undefined) return;
    this.#byKey.delete(key);
    this.#bytes -= held.bytes;
    this.#list = undefined;
  }

  /** The entries held at `now`, the same array while nothing changed. */
  list(now: number): readonly Stamped<T>[] {
    if (this.#list !== undefined && now <= this.#nextExpiry) return this.#list;
    let next = Infinity;
    for (const [key, { entry }] of this.#byKey) {
      const at = this.expiresAt(entry.data);
      if (at < now) this.remove(key);
      else if (at < next) next = at;
    }
    this.#list = [...this.#byKey.values()].map((h) => h.entry);
    this.#nextExpiry = next;
    return this.#list;
  }

  /** Estimated heap bytes held. */
  get bytes(): number {
    return this.#bytes;
  }
}
