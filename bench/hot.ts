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
import { startNodeProcess, type NodeProcess } from '../support/node-process.js';
import { SERVER_CORE } from './pinning.js';
import { startService, type ServiceOptions } from './service.js';
import { median } from './stats.js';
import { int, ms, ratio, target, type Section } from './table.js';
import { hotWorld } from './worlds.js';

const CEILING = fileURLToPath(new URL('./ceiling-server.ts', import.meta.url));

export interface HotOptions {
  load: LoadOptions;
  /** Rounds: each starts every server afresh and measures each endpoint on it; the median is reported. */
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

/** A server measured in every round, started afresh each time. */
interface Contender {
  label: (e: Endpoint) => string;
  start: () => Promise<NodeProcess>;
  /** The verdict on its CPU ratio, if it is judged. */
  judge?: (cpuRatio: number, e: Endpoint) => string;
}

/** Judged by the endpoint's least acceptable ratio for the store. */
const atLeast =
  (store: keyof Endpoint['targets']) =>
  (cpuRatio: number, e: Endpoint): string =>
    target(cpuRatio >= e.targets[store], `>= ${e.targets[store]}`);

/** Two identical servers should measure alike: the twin's ratio to the ceiling within these (issue 17). */
const TWIN = { min: 0.95, max: 1.05 };

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
    const captured: Record<string, CapturedResponse> = {};
    const first = await startService({ dashboardUrl: fake.url });
    try {
      for (const e of endpoints) {
        await capture(first.url + e.path); // fills the cache
        const response = await capture(first.url + e.path);
        if (response.status !== 200) throw new Error(`${e.path} answered ${response.status}; the hot world is wrong`);
        captured[e.path] = response;
      }
    } finally {
      await first.stop();
    }
    const file = join(captureDir, 'responses.json');
    writeFileSync(file, JSON.stringify(captured));
    const ceiling = (args: string[]) => () => startNodeProcess(CEILING, { args, launcher: SERVER_CORE, stdio: 'inherit' });
    const service = (options: Omit<ServiceOptions, 'dashboardUrl'>) => () => startService({ dashboardUrl: fake.url, ...options });
    // Each store at both levels: warn writes no line per response; info, the default, writes the
    // access log, here to /dev/null (what writing the lines costs, not a reader's share).
    const info = { env: { LOG_LEVEL: 'info' }, stdio: 'ignore' } as const;
    const contenders: Contender[] = [
      { label: (e) => `ceiling node:http, same bytes (${e.label.replace('GET ', '')})`, start: ceiling([file]) },
      { label: () => '  bare Fastify route, same bytes (framework floor)', start: ceiling([file, '--fastify']) },
      { label: (e) => `${e.label} (memory)`, start: service(profile('memory')), judge: atLeast('memory') },
      { label: (e) => `${e.label} (Redis)`, start: service({ redisUrl: opts.redisUrl, ...profile('redis') }), judge: atLeast('redis') },
      { label: () => '  the same (memory) at LOG_LEVEL=info, the default: with its access log', start: service(info), judge: atLeast('memory') },
      { label: () => '  the same (Redis) at LOG_LEVEL=info', start: service({ redisUrl: opts.redisUrl, ...info }), judge: atLeast('redis') },
      // The ceiling again: what the harness makes of two identical servers, i.e. how far a ratio strays with no difference behind it.
      {
        label: () => "  the ceiling again (the harness's spread)",
        start: ceiling([file]),
        judge: (cpuRatio) => target(cpuRatio >= TWIN.min && cpuRatio <= TWIN.max, `${TWIN.min}-${TWIN.max}`),
      },
    ];
    // runs[contender][endpoint][round]. Every round starts each server afresh: a process's CPU per
    // request holds within a few per cent over its life but differs by up to 40 % from one start to
    // the next (code and data placement), so rounds on the same processes would repeat one draw.
    // Each endpoint's warm-up refills a fresh service's caches before its measured run.
    const runs = contenders.map(() => endpoints.map((): LoadResult[] => []));
    for (let round = 0; round < opts.rounds; round++) {
      for (const [i, contender] of contenders.entries()) {
        const server = await contender.start();
        try {
          for (const [j, e] of endpoints.entries()) runs[i]?.[j]?.push(await measure(server.url + e.path, opts.load, server.pid));
        } finally {
          await server.stop();
        }
      }
    }
    const [ceilingRuns = []] = runs;

    const rows: string[][] = [];
    const failures: string[] = [];
    endpoints.forEach((e, j) => {
      const base = medianRun(ceilingRuns[j] ?? []);
      if (base === undefined) return;
      contenders.forEach((contender, i) => {
        const rounds = runs[i]?.[j] ?? [];
        const r = medianRun(rounds);
        if (r === undefined) return;
        // Each round's run against the ceiling's run of the same round: a slow spell of the machine
        // then skews both sides of a ratio alike. The median of those paired ratios is judged.
        const paired = rounds.map((run, round) => (ceilingRuns[j]?.[round]?.cpuUsPerRequest ?? NaN) / (run.cpuUsPerRequest ?? NaN));
        const cpuRatio = median(paired);
        const spread = i > 0 && paired.length > 1 ? `${ratio(Math.min(...paired))}-${ratio(Math.max(...paired))}` : '';
        const verdict = contender.judge?.(cpuRatio, e) ?? '';
        rows.push([contender.label(e), int(r.rps), ms(r.p50Ms), ms(r.p99Ms), ratio(r.rps / base.rps), `${(r.cpuUsPerRequest ?? NaN).toFixed(1)} µs`, ratio(cpuRatio), spread, verdict]);
        if (r.failures > 0) failures.push(`${contender.label(e).trim()}: ${r.failures} of ${int(r.requests)} requests failed`);
      });
    });
    const biggest = endpoints.at(-1);
    const ownWork = biggest && (await ownWorkMicros(biggest.path, '/api/users/:username/active-staff', Buffer.from(captured[biggest.path]?.body ?? '', 'base64').toString('utf8')));
    const ceilingCpu = medianRun(ceilingRuns.at(-1) ?? [])?.cpuUsPerRequest ?? NaN;
    const bytes = endpoints.map((e) => `${e.label.replace('GET /api/users/{u}', '') || 'plain'} ${Buffer.from(captured[e.path]?.body ?? '', 'base64').length} B`);
    return {
      section: {
        title: `hot path, warm (${opts.load.connections} connections, ${opts.load.seconds} s)`,
        columns: ['req/s', 'p50', 'p99', 'ratio to ceiling', 'server CPU/req', 'CPU ratio', 'by round', 'target'],
        rows,
        notes: [
          `user with 3 active courses (3 staff each); bodies: ${bytes.join(', ')}; ${opts.load.warmupSeconds} s warm-up before each run`,
          `${opts.rounds} rounds; each starts every server afresh (ceiling, Fastify floor, memory and Redis at LOG_LEVEL=warn, then at info, the ceiling's twin) and runs each endpoint on it`,
          'req/s, latencies and CPU/req: the median run; CPU ratio: the median over rounds of the ceiling\'s server CPU time per request over the server\'s in the same round (range: by round)',
          'targets are judged on the CPU ratio, as req/s swings ±30 % between identical runs on this shared VM, at LOG_LEVEL=warn and at info (the default) alike',
          `the service's own work per warm request (bench/own-work.ts: the remembered answer for ${biggest?.label.replace('GET ', '')}, headers and metrics, ` +
            `without node:http): ${(ownWork ?? NaN).toFixed(2)} µs, ${((100 * (ownWork ?? NaN)) / ceilingCpu).toFixed(1)} % of the ceiling's CPU per request`,
          ...failures.map((f) => `WARNING ${f}`),
        ],
      },
      data: { endpoints: endpoints.map((e) => e.path), contenders: contenders.map((c) => c.label(endpoints[0] as Endpoint).trim()), ownWorkMicros: ownWork, runs },
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
