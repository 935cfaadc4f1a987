// `npm run bench [-- --quick] [-- --profile] [-- --only=hot,cold,flood,upstream,memory,heap,headroom,gadget,badges,badge-index,badge-day]`: every benchmark
// beside its baseline, printed and written to bench/results/<timestamp>.json. See BENCHMARKS.md.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../support/redis-server.js';
import { badgeIndexCost } from './badge-index.js';
import { badgeDay } from './badge-day.js';
import { badgesHot } from './badges.js';
import { coldPath } from './cold.js';
import { floodOfNames } from './flood.js';
import { gadgetBadges } from './gadget-badges.js';
import { headroom } from './headroom.js';
import { heapCost } from './heap-cost.js';
import { hotPath } from './hot.js';
import { memoryUse } from './memory.js';
import { pinSelf } from './pinning.js';
import { mainProfile, renderProfile, summariseProfile, type ProfileSummary } from './profile.js';
import { render, type Section } from './table.js';
import { upstreamLoad } from './upstream.js';

const PHASES = ['hot', 'cold', 'flood', 'upstream', 'memory', 'heap', 'headroom', 'gadget', 'badges', 'badge-index', 'badge-day'] as const;
type Phase = (typeof PHASES)[number];

function parseArgs(argv: readonly string[]): { quick: boolean; profile: boolean; only: Set<Phase> } {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = only?.filter((p) => !(PHASES as readonly string[]).includes(p)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: unknown phase ${unknown.join(', ')}; phases: ${PHASES.join(', ')}`);
  return { quick: argv.includes('--quick'), profile: argv.includes('--profile'), only: new Set((only ?? PHASES) as Phase[]) };
}

function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  return { nproc: availableParallelism(), cpu, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
}

const args = parseArgs(process.argv.slice(2));
// The service runs as deployed: the compiled dist/server.js (see bench/service.ts), built fresh.
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const profileDir = args.profile ? join(resultsDir, `profiles-${stamp}`) : undefined;
const host = machine(); // before pinning, which narrows what this process sees
const pinning = pinSelf();
// Other work on the machine skews every figure: the load average at start and end says how much.
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadAtStart = load();
console.log(`${host.cpu}, ${host.nproc} cores, Node ${host.node}; load average ${loadAtStart}; ${pinning}${args.quick ? '; --quick' : ''}${args.profile ? '; profiling the service (slower)' : ''}\n`);

const results: { phase: Phase; section: Section; data: unknown }[] = [];
const report = (phase: Phase, r: { section: Section; data: unknown }): void => {
  results.push({ phase, ...r });
  console.log(`${render(r.section)}\n`);
};

if (args.only.has('hot')) {
  const redis = await startRedis();
  try {
    const load = args.quick ? { connections: 50, seconds: 2, warmupSeconds: 1 } : { connections: 50, seconds: 4, warmupSeconds: 1 };
    const rounds = args.quick ? 1 : 5;
    report('hot', await hotPath({ load, rounds, redisUrl: redis.url, ...(profileDir !== undefined && { profileDir }) }));
  } finally {
    await redis.kill();
  }
}
if (args.only.has('cold')) {
  report('cold', await coldPath({ courses: 8, active: 3, delayMs: 200, wikieduDelayMs: 300, concurrency: 2, repetitions: args.quick ? 3 : 5 }));
}
if (args.only.has('flood')) {
  report('flood', await floodOfNames({ seconds: args.quick ? 4 : 10, connections: 32, delayMs: 50 }));
}
if (args.only.has('upstream')) {
  report(
    'upstream',
    await upstreamLoad({ population: 2_000, enrolledShare: 0.15, views: args.quick ? 2_000 : 5_000, skew: 1, parallel: 4, seed: 1, hours: 24 }),
  );
}
if (args.only.has('memory')) {
  report('memory', await memoryUse({ users: args.quick ? 3_000 : 10_000, enrolledShare: 0.15, samples: 5, boundedEntries: 2_000 }));
}
if (args.only.has('heap')) {
  report('heap', heapCost());
}
if (args.only.has('headroom')) {
  const shares = args.quick ? [0.45] : [0.35, 0.45, 0.55];
  report('headroom', await headroom({ shares, oldSpaceMb: 256, users: 2_500, bigRosters: 800, hugeRows: 40_000 }));
}
if (args.only.has('gadget')) {
  report('gadget', await gadgetBadges({ links: 500, runs: args.quick ? 3 : 7, budgetMs: 50 }));
}
if (args.only.has('badges')) {
  const redis = await startRedis();
  try {
    const load = args.quick ? { connections: 50, seconds: 2, warmupSeconds: 1 } : { connections: 50, seconds: 4, warmupSeconds: 1 };
    const rounds = args.quick ? 1 : 5;
    report('badges', await badgesHot({ load, rounds, redisUrl: redis.url, ...(profileDir !== undefined && { profileDir: join(profileDir, 'badges') }) }));
  } finally {
    await redis.kill();
  }
}
if (args.only.has('badge-index')) {
  report('badge-index', badgeIndexCost({ courses: 370, rows: 7_500, repetitions: args.quick ? 7 : 25 }));
}
if (args.only.has('badge-day')) {
  report('badge-day', await badgeDay({ requests: args.quick ? 1_000 : 100_000, scale: 10, names: 50, skew: 1, parallel: 64, hours: 24, seed: 31 }));
}

const profiles: ProfileSummary[] = [];
// The hot path's profiles directly under profileDir, the badges' under profileDir/badges.
const profiled = [...(args.only.has('hot') ? [['', 'the hot runs']] : []), ...(args.only.has('badges') ? [['badges', 'the badges runs']] : [])];
for (const [sub, runs] of profileDir === undefined ? [] : profiled) {
  for (const store of ['memory', 'redis']) {
    const file = mainProfile(join(profileDir as string, sub ?? '', store));
    if (file === undefined) continue;
    const summary = summariseProfile(file);
    profiles.push(summary);
    console.log(`CPU profile of the service (${store}) during ${runs}\n${renderProfile(summary)}\n`);
  }
}

mkdirSync(resultsDir, { recursive: true });
const out = join(resultsDir, `${stamp}.json`);
const loadAtEnd = load();
console.log(`load average at the end: ${loadAtEnd}`);
writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), machine: host, loadAverage: { start: loadAtStart, end: loadAtEnd }, pinning, args: { ...args, only: [...args.only] }, results, profiles }, null, 2)}\n`);
console.log(`written to ${out}`);
