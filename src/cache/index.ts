import type { CacheConfig, RedisConfig } from '../config/config.js';
import { badgeIndexBytes, splitBudget } from './budget.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore, warnAboutPrefix } from './redis-store.js';
import { TieredStore } from './tiered-store.js';
import type { CacheStore } from './types.js';

/**
 * The configured data store: in-process only, or an in-process L1 in front of Redis, within the data
 * cache's part of the memory budget less what is set aside for the badges' indexes (budget.ts).
 */
export function createStore(
  cache: CacheConfig,
  redis: RedisConfig | null,
  log?: { warn(msg: string): void },
): CacheStore {
  const { data } = splitBudget(cache.memory);
  const memory = new MemoryStore({ ...data, maxBytes: Math.max(1, data.maxBytes - badgeIndexBytes(cache.memory)) });
  if (redis === null) return memory;
  const warning = warnAboutPrefix(redis.keyPrefix);
  if (warning !== null) log?.warn(warning);
  return new TieredStore(memory, new RedisStore(redis, log === undefined ? {} : { log }), cache.l1TtlMs);
}
