// Assembles the HTTP app: upstream client -> cache -> answers -> routes. Process concerns (listening,
// signals) live in server.ts, so tests and the demo build the very same app.

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino, { type DestinationStream } from 'pino';
import { dashboardSources } from './answers/context.js';
import { AnswerCache } from './cache/answer-cache.js';
import { badgeIndexBytes, splitBudget } from './cache/budget.js';
import { DashboardIndex, IndexHolds } from './badges/dashboard-index.js';
import { SwrCache } from './cache/engine.js';
import { createStore } from './cache/index.js';
import type { CacheStore } from './cache/types.js';
import type { Config } from './config/config.js';
import { logBreakerChanges } from './dashboard/breaker.js';
import { logBudgetRefusals, UpstreamBudget } from './dashboard/budget.js';
import { DashboardClient } from './dashboard/client.js';
import { SharedBucket } from './dashboard/shared-bucket.js';
import { isRefusal, UpstreamError } from './dashboard/types.js';
import { byDashboard, DASHBOARDS, type DashboardId } from './domain/dashboards.js';
import { etagHook, registerCommonHeaders, withCommonHeaders } from './http/headers.js';
import { limitedServer } from './http/limits.js';
import { handleClientError, handleError, handleNoRoute } from './http/problem.js';
import { RememberedAnswers } from './http/remembered.js';
import { requestId } from './http/request-id.js';
import { Responder } from './http/respond.js';
import { openApiOptions } from './openapi/document.js';
import { createLogging } from './telemetry/logging.js';
import { createMetrics } from './telemetry/metrics.js';
import { recordResponses, type ResponseRecorder } from './telemetry/responses.js';
import { CachedDashboard } from './reads/cached-dashboard.js';
import { cacheKinds } from './reads/kinds.js';
import { courseRoutes } from './routes/courses.js';
import gadgetRoutes from './routes/gadget.js';
import { healthRoutes } from './routes/health.js';
import { indexRoutes } from './routes/index.js';
import { metricsRoutes } from './routes/metrics.js';
import { userRoutes } from './routes/users.js';
import { badgeRoutes } from './routes/badges.js';

export interface AppDeps {
  /** A store to use instead of the one the config asks for (tests). */
  store?: CacheStore;
  /** The clock for freshness and "active now" (tests); Date.now by default. */
  now?: () => number;
  /** Log lines at `level` into `stream` (tests read them; server.ts batches stdout), or none; by default stdout at LOG_LEVEL. */
  logger?: { level: string; stream: DestinationStream } | false;
}

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const now = deps.now ?? Date.now;
  const metrics = createMetrics();
  // A remembered answer counts as a fresh read of the kind "answer".
  const answers = new AnswerCache(now, splitBudget(config.cache.memory).answers, () => metrics.onOutcome('answer', 'fresh'));
  const { logger: logTo = { level: config.http.logLevel, stream: pino.destination(1) } } = deps;
  const logging = logTo === false ? undefined : createLogging(logTo.level, logTo.stream);
  // Every response, however it was answered: the metrics, and the access log (telemetry/responses.ts).
  const record: ResponseRecorder = (reqId, route, status, ms) => {
    metrics.onResponse(route, status, ms);
    logging?.access(reqId, route, status, ms);
  };
  const remembered = new RememberedAnswers(answers, now, record);
  const app = Fastify({
    ...(logging === undefined ? { logger: false } : { loggerInstance: logging.logger as FastifyBaseLogger }),
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    // A repeated request whose answer is remembered is answered before Fastify (http/remembered.ts).
    serverFactory: (handler) => limitedServer(config.http.limits, remembered.before(handler)),
    // A 255-byte username is up to 765 characters percent-encoded.
    routerOptions: { maxParamLength: 2048 },
    // Bad percent-encoding in a path gets the same problem+json 400 as any other bad input.
    frameworkErrors: (err, request, reply) => handleError(err, request, withCommonHeaders(reply)),
    clientErrorHandler: handleClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  remembered.register(app);
  // Route schemas document params and query strings; the routes parse them with rules of their own
  // (names, slugs, booleans) and clearer errors, so validating them twice would only cost time.
  app.setValidatorCompiler(() => () => true);

  const log = app.log;
  // One client per Dashboard, each with its own cap, queue and breaker: a failing or slow Dashboard
  // never delays answers that only need the other.
  const store = deps.store ?? createStore(config.cache, config.redis, { warn: (msg) => log.warn(msg) });
  // Each Dashboard's budget is one bucket in Redis for every replica, when there is a Redis.
  const budget = (id: DashboardId): UpstreamBudget =>
    new UpstreamBudget(new SharedBucket(config.upstream[id].budget, store.scripts && { runner: store.scripts, key: `budget:${id}` }), {
      onRefusals: logBudgetRefusals(log, id),
      onTake: (priority, outcome) => metrics.onBudget(id, priority, outcome),
    });
  const clients = byDashboard(
    (id) =>
      new DashboardClient(config.upstream[id], {
        onAttempt: (attempt) => metrics.onAttempt(id, attempt),
        onBreakerChange: logBreakerChanges(log, id, config.upstream[id].failTimeoutMs),
        budget: budget(id),
      }),
  );
  const timeoutMs = Math.max(...DASHBOARDS.map((id) => config.upstream[id].timeoutMs));
  const cache = new SwrCache({
    store,
    now,
    // A refresh holds the cross-replica lock for at most one upstream call (plus slack).
    lockTtlMs: timeoutMs + 2_000,
    lockWaitMs: timeoutMs,
    failureBackoffMs: config.cache.failureBackoffMs,
    onOutcome: metrics.onOutcome,
    // A name that fails gets that failure again for a moment; our own refusals end by themselves.
    repeatsFailure: (err) => err instanceof UpstreamError && !isRefusal(err),
    // The kind of read, never its key: keys hold usernames and slugs. A refusal (breaker open) was logged once already.
    onBackgroundError: (kind, err) => {
      const fields = { read: kind, err: (err as Error).message };
      if (isRefusal(err)) log.debug(fields, 'background refresh not sent');
      else log.warn(fields, 'background refresh failed');
    },
  });
  const kinds = cacheKinds(config.cache, now);
  // What each Dashboard's badge index takes from the other answers' reads (the rosters and details they read).
  const badgeBytes = badgeIndexBytes(config.cache.memory);
  const holds = byDashboard(() => new IndexHolds(now, Math.floor(badgeBytes / DASHBOARDS.length)));
  // Each request's answer gets, per Dashboard it asks, its own deadline and fan-out bound from these (answers/context.ts).
  const reads = byDashboard((id) => new CachedDashboard(cache, clients[id], kinds, id, holds[id].observer));
  const answerDeps = { now, dashboards: dashboardSources(config.upstream, reads) };
  const indexes = byDashboard(
    (id) =>
      new DashboardIndex(
        { dashboard: id, baseUrl: config.upstream[id].baseUrl, campaigns: config.badges.campaigns[id], now, detailsFreshMs: config.cache.ttlMs.course, onDetailLoad: (outcome) => metrics.onDetailLoad(id, outcome) },
        reads[id],
        holds[id],
      ),
  );
  const responder = new Responder(answers, now, remembered.answering);

  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerCommonHeaders(app);
  app.setErrorHandler((err, request, reply) => handleError(err, request, reply));
  app.setNotFoundHandler(handleNoRoute);
  recordResponses(app, record);

  await app.register(async (plain) => {
    plain.addHook('onSend', etagHook);
    await plain.register(indexRoutes);
    await plain.register(gadgetRoutes);
  });
  await app.register(healthRoutes, { deps: { store, dashboards: clients, startedAt: now(), now } });
  await app.register(userRoutes, { answerDeps, responder });
  await app.register(courseRoutes, { answerDeps, responder });
  await app.register(badgeRoutes, { answerDeps, indexes, responder, preReadForm: remembered.preReadForm, onAnswer: metrics.onBadgeAnswer });
  const badges = { indexes, maxBytes: badgeBytes, now };
  await app.register(metricsRoutes, { metrics, sources: { store, dashboards: clients, answers, badges } });

  app.addHook('onClose', async () => {
    await Promise.all(DASHBOARDS.map((id) => indexes[id].settle()));
    await cache.settle();
    await Promise.all([store.close(), ...DASHBOARDS.map((id) => clients[id].close())]);
  });
  return app;
}
