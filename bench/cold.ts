// Cold enriched answers with slow Dashboards: every upstream response delayed, at most c in flight
// per Dashboard. One Dashboard's answer needs user_stats, then every course's course.json and
// users.json (read side by side, all courses alike, active or over), so it cannot beat
// (1 + ceil(2K/c)) x D. With dashboard=all both Dashboards are asked side by side, each through its
// own cap (and the answer's own bound per Dashboard, ANSWER_MAX_PARALLEL_READS, left at its default
// c), so the answer cannot beat the slower Dashboard's chain; asked one after the other, it would
// cost the sum. The ratios show what else the answers wait for. The Dashboards' budget is the default
// one: back to back, cold answers would ask more than UPSTREAM_RATE allows and be paced by it (as it
// should), so before each answer the bench lets the bucket refill what the previous one took.

import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { WIKIEDU_URL } from '../demo/wikiedu-world.js';
import { settingsIn } from '../src/config/settings.js';
import { startService } from './service.js';
import { median } from './stats.js';
import { ms, ratio, target, type Section } from './table.js';
import { coldWorld } from './worlds.js';

export interface ColdOptions {
  courses: number;
  active: number;
  /** Programs & Events' delay. */
  delayMs: number;
  /** Wiki Education's delay (for dashboard=all): another than delayMs, so the slower chain decides. */
  wikieduDelayMs: number;
  concurrency: number;
  repetitions: number;
}

interface Run {
  timings: number[];
  upstreamPerAnswer: number[];
}

export async function coldPath(opts: ColdOptions): Promise<{ section: Section; data: unknown }> {
  const { courses: k, active: a, delayMs: d, wikieduDelayMs: dEdu, concurrency: c, repetitions: n } = opts;
  // Per run one extra user warms the service's upstream connections; every measured user is cold. The
  // same people and slugs exist on both Dashboards (distinct courses there: slugs are per Dashboard).
  const users = 2 * (n + 1);
  const { world, usernames } = coldWorld(Date.now(), users, k, a);
  const edu = coldWorld(Date.now(), users, k, a, { dashboardUrl: WIKIEDU_URL, fixtures: false });
  const [fake, wikiedu] = await Promise.all([startFakeDashboard({ world }), startFakeDashboard({ world: edu.world })]);
  const service = await startService({ dashboardUrl: fake.url, wikieduUrl: wikiedu.url, env: { UPSTREAM_CONCURRENCY: String(c) } });
  const upstreamCount = (): number => fake.count() + wikiedu.count();
  const rate = settingsIn({})('UPSTREAM_RATE');
  let refillMs = 0;
  const run = async (people: readonly string[], query: string): Promise<Run> => {
    const result: Run = { timings: [], upstreamPerAnswer: [] };
    for (const [i, username] of people.entries()) {
      await sleep(refillMs);
      const before = upstreamCount();
      const [outreachBefore, wikieduBefore] = [fake.count(), wikiedu.count()];
      const started = performance.now();
      const res = await fetch(`${service.url}/api/users/${encodeURIComponent(username.replaceAll(' ', '_'))}?${query}`);
      const body = (await res.json()) as { partial?: boolean };
      const elapsed = performance.now() - started;
      refillMs = (Math.max(fake.count() - outreachBefore, wikiedu.count() - wikieduBefore) / rate) * 1000;
      if (res.status !== 200 || body.partial === true) throw new Error(`cold answer for ${username} (${query}) was ${res.status}${body.partial ? ', partial' : ''}`);
      if (i === 0) continue;
      result.timings.push(elapsed);
      result.upstreamPerAnswer.push(upstreamCount() - before);
    }
    return result;
  };
  try {
    fake.setFaults([{ delayMs: d }]);
    wikiedu.setFaults([{ delayMs: dEdu }]);
    const one = await run(usernames.slice(0, n + 1), 'enrich=true');
    const both = await run(usernames.slice(n + 1), 'enrich=true&dashboard=all');
    const chain = (delay: number): number => (1 + Math.ceil((2 * k) / c)) * delay;
    const limit = chain(d);
    const limitAll = Math.max(chain(d), chain(dEdu));
    const [med, medAll] = [median(one.timings), median(both.timings)];
    const spread = (r: Run): string => `min ${ms(Math.min(...r.timings))}, max ${ms(Math.max(...r.timings))}`;
    const perAnswer = (r: Run): string => [...new Set(r.upstreamPerAnswer)].join('/');
    return {
      section: {
        title: `cold path (K=${k} courses, ${a} of them active, c=${c} per Dashboard)`,
        columns: ['latency', 'ratio to limit', 'target'],
        rows: [
          [`limit (1 + ceil(2x${k}/${c})) x ${d} ms (Programs & Events, D=${d} ms)`, ms(limit), ratio(1), ''],
          [`cold GET /api/users/{u}?enrich=true (median of ${one.timings.length})`, ms(med), ratio(med / limit), target(med / limit <= 1.2, '<= 1.2')],
          [`limit: the slower chain, (1 + ceil(2x${k}/${c})) x ${Math.max(d, dEdu)} ms (Wiki Education, D=${dEdu} ms)`, ms(limitAll), ratio(1), ''],
          [
            `cold GET /api/users/{u}?enrich=true&dashboard=all (median of ${both.timings.length})`,
            ms(medAll),
            ratio(medAll / limitAll),
            target(medAll / limitAll <= 1.2, '<= 1.2'),
          ],
        ],
        notes: [
          `each run a distinct user with distinct courses; one Dashboard: ${spread(one)}; all: ${spread(both)}`,
          `the default budget (UPSTREAM_RATE ${rate}/s per Dashboard): before each answer the bench waited ${ms(refillMs)} for the bucket to refill what the last one took`,
          `asking the two Dashboards one after the other would cost ${ms(chain(d) + chain(dEdu))} (${ratio((chain(d) + chain(dEdu)) / limitAll)} of the limit)`,
          `upstream requests per answer: ${perAnswer(one)} (1 + 2K = ${1 + 2 * k}); with all ${perAnswer(both)} (2 x (1 + 2K) = ${2 * (1 + 2 * k)}); ` +
            `most in flight at once: ${fake.maxInFlight} (Programs & Events), ${wikiedu.maxInFlight} (Wiki Education)`,
        ],
      },
      data: {
        limitMs: limit,
        medianMs: med,
        timingsMs: one.timings,
        upstreamPerAnswer: one.upstreamPerAnswer,
        all: { limitMs: limitAll, medianMs: medAll, timingsMs: both.timings, upstreamPerAnswer: both.upstreamPerAnswer, wikieduDelayMs: dEdu },
        maxInFlight: { outreach: fake.maxInFlight, wikiedu: wikiedu.maxInFlight },
      },
    };
  } finally {
    await service.stop();
    await Promise.all([fake.close(), wikiedu.close()]);
  }
}
