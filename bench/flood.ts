// A flood of distinct names nobody has (issue 18): CONNECTIONS clients asking as fast as they can for
// `seconds`, against a Dashboard that answers 404 in 50 ms; one client meanwhile asks for a cached name.
// Counted at the fake Dashboard: upstream requests per second without a budget (UPSTREAM_RATE and
// UPSTREAM_BURST too large to matter: the baseline, what the service did before issue 18), with the
// default budget on one replica, and on two replicas sharing Redis, against the bound RATE * t + BURST.

import { randomBytes } from 'node:crypto';
import { Agent, request } from 'undici';
import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { demoWorld, PERSONAS } from '../demo/demo-world.js';
import { settingsIn } from '../src/config/settings.js';
import type { NodeProcess } from '../support/node-process.js';
import { startRedis } from '../support/redis-server.js';
import { UNBOUNDED_BUDGET } from '../support/service.js';
import { startService } from './service.js';
import { int, ms, target, type Section } from './table.js';

export interface FloodOptions {
  seconds: number;
  connections: number;
  /** The Dashboard's answer time for an unknown name. */
  delayMs: number;
}

// The defaults, as the service reads them.
const DEFAULT_RATE = settingsIn({})('UPSTREAM_RATE');
const DEFAULT_BURST = settingsIn({})('UPSTREAM_BURST');
const USER_STATS = /^\/user_stats\.json/;

interface Row {
  label: string;
  upstream: number;
  /** Seconds from the first upstream request to the last. */
  span: number;
  bound: number | null;
  statuses: Record<number, number>;
  cachedP99: number;
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/** Floods `replicas` for `seconds`; returns the statuses of the flood and the latencies of the cached name. */
async function flood(replicas: NodeProcess[], opts: FloodOptions, tag: string): Promise<{ statuses: Record<number, number>; cached: number[] }> {
  const agent = new Agent({ connections: opts.connections + 2, keepAliveTimeout: 10_000 });
  const statuses: Record<number, number> = {};
  const cached: number[] = [];
  const end = Date.now() + opts.seconds * 1000;
  let serial = 0;
  const get = async (svc: NodeProcess, path: string): Promise<number> => {
    const res = await request(svc.url + path, { dispatcher: agent });
    await res.body.dump();
    return res.statusCode;
  };
  const unknownNames = async (i: number): Promise<void> => {
    const svc = replicas[i % replicas.length] as NodeProcess;
    while (Date.now() < end) {
      const status = await get(svc, `/api/users/Flood_${tag}_${++serial}`);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  const cachedName = async (): Promise<void> => {
    while (Date.now() < end) {
      for (const svc of replicas) {
        const started = performance.now();
        await get(svc, `/api/users/${encodeURIComponent(PERSONAS.active)}`);
        cached.push(performance.now() - started);
      }
    }
  };
  try {
    await Promise.all([...Array.from({ length: opts.connections }, (_, i) => unknownNames(i)), cachedName()]);
  } finally {
    await agent.close();
  }
  return { statuses, cached };
}

export async function floodOfNames(opts: FloodOptions): Promise<{ section: Section; data: unknown }> {
  const fake = await startFakeDashboard({ world: demoWorld() });
  const redis = await startRedis();
  const rows: Row[] = [];
  const run = async (label: string, count: number, env: Record<string, string>, bounded: boolean): Promise<void> => {
    const replicas = await Promise.all(
      Array.from({ length: count }, () => startService({ dashboardUrl: fake.url, stdio: 'ignore', env: { LOG_LEVEL: 'warn', ...env } })),
    );
    try {
      for (const svc of replicas) await fetch(`${svc.url}/api/users/${encodeURIComponent(PERSONAS.active)}`);
      fake.reset();
      fake.setFaults([{ match: USER_STATS, delayMs: opts.delayMs }]);
      const { statuses, cached } = await flood(replicas, opts, label.replace(/\W+/g, '_'));
      // From the first request to the last: the flood, and the reads that waited for their tokens after it.
      const times = fake.requests.filter((r) => USER_STATS.test(r.rawUrl)).map((r) => r.at);
      const span = (Math.max(...times) - Math.min(...times)) / 1000;
      rows.push({
        label,
        upstream: times.length,
        span,
        bound: bounded ? Math.floor(DEFAULT_RATE * span + DEFAULT_BURST) : null,
        statuses,
        cachedP99: p99(cached),
      });
    } finally {
      fake.setFaults([]);
      await Promise.all(replicas.map((svc) => svc.stop()));
    }
  };
  try {
    await run('no budget (before issue 18), 1 replica', 1, UNBOUNDED_BUDGET, false);
    await run('default budget, 1 replica', 1, {}, true);
    // One key prefix for both (bench/service.ts gives each process a random one): one budget in Redis.
    await run('default budget, 2 replicas sharing Redis', 2, { REDIS_URL: redis.url, REDIS_KEY_PREFIX: randomBytes(16).toString('hex') }, true);
  } finally {
    await Promise.all([fake.close(), redis.kill()]);
  }
  return {
    section: {
      title: `Flood: ${opts.connections} clients, distinct unknown names, ${opts.seconds} s, Dashboard 404 in ${opts.delayMs} ms`,
      columns: ['upstream', 'in s', 'per s', `bound ${DEFAULT_RATE}t+${DEFAULT_BURST}`, '404 / 503', 'cached p99'],
      rows: rows.map((r) => [
        r.label,
        int(r.upstream),
        r.span.toFixed(1),
        (r.upstream / r.span).toFixed(1),
        r.bound === null ? '-' : target(r.upstream <= r.bound, `≤ ${r.bound}`),
        `${int(r.statuses[404] ?? 0)} / ${int(r.statuses[503] ?? 0)}`,
        target(r.cachedP99 < 100, `${ms(r.cachedP99)} < 100 ms`),
      ]),
      notes: [
        'upstream: user_stats requests the fake Dashboard received, in the seconds from the first to the last (reads that reserved a token during the flood send it up to 0.75 * HTTP_TIMEOUT after its end).',
        'Without a budget the flood gets what the Dashboard can answer two at a time; with it, RATE * t + BURST however many clients or replicas.',
      ],
    },
    data: rows,
  };
}
