// Upstream load over a simulated day: a trace of user-page views, spread over 24 simulated hours and
// replayed against the service with its clock moved to each view's moment (bench/clocked-service.ts),
// so entries expire and refresh as they would in a real day. Each view is the gadget's call
// (/active-staff: the details of every course, the rosters of active ones), or in a second replay a
// tool's (?enrich=true: every course's details and roster). Counted at the fake Dashboard, against
// calling the Dashboard directly, with over courses kept longer (the default) and with plain TTLs.

import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { World } from '../demo/world.js';
import { UNBOUNDED_BUDGET } from '../support/service.js';
import { startService } from './service.js';
import { int, ratio, type Section } from './table.js';
import { visitPages } from './visit.js';
import { addPopulation, random, zipfDraw, type Person } from './worlds.js';

export interface TraceOptions {
  population: number;
  enrolledShare: number;
  views: number;
  /** Zipf exponent of page popularity. */
  skew: number;
  /** Page views in flight at once (several organisers browsing). */
  parallel: number;
  seed: number;
  /** Simulated hours the views are spread over. */
  hours: number;
}

const HOUR = 3_600_000;

/** Page views: people ranked in a random order, rank r drawn with weight 1/r^skew. */
function trace(people: readonly Person[], opts: TraceOptions): Person[] {
  return Array.from({ length: opts.views }, zipfDraw(people, opts.skew, random(opts.seed)));
}

/** When each view happens, ms after the start: uniform over the span, in order. */
function moments(count: number, spanMs: number, seed: number): number[] {
  const rnd = random(seed + 1);
  return Array.from({ length: count }, () => Math.floor(rnd() * spanMs)).sort((a, b) => a - b);
}

interface Counts {
  user: number;
  course: number;
  /** course.json of over courses (ended more than 30 days ago), included in `course`. */
  overCourse: number;
  roster: number;
}

/** Who calls, and what one view costs the Dashboard with no cache in between. */
interface Caller {
  name: string;
  suffix: string;
  direct: (p: Person) => Counts;
}

const CALLERS: Caller[] = [
  // user_stats, every course.json, the rosters of active courses.
  { name: 'gadget', suffix: '/active-staff', direct: (p) => ({ user: 1, course: p.courses, overCourse: p.courses - p.active, roster: p.active }) },
  // user_stats, every course.json and every roster.
  { name: 'tool', suffix: '?enrich=true', direct: (p) => ({ user: 1, course: p.courses, overCourse: p.courses - p.active, roster: p.courses }) },
];
const sum = (a: Counts, b: Counts): Counts => ({
  user: a.user + b.user,
  course: a.course + b.course,
  overCourse: a.overCourse + b.overCourse,
  roster: a.roster + b.roster,
});

interface Run {
  label: string;
  caller: Caller;
  env: Record<string, string>;
  /** false: every view at the same simulated moment (no entry expires). */
  simulatedDay: boolean;
}

/** Replays the views against a fresh fake Dashboard and service; what reached the Dashboard. */
async function replay(opts: TraceOptions, run: Run) {
  const start = Date.now();
  let now = start;
  const world = new World(start);
  // Built the same way each run (same seed): the same people and courses, so the same trace.
  const { people, overSlugs } = addPopulation(world, start, {
    size: opts.population,
    enrolledShare: opts.enrolledShare,
    seed: opts.seed,
    prefix: 'Trace User',
  });
  const views = trace(people, opts);
  const at = run.simulatedDay ? moments(views.length, opts.hours * HOUR, opts.seed) : views.map(() => 0);
  const fake = await startFakeDashboard({ world, now: () => now });
  // The budget counts real seconds while the day is compressed into a few: lifted here (bench/flood.ts
  // measures it), so that the day's requests are those the caches let through.
  const service = await startService({ dashboardUrl: fake.url, entry: 'bench/clocked-service.ts', env: { ...UNBOUNDED_BUDGET, ...run.env } });
  try {
    const started = performance.now();
    const statuses = await visitPages(service.url, views, opts.parallel, {
      suffix: run.caller.suffix,
      before: async (i) => {
        now = Math.max(now, start + (at[i] ?? 0));
        const res = await fetch(`${service.url}/__bench/clock?at=${now}`);
        await res.arrayBuffer();
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const overPaths = new Set([...overSlugs].map((slug) => `/courses/${slug}/course.json`));
    const served: Counts = {
      user: fake.count(/^\/user_stats\.json/),
      course: fake.count(/\/course\.json/),
      overCourse: fake.requests.filter((r) => overPaths.has(r.path)).length,
      roster: fake.count(/\/users\.json/),
    };
    return { views, statuses, seconds, served };
  } finally {
    await service.stop();
    await fake.close();
  }
}

export async function upstreamLoad(opts: TraceOptions): Promise<{ section: Section; data: unknown }> {
  const day = `simulated ${opts.hours} h`;
  // The usual lifetimes for over courses too: ENDED_COURSE_CACHE_TTL is never shorter than a kind's TTL.
  const plainTtls = { ENDED_COURSE_CACHE_TTL: '3600' };
  const defaults = {};
  const runs: Run[] = CALLERS.flatMap((caller): Run[] => [
    { label: `${caller.name} through the service, plain TTLs, ${day}`, caller, env: plainTtls, simulatedDay: true },
    { label: `${caller.name} through the service, default TTLs, ${day}`, caller, env: defaults, simulatedDay: true },
    ...(caller.name === 'gadget'
      ? [{ label: `${caller.name} through the service, default TTLs, no time passing`, caller, env: defaults, simulatedDay: false }]
      : []),
  ]);
  const results = [];
  for (const run of runs) results.push({ run, ...(await replay(opts, run)) });
  const { views } = results[0] as (typeof results)[number];

  const per1000 = (n: number): string => int((n * 1000) / views.length);
  const total = (c: Counts): number => c.user + c.course + c.roster;
  const row = (label: string, c: Counts, direct: Counts): string[] => [
    label,
    per1000(total(c)),
    per1000(c.user),
    per1000(c.course),
    per1000(c.overCourse),
    per1000(c.roster),
    ratio(total(c) / total(direct)),
  ];
  const rows: string[][] = [];
  const savings: string[] = [];
  for (const caller of CALLERS) {
    const direct = views.map(caller.direct).reduce(sum);
    const mine = results.filter((r) => r.run.caller === caller);
    rows.push(row(`${caller.name} calling the Dashboard directly (no cache)`, direct, direct), ...mine.map((r) => row(r.run.label, r.served, direct)));
    const [plain, longer] = mine;
    if (plain && longer) savings.push(`${caller.name} ${Math.round((1 - total(longer.served) / total(plain.served)) * 100)} %`);
  }
  const distinct = new Set(views).size;
  const kinds = (k: Person['kind']) => views.filter((p) => p.kind === k).length;
  return {
    section: {
      title: `upstream load (${int(views.length)} page views; gadget: /active-staff, tool: ?enrich=true)`,
      columns: ['upstream req / 1,000 views', 'user_stats', 'course.json', 'of which over', 'users.json', 'ratio to direct'],
      rows,
      notes: [
        `${int(opts.population)} people (${Math.round(opts.enrolledShare * 100)}% enrolled in 1-3 courses, a third of courses over; the rest half "no courses", half unknown/404); Zipf s=${opts.skew}; ${int(distinct)} distinct pages viewed`,
        `views by kind: ${kinds('enrolled')} enrolled, ${kinds('no-courses')} no courses, ${kinds('unknown')} unknown; answers (gadget, default TTLs, ${day}): ${[...(results[1]?.statuses ?? [])].map(([s, n]) => `${n} x ${s}`).join(', ')}`,
        `${day}: views at random moments over the span, the service's clock moved to each one's (${opts.parallel} views in flight; ${results.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')} of real time)`,
        `plain TTLs: ENDED_COURSE_CACHE_TTL=3600, so over courses keep their usual 6 h (details) and 1 h (rosters); the longer lifetime saves ${savings.join(', ')} of upstream requests`,
      ],
    },
    data: Object.fromEntries([
      ...CALLERS.map((c) => [`direct ${c.name}`, views.map(c.direct).reduce(sum)]),
      ['views', views.length],
      ['distinct', distinct],
      ...results.map((r, i) => [`run${i}`, { label: r.run.label, env: r.run.env, served: r.served, statuses: Object.fromEntries(r.statuses), seconds: r.seconds }]),
    ]),
  };
}
