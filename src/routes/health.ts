// /health (readiness, with the cache's state) and /healthz (liveness: no Redis or Dashboard call,
// so a Redis blip never gets the pod restarted).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CacheStore } from '../cache/types.js';
import type { UpstreamBudget } from '../dashboard/budget.js';
import { VERSION } from '../config/package-info.js';
import { byDashboard, DASHBOARDS, type DashboardId } from '../domain/dashboards.js';
import type { UpstreamState } from '../dashboard/upstream-state.js';
import { requestProblems } from '../schemas/common.js';
import { HealthSchema, LivenessSchema } from '../schemas/health.js';

export interface HealthDeps {
  store: CacheStore;
  /** Each Dashboard's client, by Dashboard id. */
  dashboards: Record<DashboardId, UpstreamState & { budget: Pick<UpstreamBudget, 'scope'> }>;
  startedAt: number;
  now: () => number;
}

export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: HealthDeps }> = async (app, { deps }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getHealth',
        summary: 'Readiness and cache state',
        description:
          '`degraded` when Redis is configured but not answering (the service still answers from memory and the Dashboard), ' +
          'or when a Dashboard is `down` (its breaker is open: cached data is served, stale if need be, and reads with nothing usable get 503). ' +
          'Always HTTP 200: the service answers what it can.',
        response: { 200: HealthSchema, ...requestProblems },
      },
    },
    async (_request, reply) => {
      const health = deps.store.health();
      // Down until the probe call succeeds: half-open counts as down.
      const dashboards = byDashboard((id) => (deps.dashboards[id].breaker.state === 'closed' ? ('ok' as const) : ('down' as const)));
      const total = (count: (u: UpstreamState) => number): number => DASHBOARDS.reduce((n, id) => n + count(deps.dashboards[id]), 0);
      reply.header('cache-control', 'no-store');
      return {
        status: health.ok && DASHBOARDS.every((id) => dashboards[id] === 'ok') ? ('ok' as const) : ('degraded' as const),
        dashboards,
        redis_connected: health.redis_connected === true,
        cache: health.kind,
        uptime_seconds: Math.floor((deps.now() - deps.startedAt) / 1000),
        upstream_in_flight: total((u) => u.limiter.active),
        upstream_queued: total((u) => u.limiter.queued),
        upstream_budget: byDashboard((id) => deps.dashboards[id].budget.scope),
        version: VERSION,
      };
    },
  );

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getLiveness',
        summary: 'Liveness: the process answers (touches neither Redis nor the Dashboard)',
        response: { 200: LivenessSchema, ...requestProblems },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  );
};
