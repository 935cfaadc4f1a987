// The service with a clock the benchmark moves (bench/upstream.ts): the app as src/server.ts builds
// it, with `now` injected and one extra route, GET /__bench/clock?at=<epoch ms>, that moves the clock
// forward (never back), so TTLs expire over a simulated day as they would over a real one. Only the
// cache's clock is simulated; timers and upstream deadlines run in real time.

import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';

let simulated = Date.now();
const config = loadConfig();
const app = await buildApp(config, { now: () => simulated });
app.get('/__bench/clock', async (request) => {
  const at = Number((request.query as { at?: string }).at);
  if (Number.isFinite(at)) simulated = Math.max(simulated, at);
  return { now: simulated };
});
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ port: config.http.port, host: config.http.host });
