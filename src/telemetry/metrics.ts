// Prometheus metrics: what the service answers, how the cache answers it, and how the Dashboard is
// treated. Each app gets its own registry (several apps share one test process); process metrics are
// process-wide, so they are collected once and merged into every app's registry.

import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { IndexUse } from '../badges/dashboard-index.js';
import type { CacheStore, CacheUse, Outcome, Priority } from '../cache/types.js';
import type { BreakerState } from '../dashboard/breaker.js';
import type { BudgetOutcome } from '../dashboard/budget.js';
import type { UpstreamAttempt } from '../dashboard/client.js';
import type { UpstreamState } from '../dashboard/upstream-state.js';
import { DASHBOARDS, type DashboardId } from '../domain/dashboards.js';
import { CounterSeries, HistogramSeries } from './metric-series.js';

export interface Metrics {
  registry: Registry;
  /** SwrCache's onOutcome. */
  onOutcome(kind: string, outcome: Outcome): void;
  /** DashboardClient's onAttempt, for the Dashboard `dashboard`. */
  onAttempt(dashboard: DashboardId, attempt: UpstreamAttempt): void;
  /** One take from the Dashboard `dashboard`'s request budget (dashboard/budget.ts onTake). */
  onBudget(dashboard: DashboardId, priority: Priority, outcome: BudgetOutcome): void;
  /** One /api/badges request that reached its route, with the number of valid names asked. */
  onBadgeRequest(method: string, dashboard: string, names: number): void;
  /** One background load of a course's details for a badge index, by how it ended. */
  onDetailLoad(dashboard: DashboardId, outcome: string): void;
  /** One finished response; `route` is the route pattern (never the raw URL: it holds usernames). */
  onResponse(route: string, status: number, ms: number): void;
  /** Reads the gauges from their sources, then renders everything in the text format. */
  scrape(sources: GaugeSources): Promise<string>;
}

/** What the gauges read at scrape time. */
export interface GaugeSources {
  store: Pick<CacheStore, 'health' | 'size'>;
  /** Each Dashboard's client, by Dashboard id. */
  dashboards: Record<DashboardId, UpstreamState>;
  /** The answer cache (absent in tests that have none). */
  answers?: { readonly size: CacheUse };
  /** Each Dashboard's index of current courses (badges/dashboard-index.ts), and their part of the memory budget. */
  badges?: { indexes: Record<DashboardId, { readonly use: IndexUse }>; maxBytes: number; now: () => number };
}

const BREAKER_STATE_VALUE: Record<BreakerState, number> = { closed: 0, open: 1, 'half-open': 2 };

let processRegistry: Registry | undefined;

/** Default process metrics, registered once: each registration adds observers that are never removed. */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(): Metrics {
  const own = new Registry();
  const registers = [own];

  // Counted on every request or read: plain numbers, rendered at scrape time (metric-series.ts).
  const httpRequests = new CounterSeries('http_requests_total', 'Responses sent, by route pattern and status', ['route', 'status']);
  const httpDuration = new HistogramSeries('http_request_duration_seconds', 'Time to answer, by route pattern', ['route'], [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
  ]);
  const cacheOutcomes = new CounterSeries(
    'cache_outcomes_total',
    'Cached reads by kind (user, course, roster, current_campaign, campaign_users, active_courses, answer) and outcome (fresh, stale, miss, negative, error)',
    ['kind', 'outcome'],
  );
  // Every upstream series is labelled with its Dashboard: each has its own cap, queue and breaker.
  const upstreamRequests = new CounterSeries(
    'upstream_requests_total',
    'Requests to each Dashboard by endpoint and HTTP status (0: no answer, e.g. timeout or network error)',
    ['dashboard', 'endpoint', 'status'],
  );
  const upstreamDuration = new HistogramSeries(
    'upstream_request_duration_seconds',
    'Duration of one request to a Dashboard, by Dashboard and endpoint',
    ['dashboard', 'endpoint'],
    [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  );
  const budgetTakes = new CounterSeries(
    'upstream_budget_takes_total',
    "Tokens asked of each Dashboard's request budget, by priority (foreground: someone waits; background: refreshes, badge detail loads) and outcome (taken, refused)",
    ['dashboard', 'priority', 'outcome'],
  );
  const badgeRequests = new CounterSeries(
    'badge_requests_total',
    'Requests to /api/badges that reached the route, by method and Dashboard choice (repeats answered from remembered answers count in http_requests_total only)',
    ['method', 'dashboard'],
  );
  const badgeNames = new HistogramSeries('badge_request_names', 'Valid names asked per /api/badges request, by method', ['method'], [1, 5, 10, 25, 50, 100, 250, 500]);
  const detailLoads = new CounterSeries(
    'badge_detail_loads_total',
    "Background loads of an indexed course's details, by Dashboard and outcome (loaded, not_found, failed)",
    ['dashboard', 'outcome'],
  );
  const series = [httpRequests, httpDuration, cacheOutcomes, upstreamRequests, upstreamDuration, budgetTakes, badgeRequests, badgeNames, detailLoads];
  // Gauges are read from their sources at scrape time, by prom-client, beside its process metrics.
  const dashboardGauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ['dashboard'] as const, registers });
  const cacheGauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ['cache'] as const, registers });
  const queueLength = dashboardGauge(
    'upstream_queue_length',
    'Reads waiting for a free slot of each Dashboard (at the queue limit, new misses for it get 503)',
  );
  const inFlight = dashboardGauge('upstream_in_flight', 'Requests to each Dashboard in flight now');
  const breakerState = dashboardGauge(
    'upstream_breaker_state',
    "Each Dashboard's breaker: 0 closed (calls go), 1 open (nothing is sent), 2 half-open (one probe call is out)",
  );
  const redisConnected = new Gauge({
    name: 'redis_connected',
    help: '1 when Redis is configured and answering; 0 otherwise (always 0 with the in-process cache only)',
    registers,
  });
  const cacheBytes = cacheGauge(
    'cache_memory_bytes',
    'Estimated heap bytes held by each in-process cache (data: the Dashboard reads; answers: finished answers and the URLs that find them; badges: the indexes of current courses)',
  );
  const cacheBudget = cacheGauge(
    'cache_memory_budget_bytes',
    "Each in-process cache's part of the memory budget (MEMORY_CACHE_MAX_MB, or derived from the heap limit)",
  );
  const cacheEntries = cacheGauge('cache_entries', 'Entries held by each in-process cache');
  const indexCourses = dashboardGauge('badge_index_courses', "Current courses in each Dashboard's badge index");
  const indexUsers = dashboardGauge('badge_index_users', "Distinct people in each Dashboard's badge index");
  const indexAge = dashboardGauge('badge_index_age_seconds', "Seconds since each Dashboard's badge index was last derived from changed sources (absent before the first badge request)");
  const registry = Registry.merge([processMetrics(), own]);

  return {
    registry,
    onOutcome: (kind, outcome) => cacheOutcomes.inc(kind, outcome),
    onBudget: (dashboard, priority, outcome) => budgetTakes.inc(dashboard, priority, outcome),
    onAttempt: (dashboard, { endpoint, status, durationMs }) => {
      upstreamRequests.inc(dashboard, endpoint, status);
      upstreamDuration.observe(durationMs / 1000, dashboard, endpoint);
    },
    onBadgeRequest: (method, dashboard, names) => {
      badgeRequests.inc(method, dashboard);
      badgeNames.observe(names, method);
    },
    onDetailLoad: (dashboard, outcome) => detailLoads.inc(dashboard, outcome),
    onResponse: (route, status, ms) => {
      httpRequests.inc(route, status);
      httpDuration.observe(ms / 1000, route);
    },
    scrape: async ({ store, dashboards, answers, badges }) => {
      for (const dashboard of DASHBOARDS) {
        const { limiter, breaker } = dashboards[dashboard];
        breakerState.set({ dashboard }, BREAKER_STATE_VALUE[breaker.state]);
        queueLength.set({ dashboard }, limiter.queued);
        inFlight.set({ dashboard }, limiter.active);
      }
      redisConnected.set(store.health().redis_connected === true ? 1 : 0);
      let badgeUse: CacheUse | undefined;
      if (badges !== undefined) {
        badgeUse = { entries: DASHBOARDS.length, bytes: 0, maxBytes: badges.maxBytes };
        for (const dashboard of DASHBOARDS) {
          const { courses, users, builtAt, bytes } = badges.indexes[dashboard].use;
          indexCourses.set({ dashboard }, courses);
          indexUsers.set({ dashboard }, users);
          if (builtAt !== undefined) indexAge.set({ dashboard }, Math.max(0, (badges.now() - builtAt) / 1000));
          badgeUse.bytes += bytes;
        }
      }
      for (const [cache, use] of [['data', store.size], ['answers', answers?.size], ['badges', badgeUse]] as const) {
        if (use === undefined) continue;
        cacheBytes.set({ cache }, use.bytes);
        cacheBudget.set({ cache }, use.maxBytes);
        cacheEntries.set({ cache }, use.entries);
      }
      return `${await registry.metrics()}\n${series.map((one) => one.render()).join('\n\n')}\n`;
    },
  };
}
