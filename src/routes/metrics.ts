// GET /metrics: the Prometheus text exposition format (telemetry/metrics.ts holds the metrics).

import type { FastifyInstance } from 'fastify';
import { requestProblems } from '../schemas/common.js';
import type { GaugeSources, Metrics } from '../telemetry/metrics.js';

/** GET /metrics in the Prometheus text format. */
export async function metricsRoutes(
  app: FastifyInstance,
  { metrics, sources }: { metrics: Metrics; sources: GaugeSources },
): Promise<void> {
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getMetrics',
        summary: 'Prometheus metrics',
        description:
          'Text exposition format: responses by route pattern and status, cache outcomes, requests to each Dashboard, ' +
          "each Dashboard's upstream queue and breaker, Redis connectivity, the in-process caches against their memory budget, and process metrics.",
        response: {
          200: { description: 'The Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } },
          ...requestProblems,
        },
      },
    },
    async (_request, reply) => {
      const body = await metrics.scrape(sources);
      return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
    },
  );
}
