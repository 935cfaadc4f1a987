// The budget for each Dashboard, end to end (issue 18): a client asking for distinct names nobody has, as
// fast as it can, makes a Dashboard that answers 404 in 50 ms see at most UPSTREAM_RATE * t + UPSTREAM_BURST
// requests, from one replica and from two sharing a real Redis; the refused requests are 503 with
// Retry-After; a cached name keeps answering quickly meanwhile; the breaker stays shut; and with Redis
// stopped mid-flood each process keeps its own bound.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeDashboard, type FakeDashboard } from '../../demo/fake-dashboard.js';
import { demoWorld, PERSONAS } from '../../demo/demo-world.js';
import { wikieduWorld } from '../../demo/wikiedu-world.js';
import { captureLogs, LEVELS } from '../../support/log-capture.js';
import { startRedis, type TestRedis } from '../../support/redis-server.js';
import { startService, type Service } from '../../support/service.js';

const RATE = 5;
const BURST = 5;
const FLOOD_MS = 3_000;
const CONNECTIONS = 16;
const BUDGET = { UPSTREAM_RATE: String(RATE), UPSTREAM_BURST: String(BURST), HTTP_TIMEOUT: '2' };
const USER_STATS = /^\/user_stats\.json/;

let dashboard: FakeDashboard;
let wikiedu: FakeDashboard;
before(async () => {
  [dashboard, wikiedu] = await Promise.all([startFakeDashboard({ world: demoWorld() }), startFakeDashboard({ world: wikieduWorld() })]);
});
after(() => Promise.all([dashboard.close(), wikiedu.close()]));

let serial = 0;
const userPath = (name: string): string => `/api/users/${encodeURIComponent(name)}`;

interface Flood {
  statuses: Map<number, number>;
  /** Problem types and Retry-After values of the 503s. */
  refusals: { type: string; retryAfter: number }[];
  /** Latencies of the cached name asked for during the flood, ms. */
  cached: number[];
  other: string[];
}

/**
 * CONNECTIONS loops asking for new unknown names for `ms`, spread over `replicas`, and one loop asking for
 * a cached name throughout; `during` runs halfway through.
 */
async function flood(replicas: Service[], ms: number, during?: () => Promise<void>): Promise<Flood> {
  const result: Flood = { statuses: new Map(), refusals: [], cached: [], other: [] };
  const end = Date.now() + ms;
  const unknownNames = async (i: number): Promise<void> => {
    const svc = replicas[i % replicas.length] as Service;
    while (Date.now() < end) {
      const r = await svc.get(userPath(`Flood Nobody ${++serial}`));
      result.statuses.set(r.status, (result.statuses.get(r.status) ?? 0) + 1);
      if (r.status === 503) result.refusals.push({ type: r.body.type, retryAfter: Number(r.headers.get('retry-after')) });
      else if (r.status !== 404) result.other.push(`${r.status} ${JSON.stringify(r.body)}`);
    }
  };
  const cachedName = async (): Promise<void> => {
    while (Date.now() < end) {
      for (const svc of replicas) {
        const started = performance.now();
        const r = await svc.get(userPath(PERSONAS.active));
        result.cached.push(performance.now() - started);
        assert.equal(r.status, 200);
      }
    }
  };
  const halfway = during && new Promise<void>((resolve) => setTimeout(resolve, ms / 2)).then(during);
  await Promise.all([...Array.from({ length: CONNECTIONS }, (_, i) => unknownNames(i)), cachedName(), halfway]);
  return result;
}

/** The user_stats requests the fake Dashboard saw, and the span (s) from the first to the last. */
function upstream(): { count: number; seconds: number } {
  const times = dashboard.requests.filter((r) => USER_STATS.test(r.rawUrl)).map((r) => r.at);
  return { count: times.length, seconds: times.length < 2 ? 0 : (Math.max(...times) - Math.min(...times)) / 1000 };
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/** Warms the cached name on each replica, then clears the fake's record and makes it answer 404 in 50 ms. */
async function prepare(replicas: Service[]): Promise<void> {
  for (const svc of replicas) assert.equal((await svc.get(userPath(PERSONAS.active))).status, 200);
  dashboard.reset();
  dashboard.setFaults([{ match: USER_STATS, delayMs: 50 }]);
}

function checkRefusals(f: Flood): void {
  assert.deepEqual(f.other, [], 'only 404s and 503s');
  assert.ok(f.refusals.length > 0, 'the flood is refused in part');
  for (const { type, retryAfter } of f.refusals) {
    assert.ok(['/problems/upstream-budget', '/problems/overloaded'].includes(type), type);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${retryAfter}`);
  }
  assert.ok(f.refusals.some((r) => r.type === '/problems/upstream-budget'), 'refused by the budget');
}

describe('the budget of a Dashboard under a flood of unknown names', () => {
  it('holds one replica to RATE * t + BURST requests, refuses the rest with 503 and Retry-After, and keeps cached answers quick', async () => {
    const logs = captureLogs('warn');
    const svc = await startService({ dashboard, wikiedu, env: BUDGET, logger: logs.logger });
    try {
      await prepare([svc]);
      const f = await flood([svc], FLOOD_MS);
      const { count, seconds } = upstream();
      assert.ok(count <= RATE * seconds + BURST, `${count} requests in ${seconds} s`);
      assert.ok(count >= RATE * seconds, `the budget is used: ${count} requests in ${seconds} s`);
      checkRefusals(f);
      assert.ok(p99(f.cached) < 100, `cached p99 ${p99(f.cached).toFixed(1)} ms over ${f.cached.length} requests`);
      const health = (await svc.get('/health')).body;
      assert.equal(health.dashboards.outreach, 'ok', 'the breaker stayed shut: refusals are ours');
      const warnings = logs.records().filter((r) => r.level >= LEVELS.warn);
      assert.deepEqual(
        warnings.map((r) => [r.dashboard, r.msg.split(':')[0]]),
        [['outreach', "Dashboard's request budget spent"]],
        `one warning for the whole flood, none per request: ${JSON.stringify(warnings.map((r) => r.msg))}`,
      );
      const metrics = (await svc.get('/metrics')).body as string;
      const takes = (outcome: string): number =>
        Number(new RegExp(`upstream_budget_takes_total\\{dashboard="outreach",priority="foreground",outcome="${outcome}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
      assert.ok(takes('taken') >= count, `metrics: ${takes('taken')} tokens taken for ${count} requests`);
      assert.ok(takes('refused') > 0, 'metrics: refusals counted');
    } finally {
      dashboard.setFaults([]);
      await svc.close();
    }
  });

  describe('with two replicas sharing a Redis', () => {
    let redis: TestRedis;
    before(async () => {
      redis = await startRedis();
    });
    after(() => redis.kill());
    const replicas = async (prefix: string): Promise<Service[]> => {
      const env = { ...BUDGET, REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, REDIS_COMMAND_TIMEOUT_MS: '1000', REDIS_BREAKER_MS: '500' };
      const both = await Promise.all([startService({ dashboard, wikiedu, env }), startService({ dashboard, wikiedu, env })]);
      for (let i = 0; i < 100 && !(await Promise.all(both.map(async (s) => (await s.get('/health')).body.redis_connected))).every(Boolean); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      return both;
    };

    it('holds both together to RATE * t + BURST', async () => {
      const both = await replicas('test-budget-shared-0123456789:');
      try {
        await prepare(both);
        const f = await flood(both, FLOOD_MS);
        const { count, seconds } = upstream();
        assert.ok(count <= RATE * seconds + BURST, `${count} requests in ${seconds} s from two replicas`);
        checkRefusals(f);
        assert.ok(p99(f.cached) < 100, `cached p99 ${p99(f.cached).toFixed(1)} ms`);
        for (const svc of both) assert.equal((await svc.get('/health')).body.upstream_budget.outreach, 'shared');
      } finally {
        dashboard.setFaults([]);
        await Promise.all(both.map((s) => s.close()));
      }
    });

    it('keeps answering when Redis stops mid-flood, each process then within its own bound', async () => {
      const both = await replicas('test-budget-down-0123456789ab:');
      let killedAt = 0;
      try {
        await prepare(both);
        const f = await flood(both, FLOOD_MS, async () => {
          await redis.kill();
          killedAt = Date.now();
        });
        assert.deepEqual(f.other, [], 'no 500s when Redis goes away');
        const after = dashboard.requests.filter((r) => USER_STATS.test(r.rawUrl) && r.at > killedAt).map((r) => r.at);
        const seconds = after.length < 2 ? 0 : (Math.max(...after) - Math.min(...after)) / 1000;
        // Each process on a bucket of its own: twice the bound; plus the tokens reserved in Redis before it
        // stopped by reads still waiting to send them (at most RATE times the longest wait, 0.75 * HTTP_TIMEOUT).
        const reservedBefore = RATE * 1.5;
        assert.ok(after.length <= 2 * (RATE * seconds + BURST) + reservedBefore, `${after.length} requests in ${seconds} s after Redis stopped`);
        for (const svc of both) {
          const health = (await svc.get('/health')).body;
          assert.equal(health.upstream_budget.outreach, 'per-process');
          assert.equal(health.status, 'degraded');
        }
      } finally {
        dashboard.setFaults([]);
        await Promise.all(both.map((s) => s.close()));
        await redis.restart();
      }
    });
  });
});
