// Badges' sources in a container-sized heap (api-contract.md v1.2: "The index counts toward the memory
// budget"; a source over BADGE_SOURCE_MAX_ROWS "counts as a failed read and is not kept"): the service as a
// real process under --max-old-space-size=256, indexing a Wiki Education-size term (370 courses, 7,500
// rows) and a 100,000-row Programs & Events campaign, keeps answering 500-name requests; a campaign of
// 150,000 rows is refused, its Dashboard gets no badges from it, and the process lives on. The campaigns
// are generated on the fly (demo/generated-world.ts).

import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startFakeDashboard, type FakeDashboard } from '../../demo/fake-dashboard.js';
import { GENERATED_CAMPAIGN, GeneratedWorld, generatedUsername } from '../../demo/generated-world.js';
import { badgesForm, badgesOf, post } from '../../support/badge-requests.js';
import { startNodeProcess, type NodeProcess } from '../../support/node-process.js';
import { rawRequest } from '../../support/raw-http.js';
import { UNBOUNDED_BUDGET, type Reply } from '../../support/service.js';

const HEAP_LIMIT_MB = 256;
const MB = 2 ** 20;
const now = Date.now();

/** A campaign of `courses` courses (one per user), user u's with rows(u) rows: the user, a host and participants. */
const campaignWorld = (courses: number, rows: (u: number) => number): GeneratedWorld =>
  new GeneratedWorld({ now, coursesPerUser: 1, rosterSize: (u) => rows(u) - 2, titleLength: 80, script: 'cyrillic', campaignUsers: courses });

const slug = (u: number): string => `Gen_School/U${u}_C1`;

/** 500 names: people of the campaigns (users, hosts, participants) and people of none. */
function mixedNames(seed: number, campaignCourses: number): string[] {
  return Array.from({ length: 500 }, (_, i) => {
    const u = ((seed * 7_919 + i * 104_729) % campaignCourses) + 1;
    switch (i % 4) {
      case 0:
        return generatedUsername(u);
      case 1:
        return `Gen Host ${u}.1`;
      case 2:
        return `Participant ${u}.1.${(i % 17) + 1}`;
      default:
        return `Stranger ${seed}.${i}`;
    }
  });
}

/** The service as a child process against two fake Dashboards, for one describe block. */
function serviceWith(outreachWorld: () => GeneratedWorld, wikieduWorld: () => GeneratedWorld): { svc: () => NodeProcess; ask: (names: string[], dashboard?: string) => Promise<Reply> } {
  let svc: NodeProcess | undefined;
  let fakes: FakeDashboard<GeneratedWorld>[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  before(async () => {
    fakes = await Promise.all([startFakeDashboard({ world: outreachWorld() }), startFakeDashboard({ world: wikieduWorld() })]);
    const [outreach, wikiedu] = fakes as [FakeDashboard<GeneratedWorld>, FakeDashboard<GeneratedWorld>];
    svc = await startNodeProcess('src/server.ts', {
      nodeFlags: [`--max-old-space-size=${HEAP_LIMIT_MB}`],
      heapProbe: true,
      env: {
        OUTREACH_BASE_URL: outreach.url,
        WIKIEDU_BASE_URL: wikiedu.url,
        OUTREACH_BADGE_CAMPAIGNS: GENERATED_CAMPAIGN,
        UPSTREAM_CONCURRENCY: '4',
        HTTP_TIMEOUT: '20',
        LOG_LEVEL: 'info',
        ...UNBOUNDED_BUDGET,
      },
    });
  });
  after(async () => {
    agent.destroy();
    await svc?.stop();
    await Promise.all(fakes.map((f) => f.close()));
  });
  const running = (): NodeProcess => {
    assert.ok(svc !== undefined, 'the service starts in before()');
    return svc;
  };
  return {
    svc: running,
    ask: async (names, dashboard = 'all') => {
      const s = running();
      return post(s.url, '/api/badges', badgesForm(names, dashboard), {}, agent).catch(async (err: Error) => {
        const exit = await Promise.race([s.exited, new Promise((r) => setTimeout(r, 2_000, 'still running'))]);
        assert.fail(`${err.message}; the service: ${JSON.stringify(exit)}\n${s.output().slice(-1_500)}`);
      });
    },
  };
}

async function assertHealthy(svc: NodeProcess): Promise<void> {
  assert.ok(svc.alive(), `the service died:\n${svc.output().slice(-2_000)}`);
  assert.equal((await rawRequest(svc.url, '/healthz')).status, 200);
  const heap = await svc.heapAfterGc();
  assert.ok(heap < HEAP_LIMIT_MB * MB * 0.75, `heap ${Math.round(heap / MB)} MB after GC, limit ${HEAP_LIMIT_MB} MB`);
}

describe(`badges under --max-old-space-size=${HEAP_LIMIT_MB}: a Wiki Education term and a 100,000-row campaign`, () => {
  const TERM_COURSES = 370;
  const TERM_ROWS = 7_500;
  const termRows = (u: number): number => (u <= TERM_ROWS - TERM_COURSES * 20 ? 21 : 20);
  const BIG_COURSES = 1_000;
  const { svc, ask } = serviceWith(
    () => campaignWorld(BIG_COURSES, () => 100), // 100,000 rows: BADGE_SOURCE_MAX_ROWS, not over it
    () => campaignWorld(TERM_COURSES, termRows), // 7,500 rows
  );

  it('indexes both and keeps answering 500-name requests, within the memory budget', async () => {
    const heapAtStart = await svc().heapAfterGc();
    const first = await ask([generatedUsername(1), 'Gen Host 1.1', generatedUsername(TERM_COURSES), generatedUsername(TERM_COURSES + 1), generatedUsername(500)]);
    assert.equal(first.status, 200, JSON.stringify(first.body).slice(0, 500));
    assert.deepEqual([first.body.index.outreach.state, first.body.index.wikiedu.state], ['ok', 'ok']);
    // Programs & Events: only the 100 courses active_courses.json lists; Wiki Education: the whole term.
    assert.deepEqual([first.body.index.outreach.courses, first.body.index.outreach.users], [100, 100 * 100]);
    assert.deepEqual([first.body.index.wikiedu.courses, first.body.index.wikiedu.users], [TERM_COURSES, TERM_ROWS]);
    assert.deepEqual(badgesOf(first.body, generatedUsername(1)), [
      ['outreach', slug(1), 0],
      ['wikiedu', slug(1), 0],
    ]);
    assert.deepEqual(badgesOf(first.body, 'Gen Host 1.1'), [
      ['outreach', slug(1), 1],
      ['wikiedu', slug(1), 1],
    ]);
    assert.deepEqual(badgesOf(first.body, generatedUsername(TERM_COURSES)), [['wikiedu', slug(TERM_COURSES), 0]]);
    assert.deepEqual(badgesOf(first.body, generatedUsername(TERM_COURSES + 1)), []);
    assert.deepEqual(badgesOf(first.body, generatedUsername(500)), [], 'not listed as active: not current on Programs & Events');

    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < 120; i = next++) {
        const r = await ask(mixedNames(i, TERM_COURSES), i % 3 === 0 ? 'wikiedu' : 'all');
        assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
        assert.ok(Object.keys(r.body.users).length > 0, 'people of the term have badges');
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await assertHealthy(svc());
    // The indexes and their sources count toward the budget the heap limit gave the caches.
    const metrics = (await rawRequest(svc().url, '/metrics')).body;
    const budget = [...metrics.matchAll(/^cache_memory_budget_bytes\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    assert.ok(budget > 0 && budget < HEAP_LIMIT_MB * MB * 0.5, `budget ${Math.round(budget / MB)} MB`);
    const growth = (await svc().heapAfterGc()) - heapAtStart;
    assert.ok(growth <= budget + 16 * MB, `the heap grew ${Math.round(growth / MB)} MB; the budget is ${Math.round(budget / MB)} MB`);
  });
});

describe(`badges under --max-old-space-size=${HEAP_LIMIT_MB}: a campaign over BADGE_SOURCE_MAX_ROWS`, () => {
  const { svc, ask } = serviceWith(
    () => campaignWorld(1_000, () => 150), // 150,000 rows: over the default 100,000
    () => campaignWorld(50, () => 20),
  );

  it('is refused: no badges from it, the other Dashboard answered, the process alive', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await ask([generatedUsername(1), 'Gen Host 1.1', generatedUsername(2)]);
      assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 500));
      assert.notEqual(r.body.index.outreach.state, 'ok');
      assert.equal(r.body.partial, true);
      assert.deepEqual(badgesOf(r.body, generatedUsername(1)), [['wikiedu', slug(1), 0]], 'no badge from the refused campaign');
      assert.deepEqual(badgesOf(r.body, 'Gen Host 1.1'), [['wikiedu', slug(1), 1]]);
    }
    await assertHealthy(svc());
  });
});
