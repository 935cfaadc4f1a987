// The badges' indexes over two StubDashboards (support/stub-dashboard.ts), wired as app.ts wires them:
// each Dashboard's reads tell its index's holds what they read. For the unit tests of src/badges/.

import type { AnswerDeps } from '../src/answers/context.js';
import { dashboardSources } from '../src/answers/context.js';
import { DashboardIndex, IndexHolds } from '../src/badges/dashboard-index.js';
import type { DetailLoadOutcome } from '../src/badges/details.js';
import { byDashboard, type DashboardId } from '../src/domain/dashboards.js';
import type { CachedDashboard } from '../src/reads/cached-dashboard.js';
import { StubDashboard, stubReads } from './stub-dashboard.js';

export interface StubbedIndexes {
  stubs: Record<DashboardId, StubDashboard>;
  reads: Record<DashboardId, CachedDashboard>;
  indexes: Record<DashboardId, DashboardIndex>;
  deps: AnswerDeps;
  /** Every background detail load's end, by Dashboard. */
  loads: [DashboardId, DetailLoadOutcome][];
}

export function stubIndexes(now: () => number, env: Record<string, string> = {}): StubbedIndexes {
  const stubs = byDashboard(() => new StubDashboard());
  const holds = byDashboard(() => new IndexHolds(now, 10_000_000));
  const { config, reads } = stubReads(stubs, now, env, byDashboard((id) => holds[id].observer));
  const loads: [DashboardId, DetailLoadOutcome][] = [];
  const indexes = byDashboard(
    (id) =>
      new DashboardIndex(
        { dashboard: id, baseUrl: config.upstream[id].baseUrl, campaigns: config.badges.campaigns[id], now, detailsFreshMs: config.cache.ttlMs.course, onDetailLoad: (o) => loads.push([id, o]) },
        reads[id],
        holds[id],
      ),
  );
  return { stubs, reads, indexes, deps: { now, dashboards: dashboardSources(config.upstream, reads) }, loads };
}

/** A campaign on `stub`: its courses with their people ([name, role] rows) and, unless `listed` is false, in active_courses.json. */
export function stubCampaign(stub: StubDashboard, slug: string, courses: { slug: string; title?: string; people: [string, number][]; listed?: boolean }[]): void {
  stub.campaignRows.set(slug, {
    campaign: slug,
    courses: courses.map((c) => ({ slug: c.slug, users: c.people.map(([username, role]) => ({ username, role })) })),
  });
  stub.activeCourses.set(slug, courses.filter((c) => c.listed !== false).map((c) => ({ slug: c.slug, title: c.title ?? `Listed ${c.slug}` })));
}
