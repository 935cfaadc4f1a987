import { LRUCache } from 'lru-cache';
import { entryHeapBytes } from './heap-size.js';
import { UNCOORDINATED } from './no-lock.js';
import type { CacheEntry, CacheStore, CacheUse, StoreHealth } from './types.js';

export interface MemoryStoreOptions {
  maxEntries: number;
  maxBytes: number;
  /** Clock (ms) for TTLs and `storedAt`; injectable for tests. */
  now?: () => number;
}

/** What the LRU holds: the entry and when it was put here (the tiered store's L1 lifetime). */
export interface StoredEntry {
  readonly entry: CacheEntry<unknown>;
  storedAt: number;
}

const HEALTH: StoreHealth = Object.freeze({ kind: 'memory', redis_connected: null, ok: true });

/** A bounded in-process store: at most maxEntries entries and about maxBytes of heap. */
export class MemoryStore implements CacheStore {
  readonly now: () => number;
  private readonly lru: LRUCache<string, StoredEntry>;

  constructor(opts: MemoryStoreOptions) {
    this.now = opts.now ?? Date.now;
    this.lru = new LRUCache<string, StoredEntry>({
      max: opts.maxEntries,
      maxSize: opts.maxBytes,
      perf: { now: this.now },
      // Check expiry against the clock on every read (the default caches the time for 1 ms).
      ttlResolution: 0,
    });
  }

  get<T>(key: string): Promise<CacheEntry<T> | undefined> {
    return Promise.resolve(this.lru.get(key)?.entry as CacheEntry<T> | undefined);
  }

  /** The stored record itself, with its `storedAt` (for the tiered store). */
  record(key: string): StoredEntry | undefined {
    return this.lru.get(key);
  }

  /** ttlMs: Infinity keeps the entry until the LRU evicts it; <= 0 stores nothing. */
  set<T>(key: string, entry: CacheEntry<T>, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0)) {
      this.lru.delete(key);
    } else {
      const record: StoredEntry = { entry, storedAt: this.now() };
      this.lru.set(key, record, { ttl: Number.isFinite(ttlMs) ? Math.ceil(ttlMs) : 0, size: entryHeapBytes(key, record) });
    }
    return Promise.resolve();
  }

  /** Single-flight within the process is the engine's job, so there is nothing to coordinate. */
  lock(): Promise<typeof UNCOORDINATED> {
    return Promise.resolve(UNCOORDINATED);
  }

  health(): StoreHealth {
    return HEALTH;
  }

  /** Entries and estimated heap bytes held (for tests and metrics). */
  get size(): CacheUse {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize, maxBytes: this.lru.maxSize };
  }

  close(): Promise<void> {
    this.lru.clear();
    return Promise.resolve();
  }
}
