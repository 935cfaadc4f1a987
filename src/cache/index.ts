import type { CacheConfig, RedisConfig } from '../config/config.js';
import { splitBudget } from './budget.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore, warnAboutPrefix } from './redis-store.js';
import { TieredStore } from './tiered-store.js';
import type { CacheStore } from './types.js';

/** The configured data store: in-process only, or an in-process L1 in front of Redis (within the data cache's part of the memory budget). */
export function createStore(
  cache: CacheConfig,
  redis: RedisConfig | null,
  log?: { warn(msg: string): void },
): CacheStore {
  const memory = new MemoryStore(splitBudget(cache.memory).data);
  if (redis === null) return memory;
  const warning = warnAboutPrefix(redis.keyPrefix);
  if (warning !== null) log?.warn(warning);
  return new TieredStore(memory, new RedisStore(redis, log === undefined ? {} : { log }), cache.l1TtlMs);
}
