// The token bucket of token-bucket.ts kept in Redis, so that every replica takes from one budget per
// Dashboard: one script per take (atomic), on Redis's own clock (replicas' clocks differ), its key with a TTL
// of one full refill (an idle bucket is full anyway). While Redis cannot be asked, each process takes from a
// bucket of its own, which starts empty: the bound then holds per process, and `shared` says so.

import type { LuaScript, ScriptRunner } from '../cache/scripts.js';
import type { Priority } from '../cache/types.js';
import { fullBucket, take, type BucketRule, type BucketState, type Take } from './token-bucket.js';

// The rules of token-bucket.ts `take`, line for line (test/dashboard/shared-bucket.test.ts holds them to it).
// Numbers go back as strings: Redis would truncate a Lua number to an integer.
export const TAKE_SCRIPT: LuaScript = {
  name: 'odhTakeToken',
  lua: `
local rate, burst, maxWait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
local foreground = ARGV[3] == 'foreground'
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(held[1]), tonumber(held[2])
if tokens == nil or at == nil then tokens, at = burst, now end
if now > at then tokens, at = math.min(burst, tokens + (now - at) * rate / 1000), now end
local wait = 0
if tokens < 1 then wait = (1 - tokens) * 1000 / rate end
if wait == 0 or (foreground and wait <= maxWait) then
  tokens = tokens - 1
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
  redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
  return {1, tostring(wait)}
end
return {0, tostring(wait)}
`,
};

/** One Dashboard's bucket: in Redis when it answers, else in this process. */
export class SharedBucket {
  #local: BucketState | undefined;
  #shared: boolean;

  constructor(
    private readonly rule: BucketRule,
    /** Redis, when configured. */
    private readonly redis: { runner: ScriptRunner; key: string } | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.#shared = redis !== undefined;
  }

  /** Whether takes are shared by every replica: with Redis, unless the last take could not reach it. */
  get shared(): boolean {
    return this.#shared;
  }

  async take(priority: Priority, maxWaitMs: number): Promise<Take> {
    if (this.redis !== undefined) {
      const reply = await this.redis.runner.runScript(TAKE_SCRIPT, [this.redis.key], [this.rule.rate, this.rule.burst, priority, Math.max(0, maxWaitMs)]);
      const parsed = parseReply(reply);
      // Leaving the shared bucket, this process starts its own empty: a Redis hiccup must not add a
      // burst of its own per replica on top of what the shared bucket just gave.
      if (parsed === undefined && this.#shared) this.#local = { tokens: 0, at: this.now() };
      this.#shared = parsed !== undefined;
      if (parsed !== undefined) return parsed;
    }
    const now = this.now();
    const result = take(this.#local ?? fullBucket(this.rule, now), this.rule, now, priority, maxWaitMs);
    this.#local = result.state;
    return result.take;
  }
}

function parseReply(reply: unknown): Take | undefined {
  if (!Array.isArray(reply) || reply.length !== 2) return undefined;
  const waitMs = Number(reply[1]);
  if (!Number.isFinite(waitMs) || waitMs < 0) return undefined;
  if (reply[0] === 1) return { taken: true, waitMs };
  return reply[0] === 0 ? { taken: false, retryAfterMs: waitMs } : undefined;
}
