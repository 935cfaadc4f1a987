// What /health and /healthz answer.

import { Type, type Static } from 'typebox';

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  redis_connected: Type.Boolean({ description: 'false when Redis is not configured or not answering' }),
  cache: Type.String({ description: '"memory" or "redis"' }),
  uptime_seconds: Type.Integer(),
  upstream_in_flight: Type.Integer(),
  upstream_queued: Type.Integer(),
  version: Type.String(),
});

export type Health = Static<typeof HealthSchema>;

export const LivenessSchema = Type.Object({ status: Type.Literal('ok') });
