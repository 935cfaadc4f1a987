// Warm hot path: the service (in-process cache, then L1 + Redis) against a bare node:http server
// replaying the service's own bytes and headers, the ceiling for this machine and Node.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { capture, type CapturedResponse } from './capture.js';
import { measure, type LoadOptions, type LoadResult } from './load.js';
import { ownWorkMicros } from './own-work.js';
import { startNodeProcess } from '../support/node-process.js';
import { SERVER_CORE } from './pinning.js';
import { startService } from './service.js';
import { median } from './stats.js';
import { int, ms, ratio, target, type Section } from './table.js';
import { hotWorld } from './worlds.js';

const CEILING = fileURLToPath(new URL('./ceiling-server.ts', import.meta.url));

export interface HotOptions {
  load: LoadOptions;
  /** Each (endpoint, server) is measured this many times, interleaved; the median run is reported. */
  rounds: number;
  redisUrl: string;
  /** Write a CPU profile of each service process under here. */
  profileDir?: string;
}

interface Endpoint {
  label: string;
  path: string;
  /** Least acceptable ratio to the ceiling: in-process, with Redis. */
  targets: { memory: number; redis: number };
}

export async function hotPath(opts: HotOptions): Promise<{ section: Section; data: unknown }> {
  const { world, username } = hotWorld(Date.now());
  const user = `/api/users/${encodeURIComponent(username.replaceAll(' ', '_'))}`;
  const endpoints: Endpoint[] = [
    { label: 'GET /api/users/{u}', path: user, targets: { memory: 0.85, redis: 0.85 } },
    { label: 'GET /api/users/{u}?enrich=true', path: `${user}?enrich=true`, targets: { memory: 0.8, redis: 0.7 } },
    { label: 'GET /api/users/{u}/active-staff', path: `${user}/active-staff`, targets: { memory: 0.8, redis: 0.7 } },
  ];
  const fake = await startFakeDashboard({ world });
  const profile = (name: string) => (opts.profileDir === undefined ? {} : { profileDir: join(opts.profileDir, name) });
  const captureDir = mkdtempSync(join(tmpdir(), 'bench-ceiling-'));
  try {
    const memoryService = await startService({ dashboardUrl: fake.url, ...profile('memory') });
    const captured: Record<string, CapturedResponse> = {};
    for (const e of endpoints) {
      await capture(memoryService.url + e.path); // fills the cache
      const response = await capture(memoryService.url + e.path);
      if (response.status !== 200) throw new Error(`${e.path} answered ${response.status}; the hot world is wrong`);
      captured[e.path] = response;
    }
    const file = join(captureDir, 'responses.json');
    writeFileSync(file, JSON.stringify(captured));
    const startCeiling = (args: string[]) => startNodeProcess(CEILING, { args, launcher: SERVER_CORE, stdio: 'inherit' });
    const ceilingServer = await startCeiling([file]);
    const fastifyFloor = await startCeiling([file, '--fastify']);
    const redisService = await startService({ dashboardUrl: fake.url, redisUrl: opts.redisUrl, ...profile('redis') });
    // The ceiling again, in a second process measured last in each round: what the harness makes of
    // two identical servers, i.e. how far a ratio strays with no difference behind it.
    const twin = await startCeiling([file]);
    const servers = [ceilingServer, fastifyFloor, memoryService, redisService, twin];
    // All of them stay up (idle ones cost nothing) so each endpoint's runs are back to back, and the
    // rounds interleave: a burst of other work on the machine, or whichever process happens to run
    // first, then skews a ratio less than it would across minutes.
    const runs = servers.map(() => endpoints.map((): LoadResult[] => []));
    try {
      for (let round = 0; round < opts.rounds; round++) {
        for (const [j, e] of endpoints.entries()) {
          for (const [i, server] of servers.entries()) runs[i]?.[j]?.push(await measure(server.url + e.path, opts.load, server.pid));
        }
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
    const [ceilingRuns = [], floorRuns = [], memoryRuns = [], redisRuns = [], twinRuns = []] = runs;
    const [ceiling = [], floor = [], memory = [], redis = [], twinMedian = []] = runs.map((perEndpoint) => perEndpoint.map(medianRun));

    const rows: string[][] = [];
    const failures: string[] = [];
    endpoints.forEach((e, i) => {
      const base = ceiling[i];
      if (base === undefined) return;
      const row = (label: string, r: LoadResult | undefined, rounds: LoadResult[] | undefined, min: number | null): void => {
        if (r === undefined) return;
        const x = r.rps / base.rps;
        // Each round's service run against the ceiling run just before it: a slow spell of the
        // machine then skews both sides of a ratio alike. The median of those paired ratios is judged.
        const paired = (rounds ?? []).map((run, round) => (ceilingRuns[i]?.[round]?.cpuUsPerRequest ?? NaN) / (run.cpuUsPerRequest ?? NaN));
        const cpuRatio = rounds === undefined ? 1 : median(paired);
        const spread = paired.length > 1 ? `${ratio(Math.min(...paired))}-${ratio(Math.max(...paired))}` : '';
        const verdict = min === null ? '' : target(cpuRatio >= min, `>= ${min}`);
        rows.push([label, int(r.rps), ms(r.p50Ms), ms(r.p99Ms), ratio(x), `${(r.cpuUsPerRequest ?? NaN).toFixed(1)} µs`, ratio(cpuRatio), spread, verdict]);
        if (r.failures > 0) failures.push(`${label}: ${r.failures} of ${int(r.requests)} requests failed`);
      };
      row(`ceiling node:http, same bytes (${e.label.replace('GET ', '')})`, base, undefined, null);
      row('  bare Fastify route, same bytes (framework floor)', floor[i], floorRuns[i], null);
      row(`${e.label} (memory)`, memory[i], memoryRuns[i], e.targets.memory);
      row(`${e.label} (Redis)`, redis[i], redisRuns[i], e.targets.redis);
      row('  the ceiling again, a second identical process (the harness\'s spread)', twinMedian[i], twinRuns[i], null);
    });
    const biggest = endpoints.at(-1);
    const ownWork = biggest && ownWorkMicros(biggest.path, '/api/users/:username/active-staff', Buffer.from(captured[biggest.path]?.body ?? '', 'base64').toString('utf8'));
    const ceilingCpu = ceiling.at(-1)?.cpuUsPerRequest ?? NaN;
    const bytes = endpoints.map((e) => `${e.label.replace('GET /api/users/{u}', '') || 'plain'} ${Buffer.from(captured[e.path]?.body ?? '', 'base64').length} B`);
    return {
      section: {
        title: `hot path, warm (${opts.load.connections} connections, ${opts.load.seconds} s)`,
        columns: ['req/s', 'p50', 'p99', 'ratio to ceiling', 'server CPU/req', 'CPU ratio', 'by round', 'target'],
        rows,
        notes: [
          `user with 3 active courses (3 staff each); bodies: ${bytes.join(', ')}; ${opts.load.warmupSeconds} s warm-up before each run`,
          `each figure is the median of ${opts.rounds} interleaved runs (ceiling, Fastify floor, memory, Redis, the ceiling's twin, then again)`,
          'req/s, latencies and CPU/req: the median run; CPU ratio: the median over rounds of the ceiling\'s server CPU time per request over the service\'s in the same round (range: by round)',
          'targets are judged on the CPU ratio, as req/s swings ±30 % between identical runs on this shared VM',
          `the service's own work per warm request (bench/own-work.ts: the remembered answer for ${biggest?.label.replace('GET ', '')}, headers and metrics, ` +
            `without node:http): ${(ownWork ?? NaN).toFixed(2)} µs, ${((100 * (ownWork ?? NaN)) / ceilingCpu).toFixed(1)} % of the ceiling's CPU per request`,
          ...failures.map((f) => `WARNING ${f}`),
        ],
      },
      data: { endpoints: endpoints.map((e) => e.path), ownWorkMicros: ownWork, ceiling, floor, memory, redis, twin: twinMedian, rounds: { ceilingRuns, floorRuns, memoryRuns, redisRuns, twinRuns } },
    };
  } finally {
    rmSync(captureDir, { recursive: true, force: true });
    await fake.close();
  }
}

/** The run with the median throughput (its latencies come with it). */
function medianRun(results: LoadResult[]): LoadResult | undefined {
  return [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)];
}
