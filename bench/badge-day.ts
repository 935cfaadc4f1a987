// What badges cost the Dashboards over a simulated day (api-contract.md v1.2, "What badges cost the
// Dashboards"): two replicas sharing Redis answer `requests` badge requests of 50 names each (dashboard=all,
// as the gadget asks), at random moments over 24 simulated hours, then the same day with `scale` times
// the requests. Each replica runs as bench/clocked-service.ts; before each simulated step both replicas'
// clocks and the fake Dashboards' move to it. Counted at the full-size fake Dashboards (bench/badge-worlds.ts),
// against the per-name alternative: one user_stats per distinct name asked.

import { randomBytes } from 'node:crypto';
import { Agent, request } from 'undici';
import { UNBOUNDED_BUDGET } from '../support/service.js';
import type { FakeDashboard } from '../demo/fake-dashboard.js';
import type { NodeProcess } from '../support/node-process.js';
import { startRedis } from '../support/redis-server.js';
import { BADGE_ENV } from './badge-worlds.js';
import { badgesQuery, startBadgeDashboards } from './badges.js';
import { cpuMicros } from './load.js';
import { startService } from './service.js';
import { int, ratio, target, type Section } from './table.js';
import { random, zipfDraw } from './worlds.js';

export interface BadgeDayOptions {
  /** Badge requests over the day (the scaled day has `scale` times as many). */
  requests: number;
  scale: number;
  /** Names per request (the GET limit). */
  names: number;
  /** Zipf exponent of how often a name appears on the lists. */
  skew: number;
  /** Requests in flight at once, over both replicas. */
  parallel: number;
  hours: number;
  seed: number;
}

const HOUR = 3_600_000;
// Both replicas' clocks and the Dashboards' move once per 5 simulated minutes (a twelfth of the shortest
// source TTL): each step's requests are sent at its moment.
const STEP_MS = 5 * 60_000;
// USER_CACHE_TTL's default: how long the per-name alternative, through a cache, would keep a user_stats.
const USER_TTL_MS = 15 * 60_000;
const TARGET = { ratio: 0.001, growth: 1.05 };

/** A ratio far below 1, to two significant digits. */
const small = (n: number): string => (n < 0.1 ? n.toPrecision(2) : ratio(n));

/** What reached the two Dashboards, by kind. */
const KINDS = {
  'current.json': /^\/campaigns\/current\.json/,
  'campaign users.json': /^\/campaigns\/[^/]+\/users\.json/,
  'active_courses.json': /^\/campaigns\/[^/]+\/active_courses\.json/,
  'course.json': /^\/courses\/.+\/course\.json/,
  'course users.json': /^\/courses\/.+\/users\.json/,
  user_stats: /^\/user_stats\.json/,
} as const;
type Kind = keyof typeof KINDS;

/** Draws lists of distinct names, each name drawn Zipf-like (zipfDraw). */
function listDrawer(population: readonly string[], skew: number, seed: number): (size: number) => string[] {
  const pick = zipfDraw(population, skew, random(seed));
  return (size) => {
    const list = new Set<string>();
    while (list.size < size) list.add(pick());
    return [...list];
  };
}

interface Day {
  label: string;
  requests: number;
  upstream: Record<Kind, number>;
  total: number;
  /** The per-name alternative: every name of every request; through a cache of USER_CACHE_TTL; once per name. */
  perName: { direct: number; cached: number; distinct: number };
  statuses: Record<string, number>;
  partial: number;
  seconds: number;
  /** The replicas' CPU time per badge request over the day, µs. */
  cpuUs: number;
}

async function day(opts: BadgeDayOptions, requests: number, redisUrl: string, label: string): Promise<Day> {
  const start = Date.now();
  let now = start;
  const { outreach, wikiedu, holders, others } = await startBadgeDashboards(start, () => now);
  const fakes: FakeDashboard[] = [outreach, wikiedu];
  // One key prefix for both (bench/service.ts gives each process a random one): one cache, one budget in
  // Redis. A command deadline long enough that a busy benchmark machine does not turn Redis away (each
  // replica would then read the Dashboards on its own).
  const env = { ...BADGE_ENV, ...UNBOUNDED_BUDGET, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: randomBytes(16).toString('hex'), REDIS_COMMAND_TIMEOUT_MS: '2000' };
  const replicas = await Promise.all(
    [0, 1].map(() => startService({ dashboardUrl: outreach.url, wikieduUrl: wikiedu.url, entry: 'bench/clocked-service.ts', env })),
  );
  const agent = new Agent({ connections: opts.parallel, keepAliveTimeout: 30_000, pipelining: 1 });
  const drawList = listDrawer([...holders, ...others], opts.skew, opts.seed);
  const rnd = random(opts.seed + 1);
  const span = opts.hours * HOUR;
  // How many requests fall in each simulated minute: uniform moments over the day.
  const perStep = new Array<number>(Math.ceil(span / STEP_MS)).fill(0);
  for (let i = 0; i < requests; i++) {
    const step = Math.floor((rnd() * span) / STEP_MS);
    perStep[step] = (perStep[step] ?? 0) + 1;
  }
  const lastFetch = new Map<string, number>();
  const perName = { direct: 0, cached: 0, distinct: 0 };
  const statuses: Record<string, number> = {};
  let partial = 0;
  let serial = 0;
  const ask = async (svc: NodeProcess, path: string): Promise<string> => {
    const res = await request(svc.url + path, { dispatcher: agent });
    return `${res.statusCode} ${await res.body.text()}`;
  };
  const started = performance.now();
  const cpu = (): number => replicas.reduce((us, svc) => us + cpuMicros(svc.pid), 0);
  const cpuBefore = cpu();
  try {
    for (const [step, count] of perStep.entries()) {
      now = start + step * STEP_MS;
      await Promise.all(replicas.map((svc) => ask(svc, `/__bench/clock?at=${now}`)));
      const lists = Array.from({ length: count }, () => drawList(opts.names));
      for (const list of lists) {
        perName.direct += list.length;
        for (const name of list) {
          const last = lastFetch.get(name);
          if (last === undefined) perName.distinct++;
          if (last === undefined || now - last >= USER_TTL_MS) {
            perName.cached++;
            lastFetch.set(name, now);
          }
        }
      }
      let next = 0;
      const send = async (): Promise<void> => {
        for (let i = next++; i < lists.length; i = next++) {
          const reply = await ask(replicas[serial++ % replicas.length] as NodeProcess, `/api/badges?${badgesQuery(lists[i] ?? [])}`);
          const status = reply.slice(0, 3);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (reply.includes('"partial":true')) partial++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(opts.parallel, lists.length) }, send));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuUs = (cpu() - cpuBefore) / requests;
    const upstream = Object.fromEntries(
      Object.entries(KINDS).map(([kind, pattern]) => [kind, fakes.reduce((n, f) => n + f.count(pattern), 0)]),
    ) as Record<Kind, number>;
    const total = fakes.reduce((n, f) => n + f.count(), 0);
    return { label, requests, upstream, total, perName, statuses, partial, seconds, cpuUs };
  } finally {
    await agent.close();
    await Promise.all(replicas.map((svc) => svc.stop()));
    await Promise.all(fakes.map((f) => f.close()));
  }
}

export async function badgeDay(opts: BadgeDayOptions): Promise<{ section: Section; data: unknown }> {
  const redis = await startRedis();
  const days: Day[] = [];
  try {
    for (const [requests, label] of [
      [opts.requests, `${int(opts.requests)} requests`],
      [opts.requests * opts.scale, `${int(opts.requests * opts.scale)} requests (${opts.scale}x)`],
    ] as const) {
      const d = await day(opts, requests, redis.url, label);
      days.push(d);
      // A long phase: each day's count as soon as it is known.
      console.error(`badge-day: ${label}: ${int(d.total)} upstream requests in ${d.seconds.toFixed(0)} s (${int(d.cpuUs)} µs of CPU a request)`);
    }
  } finally {
    await redis.kill();
  }
  const [base, scaled] = days as [Day, Day];
  const rows: string[][] = days.flatMap((d, i) => [
    [`per name: one user_stats per name of each request`, int(d.perName.direct), '', '', '', '', '1.00', ''],
    [
      `badges, 2 replicas sharing Redis: ${d.label}`,
      int(d.total),
      int(d.upstream['campaign users.json'] + d.upstream['active_courses.json'] + d.upstream['current.json']),
      int(d.upstream['course.json']),
      int(d.upstream['course users.json']),
      int(d.upstream.user_stats),
      small(d.total / d.perName.direct),
      [
        target(d.total / d.perName.direct <= TARGET.ratio, `<= ${TARGET.ratio}`),
        ...(i === 0 ? [] : [target(d.total <= base.total * TARGET.growth, `flat: ${ratio(d.total / base.total)} x the first day's, <= ${TARGET.growth}`)]),
      ].join('; '),
    ],
  ]);
  const other = (d: Day): string =>
    `${int(d.perName.cached)} through a ${USER_TTL_MS / 60_000}-minute cache (ratio ${small(d.total / d.perName.cached)}), ${int(d.perName.distinct)} distinct names all day (ratio ${small(d.total / d.perName.distinct)})`;
  return {
    section: {
      title: `badges over a simulated ${opts.hours} h (${opts.names} names a request, dashboard=all)`,
      columns: ['upstream', 'campaign lists', 'course.json', 'course users.json', 'user_stats', 'ratio to per name', 'target'],
      rows,
      notes: [
        `names drawn Zipf-like (s=${opts.skew}) from the badge holders of both Dashboards and 20,000 people in no course; requests at random moments over the day, ${opts.parallel} in flight, alternating between the replicas; clocks moved every ${STEP_MS / 60_000} simulated minutes`,
        `the per-name alternative otherwise: ${base.label}: ${other(base)}; ${scaled.label}: ${other(scaled)}`,
        `answers: ${days.map((d) => `${d.label}: ${Object.entries(d.statuses).map(([s, n]) => `${int(n)} x ${s}`).join(', ')}, ${int(d.partial)} partial`).join('; ')}`,
        `upstream by kind (${base.label} / ${scaled.label}): ${Object.keys(KINDS).map((k) => `${k} ${int(base.upstream[k as Kind])} / ${int(scaled.upstream[k as Kind])}`).join(', ')}`,
        `real time: ${days.map((d) => `${d.seconds.toFixed(0)} s`).join(', ')}; the replicas' CPU per request (each a list of its own, so each answer is worked out afresh): ${days.map((d) => `${int(d.cpuUs)} µs`).join(', ')}`,
        `request budget unbounded (UPSTREAM_RATE runs on the real clock, and a simulated day passes in minutes): the counts are what the service asks for, none refused; REDIS_COMMAND_TIMEOUT_MS=2000 so that a busy machine does not cut the replicas off Redis`,
      ],
    },
    data: days,
  };
}
