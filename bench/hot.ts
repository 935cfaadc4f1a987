// Warm hot path: the service (in-process cache, then L1 + Redis) against a bare node:http server
// replaying the service's own bytes and headers, the ceiling for this machine and Node
// (bench/ceiling-comparison.ts).

import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { bodyBytes, ceilingComparison, COLUMNS, NOTES, roundsNote, type Endpoint } from './ceiling-comparison.js';
import type { LoadOptions } from './load.js';
import { ownWorkMicros } from './own-work.js';
import type { Section } from './table.js';
import { hotWorld } from './worlds.js';

export interface HotOptions {
  load: LoadOptions;
  /** Rounds: each starts every server afresh and measures each endpoint on them in turns; the median is reported. */
  rounds: number;
  redisUrl: string;
  /** Write a CPU profile of each service process under here. */
  profileDir?: string;
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
  try {
    const { rows, warnings, captured, ceilingCpu, data } = await ceilingComparison({ ...opts, endpoints, service: { dashboardUrl: fake.url }, accessLog: true });
    const biggest = endpoints.at(-1);
    const biggestBody = Buffer.from(captured[biggest?.path ?? '']?.body ?? '', 'base64').toString('utf8');
    const ownWork = biggest && (await ownWorkMicros(biggest.path, '/api/users/:username/active-staff', biggestBody));
    const bytes = endpoints.map((e) => `${e.label.replace('GET /api/users/{u}', '') || 'plain'} ${bodyBytes(captured[e.path])} B`);
    return {
      section: {
        title: `hot path, warm (${opts.load.connections} connections, ${opts.load.seconds} s)`,
        columns: COLUMNS,
        rows,
        notes: [
          `user with 3 active courses (3 staff each); bodies: ${bytes.join(', ')}; ${opts.load.warmupSeconds} s warm-up before each run`,
          roundsNote(opts.rounds, "ceiling, Fastify floor, memory and Redis at LOG_LEVEL=warn, then at info, the ceiling's twin"),
          ...NOTES.map((n, i) => (i === 1 ? `${n}, at LOG_LEVEL=warn and at info (the default) alike` : n)),
          `the service's own work per warm request (bench/own-work.ts: the remembered answer for ${biggest?.label.replace('GET ', '')}, headers and metrics, ` +
            `without node:http): ${(ownWork ?? NaN).toFixed(2)} µs, ${((100 * (ownWork ?? NaN)) / (ceilingCpu.at(-1) ?? NaN)).toFixed(1)} % of the ceiling's CPU per request`,
          ...warnings,
        ],
      },
      data: { ...(data as object), ownWorkMicros: ownWork },
    };
  } finally {
    await fake.close();
  }
}
