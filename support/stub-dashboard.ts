// An in-memory Dashboard for unit tests of the answers: data set by the test, failures on demand,
// every call recorded, read through the real cache engine on a memory store and an injected clock.

import { SwrCache } from '../src/cache/engine.js';
import { MemoryStore } from '../src/cache/memory-store.js';
import { answerContext, dashboardSources, type AnswerContext, type AnswerDeps } from '../src/answers/context.js';
import { loadConfig, type Config } from '../src/config/config.js';
import type { Fetched } from '../src/cache/types.js';
import { UpstreamError, type Dashboard, type Roster } from '../src/dashboard/types.js';
import type { CampaignUsers, ListedCourse } from '../src/domain/badge-sources.js';
import { byDashboard, type DashboardId } from '../src/domain/dashboards.js';
import { slugText, type Slug } from '../src/domain/slugs.js';
import type { CourseDetails, EnrolmentRow, RosterRow, UserStats } from '../src/schemas/stored.js';
import { CachedDashboard, type ReadObserver } from '../src/reads/cached-dashboard.js';
import { cacheKinds } from '../src/reads/kinds.js';

export class StubDashboard implements Dashboard {
  readonly users = new Map<string, UserStats>();
  readonly courses = new Map<string, CourseDetails>();
  readonly rosters = new Map<string, Roster>();
  /** The sources of badges: the current campaign's slug, and each campaign's rows and active courses. */
  current: string | undefined;
  readonly campaignRows = new Map<string, CampaignUsers>();
  readonly activeCourses = new Map<string, ListedCourse[]>();
  /** Reads that fail with an UpstreamError, as recorded in `calls` (e.g. "course:A/b"). */
  readonly failing = new Set<string>();
  /**
   * Every read asked of the Dashboard, in order: "user:<name>", "course:<slug>", "roster:<slug>",
   * "current_campaign", "campaign_users:<slug>", "active_courses:<slug>".
   */
  readonly calls: string[] = [];
  /** Real time every read takes, ms (0: answered at once). */
  latencyMs = 0;
  /** Reads under way now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;

  userStats(username: string): Promise<Fetched<UserStats>> {
    return this.#answer(`user:${username}`, this.users.get(username));
  }

  course(slug: Slug): Promise<Fetched<CourseDetails>> {
    return this.#answer(`course:${slugText(slug)}`, this.courses.get(slugText(slug)));
  }

  courseUsers(slug: Slug): Promise<Fetched<Roster>> {
    return this.#answer(`roster:${slugText(slug)}`, this.rosters.get(slugText(slug)));
  }

  currentCampaign(): Promise<Fetched<{ slug: string }>> {
    return this.#answer('current_campaign', this.current === undefined ? undefined : { slug: this.current });
  }

  campaignUsers(campaign: string): Promise<Fetched<CampaignUsers>> {
    return this.#answer(`campaign_users:${campaign}`, this.campaignRows.get(campaign));
  }

  campaignActiveCourses(campaign: string): Promise<Fetched<ListedCourse[]>> {
    return this.#answer(`active_courses:${campaign}`, this.activeCourses.get(campaign));
  }

  async #answer<T>(call: string, data: T | undefined): Promise<Fetched<T>> {
    this.calls.push(call);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      if (this.failing.has(call)) throw new UpstreamError('http', 'the Dashboard answered HTTP 500', 500);
      return data === undefined ? { found: false } : { found: true, data };
    } finally {
      this.inFlight--;
    }
  }
}

export function enrolment(course_slug: string, user_role = 'Student', course_id = 1): EnrolmentRow {
  return { course_id, course_title: `Title of ${course_slug}`, course_school: 'School', course_term: '', user_count: 2, user_role, course_slug };
}

export function courseDetails(slug: string, window: { start: string | null; end: string | null }, eventWindow = window): CourseDetails {
  return {
    id: 7,
    title: `Title of ${slug}`,
    description: '',
    school: 'School',
    slug,
    start: window.start,
    end: window.end,
    timeline_start: eventWindow.start,
    timeline_end: eventWindow.end,
    published: true,
    private: false,
    ended: false,
    closed: false,
    type: 'BasicCourse',
    term: '',
    student_count: 1,
  };
}

export const roster = (...users: RosterRow[]): Roster => ({ users });

/** A clock the test moves. */
export function testClock(start = Date.parse('2026-11-26T12:00:00.000Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/**
 * Each Dashboard's cached reads over `stubs`, with the default caching rules (or those `env` sets), an
 * injected clock and the given observers (badges/dashboard-index.ts IndexHolds); one cache for both, as in the app.
 */
export function stubReads(
  stubs: Record<DashboardId, Dashboard>,
  now: () => number,
  env: Record<string, string> = {},
  observers: Partial<Record<DashboardId, ReadObserver>> = {},
): { config: Config; reads: Record<DashboardId, CachedDashboard> } {
  const config = loadConfig(env);
  const store = new MemoryStore({ maxEntries: 10_000, maxBytes: 50_000_000, now });
  const cache = new SwrCache({ store, now, lockTtlMs: 1_000, lockWaitMs: 1_000, failureBackoffMs: config.cache.failureBackoffMs });
  const kinds = cacheKinds(config.cache, now);
  return { config, reads: byDashboard((id) => new CachedDashboard(cache, stubs[id], kinds, id, observers[id])) };
}

/** What the answers share, over `dashboard` as Programs & Events (and `wikiedu` as Wiki Education): see stubReads. */
export function stubDeps(
  dashboard: Dashboard,
  now: () => number,
  env: Record<string, string> = {},
  wikiedu: Dashboard = new StubDashboard(),
): AnswerDeps {
  const { config, reads } = stubReads({ outreach: dashboard, wikiedu }, now, env);
  return { now, dashboards: dashboardSources(config.upstream, reads) };
}

/** An answer context over `dashboard` as Programs & Events (see stubDeps); its gate and deadline are shared by every answer built with it. */
export function stubContext(dashboard: Dashboard, now: () => number, env: Record<string, string> = {}): AnswerContext {
  return answerContext(stubDeps(dashboard, now, env), 'outreach', 0);
}
