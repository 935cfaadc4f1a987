// Memory that fits its container: the service as a real process under a 256 MB heap limit (about what
// Node picks in Toolforge's default 512 Mi container), its caches filled through the API with far more
// than they may hold — thousands of users with Cyrillic course titles, then big Cyrillic rosters — from
// a Dashboard world generated on the fly. It stays alive and answering, each cache within its part of
// the budget the heap limit gave, and its heap after a GC within that budget of where it started.

import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startFakeDashboard, type FakeDashboard } from '../../demo/fake-dashboard.js';
import { GeneratedWorld, generatedUsername } from '../../demo/generated-world.js';
import { startNodeProcess, type NodeProcess } from '../../support/node-process.js';
import { rawRequest } from '../../support/raw-http.js';
import { UNBOUNDED_BUDGET } from '../../support/service.js';

const HEAP_LIMIT_MB = 256;
/** Users 1..USERS: two courses each, rosters of 20. Users above BIG: a first course with a roster of BIG_ROSTER. */
const USERS = 2_500;
const BIG = 100_000;
const BIG_ROSTERS = 800;
const BIG_ROSTER = 3_000;
const MB = 2 ** 20;

const world = new GeneratedWorld({
  now: Date.now(),
  coursesPerUser: 2,
  rosterSize: (u) => (u > BIG ? BIG_ROSTER : 20),
  titleLength: 120,
  script: 'cyrillic',
});

/** The value of one sample line of /metrics, e.g. `cache_memory_bytes{cache="data"}`. */
function sample(metrics: string, series: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  assert.ok(line !== undefined, `no ${series} in /metrics`);
  return Number(line.slice(series.length + 1));
}

describe(`the service under --max-old-space-size=${HEAP_LIMIT_MB}, caches filled with adversarial data`, () => {
  let fake: FakeDashboard<GeneratedWorld>;
  let svc: NodeProcess;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const get = (path: string) => rawRequest(svc.url, path, { agent });

  before(async () => {
    fake = await startFakeDashboard({ world });
    svc = await startNodeProcess('src/server.ts', {
      nodeFlags: [`--max-old-space-size=${HEAP_LIMIT_MB}`],
      heapProbe: true,
      env: { OUTREACH_BASE_URL: fake.url, WIKIEDU_BASE_URL: fake.url, UPSTREAM_CONCURRENCY: '4', LOG_LEVEL: 'info', ...UNBOUNDED_BUDGET },
    });
  });
  after(async () => {
    agent.destroy();
    await svc?.stop();
    await fake?.close();
  });

  /** Requests every path, 8 at a time; every answer must be a 200. */
  async function fill(paths: string[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < paths.length) {
        const path = paths[next++] as string;
        const reply = await get(path).catch(async (err: Error) => {
          // A dropped connection: say whether (and how) the process died.
          const exit = await Promise.race([svc.exited, new Promise((r) => setTimeout(r, 2_000, 'still running'))]);
          assert.fail(`${path}: ${err.message}; the service: ${JSON.stringify(exit)}\n${svc.output().slice(-1_500)}`);
        });
        assert.equal(reply.status, 200, `${path}: ${reply.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  it('stays alive and answering, with each cache within its share of a budget derived from the heap limit', async () => {
    const heapAtStart = await svc.heapAfterGc();

    await fill(Array.from({ length: USERS }, (_, i) => `/api/users/${encodeURIComponent(generatedUsername(i + 1))}/active-staff`));
    await fill(Array.from({ length: BIG_ROSTERS }, (_, i) => `/api/courses/Gen_School/U${BIG + i + 1}_C1/users`));
    assert.ok(svc.alive(), `the service died:\n${svc.output().slice(-2_000)}`);
    const budget = /"budget_mb":(\d+)/.exec(svc.output())?.[1];
    assert.ok(budget !== undefined, `the budget is logged at start-up:\n${svc.output().slice(0, 2_000)}`);

    const metrics = (await get('/metrics')).body;
    // The badges' indexes (and what they hold of other answers' reads) count toward the one budget.
    const parts = ['data', 'answers', 'badges'];
    const totalBudget = parts.reduce((sum, cache) => sum + sample(metrics, `cache_memory_budget_bytes{cache="${cache}"}`), 0);
    assert.equal(Math.round(totalBudget / MB), Number(budget), 'the logged budget is the one in force');
    assert.ok(totalBudget < HEAP_LIMIT_MB * MB * 0.5, `budget ${Math.round(totalBudget / MB)} MB leaves room under the ${HEAP_LIMIT_MB} MB limit`);
    for (const cache of parts) {
      const bytes = sample(metrics, `cache_memory_bytes{cache="${cache}"}`);
      const bound = sample(metrics, `cache_memory_budget_bytes{cache="${cache}"}`);
      assert.ok(bytes <= bound, `${cache}: ${bytes} bytes held, bound ${bound}`);
    }
    const loaded = fake.count(/^\/(user_stats\.json|courses\/)/);
    const held = sample(metrics, 'cache_entries{cache="data"}');
    assert.ok(held < loaded / 2, `the data cache evicted: it holds ${held} of the ${loaded} entries loaded`);

    const heap = await svc.heapAfterGc();
    const growth = heap - heapAtStart;
    assert.ok(heap < HEAP_LIMIT_MB * MB, `heap ${Math.round(heap / MB)} MB after GC`);
    // The estimate does not undercount (bench/heap-cost.ts); a little more is code compiled meanwhile.
    assert.ok(growth <= totalBudget + 16 * MB, `heap grew ${Math.round(growth / MB)} MB; budget ${Math.round(totalBudget / MB)} MB`);
    assert.ok(sample(metrics, 'nodejs_heap_size_used_bytes') < HEAP_LIMIT_MB * MB);

    // Still answering: from the cache, and cold.
    const last = `/api/courses/Gen_School/U${BIG + BIG_ROSTERS}_C1/users`;
    assert.equal((await get(last)).status, 200);
    assert.equal((await get(`/api/users/${encodeURIComponent(generatedUsername(USERS + 1))}/active-staff`)).status, 200);
    assert.equal((await get('/healthz')).status, 200);
  });
});
