// SIGTERM on the real process (what Toolforge sends before killing a pod): requests in flight finish,
// new connections are refused, the process exits 0 well within the grace period.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeDashboard, type FakeDashboard } from '../../demo/fake-dashboard.js';
import { demoWorld, PERSONAS } from '../../demo/demo-world.js';
import { rawRequest } from '../../support/raw-http.js';
import { probe, startNodeProcess, type NodeProcess } from '../../support/node-process.js';

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const USERS = [PERSONAS.active, PERSONAS.multiRole, PERSONAS.withSpaces, PERSONAS.noCourses];
const UPSTREAM_DELAY_MS = 1_500;

describe('graceful shutdown on SIGTERM', () => {
  let fake: FakeDashboard;
  const servers: NodeProcess[] = [];

  before(async () => {
    fake = await startFakeDashboard({ world: demoWorld() });
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop(0)));
    await fake.close();
  });

  const start = async (env: Record<string, string>): Promise<NodeProcess> => {
    fake.reset();
    const server = await startNodeProcess('src/server.ts', { env: { OUTREACH_BASE_URL: fake.url, WIKIEDU_BASE_URL: fake.url, LOG_LEVEL: 'info', ...env } });
    servers.push(server);
    return server;
  };

  test('requests in flight complete with 200, new connections are refused, exit code 0', async () => {
    const server = await start({ UPSTREAM_CONCURRENCY: String(USERS.length), HTTP_TIMEOUT: '10' });
    fake.setFaults([{ match: /^\/user_stats\.json/, delayMs: UPSTREAM_DELAY_MS }]);

    // Two requests per user: the second waits on the first's upstream call (single-flight).
    const paths = USERS.flatMap((u) => [`/api/users/${encodeURIComponent(u)}`, `/api/users/${encodeURIComponent(u)}/status`]);
    const inFlight = paths.map((p) => rawRequest(server.url, p));
    await waitFor('every upstream call to start', () => fake.count(/^\/user_stats\.json/) === USERS.length);

    const signalledAt = Date.now();
    server.kill('SIGTERM');
    // The listening socket closes at once, long before the delayed upstream answers arrive.
    let settled = 0;
    for (const p of inFlight) void p.finally(() => settled++);
    while ((await probe(server.url)) !== 'ECONNREFUSED') {
      assert.ok(Date.now() - signalledAt < UPSTREAM_DELAY_MS / 2, 'still accepting connections after SIGTERM');
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(settled, 0, 'the refusal came only after the requests in flight had finished');

    const answers = await Promise.all(inFlight);
    for (const [i, a] of answers.entries()) assert.equal(a.status, 200, `${paths[i]}: ${a.body}`);
    const usernames = answers.map((a) => (JSON.parse(a.body) as { username: string }).username);
    assert.deepEqual(usernames, USERS.flatMap((u) => [u, u]));
    assert.equal(await probe(server.url), 'ECONNREFUSED');

    const { code, signal } = await server.exited;
    assert.equal(signal, null);
    assert.equal(code, 0, server.output());
    // Well within Toolforge's 30 s (and our 20 s grace): just after the slowest request in flight.
    const tookMs = Date.now() - signalledAt;
    assert.ok(tookMs < 10_000, `exit took ${tookMs} ms after SIGTERM`);
    assert.match(server.output(), /"signal":"SIGTERM".*shutting down/);
    // Every upstream call was made once: no retries caused by the shutdown.
    assert.equal(fake.count(/^\/user_stats\.json/), USERS.length);
  });

  test('a hung Dashboard delays shutdown only up to HTTP_TIMEOUT: the caller gets a 504, exit code 0', async () => {
    const server = await start({ HTTP_TIMEOUT: '1' });
    fake.setFaults([{ hang: true }]);
    const pending = rawRequest(server.url, `/api/users/${encodeURIComponent(PERSONAS.active)}`);
    await waitFor('the upstream call to start', () => fake.count() === 1);

    server.kill('SIGTERM');
    const answer = await pending;
    assert.equal(answer.status, 504);
    assert.equal((JSON.parse(answer.body) as { type: string }).type, '/problems/upstream-timeout');
    const { code } = await server.exited;
    assert.equal(code, 0, server.output());
  });
});
