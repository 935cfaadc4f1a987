import type { MemoryStore, StoredEntry } from './memory-store.js';
import type { RedisStore } from './redis-store.js';
import type { ScriptRunner } from './scripts.js';
import type { CacheEntry, CacheStore, CacheUse, EntryCheck, Lock, StoreHealth } from './types.js';

/**
 * An in-process L1 in front of Redis. An L1 copy is trusted for l1TtlMs after it was put there
 * (so replicas converge without a message bus); after that Redis is asked, and when Redis has
 * nothing (down, evicted, expired) the old L1 copy is still returned: the engine judges every
 * entry's age from fetched_at, so an old copy is never served beyond its policy, and beats nothing.
 */
export class TieredStore implements CacheStore {
  constructor(
    private readonly l1: MemoryStore,
    private readonly l2: RedisStore,
    private readonly l1TtlMs: number,
  ) {}

  /** `trust` applies to what Redis answers only: an L1 copy was checked when it came in. */
  async get<T>(key: string, trust?: EntryCheck): Promise<CacheEntry<T> | undefined> {
    const local = this.l1.record(key);
    if (this.isYoungRecord(local)) return local.entry as CacheEntry<T>;
    return this.reconcile(key, local, await this.l2.get<T>(key, trust));
  }

  async set<T>(key: string, entry: CacheEntry<T>, ttlMs: number): Promise<void> {
    await Promise.all([this.l1.set(key, entry, ttlMs), this.l2.set(key, entry, ttlMs)]);
  }

  async lock(key: string, ttlMs: number): Promise<{ state: 'acquired'; lock: Lock } | { state: 'busy' }> {
    const result = await this.l2.lock(key, ttlMs);
    if (result.state === 'acquired') {
      // The lock holder checks the store before loading: make that read ask Redis, where another
      // replica may have just stored a newer entry that our young L1 copy would hide.
      const local = this.l1.record(key);
      if (local !== undefined) local.storedAt = Number.NEGATIVE_INFINITY;
    }
    return result;
  }

  health(): StoreHealth {
    return this.l2.health();
  }

  /** Redis's. */
  get scripts(): ScriptRunner {
    return this.l2;
  }

  /** Only the L1 is in process memory. */
  get size(): CacheUse {
    return this.l1.size;
  }

  async close(): Promise<void> {
    await Promise.all([this.l1.close(), this.l2.close()]);
  }

  private isYoungRecord(record: StoredEntry | undefined): record is StoredEntry {
    return record !== undefined && this.l1.now() - record.storedAt < this.l1TtlMs;
  }

  /**
   * Redis's answer against the L1 copy: the newer one wins (Redis may hold an older entry written
   * before an outage during which only the L1 was updated). A copy from Redis stays in the L1 until
   * the LRU evicts it; its age is judged from fetched_at.
   */
  private async reconcile<T>(
    key: string,
    local: StoredEntry | undefined,
    remote: CacheEntry<T> | undefined,
  ): Promise<CacheEntry<T> | undefined> {
    if (remote !== undefined && (local === undefined || remote.fetched_at >= local.entry.fetched_at)) {
      await this.l1.set(key, remote, Number.POSITIVE_INFINITY);
      return remote;
    }
    return local?.entry as CacheEntry<T> | undefined;
  }
}
