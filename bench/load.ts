// Closed-loop HTTP load with autocannon: a warm-up run, then measured runs in turns (bounded in time).

import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { median } from './stats.js';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers, errors and timeouts: anything but 0 makes the figure suspect. */
  failures: number;
  /** CPU time the server process spent per answered request, in µs. */
  cpuUsPerRequest: number;
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
  /** Measured load per server, in all (spread over the turns). */
  seconds: number;
  warmupSeconds: number;
}

/** A server under load: where to send requests, and its pid (whose CPU time is read). */
export interface LoadTarget {
  url: string;
  pid: number;
}

/** Seconds of one turn: autocannon's resolution (a shorter run lasts a second all the same). */
export const TURN_SECONDS = 1;

/**
 * Measures several servers alike, taking turns: after a warm-up each, each server gets `opts.seconds`
 * of load in turns of TURN_SECONDS, one server after another, each turn led by the next server. On a
 * shared VM the CPU time a request costs drifts with the neighbours over seconds; in turns every
 * server meets each spell alike, so their ratios hold where whole runs one after the other did not
 * (the same server twice, by round: 0.70-1.93 one after the other, 0.83-1.27 in turns; BENCHMARKS.md).
 * With the server's pid, its CPU time per request: unlike req/s this hardly depends on what else the
 * machine is doing. Latencies are the median of the turns'.
 */
export async function measureInTurns(targets: readonly LoadTarget[], opts: LoadOptions, request?: LoadRequest): Promise<LoadResult[]> {
  // Warm-up: JIT, keep-alive sockets, and every cache entry behind the URL.
  for (const t of targets) await autocannon({ url: t.url, ...request, connections: opts.connections, duration: opts.warmupSeconds });
  const slices = targets.map(() => ({ cpu: 0, requests: 0, seconds: 0, failures: 0, p50: [] as number[], p99: [] as number[] }));
  for (let turn = 0; turn < Math.max(1, Math.round(opts.seconds / TURN_SECONDS)); turn++) {
    // Each turn starts with the next server, so that none always comes first or last.
    for (let k = 0; k < targets.length; k++) {
      const i = (turn + k) % targets.length;
      const t = targets[i] as LoadTarget;
      const cpuBefore = cpuMicros(t.pid);
      const r = await autocannon({ url: t.url, ...request, connections: opts.connections, duration: TURN_SECONDS, timeout: 10 });
      const s = slices[i] as (typeof slices)[number];
      s.cpu += cpuMicros(t.pid) - cpuBefore;
      s.requests += r.requests.total;
      s.seconds += r.duration;
      s.failures += r.non2xx + r.errors + r.timeouts;
      s.p50.push(r.latency.p50);
      s.p99.push(r.latency.p99);
    }
  }
  return slices.map((s) => ({
    cpuUsPerRequest: s.cpu / Math.max(1, s.requests),
    rps: s.requests / s.seconds,
    p50Ms: median(s.p50),
    p99Ms: median(s.p99),
    requests: s.requests,
    failures: s.failures,
  }));
}
