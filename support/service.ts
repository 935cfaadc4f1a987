// Starts the real service against the two real fake Dashboards over HTTP (Programs & Events with the
// demo world, Wiki Education with its own), all on random loopback ports.

import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../src/app.js';
import type { CacheStore } from '../src/cache/types.js';
import { loadConfig, type Config } from '../src/config/config.js';
import { startFakeDashboard, type FakeDashboard } from '../demo/fake-dashboard.js';
import { demoWorld } from '../demo/demo-world.js';
import { DEMO_BADGE_ENV } from '../demo/badge-campaigns.js';
import { wikieduWorld } from '../demo/wikiedu-world.js';
import { after, before } from 'node:test';
import type { Doc } from '../src/openapi/doc-examples.js';
import { rawRequest } from './raw-http.js';

export interface Service {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  app: FastifyInstance;
  config: Config;
  /** The fake Programs & Events Dashboard (`outreach`). */
  dashboard: FakeDashboard;
  /** The fake Wiki Education Dashboard (`wikiedu`). */
  wikiedu: FakeDashboard;
  /**
   * GET a path of the service, sent exactly as given (fetch() would normalise `.`/`..` segments);
   * the body parsed as JSON when it is JSON.
   */
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export interface ServiceOptions {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  now?: () => number;
  /** An already running fake Programs & Events Dashboard (shared by two "replicas"); otherwise one is started and owned. */
  dashboard?: FakeDashboard;
  /** The same for Wiki Education. */
  wikiedu?: FakeDashboard;
  store?: CacheStore;
  /** Where log lines go (a level and a stream to read them from); none by default. */
  logger?: AppDeps['logger'];
  /** Changes to the built app before it listens (a test's extra hook). */
  setUp?: (app: FastifyInstance) => void;
}

/**
 * A budget that never runs dry, for every test but the budget's own (test/routes/budget.test.ts sets its
 * own rate and burst): the other tests ask the fake Dashboards far faster than UPSTREAM_RATE's default.
 */
export const UNBOUNDED_BUDGET = { UPSTREAM_RATE: '1000', UPSTREAM_BURST: '10000' };

/** What a service's life is tied to: a test's context (`t`), which closes it when the test ends. */
export interface Owner {
  after(fn: () => unknown): void;
}

/** The service for one test: started now, closed when `owner` (the test's `t`) ends. */
export async function startService(owner: Owner, opts: ServiceOptions = {}): Promise<Service> {
  const svc = await launch(opts);
  owner.after(() => svc.close());
  return svc;
}

/**
 * One service for the enclosing file or `describe` block: started before its first test, closed after its
 * last. The value returned stands for it inside the tests. `opts` may be a function, for options made in
 * an earlier `before` (a shared fake Dashboard); `ready` is told the service once it is up.
 */
export function useService(opts: ServiceOptions | (() => ServiceOptions) = {}, ready?: (svc: Service) => unknown): Service {
  let current: Service | undefined;
  // `ready` runs in the same hook: at a file's top level Node 20 does not wait for one `before` to end
  // before it starts the next.
  before(async () => {
    current = await launch(typeof opts === 'function' ? opts() : opts);
    await ready?.(current);
  });
  after(() => current?.close());
  return new Proxy({} as Service, {
    get(_target, name) {
      if (current === undefined) throw new Error('useService: the service starts in before(); use it inside the tests');
      const value: unknown = Reflect.get(current, name);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/** A service with nothing to close it: startService and useService tie it to a test, a file or a block. */
async function launch(opts: ServiceOptions): Promise<Service> {
  const now = opts.now ?? Date.now;
  const [dashboard, wikiedu] = await Promise.all([
    opts.dashboard ?? startFakeDashboard({ world: demoWorld(now()), now }),
    opts.wikiedu ?? startFakeDashboard({ world: wikieduWorld(now()), now }),
  ]);
  const config = loadConfig({
    OUTREACH_BASE_URL: dashboard.url,
    WIKIEDU_BASE_URL: wikiedu.url,
    LOG_LEVEL: 'silent',
    HTTP_TIMEOUT: '2',
    ...DEMO_BADGE_ENV,
    ...UNBOUNDED_BUDGET,
    ...opts.env,
  });
  const app = await buildApp(config, { now, logger: opts.logger ?? false, ...(opts.store && { store: opts.store }) });
  opts.setUp?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('service did not get a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    config,
    dashboard,
    wikiedu,
    async get(path, headers = {}) {
      const res = await rawRequest(url, path, { headers });
      const h = new Headers();
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
      const json = (res.headers['content-type'] ?? '').includes('json') && res.body !== '';
      return { status: res.status, headers: h, body: json ? JSON.parse(res.body) : res.body };
    },
    // Once, however often it is asked (a test may close it early; its owner closes it again).
    close: once(async () => {
      await app.close();
      if (!opts.dashboard) await dashboard.close();
      if (!opts.wikiedu) await wikiedu.close();
    }),
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

/** The service for the enclosing file (useService) and the OpenAPI document it serves, read in `before`: `.svc` and `.doc` inside the tests. */
export function serviceWithDocument(): { svc: Service; doc: Doc } {
  const env = {} as { svc: Service; doc: Doc };
  env.svc = useService({}, async (svc) => {
    env.doc = (await svc.get('/openapi.json')).body as Doc;
  });
  return env;
}
