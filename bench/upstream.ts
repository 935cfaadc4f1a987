// Upstream load of the gadget: a replayed trace of user-page views, each calling /active-staff,
// counted at the fake Dashboard, against what the gadget would cost calling the Dashboard directly.

import { World } from '../demo/world.js';
import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { startService } from './service.js';
import { int, ratio, type Section } from './table.js';
import { visitPages } from './visit.js';
import { addPopulation, random, type Person } from './worlds.js';

export interface TraceOptions {
  population: number;
  enrolledShare: number;
  views: number;
  /** Zipf exponent of page popularity. */
  skew: number;
  /** Page views in flight at once (several organisers browsing). */
  parallel: number;
  seed: number;
}

/** Page views: people ranked in a random order, rank r drawn with weight 1/r^skew. */
function trace(people: readonly Person[], opts: TraceOptions): Person[] {
  const rnd = random(opts.seed);
  const ranked = [...people];
  for (let i = ranked.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ranked[i], ranked[j]] = [ranked[j] as Person, ranked[i] as Person];
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= ranked.length; r++) cumulative.push((sum += 1 / r ** opts.skew));
  const pick = (): Person => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return ranked[lo] as Person;
  };
  return Array.from({ length: opts.views }, pick);
}

/** What one page view costs the Dashboard with no cache: user_stats, every course.json, active rosters. */
const directCost = (p: Person) => ({ user: 1, course: p.courses, roster: p.active });

export async function upstreamLoad(opts: TraceOptions): Promise<{ section: Section; data: unknown }> {
  const now = Date.now();
  const world = new World(now);
  const { people } = addPopulation(world, now, { size: opts.population, enrolledShare: opts.enrolledShare, seed: opts.seed, prefix: 'Trace User' });
  const views = trace(people, opts);
  const fake = await startFakeDashboard({ world });
  const service = await startService({ dashboardUrl: fake.url });
  try {
    const started = performance.now();
    const statuses = await visitPages(service.url, views, opts.parallel);
    const seconds = (performance.now() - started) / 1000;

    const per1000 = (n: number): string => int((n * 1000) / views.length);
    const direct = views.map(directCost).reduce((s, c) => ({ user: s.user + c.user, course: s.course + c.course, roster: s.roster + c.roster }));
    const served = { user: fake.count(/^\/user_stats\.json/), course: fake.count(/\/course\.json/), roster: fake.count(/\/users\.json/) };
    const total = (c: typeof direct): number => c.user + c.course + c.roster;
    const row = (label: string, c: typeof direct): string[] => [
      label,
      per1000(total(c)),
      per1000(c.user),
      per1000(c.course),
      per1000(c.roster),
      ratio(total(c) / total(direct)),
    ];
    const distinct = new Set(views).size;
    const kinds = (k: Person['kind']) => views.filter((p) => p.kind === k).length;
    return {
      section: {
        title: `upstream load (${int(views.length)} page views, /active-staff)`,
        columns: ['upstream req / 1,000 views', 'user_stats', 'course.json', 'users.json', 'ratio to direct'],
        rows: [row('gadget calling the Dashboard directly (no cache)', direct), row('through the service (in-process, default TTLs)', served)],
        notes: [
          `${int(opts.population)} people (${Math.round(opts.enrolledShare * 100)}% enrolled, the rest half "no courses", half unknown/404); Zipf s=${opts.skew}; ${int(distinct)} distinct pages viewed`,
          `views by kind: ${kinds('enrolled')} enrolled, ${kinds('no-courses')} no courses, ${kinds('unknown')} unknown; answers: ${[...statuses].map(([s, n]) => `${n} x ${s}`).join(', ')}`,
          `replayed as fast as it goes (${seconds.toFixed(1)} s, ${opts.parallel} views in flight), so no TTL expires during it: a real day would also pay refreshes`,
        ],
      },
      data: { direct, served, views: views.length, distinct, statuses: Object.fromEntries(statuses), seconds },
    };
  } finally {
    await service.stop();
    await fake.close();
  }
}
