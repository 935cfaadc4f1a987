// The server's own limits on slow and idle clients (the contract's "own HTTP limits"): app.ts builds
// every server with them, so the tests' in-process service has the same ones.

import { createServer, type RequestListener, type Server } from 'node:http';
import type { ServerLimits } from '../config/config.js';

export function limitedServer(limits: ServerLimits, listener: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // Node checks the head and request deadlines on a timer, every connectionsCheckingInterval (30 s
      // by default): a tenth of the shortest deadline keeps the actual cut-off within 10 % of it.
      connectionsCheckingInterval: Math.max(10, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 10)),
    },
    listener,
  );
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  return server;
}
