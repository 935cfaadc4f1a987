// One Dashboard's index of current courses, as the service holds it: derived from its sources (the
// campaigns' cached lists, the rosters and course details other answers read) and rebuilt only when a
// source's stamp changes or a course's window opens or ends (domain/badge-index.ts updateBadgeIndex),
// never per request. The campaigns' part comes from cache entries every replica shares (through Redis),
// so each replica derives the same one; the held rosters and details are what this replica's reads
// brought (a detail another replica loaded is found in the shared cache when this one's index asks for
// it). A request reads the sources through the cache (cheap while fresh), gets the index, and starts
// background loads of the details the index lacks (details.ts).

import type { ReadGate } from '../cache/types.js';
import type { UpstreamError } from '../dashboard/types.js';
import { courseUrl } from '../dashboard/paths.js';
import { updateBadgeIndex, type BadgeIndex } from '../domain/badge-index.js';
import type { DashboardIndexView } from '../domain/badges.js';
import type { DashboardId } from '../domain/dashboards.js';
import { foldForKey } from '../domain/keys.js';
import type { CachedDashboard, ReadObserver } from '../reads/cached-dashboard.js';
import { DetailLoads, HeldDetails, type DetailLoadOutcome } from './details.js';
import { indexBytes } from './memory.js';
import { OrganicRosters } from './organic.js';
import { readSources, RULES } from './sources.js';

export interface DashboardIndexOptions {
  dashboard: DashboardId;
  baseUrl: string;
  /** The configured campaigns (OUTREACH_BADGE_CAMPAIGNS, WIKIEDU_BADGE_CAMPAIGNS). */
  campaigns: readonly string[];
  now: () => number;
  /**
   * How long a course's details stay fresh (COURSE_CACHE_TTL): the details an index holds of a current
   * course are read again (in the background) once older, so that a changed title or date reaches badges.
   */
  detailsFreshMs: number;
  /** Each background detail load's end (metrics). */
  onDetailLoad?: (outcome: DetailLoadOutcome) => void;
}

/** The index as one request sees it, with what its sources said. */
export interface IndexRead {
  view: DashboardIndexView;
  /** Some source's failure (the first), when the index is not "ok". */
  error: UpstreamError | undefined;
  /** Until when this view holds (ms): the first source stops being fresh, or a course's window opens or ends. */
  freshUntil: number;
}

/** What a Dashboard's index holds now, for the metrics. */
export interface IndexUse {
  courses: number;
  users: number;
  /** When it was built (ms), or undefined before the first request. */
  builtAt: number | undefined;
  /** Estimated heap bytes: the index and what it holds of other answers' reads. */
  bytes: number;
}

/**
 * What a Dashboard's index takes from the reads of other answers: the rosters and course details they
 * read. Made before that Dashboard's CachedDashboard, which is given its observer. `maxBytes`: the
 * Dashboard's part of the badges' share of the memory budget (cache/budget.ts), half of it for the held
 * rosters and a quarter for the details; the index itself (memory.ts) lives in the rest.
 */
export class IndexHolds {
  readonly rosters: OrganicRosters;
  readonly details: HeldDetails;

  constructor(
    private readonly now: () => number,
    maxBytes: number,
  ) {
    this.rosters = new OrganicRosters(Math.floor(maxBytes / 2));
    this.details = new HeldDetails(Math.floor(maxBytes / 4));
  }

  readonly observer: ReadObserver = {
    course: (result) => this.details.record(result),
    roster: (result) => this.rosters.record(result, this.now()),
  };
}

export class DashboardIndex {
  #index: BadgeIndex | undefined;
  #indexBytes = 0;
  /** The index whose held details were last checked for age, and when one of them will be old next (ms). */
  #agesChecked: { index: BadgeIndex; nextOld: number } | undefined;
  readonly #loads: DetailLoads;
  readonly #url: (slug: string) => string;

  constructor(
    private readonly options: DashboardIndexOptions,
    private readonly reads: CachedDashboard,
    private readonly holds: IndexHolds,
  ) {
    this.#url = (slug) => courseUrl(options.baseUrl, slug);
    this.#loads = new DetailLoads(reads, options.onDetailLoad);
  }

  /** The index for a request whose reads go through `gate`. */
  async read(gate: ReadGate): Promise<IndexRead> {
    const { dashboard, campaigns, now } = this.options;
    const sources = await readSources(this.reads, RULES[dashboard], campaigns, gate);
    const at = now();
    const { rosters, details } = this.holds;
    const index = updateBadgeIndex(this.#index, { campaigns: sources.campaigns, organic: rosters.list(at), details: details.list(at) }, at, this.#url);
    if (index !== this.#index) {
      this.#index = index;
      this.#indexBytes = indexBytes(index);
    }
    this.#loads.start(index.missingDetails.length > 0 ? index.missingDetails : this.#oldDetails(index, at));
    const view: DashboardIndexView = {
      dashboard,
      index: sources.state === 'error' ? null : index,
      state: sources.state,
      built_at: new Date(index.builtAt).toISOString(),
    };
    return { view, error: sources.error, freshUntil: Math.min(sources.freshUntil, index.validUntil, nextWindowChange(index, at)) };
  }

  /** Slugs of the index's courses whose held details are older than their freshness, checked again only when one may have aged. */
  #oldDetails(index: BadgeIndex, at: number): string[] {
    const checked = this.#agesChecked;
    if (checked !== undefined && checked.index === index && at < checked.nextOld) return [];
    const current = new Set(index.courses.map((c) => foldForKey(c.slug)));
    const { detailsFreshMs } = this.options;
    const old: string[] = [];
    let nextOld = Infinity;
    for (const { fetched_at, data } of this.holds.details.list(at)) {
      if (!current.has(foldForKey(data.slug))) continue;
      if (at - fetched_at >= detailsFreshMs) old.push(data.slug);
      else nextOld = Math.min(nextOld, fetched_at + detailsFreshMs);
    }
    // While some are old, every request looks again (their loads are bounded and deduplicated by DetailLoads).
    this.#agesChecked = { index, nextOld: old.length > 0 ? at : nextOld };
    return old;
  }

  get use(): IndexUse {
    return {
      courses: this.#index?.courses.length ?? 0,
      users: this.#index?.users ?? 0,
      builtAt: this.#index?.builtAt,
      bytes: this.#indexBytes + this.holds.rosters.bytes + this.holds.details.bytes,
    };
  }

  /** Resolves once the background detail loads started so far have ended. */
  settle(): Promise<void> {
    return this.#loads.settle();
  }
}

// The next moment one of an index's courses' windows opens or ends (a badge's activity flips), by index.
const nextChanges = new WeakMap<BadgeIndex, number>();

function nextWindowChange(index: BadgeIndex, now: number): number {
  const known = nextChanges.get(index);
  if (known !== undefined && known >= now) return known;
  let next = Infinity;
  for (const c of index.courses) {
    for (const date of [c.start, c.end, c.timeline_start, c.timeline_end]) {
      const at = date === null ? NaN : Date.parse(date);
      if (at >= now && at < next) next = at;
    }
  }
  nextChanges.set(index, next);
  return next;
}
