// Closed-loop HTTP load with autocannon: a warm-up run, then the measured run (both bounded in time).

import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers, errors and timeouts: anything but 0 makes the figure suspect. */
  failures: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export async function measure(url: string, opts: LoadOptions): Promise<LoadResult> {
  // Warm-up: JIT, keep-alive sockets, and every cache entry behind the URL.
  await autocannon({ url, connections: opts.connections, duration: opts.warmupSeconds });
  const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds, timeout: 10 });
  return {
    rps: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
  };
}
