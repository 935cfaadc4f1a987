// Heap cost: what the in-process caches really cost on the V8 heap against what their size estimate
// (src/cache/heap-size.ts) charges them, and against the old measure (the length of the JSON text) as
// the baseline. Each scenario fills a fresh app through its API from a generated Dashboard world, then
// reads heapUsed after a forced GC: before, with both caches full, and after the data cache is emptied.
// Each scenario runs in a child process of its own (bench/gc-child.ts; `heapCost()` starts them).

import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { MemoryStore } from '../src/cache/memory-store.js';
import type { CacheEntry } from '../src/cache/types.js';
import { loadConfig } from '../src/config/config.js';
import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { GeneratedWorld, generatedUsername, type GeneratedWorldOptions } from '../demo/generated-world.js';
import { inGcChild } from './gc-child.js';
import { NO_WIKIEDU } from './service.js';
import { mb, ratio, type Section } from './table.js';

interface Scenario {
  label: string;
  world: Omit<GeneratedWorldOptions, 'now'>;
  users: number;
  /** The requests made for user u. */
  paths: (u: number) => string[];
}

const user = (u: number): string => `/api/users/${encodeURIComponent(generatedUsername(u))}`;
const roster = (u: number, c: number): string => `/api/courses/Gen_School/U${u}_C${c}/users`;

const SCENARIOS: Scenario[] = [
  {
    label: 'ordinary (gadget calls: 3 courses, rosters of 30)',
    world: { coursesPerUser: 3, rosterSize: 30, titleLength: 40, script: 'latin' },
    users: 3_000,
    paths: (u) => [`${user(u)}/active-staff`],
  },
  {
    label: 'Cyrillic titles and names (the same)',
    world: { coursesPerUser: 3, rosterSize: 30, titleLength: 40, script: 'cyrillic' },
    users: 3_000,
    paths: (u) => [`${user(u)}/active-staff`],
  },
  {
    label: 'many tiny rows (rosters of 5,000, Cyrillic names)',
    world: { coursesPerUser: 1, rosterSize: 5_000, titleLength: 10, script: 'cyrillic' },
    users: 60,
    paths: (u) => [roster(u, 1)],
  },
  {
    label: 'huge titles (20,000 Cyrillic characters)',
    world: { coursesPerUser: 2, rosterSize: 3, titleLength: 20_000, script: 'cyrillic' },
    users: 200,
    paths: (u) => [`${user(u)}?enrich=true`],
  },
  {
    label: 'unknown users (negative entries, no answers)',
    world: { coursesPerUser: 1, rosterSize: 1, titleLength: 10, script: 'latin' },
    users: 30_000,
    paths: (u) => [`/api/users/Nobody_${u}`],
  },
  {
    label: 'long course lists (100 courses a user)',
    world: { coursesPerUser: 100, rosterSize: 3, titleLength: 60, script: 'latin' },
    users: 600,
    paths: (u) => [user(u)],
  },
];

/** The data cache, also summing the old size measure (JSON length, key at 2 bytes, 200 bytes overhead). */
class MeasuredStore extends MemoryStore {
  jsonBytes = 0;
  override set<T>(key: string, entry: CacheEntry<T>, ttlMs: number): Promise<void> {
    this.jsonBytes += key.length * 2 + (JSON.stringify(entry.data)?.length ?? 4) + 200;
    return super.set(key, entry, ttlMs);
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
const WARM_UP_USERS = 200;
// Each upstream call's deadline (AbortSignal.timeout) holds a timer and its closures until it expires.
const HTTP_TIMEOUT_S = 1;

/**
 * heapUsed after a full GC, once the last upstream call's deadline has expired; `fake` first forgets
 * the requests it recorded (they are not the service's). A second GC after a pause collects what
 * FinalizationRegistry callbacks (run as tasks after the first) released: the deadlines' timers.
 */
async function heapAfterGc(fake: { reset(): void }): Promise<number> {
  if (gc === undefined) throw new Error('bench/heap-cost.ts runs with --expose-gc');
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await pause(HTTP_TIMEOUT_S * 1000 + 100);
  fake.reset();
  gc();
  await pause(50);
  gc();
  return process.memoryUsage().heapUsed;
}

function gauge(metrics: string, series: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return Number(line?.slice(series.length + 1) ?? NaN);
}

interface Measured {
  label: string;
  data: { heap: number; estimate: number; json: number };
  answers: { heap: number; estimate: number; json: number };
}

async function measure(s: Scenario): Promise<Measured> {
  const world = new GeneratedWorld({ now: Date.now(), ...s.world });
  const fake = await startFakeDashboard({ world });
  // Large enough bounds that nothing is evicted: every byte put in stays.
  const config = loadConfig({ OUTREACH_BASE_URL: fake.url, WIKIEDU_BASE_URL: NO_WIKIEDU, LOG_LEVEL: 'silent', HTTP_TIMEOUT: String(HTTP_TIMEOUT_S), MEMORY_CACHE_MAX_MB: '4096', MEMORY_CACHE_MAX_ENTRIES: '2000000', UPSTREAM_CONCURRENCY: '4' });
  const store = new MeasuredStore({ maxEntries: 1_000_000, maxBytes: 2 ** 31 });
  const app = await buildApp(config, { store, logger: false });
  let answerJson = 0;
  const fill = async (from: number, to: number): Promise<void> => {
    for (let u = from; u < to; u++) {
      for (const path of s.paths(u)) {
        const res = await app.inject({ method: 'GET', url: path });
        if (res.statusCode === 200) answerJson += res.body.length;
        else if (res.statusCode !== 404) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
  };
  try {
    // Warm up (compiled code, pools, metric series) with users of their own, then measure from here
    // with an empty data cache (the warm-up's answers stay, and count as there at the start).
    await fill(1_000_000, 1_000_000 + Math.min(WARM_UP_USERS, Math.ceil(s.users / 10)));
    await store.close();
    const [jsonAtStart, answerJsonAtStart] = [store.jsonBytes, answerJson];
    const atStart = await heapAfterGc(fake);
    const answersAtStart = gauge((await app.inject('/metrics')).body, 'cache_memory_bytes{cache="answers"}');
    await fill(1, s.users + 1);
    const full = await heapAfterGc(fake);
    const estimatedData = store.size.bytes;
    const estimatedAnswers = gauge((await app.inject('/metrics')).body, 'cache_memory_bytes{cache="answers"}') - answersAtStart;
    await store.close(); // empties the data cache; the answers stay
    const answersOnly = await heapAfterGc(fake);
    return {
      label: s.label,
      data: { heap: full - answersOnly, estimate: estimatedData, json: store.jsonBytes - jsonAtStart },
      answers: { heap: answersOnly - atStart, estimate: estimatedAnswers, json: answerJson - answerJsonAtStart },
    };
  } finally {
    await app.close();
    await fake.close();
  }
}

export function heapCost(): { section: Section; data: unknown } {
  const measured = SCENARIOS.map((_, i) => inGcChild<Measured>(fileURLToPath(import.meta.url), [String(i)]));
  const rows = measured.flatMap((m) =>
    (['data', 'answers'] as const).map((cache) => {
      const c = m[cache];
      const of = (d: number): string => (d > 0 ? ratio(c.heap / d) : '–');
      return [`${m.label}: ${cache}`, mb(c.heap), mb(c.estimate), of(c.estimate), mb(c.json), of(c.json)];
    }),
  );
  return {
    section: {
      title: 'heap cost of the in-process caches',
      columns: ['heap after GC', 'estimate', 'heap / estimate', 'JSON length (old measure)', 'heap / JSON'],
      rows,
      notes: [
        'heap / estimate must stay <= 1 (the estimate never undercounts), and near it (the budget is not wasted)',
        'answers rows also hold what else the process kept meanwhile (code compiled as it warmed up): the unknown-users row, which keeps no answers, shows how much',
        `Node ${process.version}; each scenario in a fresh app, filled through its API from demo/generated-world.ts`,
      ],
    },
    data: measured,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scenario = SCENARIOS[Number(process.argv[2])];
  if (scenario === undefined) throw new Error(`usage: node --expose-gc --import tsx bench/heap-cost.ts <0..${SCENARIOS.length - 1}>`);
  process.stdout.write(JSON.stringify(await measure(scenario)));
}
