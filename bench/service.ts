// The service as a child process, as deployed (the compiled dist/server.js; bench/run.ts builds it
// first), configured the way the benchmarks need it.

import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { spawnNode, type Child, type SpawnOptions } from './processes.js';

const SERVER = fileURLToPath(new URL('../dist/server.js', import.meta.url));

export interface ServiceOptions extends Partial<SpawnOptions> {
  dashboardUrl: string;
  /** With Redis: L1 in memory + Redis; without: in-process only. */
  redisUrl?: string;
}

export function startService({ dashboardUrl, redisUrl, env, ...spawnOptions }: ServiceOptions): Promise<Child> {
  return spawnNode(SERVER, [], {
    ...spawnOptions,
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      OUTREACH_BASE_URL: dashboardUrl,
      UPSTREAM_CONCURRENCY: '2',
      // Empty unless asked for: a REDIS_* in the caller's environment must not point a run at a shared Redis.
      REDIS_URL: redisUrl ?? '',
      REDIS_HOST: '',
      // A fresh random prefix per run: keys never meet an earlier run's, and no short-prefix warning.
      REDIS_KEY_PREFIX: randomBytes(16).toString('hex'),
      ...env,
    },
  });
}
