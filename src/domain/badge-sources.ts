// The sources of a Dashboard's index of current courses (api-contract.md v1.2, "Which courses are
// current"), as the cache holds them: campaigns' enrolment rows and active-course lists, the course
// rosters the service holds for other answers, and the course details known so far.

/** A value as the cache holds it: when it was fetched upstream, and the data. */
export interface Stamped<T> {
  fetched_at: number;
  data: T;
}

/** One enrolment row: a person and a role number (0..4); a person with two roles in a course has two rows. */
export interface Enrolment {
  username: string;
  role: number;
}

/** A campaign's `users.json`, its rows grouped by course (one row per enrolment per role, merged later). */
export interface CampaignUsers {
  campaign: string;
  courses: CampaignCourse[];
}

export interface CampaignCourse {
  /** The Dashboard's own spelling. */
  slug: string;
  users: Enrolment[];
}

/** One course of a campaign's `active_courses.json` (which has no dates). */
export interface ListedCourse {
  slug: string;
  title: string;
}

/** What a course's details (`course.json`) say that badges need. */
export interface CourseFacts {
  slug: string;
  title: string;
  start: string | null;
  end: string | null;
  timeline_start: string | null;
  timeline_end: string | null;
}

/** One campaign to index, with its sources as read so far (undefined: not read, or could not be). */
export interface CampaignSource {
  slug: string;
  /**
   * Programs & Events: only the courses its `active_courses.json` lists are current (and none until that
   * list is read). Wiki Education: every course of the campaign.
   */
  limitToListed: boolean;
  users: Stamped<CampaignUsers> | undefined;
  listed: Stamped<ListedCourse[]> | undefined;
}

/** A course's roster that the service holds for other answers (`users.json`), with the Dashboard's slug. */
export interface OrganicRoster {
  slug: string;
  users: Enrolment[];
}

export interface BadgeSources {
  /** In the configured order (the current term first on Wiki Education). */
  campaigns: readonly CampaignSource[];
  organic: readonly Stamped<OrganicRoster>[];
  /** The details known so far, of any courses (those of courses not in the index are ignored). */
  details: readonly Stamped<CourseFacts>[];
}

/** A campaign source's identity: its slug, its rule, and when each of its two lists was fetched. */
export function campaignStamp(c: CampaignSource): string {
  return `${c.slug}:${c.limitToListed ? 'listed' : 'all'}:${c.users?.fetched_at ?? '-'}:${c.listed?.fetched_at ?? '-'}`;
}

/**
 * The identity of entries the caller may gather in any order (held rosters, details): their count and the
 * sum of their fetched_at. A refresh only ever makes fetched_at larger, so any refresh, addition or
 * removal changes it, short of an exact coincidence of milliseconds.
 */
export function entriesStamp(entries: readonly Stamped<unknown>[]): string {
  let sum = 0;
  for (const e of entries) sum += e.fetched_at;
  return `${entries.length}:${sum}`;
}
