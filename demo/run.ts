// `npm run demo`: the fake Dashboard (demo world, dates relative to now) and the service pointed at it,
// in one process. Ctrl-C stops both.

import closeWithGrace from 'close-with-grace';
import { buildApp } from '../src/app.js'; // the service itself
import { ConfigError, loadConfig } from '../src/config.js';
import { startFakeDashboard } from './fake-dashboard.js';
import { documentedExamples, type Doc } from '../src/openapi/doc-examples.js';
import { PERSONAS } from './demo-world.js';

function fakePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 8001;
  if (!/^\d+$/.test(value.trim()) || Number(value) > 65535) {
    throw new ConfigError('FAKE_DASHBOARD_PORT', `expected a port number, got "${value}"`);
  }
  return Number(value);
}

/** A wrong setting ends the demo with a one-line message naming the variable. */
function orExit<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`Configuration error: ${err.message}`);
    process.exit(1);
  }
}

const dashboard = await startFakeDashboard({ port: orExit(() => fakePort(process.env.FAKE_DASHBOARD_PORT)), host: '127.0.0.1' });
// A demo stays on this machine unless HOST says otherwise (the service's own default is 0.0.0.0).
const config = orExit(() => loadConfig({ HOST: '127.0.0.1', ...process.env, OUTREACH_BASE_URL: dashboard.url }));
const app = await buildApp(config);

closeWithGrace({ delay: 5_000 }, async ({ err }) => {
  if (err) console.error(err);
  await app.close();
  await dashboard.close();
});

const { port, host } = config.http;
await app.listen({ port, host });
const address = app.server.address();
const servicePort = address !== null && typeof address === 'object' ? address.port : port;
const service = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${servicePort}`;
// The API's documented examples, all of them answered by the demo world.
const examples = documentedExamples(app.swagger() as unknown as Doc)
  .filter((e) => e.url.startsWith('/api/'))
  .map((e) => `    curl '${service}${e.url}'${e.status === 200 ? '' : `   (${e.status})`}`);

console.log(`
  Fake Dashboard   ${dashboard.url}   (demo world, dates relative to now)
  Service          ${service}

  Try:
${examples.join('\n')}

  Gadget test page:
    ${service}/test-gadget.html?user=${encodeURIComponent(PERSONAS.active)}&page=user&skin=vector-2022
    ${service}/test-gadget.html?user=${encodeURIComponent(PERSONAS.bigCourseStudent)}&page=usertalk&skin=monobook
  API docs: ${service}/docs

  Ctrl-C stops both.
`);
