// Closed-loop HTTP load with autocannon: a warm-up run, then the measured run (both bounded in time).

import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers, errors and timeouts: anything but 0 makes the figure suspect. */
  failures: number;
  /** CPU time the server process spent per answered request, in µs (when its pid is known). */
  cpuUsPerRequest?: number;
}

// Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on Linux).
const TICKS_PER_SECOND = 100;

/** User + system CPU time of a process so far, in µs. */
export function cpuMicros(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / TICKS_PER_SECOND;
}

/** A request other than a plain GET (e.g. a form POST), sent the same on every connection. */
export interface LoadRequest {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

/**
 * With the server's pid, also its CPU time per request: unlike req/s this hardly depends on what
 * else the (shared, virtual) machine is doing, so it compares a service with its ceiling steadily.
 */
export async function measure(url: string, opts: LoadOptions, pid?: number, request?: LoadRequest): Promise<LoadResult> {
  // Warm-up: JIT, keep-alive sockets, and every cache entry behind the URL.
  await autocannon({ url, ...request, connections: opts.connections, duration: opts.warmupSeconds });
  const cpuBefore = pid === undefined ? 0 : cpuMicros(pid);
  const r = await autocannon({ url, ...request, connections: opts.connections, duration: opts.seconds, timeout: 10 });
  const cpu = pid === undefined ? undefined : (cpuMicros(pid) - cpuBefore) / Math.max(1, r.requests.total);
  return {
    ...(cpu !== undefined && { cpuUsPerRequest: cpu }),
    rps: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
  };
}
