// Cold enriched answer with a slow Dashboard: every upstream response delayed by D, at most c in
// flight. The answer needs user_stats, then every course's course.json and users.json (read side by
// side, all courses alike, active or over), so it cannot beat (1 + ceil(2K/c)) x D; the ratio shows
// what else it waits for (the answer's own bound, ANSWER_MAX_PARALLEL_READS, is left at its default c).

import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { startService } from './service.js';
import { ms, ratio, target, type Section } from './table.js';
import { coldWorld } from './worlds.js';

export interface ColdOptions {
  courses: number;
  active: number;
  delayMs: number;
  concurrency: number;
  repetitions: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export async function coldPath(opts: ColdOptions): Promise<{ section: Section; data: unknown }> {
  const { courses: k, active: a, delayMs: d, concurrency: c } = opts;
  // One extra user warms the service's upstream connections; every measured user is cold.
  const { world, usernames } = coldWorld(Date.now(), opts.repetitions + 1, k, a);
  const fake = await startFakeDashboard({ world });
  const service = await startService({ dashboardUrl: fake.url, env: { UPSTREAM_CONCURRENCY: String(c) } });
  try {
    fake.setFaults([{ delayMs: d }]);
    const timings: number[] = [];
    const upstreamPerAnswer: number[] = [];
    for (const [i, username] of usernames.entries()) {
      const before = fake.count();
      const started = performance.now();
      const res = await fetch(`${service.url}/api/users/${encodeURIComponent(username.replaceAll(' ', '_'))}?enrich=true`);
      await res.arrayBuffer();
      const elapsed = performance.now() - started;
      if (res.status !== 200) throw new Error(`cold answer for ${username} was ${res.status}`);
      if (i === 0) continue;
      timings.push(elapsed);
      upstreamPerAnswer.push(fake.count() - before);
    }
    const limit = (1 + Math.ceil((2 * k) / c)) * d;
    const med = median(timings);
    return {
      section: {
        title: `cold path (K=${k} courses, ${a} of them active, D=${d} ms, c=${c})`,
        columns: ['latency', 'ratio to limit', 'target'],
        rows: [
          [`limit (1 + ceil(2x${k}/${c})) x ${d} ms`, ms(limit), ratio(1), ''],
          [`cold GET /api/users/{u}?enrich=true (median of ${timings.length})`, ms(med), ratio(med / limit), target(med / limit <= 1.2, '<= 1.2')],
        ],
        notes: [
          `each run a distinct user with distinct courses; min ${ms(Math.min(...timings))}, max ${ms(Math.max(...timings))}`,
          `upstream requests per answer: ${[...new Set(upstreamPerAnswer)].join('/')} (1 + 2K = ${1 + 2 * k}); most in flight at once: ${fake.maxInFlight}`,
        ],
      },
      data: { limitMs: limit, medianMs: med, timingsMs: timings, upstreamPerAnswer, maxInFlight: fake.maxInFlight },
    };
  } finally {
    await service.stop();
    await fake.close();
  }
}
