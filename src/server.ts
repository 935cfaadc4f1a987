// Process entry: read the config, build the app, listen on $PORT, and shut down gracefully on
// SIGTERM/SIGINT (stop accepting, finish requests in flight, close Redis and the upstream pool).

import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app.js';
import { describeBudget } from './cache/budget.js';
import { loadConfig, type Config } from './config/config.js';
import { ConfigError } from './config/env-values.js';
import { batchedLines } from './telemetry/log-lines.js';

// Toolforge stops a pod with SIGTERM and kills it 30 s later; finish well before that.
const SHUTDOWN_GRACE_MS = 20_000;

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

const config = configOrExit();
// Log lines to stdout, a write per event-loop turn (log-lines.ts); the last ones on the way out.
const stdout = batchedLines(pino.destination({ dest: 1, sync: true }));
process.once('exit', () => stdout.end());
const app = await buildApp(config, { logger: { level: config.http.logLevel, stream: stdout } });
const budget = describeBudget(config.cache.memory);
app.log[budget.level](budget.fields, budget.message);

closeWithGrace({ delay: SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
});

try {
  await app.listen({ port: config.http.port, host: config.http.host });
} catch (err) {
  app.log.error({ err }, 'could not listen');
  process.exit(1);
}
