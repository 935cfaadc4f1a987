// Soak: the service as a child process under a steady mix of warm hits, misses on new users, course
// reads and bad input for N seconds, while the fake Dashboard cycles through faults (5xx, hang, HTML,
// slow, reset, truncated). Reports answers by phase and status, any 5xx the faults do not explain, and
// the service's RSS over time. Loopback only; stops by itself.
//
//   npx tsx bench/soak.ts [--seconds 180] [--concurrency 16] [--cache-entries N]
//
// --cache-entries sets MEMORY_CACHE_MAX_ENTRIES: with a small bound the cache stops growing early, so
// RSS growth that remains is not cache fill.

import { parseArgs } from 'node:util';
import { startFakeDashboard, type Fault } from '../demo/fake-dashboard.js';
import { demoWorld } from '../demo/demo-world.js';
import { startService } from './service.js';
import { int, mb, ms, render, type Section } from './table.js';
import { addPopulation, random, type Person } from './worlds.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    concurrency: { type: 'string', default: '16' },
    'cache-entries': { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
if (!(SECONDS > 0 && SECONDS <= 3600) || !(CONCURRENCY >= 1 && CONCURRENCY <= 256)) {
  throw new Error('--seconds must be in 1..3600 and --concurrency in 1..256');
}

const PHASE_MS = 10_000;
// Every other phase is healthy, so recovery after each fault is part of the run.
const FAULT_PHASES: { name: string; fault: Fault }[] = [
  { name: '503', fault: { status: 503 } },
  { name: 'hang', fault: { hang: true } },
  { name: 'html', fault: { html: true } },
  { name: 'slow', fault: { delayMs: 1_500 } },
  { name: 'reset', fault: { reset: true } },
  { name: 'truncated', fault: { truncated: true } },
];
const PHASES: { name: string; faults: Fault[] }[] = FAULT_PHASES.flatMap(({ name, fault }) => [
  { name: 'healthy', faults: [] },
  { name, faults: [fault] },
]);
// While the Dashboard fails, a miss has nothing to fall back on: 502, 503 (queue full) or 504.
const FAULT_STATUSES = new Set([502, 503, 504]);
const HTTP_TIMEOUT_S = 2;
// A read that joined an upstream call begun in the fault phase (single-flight) fails with it.
const AFTERMATH_MS = (HTTP_TIMEOUT_S + 1) * 1000;

const BAD_PATHS = [
  '/api/users/%E0%A4%A',
  '/api/users/a%7Cb',
  '/api/users/%00',
  `/api/users/${'x'.repeat(300)}`,
  `/api/users/${'%C3%A9'.repeat(900)}`,
  '/api/users/Someone?enrich=maybe',
  '/api/users/Someone/active-staff?use_event_dates=2',
  '/api/courses/only_one_part',
  '/api/courses/a/../b',
  '/api/courses/a/%2e%2e/users',
  '/api/courses/a%2Fb/c',
  '/no/such/route',
];

const now = Date.now();
const world = demoWorld(now);
const { people } = addPopulation(world, now, { size: 3_000, enrolledShare: 0.4, seed: 7, prefix: 'Soak' });
const rnd = random(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const hot = people.filter((p) => p.kind === 'enrolled').slice(0, 25);
const courses = Array.from({ length: 200 }, (_, i) => `Soak_School/Course_${i + 1}`);
let newUsers = 0;

const userPath = (p: Person | string, suffix = ''): string =>
  `/api/users/${encodeURIComponent((typeof p === 'string' ? p : p.username).replaceAll(' ', '_'))}${suffix}`;

/** One request of the mix; `warm` marks the hot-set reads whose latency is reported. */
function nextRequest(): { path: string; warm: boolean } {
  const r = rnd();
  if (r < 0.5) return { path: userPath(pick(hot), pick(['/active-staff', '', '?enrich=true', '/status'])), warm: true };
  if (r < 0.65) {
    // A user the service has never seen: a sure miss.
    const name = `Soak New ${++newUsers}`;
    if (newUsers % 2 === 0) world.addUser(name);
    return { path: userPath(name, '/active-staff'), warm: false };
  }
  if (r < 0.75) return { path: userPath(pick(people), '/active-staff'), warm: false };
  if (r < 0.9) return { path: `/api/courses/${pick(courses)}${pick(['', '/users', '?enrich=true'])}`, warm: false };
  return { path: pick(BAD_PATHS), warm: false };
}

const dashboard = await startFakeDashboard({ world });
const service = await startService({
  dashboardUrl: dashboard.url,
  env: {
    LOG_LEVEL: 'error',
    HTTP_TIMEOUT: String(HTTP_TIMEOUT_S),
    // Short lifetimes, so entries go stale and get refreshed (or served stale) while faults come and go.
    USER_CACHE_TTL: '20',
    COURSE_CACHE_TTL: '30',
    COURSE_USERS_CACHE_TTL: '30',
    NOT_FOUND_CACHE_TTL: '15',
    STALE_WHILE_REVALIDATE: '10',
    ...(values['cache-entries'] !== undefined && { MEMORY_CACHE_MAX_ENTRIES: values['cache-entries'] }),
  },
});

// Warm the hot set before the clock starts.
for (const p of hot) await (await fetch(service.url + userPath(p, '/active-staff'))).arrayBuffer();

const started = performance.now();
const deadline = started + SECONDS * 1000;
const byPhase = new Map<string, Map<string, number>>();
const unexplained: string[] = [];
const warmMs: number[] = [];
const rss: { at: number; bytes: number }[] = [{ at: 0, bytes: service.rss() }];
let phaseIndex = 0;
let faultEndedAt = -Infinity;
const current = (): (typeof PHASES)[number] => PHASES[phaseIndex] as (typeof PHASES)[number];

const count = (phase: string, key: string): void => {
  const row = byPhase.get(phase) ?? new Map<string, number>();
  row.set(key, (row.get(key) ?? 0) + 1);
  byPhase.set(phase, row);
};

const phaseTimer = setInterval(() => {
  if (current().faults.length > 0) faultEndedAt = performance.now();
  phaseIndex = (phaseIndex + 1) % PHASES.length;
  dashboard.setFaults(current().faults);
}, PHASE_MS);
const rssTimer = setInterval(() => rss.push({ at: (performance.now() - started) / 1000, bytes: service.rss() }), 5_000);

async function worker(): Promise<void> {
  while (performance.now() < deadline) {
    const phase = current().name;
    const { path, warm } = nextRequest();
    const t0 = performance.now();
    try {
      const res = await fetch(service.url + path, { signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer();
      count(phase, String(res.status));
      if (warm && res.status === 200) warmMs.push(performance.now() - t0);
      // A fault in force at any point from shortly before the request to its answer explains a 5xx.
      const faulty = phase !== 'healthy' || current().name !== 'healthy' || t0 - faultEndedAt < AFTERMATH_MS;
      const explained = res.status < 500 || (FAULT_STATUSES.has(res.status) && faulty);
      if (!explained) unexplained.push(`${phase}: ${res.status} ${path}`);
    } catch (err) {
      count(phase, 'no answer');
      unexplained.push(`${phase}: ${(err as Error).message} ${path}`);
    }
  }
}

await Promise.all(Array.from({ length: CONCURRENCY }, worker));
clearInterval(phaseTimer);
clearInterval(rssTimer);
rss.push({ at: (performance.now() - started) / 1000, bytes: service.rss() });
dashboard.setFaults([]);
const metrics = await fetch(`${service.url}/metrics`).then(async (r) => (r.ok ? r.text() : ''));
await service.stop();
await dashboard.close();

const statuses = [...new Set([...byPhase.values()].flatMap((row) => [...row.keys()]))].sort();
const phaseNames = [...new Set(PHASES.map((p) => p.name))].filter((name) => byPhase.has(name));
const total = (key: string): number => [...byPhase.values()].reduce((n, row) => n + (row.get(key) ?? 0), 0);
const answers = statuses.reduce((n, s) => n + total(s), 0);
const sorted = [...warmMs].sort((a, b) => a - b);
const pct = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const first = rss[0] as (typeof rss)[number];
const middle = rss[Math.floor(rss.length / 2)] as (typeof rss)[number];
const last = rss[rss.length - 1] as (typeof rss)[number];

const sections: Section[] = [
  {
    title: 'Answers by fault phase',
    columns: statuses,
    rows: [...phaseNames.map((name) => [name, ...statuses.map((s) => int(byPhase.get(name)?.get(s) ?? 0))]), ['all', ...statuses.map((s) => int(total(s)))]],
    notes: [
      `${int(answers)} requests in ${SECONDS} s (${int(answers / SECONDS)}/s) from ${CONCURRENCY} clients; phases of ${PHASE_MS / 1000} s; ${int(newUsers)} new users created; cache bound ${values['cache-entries'] ?? 'default'} entries.`,
      `Unexplained (a 500, no answer, or a 5xx with no fault from ${AFTERMATH_MS / 1000} s before the request to its answer): ${unexplained.length}${unexplained.length ? `, e.g. ${unexplained.slice(0, 5).join('; ')}` : ''}.`,
      `Warm reads (hot set, 200): p50 ${ms(pct(0.5))}, p99 ${ms(pct(0.99))}, max ${ms(sorted[sorted.length - 1] ?? 0)}.`,
      `Dashboard requests: ${int(dashboard.requests.length)}, at most ${dashboard.maxInFlight} at once.`,
    ],
  },
  {
    title: 'Service RSS',
    columns: ['at', 'RSS'],
    rows: [
      ['start', `${int(first.at)} s`, mb(first.bytes)],
      ['middle', `${int(middle.at)} s`, mb(middle.bytes)],
      ['end', `${int(last.at)} s`, mb(last.bytes)],
      ['max', '', mb(Math.max(...rss.map((r) => r.bytes)))],
    ],
    notes: [`Growth start -> end: ${mb(last.bytes - first.bytes)}; middle -> end: ${mb(last.bytes - middle.bytes)}.`],
  },
];
for (const s of sections) console.log(render(s) + '\n');
if (metrics) {
  const interesting = /^(cache_outcomes_total|upstream_requests_total)\{/;
  console.log('From /metrics:\n' + metrics.split('\n').filter((l) => interesting.test(l)).join('\n'));
}
process.exitCode = unexplained.length === 0 ? 0 : 1;
