// Soak: the service as a child process (built first) under a steady mix of warm hits, misses on new
// users, course reads and bad input for N seconds, while the fake Dashboard wedges for a minute (hangs:
// the breaker opens, cached answers keep flowing, it recovers), then cycles through shorter faults (5xx,
// hang, HTML, slow, reset, truncated, malformed HTTP). Reports answers by phase and status, when the
// breaker was open (polled from /health), any 5xx that neither a fault nor the breaker explains,
// unanswered requests, and the service's RSS over time. Loopback only; stops by itself.
//
//   npx tsx bench/soak.ts [--seconds 230] [--concurrency 16] [--cache-entries N]
//
// The default runs every phase once. --cache-entries sets MEMORY_CACHE_MAX_ENTRIES: with a small bound
// the cache stops growing early, so RSS growth that remains is not cache fill.

import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startFakeDashboard, type Fault } from '../demo/fake-dashboard.js';
import { demoWorld } from '../demo/demo-world.js';
import { startService } from './service.js';
import { int, mb, ms, render, type Section } from './table.js';
import { addPopulation, random, type Person } from './worlds.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '230' },
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
const WEDGE_MS = 60_000;
// Every short fault is followed by a healthy phase, so recovery after each fault is part of the run.
const FAULT_PHASES: { name: string; faults: Fault[] }[] = [
  { name: '503', faults: [{ status: 503 }] },
  { name: 'hang', faults: [{ hang: true }] },
  { name: 'html', faults: [{ html: true }] },
  { name: 'slow', faults: [{ delayMs: 1_500 }] },
  { name: 'reset', faults: [{ reset: true }] },
  { name: 'truncated', faults: [{ truncated: true }] },
  {
    name: 'malformed',
    faults: [
      { match: /^\/user_stats/, malformed: 'bad-header-token' },
      { match: /course\.json$/, malformed: 'bad-chunk-size' },
      { match: /users\.json$/, malformed: 'huge-header' },
    ],
  },
];
const PHASES: { name: string; ms: number; faults: Fault[] }[] = [
  { name: 'healthy', ms: PHASE_MS, faults: [] },
  // The Dashboard's VM wedged: every request hangs.
  { name: 'wedge', ms: WEDGE_MS, faults: [{ hang: true }] },
  { name: 'healthy', ms: 2 * PHASE_MS, faults: [] },
  ...FAULT_PHASES.flatMap(({ name, faults }) => [
    { name, ms: PHASE_MS, faults },
    { name: 'healthy', ms: PHASE_MS, faults: [] },
  ]),
];
const CYCLE_MS = PHASES.reduce((sum, p) => sum + p.ms, 0);
// While the Dashboard fails, a miss has nothing to fall back on: 502, 503 (down, or queue full) or 504.
const FAULT_STATUSES = new Set([502, 503, 504]);
const HTTP_TIMEOUT_S = 2;
// Shorter than the default 30 s so that the breaker's window after a 10 s fault leaves most of the next
// healthy phase to check; the wedge still opens it many times over.
const FAIL_TIMEOUT_S = 5;
const FAILURE_BACKOFF_S = 5;
// A read that joined an upstream call begun in the fault phase (single-flight) fails with it, and a key
// whose load failed repeats that failure for the back-off.
const AFTERMATH_MS = (HTTP_TIMEOUT_S + FAILURE_BACKOFF_S + 1) * 1000;
// /health is polled this often for the breaker's state: its windows are known to within this.
const HEALTH_POLL_MS = 200;

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

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
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
    UPSTREAM_FAIL_TIMEOUT: String(FAIL_TIMEOUT_S),
    REFRESH_FAILURE_BACKOFF: String(FAILURE_BACKOFF_S),
    ...(values['cache-entries'] !== undefined && { MEMORY_CACHE_MAX_ENTRIES: values['cache-entries'] }),
  },
});

// Warm the hot set before the clock starts.
for (const p of hot) await (await fetch(service.url + userPath(p, '/active-staff'))).arrayBuffer();

// Times are Date.now() throughout, as in the fake Dashboard's request log.
const started = Date.now();
const deadline = started + SECONDS * 1000;
const byPhase = new Map<string, Map<string, number>>();
const unexplained: string[] = [];
const warmMs = new Map<string, number[]>();
const rss: { at: number; bytes: number }[] = [{ at: 0, bytes: service.rss() }];
/** When each fault phase and each breaker opening began and ended (end undefined: still on). */
const faultWindows: { name: string; start: number; end?: number }[] = [];
const breakerWindows: { start: number; end?: number }[] = [];
let healthFailures = 0;
let phaseIndex = -1;
const current = (): (typeof PHASES)[number] => PHASES[phaseIndex] as (typeof PHASES)[number];

function phaseAt(elapsed: number): number {
  let t = elapsed % CYCLE_MS;
  for (const [i, p] of PHASES.entries()) {
    if (t < p.ms) return i;
    t -= p.ms;
  }
  return 0;
}

function switchPhase(): void {
  const next = phaseAt(Date.now() - started);
  if (next === phaseIndex) return;
  const open = faultWindows.at(-1);
  if (open !== undefined && open.end === undefined) open.end = Date.now();
  phaseIndex = next;
  dashboard.setFaults(current().faults);
  if (current().faults.length > 0) faultWindows.push({ name: current().name, start: Date.now() });
}
switchPhase();

const count = (phase: string, key: string): void => {
  const row = byPhase.get(phase) ?? new Map<string, number>();
  row.set(key, (row.get(key) ?? 0) + 1);
  byPhase.set(phase, row);
};

/** Whether [from, to] meets a window, the window's end stretched by `after` ms. */
const overlaps = (from: number, to: number, windows: { start: number; end?: number }[], after: number): boolean =>
  windows.some((w) => from <= (w.end ?? Infinity) + after && to >= w.start);

const phaseTimer = setInterval(switchPhase, 100);
const rssTimer = setInterval(() => rss.push({ at: (Date.now() - started) / 1000, bytes: service.rss() }), 5_000);
const healthTimer = setInterval(() => {
  void fetch(`${service.url}/health`, { signal: AbortSignal.timeout(1_000) })
    .then(async (res) => {
      const body = (await res.json()) as { dashboards?: { outreach?: string } };
      if (res.status !== 200) healthFailures++;
      const down = body.dashboards?.outreach === 'down';
      const last = breakerWindows.at(-1);
      const isOpen = last !== undefined && last.end === undefined;
      if (down && !isOpen) breakerWindows.push({ start: Date.now() - HEALTH_POLL_MS });
      if (!down && isOpen) last.end = Date.now();
    })
    .catch(() => void healthFailures++);
}, HEALTH_POLL_MS);

async function worker(): Promise<void> {
  while (Date.now() < deadline) {
    const phase = current().name;
    const { path, warm } = nextRequest();
    const t0 = Date.now();
    try {
      const res = await fetch(service.url + path, { signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer();
      const t1 = Date.now();
      count(phase, String(res.status));
      if (warm && res.status === 200) {
        const list = warmMs.get(phase) ?? [];
        if (list.length === 0) warmMs.set(phase, list);
        list.push(t1 - t0);
      }
      // A fault in force, or the breaker open, at any point from shortly before the request to its answer explains a 5xx.
      const faulty =
        overlaps(t0 - AFTERMATH_MS, t1, faultWindows, 0) || overlaps(t0 - HEALTH_POLL_MS, t1 + HEALTH_POLL_MS, breakerWindows, 0);
      const explained = res.status < 500 || (FAULT_STATUSES.has(res.status) && faulty);
      if (!explained) unexplained.push(`${phase} at ${((t0 - started) / 1000).toFixed(1)} s: ${res.status} ${path}`);
    } catch (err) {
      count(phase, 'no answer');
      unexplained.push(`${phase}: ${(err as Error).message} ${path}`);
    }
  }
}

await Promise.all(Array.from({ length: CONCURRENCY }, worker));
clearInterval(phaseTimer);
clearInterval(rssTimer);
clearInterval(healthTimer);
rss.push({ at: (Date.now() - started) / 1000, bytes: service.rss() });
dashboard.setFaults([]);
const metrics = await fetch(`${service.url}/metrics`).then(async (r) => (r.ok ? r.text() : ''));
await service.stop();
await dashboard.close();

const statuses = [...new Set([...byPhase.values()].flatMap((row) => [...row.keys()]))].sort();
const phaseNames = [...new Set(PHASES.map((p) => p.name))].filter((name) => byPhase.has(name));
const total = (key: string): number => [...byPhase.values()].reduce((n, row) => n + (row.get(key) ?? 0), 0);
const answers = statuses.reduce((n, s) => n + total(s), 0);
function latency(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const pct = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `p50 ${ms(pct(0.5))}, p99 ${ms(pct(0.99))}, max ${ms(sorted[sorted.length - 1] ?? 0)} (${int(sorted.length)})`;
}
const at = (t: number | undefined): string => (t === undefined ? 'still open at the end' : `${((t - started) / 1000).toFixed(1)} s`);
const wedge = faultWindows.find((w) => w.name === 'wedge');
// Every opening of the breaker must come from a fault: one that begins while all is healthy is a finding.
// It opened between the poll before (b.start) and the poll that saw it (b.start + HEALTH_POLL_MS).
const strayOpenings = breakerWindows.filter((b) => !overlaps(b.start, b.start + HEALTH_POLL_MS, faultWindows, AFTERMATH_MS));
const sentDuring = (from: number, to: number): number => dashboard.requests.filter((r) => r.at >= from && r.at < to).length;
const wedgeBreaker = wedge && breakerWindows.find((b) => b.start >= wedge.start && b.start <= (wedge.end ?? Infinity));
const first = rss[0] as (typeof rss)[number];
const middle = rss[Math.floor(rss.length / 2)] as (typeof rss)[number];
const last = rss[rss.length - 1] as (typeof rss)[number];

const sections: Section[] = [
  {
    title: 'Answers by fault phase',
    columns: statuses,
    rows: [...phaseNames.map((name) => [name, ...statuses.map((s) => int(byPhase.get(name)?.get(s) ?? 0))]), ['all', ...statuses.map((s) => int(total(s)))]],
    notes: [
      `${int(answers)} requests in ${SECONDS} s (${int(answers / SECONDS)}/s) from ${CONCURRENCY} clients; a wedge of ${WEDGE_MS / 1000} s, other phases of ${PHASE_MS / 1000} s or more; ${int(newUsers)} new users created; cache bound ${values['cache-entries'] ?? 'default'} entries.`,
      `Unexplained (a 500, no answer, or a 5xx with neither a fault from ${AFTERMATH_MS / 1000} s before the request to its answer nor the breaker open): ${unexplained.length}${unexplained.length ? `, e.g. ${unexplained.slice(0, 5).join('; ')}` : ''}.`,
      `Warm reads (hot set, 200) while healthy: ${latency(warmMs.get('healthy') ?? [])}; during the wedge: ${latency(warmMs.get('wedge') ?? [])}.`,
      `Dashboard requests: ${int(dashboard.requests.length)}, at most ${dashboard.maxInFlight} at once. /health failures: ${healthFailures}.`,
    ],
  },
  {
    title: 'Breaker (from /health)',
    columns: ['down at', 'back at'],
    rows: breakerWindows.map((b, i) => [`${i + 1}`, at(b.start), at(b.end)]),
    notes: [
      wedge === undefined
        ? 'The run ended before the wedge.'
        : `Wedge from ${at(wedge.start)} to ${at(wedge.end)}: the breaker ` +
          (wedgeBreaker === undefined
            ? 'never opened (MISSED).'
            : `opened ${((wedgeBreaker.start - wedge.start) / 1000).toFixed(1)} s in and closed ${
                wedgeBreaker.end === undefined ? 'never (MISSED)' : `${((wedgeBreaker.end - (wedge.end ?? Infinity)) / 1000).toFixed(1)} s after it ended`
              }; the Dashboard got ${int(sentDuring(wedge.start, wedgeBreaker.start))} requests before it opened and ${int(
                sentDuring(wedgeBreaker.start, Math.min(wedgeBreaker.end ?? Infinity, wedge.end ?? Infinity)),
              )} (probes) while it was open.`),
      `UPSTREAM_MAX_FAILS 5, UPSTREAM_FAIL_TIMEOUT ${FAIL_TIMEOUT_S} s, HTTP_TIMEOUT ${HTTP_TIMEOUT_S} s. Openings with no fault to explain them: ${strayOpenings.length}${
        strayOpenings.length ? ` (at ${strayOpenings.map((b) => at(b.start)).join(', ')})` : ''
      }.`,
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
  const interesting = /^(cache_outcomes_total|upstream_requests_total|upstream_breaker_state)\{/;
  console.log('From /metrics:\n' + metrics.split('\n').filter((l) => interesting.test(l)).join('\n'));
}
process.exitCode = unexplained.length === 0 && strayOpenings.length === 0 && healthFailures === 0 ? 0 : 1;
