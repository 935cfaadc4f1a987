// Headroom: what the old generation left beside the caches' budget must hold. The service runs under
// --max-old-space-size=256 (about what Node picks in Toolforge's default 512 Mi container) with its
// caches filled past their budget, then has to answer two rosters at once whose upstream bodies are
// near the body cap (UPSTREAM_MAX_BODY_MB), at the default upstream concurrency: their text, their
// parsed form, the trimmed roster and the serialised answer all live at once. Done for budgets of
// several shares of the old generation (CACHE_HEAP_SHARE is the default); the baseline is its limit.

import { Agent } from 'node:http';
import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { GeneratedWorld, generatedUsername } from '../demo/generated-world.js';
import { CACHE_HEAP_SHARE } from '../src/config/settings.js';
import { rawRequest } from '../support/raw-http.js';
import type { NodeProcess } from '../support/node-process.js';
import { startService } from './service.js';
import { int, mb, ms, type Section } from './table.js';

export interface HeadroomOptions {
  /** Shares of the old generation to try as the budget. */
  shares: readonly number[];
  /** --max-old-space-size. */
  oldSpaceMb: number;
  /** Users 1..users: two courses with Cyrillic titles, rosters of 20 (the gadget's calls). */
  users: number;
  /** Then this many Cyrillic rosters of 3,000. */
  bigRosters: number;
  /** Rows of the near-cap rosters, with every upstream field (about 700 bytes each). */
  hugeRows: number;
}

const BIG = 100_000;
const HUGE = 1_000_000;

interface Run {
  share: number;
  budgetMb: number;
  survived: boolean;
  heapFull?: number;
  peakHeap: number;
  hugeMs?: number;
  bodyBytes?: number;
}

async function fill(service: NodeProcess, agent: Agent, paths: string[], parallel: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      const reply = await rawRequest(service.url, path, { agent });
      if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

async function run(opts: HeadroomOptions, share: number, dashboardUrl: string): Promise<Run> {
  const budgetMb = Math.round(opts.oldSpaceMb * share);
  const service = await startService({
    dashboardUrl,
    nodeFlags: [`--max-old-space-size=${opts.oldSpaceMb}`],
    heapProbe: true,
    env: { MEMORY_CACHE_MAX_MB: String(budgetMb), HTTP_TIMEOUT: '60' },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  let peakHeap = 0;
  // Sampled: the event loop (and so /metrics) stalls while a body is parsed, so the true peak is higher.
  const sampler = setInterval(() => {
    rawRequest(service.url, '/metrics').then(
      (r) => (peakHeap = Math.max(peakHeap, Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(r.body)?.[1] ?? 0))),
      () => {},
    );
  }, 100);
  const result: Run = { share, budgetMb, survived: false, peakHeap: 0 };
  try {
    await fill(service, agent, Array.from({ length: opts.users }, (_, i) => `/api/users/${encodeURIComponent(generatedUsername(i + 1))}/active-staff`), 8);
    await fill(service, agent, Array.from({ length: opts.bigRosters }, (_, i) => `/api/courses/Gen_School/U${BIG + i + 1}_C1/users`), 8);
    result.heapFull = await service.heapAfterGc();
    const started = Date.now();
    // Two at once (UPSTREAM_CONCURRENCY's default), twice.
    await fill(service, agent, [0, 1, 2, 3].map((i) => `/api/courses/Gen_School/U${HUGE + i}_C1/users`), 2);
    result.hugeMs = (Date.now() - started) / 2;
    result.survived = service.alive();
  } catch {
    result.survived = false;
  } finally {
    clearInterval(sampler);
    agent.destroy();
    result.peakHeap = peakHeap;
    await service.stop();
  }
  return result;
}

export async function headroom(opts: HeadroomOptions): Promise<{ section: Section; data: unknown }> {
  const world = new GeneratedWorld({
    now: Date.now(),
    coursesPerUser: 2,
    rosterSize: (u) => (u >= HUGE ? opts.hugeRows : u > BIG ? 3_000 : 20),
    titleLength: 120,
    script: 'cyrillic',
    fullRows: (u) => u >= HUGE,
  });
  const fake = await startFakeDashboard({ world });
  const runs: Run[] = [];
  try {
    const bodyBytes = Buffer.byteLength(JSON.stringify((world.usersJson(`Gen_School/U${HUGE}_C1`) as { body: unknown }).body));
    // Each run is a fresh process: nothing is cached from the one before.
    for (const share of opts.shares) runs.push({ ...(await run(opts, share, fake.url)), bodyBytes });
  } finally {
    await fake.close();
  }
  return {
    section: {
      title: `headroom under --max-old-space-size=${opts.oldSpaceMb}`,
      columns: ['budget', 'heap after GC, caches full', 'peak heap seen', 'two near-cap rosters at once'],
      rows: runs.map((r) => [
        `${Math.round(r.share * 100)} % of the old generation${r.share === CACHE_HEAP_SHARE ? ' (default)' : ''}`,
        `${int(r.budgetMb)} MB`,
        r.heapFull === undefined ? '–' : mb(r.heapFull),
        mb(r.peakHeap),
        r.survived ? `answered, ${ms(r.hugeMs ?? 0)} each` : 'OUT OF MEMORY',
      ]),
      notes: [
        `fill: ${int(opts.users)} users' gadget calls (Cyrillic titles), then ${int(opts.bigRosters)} Cyrillic rosters of 3,000; then rosters of ${int(opts.hugeRows)} with every upstream field (${mb(runs[0]?.bodyBytes ?? 0)} bodies, cap 32 MB), two at a time`,
        'peak heap is sampled from /metrics every 100 ms, which stalls while a body is parsed: the true peak is higher',
      ],
    },
    data: runs,
  };
}
