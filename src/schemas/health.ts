// What /health and /healthz answer.

import { Type, type Static } from 'typebox';

const DashboardState = Type.Union([Type.Literal('ok'), Type.Literal('down')], {
  description: '`down` while its breaker is open or its probe call is out (UPSTREAM_MAX_FAILS failed calls in a row); `ok` otherwise',
});

const BudgetScope = Type.Union([Type.Literal('shared'), Type.Literal('per-process')]);

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], {
    description: '`degraded` when Redis is configured but not answering, or when a Dashboard is `down`',
  }),
  dashboards: Type.Object(
    { outreach: DashboardState, wikiedu: DashboardState },
    { description: 'Each Dashboard by id: `outreach` (Programs & Events), `wikiedu` (Wiki Education)' },
  ),
  redis_connected: Type.Boolean({ description: 'false when Redis is not configured or not answering' }),
  cache: Type.String({ description: '"memory" or "redis"' }),
  uptime_seconds: Type.Integer(),
  upstream_in_flight: Type.Integer({ description: 'Requests in flight to the Dashboards, both together (per Dashboard: /metrics)' }),
  upstream_queued: Type.Integer({ description: 'Reads waiting for an upstream slot, both Dashboards together (per Dashboard: /metrics)' }),
  upstream_budget: Type.Object(
    { outreach: BudgetScope, wikiedu: BudgetScope },
    { description: "Each Dashboard's request budget (UPSTREAM_RATE, UPSTREAM_BURST): `shared` by every replica through Redis, or `per-process` (no Redis, or Redis down: each replica then has a budget of its own)" },
  ),
  version: Type.String(),
});

export type Health = Static<typeof HealthSchema>;

export const LivenessSchema = Type.Object({ status: Type.Literal('ok') });
