// Warm requests to the service against a bare node:http server replaying the service's own bytes and
// headers (bench/ceiling-server.ts), the ceiling for this machine and Node, judged on the server's CPU
// time per request: the harness of the hot path (bench/hot.ts) and of badges (bench/badges.ts).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture, type CapturedResponse } from './capture.js';
import { measureInTurns, TURN_SECONDS, type LoadOptions, type LoadResult, type LoadRequest } from './load.js';
import { startNodeProcess, type NodeProcess } from '../support/node-process.js';
import { SERVER_CORE } from './pinning.js';
import { startService, type ServiceOptions } from './service.js';
import { median } from './stats.js';
import { int, ms, ratio, target } from './table.js';

const CEILING = fileURLToPath(new URL('./ceiling-server.ts', import.meta.url));

export interface Endpoint {
  label: string;
  path: string;
  /** How it is asked when not a plain GET (a form POST). */
  request?: LoadRequest;
  /** Least acceptable ratio to the ceiling: in-process, with Redis. */
  targets: { memory: number; redis: number };
}

export interface ComparisonOptions {
  load: LoadOptions;
  /** Rounds: each starts every server afresh and measures each endpoint on them in turns; the median is reported. */
  rounds: number;
  redisUrl: string;
  /** Write a CPU profile of each service process under here. */
  profileDir?: string;
  endpoints: readonly Endpoint[];
  /** How the service is started (its Dashboards and settings); the store and profile are added per contender. */
  service: Omit<ServiceOptions, 'redisUrl' | 'profileDir'>;
  /** Also the service at LOG_LEVEL=info, the default, which writes the access log. */
  accessLog: boolean;
  /** Run on each service as it starts, before anything is captured or measured (what a warm-up cannot fill). */
  prime?: (serviceUrl: string) => Promise<void>;
}

/** A server measured in every round, started afresh each time, beside the others. */
interface Contender {
  label: (e: Endpoint) => string;
  start: () => Promise<NodeProcess>;
  /** The verdict on its CPU ratio, if it is judged. */
  judge?: (cpuRatio: number, e: Endpoint) => string;
}

export interface Comparison {
  rows: string[][];
  /** Lines for the notes: requests that failed. */
  warnings: string[];
  /** The service's responses, by path, as the ceiling replays them. */
  captured: Record<string, CapturedResponse>;
  /** The ceiling's CPU time per request for each endpoint (of its median run), µs. */
  ceilingCpu: number[];
  data: unknown;
}

export const COLUMNS = ['req/s', 'p50', 'p99', 'ratio to ceiling', 'server CPU/req', 'CPU ratio', 'by round', 'target'];

/** The note on how the rounds ran, naming the servers of a round in their first order. */
export const roundsNote = (rounds: number, servers: string): string =>
  `${rounds} rounds; each starts every server afresh (${servers}), all up at once, the order moving on by one each round, and loads each request on them in turns of ${TURN_SECONDS} s`;

export const NOTES = [
  'req/s, latencies (the median of a run\'s turns) and CPU/req: the median run; CPU ratio: the median over rounds of the ceiling\'s server CPU time per request over the server\'s in the same round (range: by round)',
  'targets are judged on the CPU ratio, as req/s swings ±30 % between identical runs on this shared VM',
];

/** Judged by the endpoint's least acceptable ratio for the store. */
const atLeast =
  (store: keyof Endpoint['targets']) =>
  (cpuRatio: number, e: Endpoint): string =>
    target(cpuRatio >= e.targets[store], `>= ${e.targets[store]}`);

/** Two identical servers should measure alike: the twin's ratio to the ceiling within these (issue 17). */
const TWIN = { min: 0.95, max: 1.05 };

export async function ceilingComparison(opts: ComparisonOptions): Promise<Comparison> {
  const { endpoints } = opts;
  const profile = (name: string) => (opts.profileDir === undefined ? {} : { profileDir: join(opts.profileDir, name) });
  const captureDir = mkdtempSync(join(tmpdir(), 'bench-ceiling-'));
  try {
    const captured: Record<string, CapturedResponse> = {};
    const first = await startService(opts.service);
    try {
      await opts.prime?.(first.url);
      for (const e of endpoints) {
        await capture(first.url + e.path, e.request); // fills the cache
        const response = await capture(first.url + e.path, e.request);
        if (response.status !== 200) throw new Error(`${e.path} answered ${response.status}; the world is wrong`);
        captured[e.path] = response;
      }
    } finally {
      await first.stop();
    }
    const file = join(captureDir, 'responses.json');
    writeFileSync(file, JSON.stringify(captured));
    const ceiling = (args: string[]) => () => startNodeProcess(CEILING, { args, launcher: SERVER_CORE, stdio: 'inherit' });
    const service = (options: Pick<ServiceOptions, 'redisUrl' | 'profileDir' | 'env' | 'stdio'>) => async () => {
      const svc = await startService({ ...opts.service, ...options, env: { ...opts.service.env, ...options.env } });
      await opts.prime?.(svc.url);
      return svc;
    };
    // At info, the default, the service writes the access log, here to /dev/null (what writing the lines
    // costs, not a reader's share); the other rows run at warn, which writes no line per response.
    const info = { env: { LOG_LEVEL: 'info' }, stdio: 'ignore' } as const;
    const contenders: Contender[] = [
      { label: (e) => `ceiling node:http, same bytes (${e.label.replace(/^(GET|POST) /, '')})`, start: ceiling([file]) },
      { label: () => '  bare Fastify route, same bytes (framework floor)', start: ceiling([file, '--fastify']) },
      { label: (e) => `${e.label} (memory)`, start: service(profile('memory')), judge: atLeast('memory') },
      { label: (e) => `${e.label} (Redis)`, start: service({ redisUrl: opts.redisUrl, ...profile('redis') }), judge: atLeast('redis') },
      ...(opts.accessLog
        ? [
            { label: () => '  the same (memory) at LOG_LEVEL=info, the default: with its access log', start: service(info), judge: atLeast('memory') },
            { label: () => '  the same (Redis) at LOG_LEVEL=info', start: service({ redisUrl: opts.redisUrl, ...info }), judge: atLeast('redis') },
          ]
        : []),
      // The ceiling again: what the harness makes of two identical servers, i.e. how far a ratio strays with no difference behind it.
      {
        label: () => "  the ceiling again (the harness's spread)",
        start: ceiling([file]),
        judge: (cpuRatio) => target(cpuRatio >= TWIN.min && cpuRatio <= TWIN.max, `${TWIN.min}-${TWIN.max}`),
      },
    ];
    // runs[contender][endpoint][round]. Every round starts each server afresh: a process's CPU per
    // request holds within a few per cent over its life but differs from one start to the next (where
    // its code and data land), so rounds on the same processes would repeat one draw. Within a round
    // every server is up at once and the endpoint's load goes to each in turns (load.ts), so a busy
    // spell of the machine falls on all of them alike. Each endpoint's warm-up refills a fresh
    // service's caches before its measured turns. The order (of starting, and of the turns) moves on
    // by one each round: in a fixed order the first server measured dearer than its twin, the last
    // (in some rows in every round: BENCHMARKS.md), so a place in the order must not stay with one server.
    const runs = contenders.map(() => endpoints.map((): LoadResult[] => []));
    for (let round = 0; round < opts.rounds; round++) {
      const order = contenders.map((_, k) => (k + round) % contenders.length);
      const servers: NodeProcess[] = [];
      try {
        for (const i of order) servers.push(await (contenders[i] as Contender).start());
        for (const [j, e] of endpoints.entries()) {
          const results = await measureInTurns(servers.map((server) => ({ url: server.url + e.path, pid: server.pid })), opts.load, e.request);
          results.forEach((result, k) => runs[order[k] as number]?.[j]?.push(result));
        }
      } finally {
        for (const server of servers) await server.stop();
      }
    }
    const [ceilingRuns = []] = runs;

    const rows: string[][] = [];
    const warnings: string[] = [];
    endpoints.forEach((e, j) => {
      const base = medianRun(ceilingRuns[j] ?? []);
      if (base === undefined) return;
      contenders.forEach((contender, i) => {
        const rounds = runs[i]?.[j] ?? [];
        const r = medianRun(rounds);
        if (r === undefined) return;
        // Each round's run against the ceiling's run of the same round: a slow spell of the machine
        // then skews both sides of a ratio alike. The median of those paired ratios is judged.
        const paired = rounds.map((run, round) => (ceilingRuns[j]?.[round]?.cpuUsPerRequest ?? NaN) / run.cpuUsPerRequest);
        const cpuRatio = median(paired);
        const spread = i > 0 && paired.length > 1 ? `${ratio(Math.min(...paired))}-${ratio(Math.max(...paired))}` : '';
        const verdict = contender.judge?.(cpuRatio, e) ?? '';
        rows.push([contender.label(e), int(r.rps), ms(r.p50Ms), ms(r.p99Ms), ratio(r.rps / base.rps), `${r.cpuUsPerRequest.toFixed(1)} µs`, ratio(cpuRatio), spread, verdict]);
        if (r.failures > 0) warnings.push(`WARNING ${contender.label(e).trim()}: ${r.failures} of ${int(r.requests)} requests failed`);
      });
    });
    return {
      rows,
      warnings,
      captured,
      ceilingCpu: endpoints.map((_, j) => medianRun(ceilingRuns[j] ?? [])?.cpuUsPerRequest ?? NaN),
      data: { endpoints: endpoints.map((e) => e.path), contenders: contenders.map((c) => c.label(endpoints[0] as Endpoint).trim()), runs },
    };
  } finally {
    rmSync(captureDir, { recursive: true, force: true });
  }
}

/** The run with the median throughput (its latencies come with it). */
function medianRun(results: LoadResult[]): LoadResult | undefined {
  return [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)];
}

/** A captured body's size in bytes. */
export function bodyBytes(r: CapturedResponse | undefined): number {
  return Buffer.from(r?.body ?? '', 'base64').length;
}
