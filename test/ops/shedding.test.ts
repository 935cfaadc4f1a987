// Load shedding: when the upstream queue is full, new cache misses get a quick 503 with Retry-After
// instead of piling up on the Dashboard, while cached answers keep flowing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PERSONAS } from '../../demo/demo-world.js';
import { useService } from '../../support/service.js';

const UPSTREAM_DELAY_MS = 1_000;
const BURST = 8;
// UPSTREAM_CONCURRENCY + UPSTREAM_QUEUE_LIMIT: the most misses that can be waiting on the Dashboard.
const ADMITTED = 1 + 2;

interface Timed {
  status: number;
  headers: Headers;
  body: any;
  at: number;
}

describe('load shedding with a slow Dashboard', () => {
  const svc = useService({ env: { UPSTREAM_CONCURRENCY: '1', UPSTREAM_QUEUE_LIMIT: '2', HTTP_TIMEOUT: '10' } });
  const timed = async (path: string): Promise<Timed> => ({ ...(await svc.get(path)), at: performance.now() });

  test('a burst of cold users gets 503 + Retry-After beyond the queue; a cached user keeps answering 200', async () => {
    const cachedPath = `/api/users/${encodeURIComponent(PERSONAS.active)}`;
    assert.equal((await svc.get(cachedPath)).status, 200);
    const cold = Array.from({ length: BURST }, (_, i) => `Burst User ${i}`);
    for (const name of cold) svc.dashboard.world.addUser(name);
    svc.dashboard.reset();
    svc.dashboard.setFaults([{ match: /^\/user_stats\.json/, delayMs: UPSTREAM_DELAY_MS }]);

    const burst = cold.map((name) => timed(`/api/users/${encodeURIComponent(name)}`));
    // While the Dashboard is busy: cached answers, and /health showing the full queue.
    const during = await Promise.all(Array.from({ length: 5 }, () => timed(cachedPath)));
    const health = await svc.get('/health');
    const answers = await Promise.all(burst);

    for (const r of during) {
      assert.equal(r.status, 200);
      assert.equal(r.body.username, PERSONAS.active);
    }
    assert.equal(health.body.upstream_in_flight, 1);
    assert.equal(health.body.upstream_queued, 2);

    const shed = answers.filter((r) => r.status === 503);
    const served = answers.filter((r) => r.status === 200);
    assert.equal(served.length, ADMITTED);
    assert.equal(shed.length, BURST - ADMITTED);
    for (const r of shed) {
      assert.equal(r.headers.get('retry-after'), '5');
      assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.equal(r.body.type, '/problems/overloaded');
      assert.equal(r.body.status, 503);
    }
    // Shed and cached answers came back before the Dashboard had answered even one miss.
    const firstServed = Math.min(...served.map((r) => r.at));
    for (const r of [...shed, ...during]) assert.ok(r.at < firstServed, `${r.status} came after the first miss was served`);

    // The Dashboard saw only the admitted misses, one at a time.
    assert.equal(svc.dashboard.count(/^\/user_stats\.json/), ADMITTED);
    assert.equal(svc.dashboard.maxInFlight, 1);

    // Shedding is not remembered: once the queue drains, a shed user is answered.
    svc.dashboard.setFaults([]);
    const retried = await svc.get(`/api/users/${encodeURIComponent(cold[answers.indexOf(shed[0]!)]!)}`);
    assert.equal(retried.status, 200);
  });
});
