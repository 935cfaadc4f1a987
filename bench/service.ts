// The service as a child process, as deployed (the compiled dist/server.js; bench/run.ts builds it
// first), on the server core and configured the way the benchmarks need it.

import { randomBytes } from 'node:crypto';
import { startNodeProcess, type NodeProcess, type NodeProcessOptions } from '../support/node-process.js';
import { SERVER_CORE } from './pinning.js';

export interface ServiceOptions extends Pick<NodeProcessOptions, 'env' | 'profileDir' | 'nodeFlags' | 'heapProbe' | 'stdio'> {
  dashboardUrl: string;
  /** The fake Wiki Education Dashboard, for benchmarks that ask it. */
  wikieduUrl?: string;
  /** The entry to run instead of dist/server.js (bench/clocked-service.ts for a simulated clock). */
  entry?: string;
  /** With Redis: L1 in memory + Redis; without: in-process only. */
  redisUrl?: string;
}

// Benchmarks that never ask Wiki Education still must not know the real one: a closed loopback port.
export const NO_WIKIEDU = 'http://127.0.0.1:9';

export function startService({ dashboardUrl, wikieduUrl = NO_WIKIEDU, redisUrl, env, entry = 'dist/server.js', stdio = 'inherit', ...options }: ServiceOptions): Promise<NodeProcess> {
  return startNodeProcess(entry, {
    ...options,
    launcher: SERVER_CORE,
    stdio,
    env: {
      NODE_ENV: 'production',
      OUTREACH_BASE_URL: dashboardUrl,
      WIKIEDU_BASE_URL: wikieduUrl,
      UPSTREAM_CONCURRENCY: '2',
      ...(redisUrl !== undefined && { REDIS_URL: redisUrl }),
      // A fresh random prefix per run: keys never meet an earlier run's, and no short-prefix warning.
      REDIS_KEY_PREFIX: randomBytes(16).toString('hex'),
      ...env,
    },
  });
}
