// Reading a Dashboard's program-wide sources of badges (api-contract.md v1.2, "Which courses are
// current"): on Wiki Education the current term, which `/campaigns/current.json` names, and the configured
// campaigns; on Programs & Events the configured campaigns only (its current.json names the catch-all
// `miscellanea`, never indexed, so it is never read there). Each campaign's `users.json` and
// `active_courses.json` are ordinary cached reads (reads/kinds.ts): stale-while-revalidate,
// stale-if-error, single-flight, shared through Redis, within the answer's gate (its deadline, HTTP_TIMEOUT
// from the request's arrival). A source that fails leaves its part out; the others stand.

import type { CacheResult, ReadGate } from '../cache/types.js';
import { UpstreamError } from '../dashboard/types.js';
import type { CampaignSource, Stamped } from '../domain/badge-sources.js';
import type { DashboardId } from '../domain/dashboards.js';
import type { IndexState } from '../domain/badges.js';
import type { CachedDashboard } from '../reads/cached-dashboard.js';

/** How a Dashboard's courses become current: whether its current campaign is indexed, and whether a campaign counts only its listed (active) courses. */
interface Rule {
  readsCurrent: boolean;
  limitToListed: boolean;
}

export const RULES: Record<DashboardId, Rule> = {
  outreach: { readsCurrent: false, limitToListed: true },
  wikiedu: { readsCurrent: true, limitToListed: false },
};

export interface SourcesRead {
  /** In index order: the current term first, then the configured campaigns. */
  campaigns: CampaignSource[];
  state: IndexState;
  /** The first failure, when some source could not be read. */
  error: UpstreamError | undefined;
  /** When the first source read stops being fresh (ms; Infinity: none read). */
  freshUntil: number;
}

/** The reads of one request's sources: how many were asked, which failed, and until when those read stay fresh. */
class Tally {
  asked = 0;
  read = 0;
  error: UpstreamError | undefined;
  freshUntil = Infinity;

  /** The read's data stamped with its fetch, `null` data for a campaign the Dashboard does not know, undefined when it failed. */
  async of<T>(read: Promise<CacheResult<T>>): Promise<Stamped<T | null> | undefined> {
    this.asked++;
    try {
      const result = await read;
      this.read++;
      this.freshUntil = Math.min(this.freshUntil, result.freshUntil);
      return { fetched_at: result.fetched_at, data: result.data };
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
      this.error ??= err;
      return undefined;
    }
  }

  get state(): IndexState {
    return this.read === this.asked ? 'ok' : this.read === 0 ? 'error' : 'partial';
  }
}

/** A campaign the Dashboard does not know (404, kept as a negative entry) is an empty one: read, nothing to index. */
function orEmpty<T>(read: Stamped<T | null> | undefined, empty: T): Stamped<T> | undefined {
  return read && { fetched_at: read.fetched_at, data: read.data ?? empty };
}

export async function readSources(reads: CachedDashboard, rule: Rule, configured: readonly string[], gate: ReadGate): Promise<SourcesRead> {
  const tally = new Tally();
  const campaign = async (slug: string): Promise<CampaignSource> => {
    const [users, listed] = await Promise.all([tally.of(reads.campaignUsers(slug, gate)), tally.of(reads.campaignActiveCourses(slug, gate))]);
    return { slug, limitToListed: rule.limitToListed, users: orEmpty(users, { campaign: slug, courses: [] }), listed: orEmpty(listed, []) };
  };
  const currentRead = rule.readsCurrent ? tally.of(reads.currentCampaign(gate)) : undefined;
  const configuredReads = configured.map(campaign);
  const current = (await currentRead)?.data?.slug;
  const campaigns = await Promise.all([...(current !== undefined && !configured.includes(current) ? [campaign(current)] : []), ...configuredReads]);
  return { campaigns, state: tally.state, error: tally.error, freshUntil: tally.freshUntil };
}
