// Atomic work on the shared Redis beyond get/set/lock: a Lua script, run under the service's key prefix.
// The request budget (dashboard/shared-bucket.ts) takes its tokens this way, one script per take.

export interface LuaScript {
  /** A name for the client's cache of script hashes. */
  name: string;
  lua: string;
}

/** Runs a Lua script atomically on Redis with `keys` under the service's namespace; undefined when Redis is unavailable (never throws). */
export interface ScriptRunner {
  runScript(script: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
}
