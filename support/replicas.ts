// Replicas of one deployment in a test file: a private redis-server and the demo's two fake Dashboards,
// started before the file's tests and stopped after its last, and the options of a service that shares
// them (test/routes/redis.test.ts, test/routes/badges.redis.test.ts).

import { after, before } from 'node:test';
import type { FakeDashboard } from '../demo/fake-dashboard.js';
import { startRedis, type TestRedis } from './redis-server.js';
import { startDemoDashboards, type Service, type ServiceOptions } from './service.js';
import { waitFor } from './wait.js';

export interface Replicas {
  readonly redis: TestRedis;
  readonly dashboard: FakeDashboard;
  readonly wikiedu: FakeDashboard;
  /** One more replica's options: the shared Redis (its keys under the prefix) and Dashboards, `env` on top. */
  options(env?: Record<string, string>): ServiceOptions;
}

/** What the replicas of the enclosing file share, with the clock `now` (the fakes' and the services'). */
export function useReplicas(prefix: string, now?: () => number): Replicas {
  let shared: { redis: TestRedis; dashboard: FakeDashboard; wikiedu: FakeDashboard } | undefined;
  before(async () => {
    const [redis, [dashboard, wikiedu]] = await Promise.all([startRedis(), startDemoDashboards(now)]);
    shared = { redis, dashboard, wikiedu };
  });
  after(async () => {
    await Promise.all([shared?.dashboard.close(), shared?.wikiedu.close()]);
    await shared?.redis.kill();
  });
  const get = (): NonNullable<typeof shared> => {
    if (shared === undefined) throw new Error('useReplicas: started in before(); use it inside the tests');
    return shared;
  };
  return {
    get redis() {
      return get().redis;
    },
    get dashboard() {
      return get().dashboard;
    },
    get wikiedu() {
      return get().wikiedu;
    },
    options: (env = {}) => ({
      dashboard: get().dashboard,
      wikiedu: get().wikiedu,
      ...(now && { now }),
      env: { REDIS_URL: get().redis.url, REDIS_KEY_PREFIX: prefix, HTTP_TIMEOUT: '2', L1_TTL: '1', REDIS_COMMAND_TIMEOUT_MS: '200', ...env },
    }),
  };
}

/** Until `svc` says it is connected to Redis. */
export function redisConnected(svc: Service): Promise<void> {
  return waitFor('redis', async () => (await svc.get('/health')).body.redis_connected === true);
}
