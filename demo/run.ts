// `npm run demo`: the two fake Dashboards (Programs & Events with the demo world, Wiki Education with
// its classes; dates relative to now) and the service pointed at them, in one process. Ctrl-C stops all three.

import closeWithGrace from 'close-with-grace';
import { buildApp } from '../src/app.js'; // the service itself
import { loadConfig } from '../src/config/config.js';
import { ConfigError } from '../src/config/env-values.js';
import { startFakeDashboard } from './fake-dashboard.js';
import { documentedExamples, type Doc } from '../src/openapi/doc-examples.js';
import { DEMO_BADGE_ENV } from './badge-campaigns.js';
import { PERSONAS } from './demo-world.js';
import { wikieduWorld } from './wikiedu-world.js';

function fakePort(variable: string, fallback: number): number {
  const value = process.env[variable];
  if (value === undefined || value.trim() === '') return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) > 65535) {
    throw new ConfigError(variable, `expected a port number, got "${value}"`);
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

const [outreachPort, wikieduPort] = orExit(() => [fakePort('FAKE_DASHBOARD_PORT', 8001), fakePort('FAKE_WIKIEDU_PORT', 8002)]);
const [dashboard, wikiedu] = await Promise.all([
  startFakeDashboard({ port: outreachPort, host: '127.0.0.1' }),
  startFakeDashboard({ world: wikieduWorld(), port: wikieduPort, host: '127.0.0.1' }),
]);
// A demo stays on this machine unless HOST says otherwise (the service's own default is 0.0.0.0).
const config = orExit(() =>
  // The demo's campaigns are indexed for badges unless the environment names others.
  loadConfig({ HOST: '127.0.0.1', ...DEMO_BADGE_ENV, ...process.env, OUTREACH_BASE_URL: dashboard.url, WIKIEDU_BASE_URL: wikiedu.url }),
);
const app = await buildApp(config);

closeWithGrace({ delay: 5_000 }, async ({ err }) => {
  if (err) console.error(err);
  await app.close();
  await Promise.all([dashboard.close(), wikiedu.close()]);
});

const { port, host } = config.http;
await app.listen({ port, host });
const address = app.server.address();
const servicePort = address !== null && typeof address === 'object' ? address.port : port;
const service = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${servicePort}`;
// The API's documented examples, all of them answered by the demo worlds, by the Dashboard they ask.
const examples = documentedExamples(app.swagger() as unknown as Doc).filter((e) => e.url.startsWith('/api/'));
// A POST's parameters are in its form.
const askedOf = (e: (typeof examples)[number]): string => new URLSearchParams(e.form ?? e.url.split('?')[1]).get('dashboard') ?? 'outreach';
const curl = (e: (typeof examples)[number]): string => `curl ${e.form === undefined ? '' : `--data '${e.form}' `}'${service}${e.url}'`;
const groups = [
  ['outreach', 'Programs & Events (no dashboard parameter, or dashboard=outreach)'],
  ['wikiedu', 'Wiki Education (dashboard=wikiedu)'],
  ['all', 'Both at once (dashboard=all: the user endpoints and badges)'],
].map(([id, title]) => {
  const lines = examples.filter((e) => askedOf(e) === id).map((e) => `    ${curl(e)}${e.status === 200 ? '' : `   (${e.status})`}`);
  return `  ${title}:\n${lines.join('\n')}`;
});

console.log(`
  Fake Programs & Events Dashboard   ${dashboard.url}   (demo world, dates relative to now)
  Fake Wiki Education Dashboard      ${wikiedu.url}   (its classes, dates relative to now)
  Service                            ${service}

  Try:
${groups.join('\n\n')}

  Gadget test page:
    ${service}/test-gadget.html?user=${encodeURIComponent(PERSONAS.active)}&page=user&skin=vector-2022
    ${service}/test-gadget.html?user=${encodeURIComponent(PERSONAS.bigCourseStudent)}&page=usertalk&skin=monobook
    ${service}/test-gadget.html?user=${encodeURIComponent(PERSONAS.onBoth)}&page=user&skin=minerva&dbname=enwiki   (both Dashboards, as on English Wikipedia)
  API docs: ${service}/docs

  Ctrl-C stops all three.
`);
