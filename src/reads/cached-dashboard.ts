// One Dashboard's resources, read through the stale-while-revalidate cache. Every read in the service
// (top-level and enrichment alike) goes through here, so one set of caching rules holds; each result
// says how long it stays true, so no reader needs the rules themselves. A read may bring its answer's
// gate (bounded fan-out, deadline), which the engine consults only on the way upstream.

import type { SwrCache } from '../cache/engine.js';
import type { CacheResult, Fetched, Load, Priority, ReadGate } from '../cache/types.js';
import type { Dashboard } from '../dashboard/types.js';
import type { DashboardId } from '../domain/dashboards.js';
import type { Slug } from '../domain/slugs.js';
import type { CampaignUsers, ListedCourse } from '../domain/badge-sources.js';
import type { CourseDetails, CourseRoster, UserStats } from '../schemas/stored.js';
import { cacheKey, type AboutOf, type CacheKinds, type DataOf, type KindName } from './kinds.js';

/** Told of every course and roster this Dashboard's reads answered with (the index of badges takes what it holds from them). */
export interface ReadObserver {
  course?(result: CacheResult<CourseDetails>): void;
  roster?(result: CacheResult<CourseRoster>): void;
}

export class CachedDashboard {
  constructor(
    private readonly cache: SwrCache,
    private readonly dashboard: Dashboard,
    private readonly kinds: CacheKinds,
    private readonly id: DashboardId,
    private readonly observer: ReadObserver = {},
  ) {}

  /** `username` must be canonical. `priority`: whom a load is for, when the read needs one (cache/types.ts Priority). */
  userStats(username: string, gate?: ReadGate, priority?: Priority): Promise<CacheResult<UserStats>> {
    return this.#read('user', username, (p) => this.dashboard.userStats(username, p), gate, priority);
  }

  async course(slug: Slug, gate?: ReadGate, priority?: Priority): Promise<CacheResult<CourseDetails>> {
    const result = await this.#read('course', slug, (p) => this.dashboard.course(slug, p), gate, priority);
    this.observer.course?.(result);
    return result;
  }

  /**
   * The roster with its course's own slug and end. An entry in Redis without them fails the roster's
   * check (kinds.ts), so it is refetched and overwritten, never served.
   */
  async roster(slug: Slug, gate?: ReadGate, priority?: Priority): Promise<CacheResult<CourseRoster>> {
    const result = await this.#read('roster', slug, (p) => this.#loadRoster(slug, p), gate, priority);
    this.observer.roster?.(result);
    return result;
  }

  // The sources of badges: the current campaign, and each campaign's enrolment rows and active courses.

  currentCampaign(gate?: ReadGate, priority?: Priority): Promise<CacheResult<{ slug: string }>> {
    return this.#read('current_campaign', undefined, (p) => this.dashboard.currentCampaign(p), gate, priority);
  }

  campaignUsers(campaign: string, gate?: ReadGate, priority?: Priority): Promise<CacheResult<CampaignUsers>> {
    return this.#read('campaign_users', campaign, (p) => this.dashboard.campaignUsers(campaign, p), gate, priority);
  }

  campaignActiveCourses(campaign: string, gate?: ReadGate, priority?: Priority): Promise<CacheResult<ListedCourse[]>> {
    return this.#read('active_courses', campaign, (p) => this.dashboard.campaignActiveCourses(campaign, p), gate, priority);
  }

  #read<K extends KindName>(kind: K, about: AboutOf<K>, load: Load<DataOf<K>>, gate?: ReadGate, priority?: Priority): Promise<CacheResult<DataOf<K>>> {
    return this.cache.read(cacheKey(this.id, kind, about), this.kinds[kind], load, gate, priority);
  }

  /**
   * users.json carries neither the Dashboard's spelling of the slug nor the course's dates: they come
   * from the course's details, read through the cache beside it. An answer that needs both asks for
   * the details first, so that read joins the details' load (or finds them cached) and costs no
   * upstream request of its own.
   */
  async #loadRoster(slug: Slug, priority: Priority): Promise<Fetched<CourseRoster>> {
    const [roster, details] = await Promise.all([this.dashboard.courseUsers(slug, priority), this.course(slug, undefined, priority)]);
    if (!roster.found || details.data === null) return { found: false };
    return { found: true, data: { users: roster.data.users, slug: details.data.slug, end: details.data.end } };
  }
}
