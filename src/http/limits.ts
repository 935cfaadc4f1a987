// The server's own limits on slow and idle clients (the contract's "own HTTP limits"), as Fastify
// options: app.ts builds every server with them, so the tests' in-process service has the same ones.

import type { ServerOptions } from 'node:http';
import type { ServerLimits } from '../config.js';

/**
 * Node checks the head and request deadlines on a timer, every connectionsCheckingInterval (30 s by
 * default): a tenth of the shortest deadline keeps the actual cut-off within 10 % of it.
 */
export function serverTimeouts(limits: ServerLimits): { requestTimeout: number; keepAliveTimeout: number; http: ServerOptions } {
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 10)),
    },
  };
}
