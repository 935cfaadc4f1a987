// Warm badges (api-contract.md v1.2): `GET /api/badges` with 50 names and a form POST with 500, both
// Dashboards (dashboard=all, as the gadget asks), against the node:http ceiling sending the same bytes
// (bench/ceiling-comparison.ts). The Dashboards are full size (bench/badge-worlds.ts): a Wiki Education
// term of 370 classes and 7,500 rows, two Programs & Events campaigns; the names a mix of badge holders
// of both and people in no course.

import { startFakeDashboard, type FakeDashboard } from '../demo/fake-dashboard.js';
import { UNBOUNDED_BUDGET } from '../support/service.js';
import { BADGE_ENV, NameDrawer, outreachCampaigns, pageOfNames, wikieduTerm } from './badge-worlds.js';
import { bodyBytes, ceilingComparison, COLUMNS, NOTES, roundsNote, type Endpoint } from './ceiling-comparison.js';
import type { LoadOptions } from './load.js';
import { int, type Section } from './table.js';
import { random } from './worlds.js';

export interface BadgesOptions {
  load: LoadOptions;
  rounds: number;
  redisUrl: string;
  profileDir?: string;
}

/** Names in a GET (the contract's limit) and in a POST (its limit), and how many of them hold a badge. */
const GET_NAMES = { size: 50, holders: 12 };
const POST_NAMES = { size: 500, holders: 120 };

interface BadgesBody {
  users: Record<string, unknown[]>;
  index: Record<string, { state: string; courses: number; users: number }>;
}

/** The query (or form) of a request for `names` on both Dashboards, encoded as a form is. */
export const badgesQuery = (names: readonly string[]): string => new URLSearchParams({ users: names.join('|'), dashboard: 'all' }).toString();

/**
 * Asks `path` until the answer holds still (the same body three times running, 100 ms apart) with both
 * indexes "ok" and every badge's course title known: every source read, every course's details loaded
 * (in the background, as answers ask for them). Throws after `withinMs`.
 */
export async function untilIndexed(serviceUrl: string, path: string, form?: string, withinMs = 60_000): Promise<BadgesBody> {
  const deadline = Date.now() + withinMs;
  let last = '';
  let same = 0;
  const asked: RequestInit = form === undefined ? {} : { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  for (;;) {
    const res = await fetch(serviceUrl + path, asked);
    const text = await res.text();
    const body = res.status === 200 ? (JSON.parse(text) as BadgesBody) : undefined;
    const complete = body !== undefined && Object.values(body.index).every((i) => i.state === 'ok') && !text.includes('"course_title":null');
    same = complete && text === last ? same + 1 : 0;
    if (same === 2 && body !== undefined) return body;
    if (Date.now() > deadline) throw new Error(`${path}: no complete, steady answer within ${withinMs} ms (last: ${res.status} ${text.slice(0, 300)})`);
    last = text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Both fake Dashboards at full size (their clock: `clock`, or the real one), and the names their badge holders and others go by. */
export async function startBadgeDashboards(now: number, clock?: () => number): Promise<{ outreach: FakeDashboard; wikiedu: FakeDashboard; holders: string[]; others: string[]; names: NameDrawer }> {
  const names = new NameDrawer(21);
  const edu = wikieduTerm(now, names, { courses: 370, rows: 7_500, seed: 22 });
  const pe = outreachCampaigns(now, names, { courses: 60, participants: 15, seed: 23 });
  const others = Array.from({ length: 20_000 }, () => names.next());
  const [outreach, wikiedu] = await Promise.all([startFakeDashboard({ world: pe.world, ...(clock && { now: clock }) }), startFakeDashboard({ world: edu.world, ...(clock && { now: clock }) })]);
  return { outreach, wikiedu, holders: [...new Set([...edu.holders, ...pe.holders])], others, names };
}

export async function badgesHot(opts: BadgesOptions): Promise<{ section: Section; data: unknown }> {
  const { outreach, wikiedu, holders, others } = await startBadgeDashboards(Date.now());
  const rnd = random(24);
  const get = pageOfNames(rnd, holders, others, GET_NAMES.size, GET_NAMES.holders);
  const post = pageOfNames(rnd, holders, others, POST_NAMES.size, POST_NAMES.holders);
  const getPath = `/api/badges?${badgesQuery(get)}`;
  const endpoints: Endpoint[] = [
    { label: `GET /api/badges (${GET_NAMES.size} names)`, path: getPath, targets: { memory: 0.8, redis: 0.7 } },
    {
      label: `POST /api/badges (${POST_NAMES.size} names)`,
      path: '/api/badges',
      request: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: badgesQuery(post) },
      targets: { memory: 0.7, redis: 0.7 },
    },
  ];
  try {
    let indexed: BadgesBody | undefined;
    const { rows, warnings, captured, data } = await ceilingComparison({
      ...opts,
      endpoints,
      service: { dashboardUrl: outreach.url, wikieduUrl: wikiedu.url, env: { ...BADGE_ENV, ...UNBOUNDED_BUDGET } },
      accessLog: false,
      // Both requests' courses fully indexed: an answer is not remembered while a badge's details are loading.
      prime: async (url) => {
        indexed = await untilIndexed(url, getPath);
        await untilIndexed(url, '/api/badges', badgesQuery(post));
      },
    });
    const badged = (path: string): number => Object.keys((JSON.parse(Buffer.from(captured[path]?.body ?? '', 'base64').toString('utf8')) as BadgesBody).users).length;
    const index = Object.entries(indexed?.index ?? {}).map(([d, i]) => `${d} ${int(i.courses)} courses, ${int(i.users)} people`);
    return {
      section: {
        title: `badges, warm (${opts.load.connections} connections, ${opts.load.seconds} s, dashboard=all)`,
        columns: COLUMNS,
        rows,
        notes: [
          `index: ${index.join('; ')} (a Wiki Education term of 370 classes and 7,500 rows; two Programs & Events campaigns, active_courses.json-limited)`,
          `GET: ${GET_NAMES.size} names, ${badged(getPath)} with badges, ${int(getPath.length)} B of URL, answer ${int(bodyBytes(captured[getPath]))} B; ` +
            `POST: ${POST_NAMES.size} names, ${badged('/api/badges')} with badges, ${int(endpoints[1]?.request?.body.length ?? 0)} B of form, answer ${int(bodyBytes(captured['/api/badges']))} B`,
          `${roundsNote(opts.rounds, "ceiling, Fastify floor, memory, Redis, the ceiling's twin")}; a service first answers until its indexes are complete (every course's details loaded), then ${opts.load.warmupSeconds} s warm-up`,
          ...NOTES,
          ...warnings,
        ],
      },
      data,
    };
  } finally {
    await Promise.all([outreach.close(), wikiedu.close()]);
  }
}
