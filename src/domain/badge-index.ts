// The index of current courses of one Dashboard, from which badges are answered: which courses are current
// (api-contract.md v1.2, "Which courses are current"), each with its staff and what is known of its title
// and dates, and for each person (by the name folded as the Dashboard folds it) their courses with their
// highest role. Built by one pure function from the program-wide sources as the cache holds them; rebuilt
// only when a source changes (sourcesStamp) or when time reaches a course's window boundary (validUntil),
// never per request. A lookup is one Map lookup per name.

import { windowActive } from './activity.js';
import { foldForKey } from './keys.js';
import { staffNames, unionStaff } from './staff.js';

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
  campaigns: readonly CampaignSource[];
  organic: readonly Stamped<OrganicRoster>[];
  /** The details known so far, of any courses (those of courses not in the index are ignored). */
  details: readonly Stamped<CourseFacts>[];
}

/** A current course, as badges show it. */
export interface IndexedCourse {
  slug: string;
  url: string;
  /** The details' title, else active_courses.json's, else null (not known yet). */
  title: string | null;
  start: string | null;
  end: string | null;
  timeline_start: string | null;
  timeline_end: string | null;
  /** Sorted unique usernames with a role >= 1, from every source's rows of the course. */
  staff: string[];
}

/** One person's place in one current course. */
export interface IndexedEnrolment {
  course: IndexedCourse;
  /** The highest of the person's roles in the course. */
  role: number;
}

export interface BadgeIndex {
  /** sourcesStamp() of the sources it was built from. */
  readonly stamp: string;
  /** When it was built (ms). */
  readonly builtAt: number;
  /** Build again once the clock passes this (ms), sources unchanged or not: a course's window opens or ends. */
  readonly validUntil: number;
  /** The current courses, sorted by slug. */
  readonly courses: readonly IndexedCourse[];
  /** Slugs of current courses whose details are not known yet: the ones to load (in the background). */
  readonly missingDetails: readonly string[];
  /**
   * Folded username -> the person's enrolments, each `courseIndex * ROLE_SLOTS + role`: one number for a
   * person in one course (most people, and no allocation), an array sorted by course for more.
   */
  readonly people: ReadonlyMap<string, number | readonly number[]>;
}

// Roles are 0..4; the slots leave room for a few more before they would collide with the next course.
const ROLE_SLOTS = 8;

/**
 * A cheap identity of the sources: equal stamps mean the same index. The campaigns in order with their
 * sources' fetched_at; organic rosters and details, which the caller may gather in any order, by count
 * and sum of fetched_at (a refresh only ever makes fetched_at larger, so any refresh, addition or
 * removal changes it, short of an exact coincidence of milliseconds).
 */
export function sourcesStamp(sources: BadgeSources): string {
  const campaigns = sources.campaigns.map(
    (c) => `${c.slug}:${c.limitToListed ? 'listed' : 'all'}:${c.users?.fetched_at ?? '-'}:${c.listed?.fetched_at ?? '-'}`,
  );
  return `${campaigns.join(',')}|${fetchedSum(sources.organic)}|${fetchedSum(sources.details)}`;
}

function fetchedSum(entries: readonly Stamped<unknown>[]): string {
  let sum = 0;
  for (const e of entries) sum += e.fetched_at;
  return `${entries.length}:${sum}`;
}

/** Whether `index` still answers for these sources at `now`. */
export function indexIsCurrent(index: BadgeIndex, stamp: string, now: number): boolean {
  return index.stamp === stamp && now <= index.validUntil;
}

interface Candidate {
  slug: string;
  /** In a campaign that makes it current (listed, where the campaign needs that). */
  campaign: boolean;
  /** Its roster is held: current while its tracking window is open. */
  organic: boolean;
  rows: Enrolment[][];
}

/** The courses the sources make candidates, by folded slug, with their rows from every source. */
function candidates(sources: BadgeSources): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  const candidate = (slug: string): Candidate => {
    const key = foldForKey(slug);
    let c = found.get(key);
    if (c === undefined) found.set(key, (c = { slug, campaign: false, organic: false, rows: [] }));
    return c;
  };
  for (const campaign of sources.campaigns) {
    if (campaign.users === undefined) continue;
    let listed: Set<string> | undefined;
    if (campaign.limitToListed) {
      // Without its list of active courses, a Programs & Events campaign cannot say which are current.
      if (campaign.listed === undefined) continue;
      listed = new Set(campaign.listed.data.map((l) => foldForKey(l.slug)));
    }
    for (const course of campaign.users.data.courses) {
      if (listed !== undefined && !listed.has(foldForKey(course.slug))) continue;
      const c = candidate(course.slug);
      c.campaign = true;
      c.rows.push(course.users);
    }
  }
  for (const { data } of sources.organic) {
    const c = candidate(data.slug);
    c.organic = true;
    c.rows.push(data.users);
  }
  return found;
}

/** The newest entry per folded slug. */
function newestBySlug<T extends { slug: string }>(entries: readonly Stamped<T>[]): Map<string, Stamped<T>> {
  const bySlug = new Map<string, Stamped<T>>();
  for (const e of entries) {
    const key = foldForKey(e.data.slug);
    const kept = bySlug.get(key);
    if (kept === undefined || e.fetched_at > kept.fetched_at) bySlug.set(key, e);
  }
  return bySlug;
}

/** Titles from every campaign's active_courses.json, by folded slug. */
function listedTitles(campaigns: readonly CampaignSource[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const c of campaigns) for (const l of c.listed?.data ?? []) titles.set(foldForKey(l.slug), l.title);
  return titles;
}

const time = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso));

/**
 * Whether a candidate is current at `now`, and until when that answer holds (ms; Infinity: until a
 * source changes). A campaign's course is current unless its known dates show its tracking window
 * ended (a course that has not started yet is current); a held roster's course while its tracking
 * window is open.
 */
function currentness(c: Candidate, facts: CourseFacts | undefined, now: number): { current: boolean; until: number } {
  const start = time(facts?.start ?? null);
  const end = time(facts?.end ?? null);
  const ended = end < now;
  if (c.campaign && !ended) return { current: true, until: Number.isNaN(end) ? Infinity : end };
  if (c.organic && windowActive(facts?.start ?? null, facts?.end ?? null, now) === true) return { current: true, until: end };
  // Not current; a held roster's course that has not opened yet becomes current when it does.
  const opensLater = c.organic && start > now && end >= start;
  return { current: false, until: opensLater ? start - 1 : Infinity };
}

/**
 * The index of one Dashboard's current courses from its sources at `now`. `courseUrl` gives a course's
 * page on the Dashboard from its slug. Courses nobody is enrolled in are left out (no badge could show them).
 */
export function buildBadgeIndex(sources: BadgeSources, now: number, courseUrl: (slug: string) => string): BadgeIndex {
  const details = newestBySlug(sources.details);
  const titles = listedTitles(sources.campaigns);
  let validUntil = Infinity;
  const current: { key: string; candidate: Candidate; facts: CourseFacts | undefined }[] = [];
  for (const [key, candidate] of candidates(sources)) {
    if (candidate.rows.every((rows) => rows.length === 0)) continue;
    const facts = details.get(key)?.data;
    const { current: isCurrent, until } = currentness(candidate, facts, now);
    if (until < validUntil) validUntil = until;
    if (isCurrent) current.push({ key, candidate, facts });
  }
  // Sorted by slug, so that each person's enrolments, in course order, are their badges' order.
  current.sort((a, b) => (a.candidate.slug < b.candidate.slug ? -1 : a.candidate.slug > b.candidate.slug ? 1 : 0));

  const courses: IndexedCourse[] = [];
  const missingDetails: string[] = [];
  const people = new Map<string, number | number[]>();
  for (const [i, { key, candidate, facts }] of current.entries()) {
    if (facts === undefined) missingDetails.push(candidate.slug);
    courses.push({
      slug: candidate.slug,
      url: courseUrl(candidate.slug),
      title: facts?.title ?? titles.get(key) ?? null,
      start: facts?.start ?? null,
      end: facts?.end ?? null,
      timeline_start: facts?.timeline_start ?? null,
      timeline_end: facts?.timeline_end ?? null,
      staff: unionStaff(candidate.rows.map(staffNames)),
    });
    for (const rows of candidate.rows) for (const row of rows) enrol(people, foldForKey(row.username), i, row.role);
  }
  return { stamp: sourcesStamp(sources), builtAt: now, validUntil, courses, missingDetails, people };
}

/** Adds one row of course `course` (courses come in index order, so a person's last entry is the latest course). */
function enrol(people: Map<string, number | number[]>, person: string, course: number, role: number): void {
  const code = course * ROLE_SLOTS + Math.min(Math.max(role, 0), ROLE_SLOTS - 1);
  const held = people.get(person);
  if (held === undefined) {
    people.set(person, code);
  } else if (typeof held === 'number') {
    if (Math.floor(held / ROLE_SLOTS) !== course) people.set(person, [held, code]);
    else if (code > held) people.set(person, code); // the higher role in the same course
  } else {
    const last = held.length - 1;
    if (Math.floor((held[last] ?? 0) / ROLE_SLOTS) !== course) held.push(code);
    else if (code > (held[last] ?? 0)) held[last] = code;
  }
}

/** The current courses of the person whose folded name is `person`, in slug order, with their highest role. */
export function enrolmentsOf(index: BadgeIndex, person: string): IndexedEnrolment[] {
  const held = index.people.get(person);
  if (held === undefined) return [];
  const codes = typeof held === 'number' ? [held] : held;
  const found: IndexedEnrolment[] = [];
  for (const code of codes) {
    const course = index.courses[Math.floor(code / ROLE_SLOTS)];
    if (course !== undefined) found.push({ course, role: code % ROLE_SLOTS });
  }
  return found;
}
