// The service with Redis, end to end: shared across restarts and replicas, keys prefixed with TTLs,
// and still answering when Redis dies, then recovering when it returns. A private redis-server.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FakeDashboard } from '../../demo/fake-dashboard.js';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import { foldForKey } from '../../src/domain/keys.js';
import { CACHED_KINDS, type KindName } from '../../src/reads/kinds.js';
import { inspectorClient } from '../../support/redis-server.js';
import { redisConnected, useReplicas } from '../../support/replicas.js';
import { startService, useService, type Owner, type Service, type ServiceOptions } from '../../support/service.js';
import { waitFor } from '../../support/wait.js';

const PREFIX = 'test-7f3a9c1e5b2d4e6f:';
const shared = useReplicas(PREFIX);

/** A replica sharing the private Redis and the fake Dashboards (made in `before`). */
const replicaOptions = (): ServiceOptions => shared.options();
const replica = (t: Owner): Promise<Service> => startService(t, replicaOptions());
const userPath = (name: string, suffix = ''): string => `/api/users/${encodeURIComponent(name)}${suffix}`;

let serial = 0;
/** A new person in a new course of their own, on the fake Dashboard `fake` (Programs & Events by default). */
function newUser(fake: FakeDashboard = shared.dashboard): string {
  const name = `Redis User ${++serial}`;
  const day = 86_400_000;
  fake.world.addCourse({
    slug: `Redis_School/Course_${serial}`,
    title: `Course ${serial}`,
    school: 'Redis School',
    start: new Date(Date.now() - day).toISOString(),
    end: new Date(Date.now() + day).toISOString(),
    roster: [
      { username: 'Redis Teacher', role: 1 },
      { username: name, role: 0 },
    ],
  });
  return name;
}

describe('a shared cache', () => {
  it('answers a cached user after a restart with no upstream request', async (t) => {
    const name = newUser();
    const first = await replica(t);
    await redisConnected(first);
    assert.equal((await first.get(userPath(name, '?enrich=true'))).status, 200);
    await first.close();

    shared.dashboard.reset();
    const second = await replica(t);
    await redisConnected(second);
    const r = await second.get(userPath(name, '?enrich=true'));
    assert.equal(r.status, 200);
    assert.equal(r.body.username, name);
    assert.equal(shared.dashboard.requests.length, 0, shared.dashboard.requests.map((q) => q.rawUrl).join(', '));
  });

  it('makes one upstream request for 40 concurrent cold requests spread over two replicas', async (t) => {
    const [a, b] = await Promise.all([replica(t), replica(t)]);
    try {
      for (const s of [a, b]) await redisConnected(s);
      const name = newUser();
      shared.dashboard.reset();
      shared.dashboard.setFaults([{ delayMs: 150 }]);
      const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).get(userPath(name))));
      assert.ok(replies.every((r) => r.status === 200 && r.body.username === name));
      assert.equal(shared.dashboard.count(/^\/user_stats\.json/), 1);
    } finally {
      shared.dashboard.setFaults([]);
    }
  });

  it("keeps the two courses of one slug apart in Redis: each Dashboard's under its own key, each answered as its own after a restart", async (t) => {
    const slug = COURSES.active; // a course on both Dashboards, two different courses
    const coursePath = (d: string): string => `/api/courses/${slug.split('/').map(encodeURIComponent).join('/')}?dashboard=${d}`;
    const first = await replica(t);
    await redisConnected(first);
    const ids = [(await first.get(coursePath('outreach'))).body.id, (await first.get(coursePath('wikiedu'))).body.id];
    assert.notEqual(ids[0], ids[1]);
    await first.close();
    const inspector = inspectorClient(shared.redis.url);
    try {
      for (const [d, id] of [['outreach', ids[0]], ['wikiedu', ids[1]]] as const) {
        const raw = await inspector.get(`${PREFIX}odh:v1:${d}:course:${foldForKey(slug)}`);
        assert.ok(raw !== null, `${d}'s entry`);
        assert.match(raw, new RegExp(`"id":${id}\\b`), `${d}'s entry holds its own course`);
      }
    } finally {
      inspector.disconnect();
    }
    shared.dashboard.reset();
    shared.wikiedu.reset();
    const second = await replica(t);
    await redisConnected(second);
    const again = [(await second.get(coursePath('outreach'))).body, (await second.get(coursePath('wikiedu'))).body];
    assert.deepEqual(again.map((b) => [b.id, b.dashboard]), [[ids[0], 'outreach'], [ids[1], 'wikiedu']]);
    assert.deepEqual([shared.dashboard.requests.length, shared.wikiedu.requests.length], [0, 0], 'both from Redis');
  });

  it('prefixes and versions every key, and gives every key a TTL', async () => {
    const inspector = inspectorClient(shared.redis.url);
    try {
      // KEYS is fine on a private test server (Toolforge disables it; the service never uses it).
      const keys = await inspector.keys('*');
      assert.ok(keys.length > 0);
      for (const key of keys) {
        assert.ok(key.startsWith(`${PREFIX}odh:v1:`), key);
        assert.ok((await inspector.pttl(key)) > 0, `${key} has a TTL`);
      }
    } finally {
      inspector.disconnect();
    }
  });
});

describe('Redis failing', () => {
  it('keeps answering within the deadline while Redis is down, reports degraded, and recovers', async (t) => {
    const svc = await replica(t);
    await redisConnected(svc);
    const cached = PERSONAS.active;
    assert.equal((await svc.get(userPath(cached, '/active-staff'))).status, 200);

    await shared.redis.kill();
    const names = Array.from({ length: 5 }, newUser);
    const started = Date.now();
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) => svc.get(userPath(i % 3 === 0 ? names[i % 5]! : cached, '/active-staff'))),
    );
    const took = Date.now() - started;
    assert.deepEqual([...new Set(replies.map((r) => r.status))], [200]);
    assert.ok(took < 2_000, `all answered in ${took} ms (HTTP_TIMEOUT 2 s)`);
    const health = await svc.get('/health');
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'degraded');
    assert.equal(health.body.redis_connected, false);

    await shared.redis.restart();
    await waitFor('health ok', async () => (await svc.get('/health')).body.status === 'ok');
    const later = newUser();
    assert.equal((await svc.get(userPath(later))).status, 200);
    const inspector = inspectorClient(shared.redis.url);
    try {
      await waitFor('the entry in Redis', async () => (await inspector.exists(`${PREFIX}odh:v1:outreach:user:${foldForKey(later)}`)) === 1);
    } finally {
      inspector.disconnect();
    }
  });
});

describe('entries in Redis that are not what the service wrote', () => {
  /** Keys of one Dashboard's reads of one kind (user, course, roster) in Redis now. */
  async function keysOf(inspector: ReturnType<typeof inspectorClient>, id: string, kind: string): Promise<Set<string>> {
    return new Set(await inspector.keys(`${PREFIX}odh:v1:${id}:${kind}:*`));
  }

  interface Case {
    what: string;
    kind: KindName;
    path: (name: string, slug: string) => string;
    upstream: RegExp;
    poison: (stored: { fetched_at: number; data: any }) => unknown;
    /** The answer is the Dashboard's, not the poison's. */
    check: (body: any, name: string, slug: string) => void;
  }
  const YEAR = 365 * 86_400_000;
  const cases: Case[] = [
    {
      what: 'a user entry whose data is a string',
      kind: 'user',
      path: (name) => userPath(name),
      upstream: /^\/user_stats\.json/,
      poison: (s) => ({ ...s, data: 'not a user' }),
      check: (body, name, slug) => assert.deepEqual([body.username, body.courses.map((c: any) => c.course_slug)], [name, [slug]]),
    },
    {
      what: 'course details with fields missing',
      kind: 'course',
      path: (_, slug) => `/api/courses/${slug}`,
      upstream: /\/course\.json$/,
      poison: (s) => ({ ...s, data: { title: 'Planted' } }),
      check: (body, _, slug) => assert.deepEqual([body.slug, body.title], [slug, `Course ${slug.split('_').at(-1)}`]),
    },
    {
      what: 'a roster whose rows have no usernames',
      kind: 'roster',
      path: (_, slug) => `/api/courses/${slug}/users`,
      upstream: /\/users\.json$/,
      poison: (s) => ({ ...s, data: { users: [{ role: 1 }, { role: 0 }] } }),
      check: (body, name) => assert.deepEqual([body.facilitators.map((r: any) => r.username), body.participants.map((r: any) => r.username)], [['Redis Teacher'], [name]]),
    },
    {
      what: 'a roster as the previous version wrote it (no slug, no end)',
      kind: 'roster',
      path: (_, slug) => `/api/courses/${slug}/users`,
      upstream: /\/users\.json$/,
      poison: (s) => ({ ...s, data: { users: [{ username: 'Planted Host', role: 1 }] } }),
      check: (body, _, slug) => assert.deepEqual([body.slug, body.facilitators.map((r: any) => r.username)], [slug, ['Redis Teacher']]),
    },
    {
      what: 'a well-formed roster fetched a year from now',
      kind: 'roster',
      path: (_, slug) => `/api/courses/${slug}/users`,
      upstream: /\/users\.json$/,
      poison: (s) => ({ fetched_at: Date.now() + YEAR, data: { ...s.data, users: [{ username: 'Planted Host', role: 1 }] } }),
      check: (body) => assert.deepEqual(body.facilitators.map((r: any) => r.username), ['Redis Teacher']),
    },
  ];

  const writer = useService(replicaOptions);
  const reader = useService(replicaOptions);
  const inspector = () => inspectorClient(shared.redis.url);
  before(async () => {
    for (const s of [writer, reader]) await redisConnected(s);
  });

  // Every Dashboard's entries pass the same checks: its keys differ, its kinds do not.
  for (const [id, fake] of [
    ['outreach', () => shared.dashboard],
    ['wikiedu', () => shared.wikiedu],
  ] as const) {
    for (const c of cases) {
      it(`treats ${c.what} (${id}) as absent: refetched, answered right, overwritten`, async (t) => {
        const client = inspector();
        try {
          const name = newUser(fake());
          const slug = `Redis_School/Course_${serial}`;
          const path = `${c.path(name, slug)}?dashboard=${id}`;
          const before = await keysOf(client, id, c.kind);
          assert.equal((await writer.get(path)).status, 200);
          const [key, ...others] = [...(await keysOf(client, id, c.kind))].filter((k) => !before.has(k));
          assert.ok(key !== undefined && others.length === 0, `one new ${c.kind} key`);
          const stored = JSON.parse((await client.get(key)) ?? 'null');
          await client.set(key, JSON.stringify(c.poison(stored)), 'PX', 60_000);

          fake().reset();
          // The reader never held this key in its L1: it reads Redis.
          const r = await reader.get(path);
          assert.equal(r.status, 200, JSON.stringify(r.body));
          c.check(r.body, name, slug);
          assert.equal(fake().count(c.upstream), 1, 'refetched once');
          const now = JSON.parse((await client.get(key)) ?? 'null');
          assert.ok(CACHED_KINDS[c.kind].check(now.data) && now.fetched_at <= Date.now(), `overwritten: ${JSON.stringify(now).slice(0, 200)}`);
        } finally {
          client.disconnect();
        }
      });
    }
  }
});
