// /api/badges on two replicas sharing one real Redis (api-contract.md v1.2, "What badges cost the
// Dashboards"): each program-wide source is read once per freshness window across both, both derive the
// same index, ten times the requests cost the Dashboards nothing more, a source past its TTL is answered
// from at once and refreshed once, and the index is derived again only when a source changed. The
// replicas, the fake Dashboards and the test share one clock, which the test moves.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEMO_BADGE_CAMPAIGNS, DEMO_CAMPAIGNS } from '../../demo/badge-campaigns.js';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import type { FakeDashboard } from '../../demo/fake-dashboard.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS } from '../../demo/wikiedu-world.js';
import { badgesForm, badgesOf, badgesPath, post } from '../../support/badge-requests.js';
import { redisConnected, useReplicas } from '../../support/replicas.js';
import { useService, type Reply, type Service, type ServiceOptions } from '../../support/service.js';
import { quiet, waitFor } from '../../support/wait.js';

const PREFIX = 'test-badges-5c2e8a91:';
const TTL_S = 600;
const clock = { t: Date.now() };
const shared = useReplicas(PREFIX, () => clock.t);
const replicaOptions = (): ServiceOptions => shared.options({ BADGE_SOURCE_TTL: String(TTL_S), STALE_WHILE_REVALIDATE: String(TTL_S) });

const CAMPAIGN_SOURCE = /^\/campaigns\/[^/]+(?:\/(?:users|active_courses))?\.json$/;
/** The sources that expire with BADGE_SOURCE_TTL: every configured campaign's lists, and Wiki Education's current term's rows. */
const TTL_SOURCES = {
  outreach: DEMO_BADGE_CAMPAIGNS.outreach.flatMap((c) => [`/campaigns/${c}/users.json`, `/campaigns/${c}/active_courses.json`]),
  wikiedu: [DEMO_CAMPAIGNS.currentTerm, ...DEMO_BADGE_CAMPAIGNS.wikiedu].map((c) => `/campaigns/${c}/users.json`),
};

/** How often `fake` was asked for each program-wide source. */
function sourceReads(fake: FakeDashboard): Map<string, number> {
  const reads = new Map<string, number>();
  for (const r of fake.requests) if (CAMPAIGN_SOURCE.test(r.rawUrl)) reads.set(r.rawUrl, (reads.get(r.rawUrl) ?? 0) + 1);
  return reads;
}

function assertEachReadOnce(fake: FakeDashboard, required: readonly string[]): void {
  const reads = sourceReads(fake);
  for (const path of required) assert.equal(reads.get(path), 1, `${path} read once: ${JSON.stringify([...reads])}`);
  for (const [path, n] of reads) assert.equal(n, 1, `${path} read ${n} times`);
}

const NAMES = [
  PERSONAS.active,
  PERSONAS.multiRole,
  PERSONAS.xssTarget,
  PERSONAS.onBoth,
  PERSONAS.twiceInOneCourse,
  PERSONAS.pastOnly,
  PERSONAS.unknown,
  WIKIEDU_PERSONAS.student,
  WIKIEDU_PERSONAS.programManager,
  WIKIEDU_PERSONAS.sameSlugInstructor,
  'Bad<name>',
];
const ON_BOTH = [
  ['outreach', COURSES.librariesSprint, 1],
  ['wikiedu', WIKIEDU_COURSES.class, 0],
];

/** Request `i` of a batch: replicas, GET and POST taken in turn, sometimes with a name of its own. */
function ask(replicas: readonly Service[], i: number, extra?: string): Promise<Reply> {
  const svc = replicas[i % replicas.length] as Service;
  const names = extra === undefined ? NAMES : [...NAMES, extra];
  return i % 4 < 2 ? svc.get(badgesPath(names, 'all')) : post(svc.url, '/api/badges', badgesForm(names, 'all'));
}

/** The answer without what may differ between replicas: when each derived its index. */
function comparable(body: any): unknown {
  const index = Object.fromEntries(Object.entries(body.index as Record<string, Record<string, unknown>>).map(([d, { built_at: _at, ...rest }]) => [d, rest]));
  return { ...body, index };
}

const builtAt = async (svc: Service): Promise<{ outreach: string; wikiedu: string }> => {
  const { body } = await svc.get(badgesPath([PERSONAS.onBoth], 'all'));
  return { outreach: body.index.outreach.built_at, wikiedu: body.index.wikiedu.built_at };
};

describe('badges on two replicas sharing Redis', () => {
  const a = useService(replicaOptions);
  const b = useService(replicaOptions);
  const both = (): Service[] => [a, b];
  before(async () => {
    for (const s of [a, b]) await redisConnected(s);
  });

  it('cold: 40 concurrent requests over both replicas read each source once; Programs & Events\' current.json never', async () => {
    shared.dashboard.reset();
    shared.wikiedu.reset();
    for (const fake of [shared.dashboard, shared.wikiedu]) fake.setFaults([{ match: CAMPAIGN_SOURCE, delayMs: 150 }]);
    try {
      const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => ask(both(), i)));
      for (const r of replies) {
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.deepEqual([r.body.index.outreach.state, r.body.index.wikiedu.state], ['ok', 'ok']);
        assert.deepEqual(badgesOf(r.body, PERSONAS.onBoth), ON_BOTH);
      }
    } finally {
      for (const fake of [shared.dashboard, shared.wikiedu]) fake.setFaults([]);
    }
    assertEachReadOnce(shared.dashboard, TTL_SOURCES.outreach);
    assertEachReadOnce(shared.wikiedu, ['/campaigns/current.json', ...TTL_SOURCES.wikiedu]);
    assert.equal(shared.dashboard.count(/^\/campaigns\/(current|miscellanea)/), 0);
  });

  it('both replicas derive the same index: the same answers, titles and activity once the details are in', async () => {
    await quiet([shared.dashboard, shared.wikiedu]);
    const [fromA, fromB] = [await ask([a], 0), await ask([b], 0)];
    assert.deepEqual(comparable(fromB.body), comparable(fromA.body));
    for (const [name, badges] of Object.entries(fromA.body.users as Record<string, any[]>)) {
      for (const badge of badges) assert.ok(badge.course_title !== null && badge.active_tracking !== null, `${name}: ${JSON.stringify(badge)}`);
    }
    assert.deepEqual(badgesOf(fromA.body, WIKIEDU_PERSONAS.programManager), [
      ['wikiedu', WIKIEDU_COURSES.class, 4],
      ['wikiedu', WIKIEDU_COURSES.sameSlug, 4],
    ]);
    assert.deepEqual([fromA.body.index.outreach.courses, fromA.body.index.wikiedu.courses], [9, 2]);
  });

  it('ten times the requests, new names included, cost the Dashboards nothing more', async () => {
    await quiet([shared.dashboard, shared.wikiedu]);
    shared.dashboard.reset();
    shared.wikiedu.reset();
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < 400; i = next++) assert.equal((await ask(both(), i, `Reader ${i}`)).status, 200);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.deepEqual([shared.dashboard.requests.map((r) => r.rawUrl), shared.wikiedu.requests.map((r) => r.rawUrl)], [[], []]);
  });

  it('past BADGE_SOURCE_TTL: answered at once from the stale sources, each refreshed once over both replicas', async () => {
    await quiet([shared.dashboard, shared.wikiedu]);
    shared.dashboard.reset();
    shared.wikiedu.reset();
    for (const fake of [shared.dashboard, shared.wikiedu]) fake.setFaults([{ match: CAMPAIGN_SOURCE, delayMs: 800 }]);
    try {
      clock.t += (TTL_S + 1) * 1000;
      const replies = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const started = performance.now();
          const r = await ask(both(), i);
          return { ...r, ms: performance.now() - started };
        }),
      );
      for (const r of replies) {
        assert.equal(r.status, 200);
        assert.deepEqual(badgesOf(r.body, PERSONAS.onBoth), ON_BOTH);
        assert.ok(r.ms < 500, `answered after ${Math.round(r.ms)} ms, not after the 800 ms refresh`);
      }
      await waitFor('the refreshes', () => [...TTL_SOURCES.outreach.map((p) => shared.dashboard.count(new RegExp(`^${p}$`))), ...TTL_SOURCES.wikiedu.map((p) => shared.wikiedu.count(new RegExp(`^${p}$`)))].every((n) => n >= 1));
      await new Promise((r) => setTimeout(r, 900)); // the refreshes land
      await Promise.all(Array.from({ length: 20 }, (_, i) => ask(both(), i)));
    } finally {
      for (const fake of [shared.dashboard, shared.wikiedu]) fake.setFaults([]);
    }
    assertEachReadOnce(shared.dashboard, TTL_SOURCES.outreach);
    assertEachReadOnce(shared.wikiedu, TTL_SOURCES.wikiedu);
    assert.equal(shared.wikiedu.count(/^\/campaigns\/current\.json$/), 0, 'current.json is fresh for a day');
  });

  it('a refresh that brings the same sources leaves the index as it was: built_at unchanged on both replicas', async () => {
    await quiet([shared.dashboard, shared.wikiedu]);
    const before = [await builtAt(a), await builtAt(b)];
    shared.dashboard.reset();
    shared.wikiedu.reset();
    clock.t += (TTL_S + 1) * 1000;
    await Promise.all(Array.from({ length: 4 }, (_, i) => ask(both(), i)));
    await waitFor('the refreshes', () => TTL_SOURCES.outreach.every((p) => shared.dashboard.count(new RegExp(`^${p}$`)) === 1));
    await quiet([shared.dashboard, shared.wikiedu]);
    const after = [await builtAt(a), await builtAt(b)];
    assert.ok(after.every((at) => at.outreach !== null && at.wikiedu !== null));
    assert.deepEqual(after, before, 'the same sources: the index was not derived again');
  });

  it('a source that changed: the index is derived again on both replicas, with the new rows', async () => {
    await quiet([shared.dashboard, shared.wikiedu]);
    const before = [await builtAt(a), await builtAt(b)];
    const newcomer = 'Newcomer Person';
    shared.dashboard.setFaults([
      {
        match: new RegExp(`^/campaigns/${DEMO_CAMPAIGNS.editathons}/users\\.json$`),
        body: (real) => {
          const body = JSON.parse(real) as { users: unknown[] };
          body.users.push({ course: COURSES.xss, role: 'Facilitator', username: newcomer });
          return JSON.stringify(body);
        },
      },
    ]);
    try {
      clock.t += (TTL_S + 1) * 1000;
      for (const svc of both()) {
        await waitFor(`the new row on ${svc === a ? 'a' : 'b'}`, async () => badgesOf((await svc.get(badgesPath([newcomer]))).body, newcomer).length > 0);
      }
    } finally {
      shared.dashboard.setFaults([]);
    }
    for (const svc of both()) {
      const r = await svc.get(badgesPath([newcomer, PERSONAS.xssTarget]));
      assert.deepEqual(badgesOf(r.body, newcomer), [['outreach', COURSES.xss, 1]]);
      assert.ok(r.body.users[PERSONAS.xssTarget][0].staff.includes(newcomer), 'a new member of the staff');
    }
    const after = [await builtAt(a), await builtAt(b)];
    for (const [i, at] of after.entries()) {
      assert.ok(Date.parse(at.outreach) > Date.parse(before[i]?.outreach ?? ''), `outreach derived again: ${before[i]?.outreach} -> ${at.outreach}`);
      assert.equal(at.wikiedu, before[i]?.wikiedu, 'Wiki Education did not change');
    }
  });
});
