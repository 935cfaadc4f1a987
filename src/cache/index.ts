import type { Config } from '../config.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore, warnAboutPrefix } from './redis-store.js';
import { TieredStore } from './tiered-store.js';
import type { CacheStore } from './types.js';

/** The configured store: in-process only, or an in-process L1 in front of Redis. */
export function createStore(config: Config, log?: { warn(msg: string): void }): CacheStore {
  const memory = new MemoryStore(config.memoryCache);
  if (config.redis === null) return memory;
  const warning = warnAboutPrefix(config.redis.keyPrefix);
  if (warning !== null) log?.warn(warning);
  return new TieredStore(memory, new RedisStore(config.redis, log === undefined ? {} : { log }), config.l1TtlMs);
}
