// Who is enrolled where, from one source of enrolment rows (a campaign's users.json, or the rosters the
// service holds): each person, by the name folded as the Dashboard folds it, with their courses and
// highest role in each. The costly part of an index (a fold and a map entry per row), so it is built
// once per change of its own source and shared by every index built from it (badge-index.ts).

import { campaignStamp, entriesStamp, type CampaignSource, type Enrolment, type OrganicRoster, type Stamped } from './badge-sources.js';
import { foldForKey } from './keys.js';
import { staffNames, unionStaff } from './staff.js';

/** A course of a part. */
export interface PartCourse {
  /** The Dashboard's own spelling. */
  slug: string;
  /** foldForKey(slug): how the course is matched across sources. */
  key: string;
  /** active_courses.json's title, where the source has one. */
  title: string | null;
  /** Sorted unique usernames with a role >= 1 in this source's rows of the course. */
  staff: string[];
}

export interface EnrolmentPart {
  /** A campaign's courses are current unless they ended; a held roster's only while open. */
  readonly kind: 'campaign' | 'organic';
  /** The identity of the source it was built from: equal stamps, equal parts. */
  readonly stamp: string;
  readonly courses: readonly PartCourse[];
  /**
   * Folded username -> enrolments, each `courseIndex * ROLE_SLOTS + role`: one number for a person in one
   * course (most people: no allocation), an array in course order for more.
   */
  readonly people: ReadonlyMap<string, number | readonly number[]>;
}

// Roles are 0..4; the slots leave room for a few more before they would collide with the next course.
export const ROLE_SLOTS = 8;

interface CourseRows {
  slug: string;
  title: string | null;
  rows: readonly Enrolment[];
}

function buildPart(kind: EnrolmentPart['kind'], stamp: string, sourceCourses: Iterable<CourseRows>): EnrolmentPart {
  // One course per folded slug, even where the source spells it twice.
  const byKey = new Map<string, { slug: string; title: string | null; rows: (readonly Enrolment[])[] }>();
  for (const { slug, title, rows } of sourceCourses) {
    if (rows.length === 0) continue; // nobody to badge
    const key = foldForKey(slug);
    const held = byKey.get(key);
    if (held === undefined) byKey.set(key, { slug, title, rows: [rows] });
    else held.rows.push(rows);
  }
  const courses: PartCourse[] = [];
  const people = new Map<string, number | number[]>();
  for (const [key, { slug, title, rows }] of byKey) {
    const index = courses.push({ slug, key, title, staff: unionStaff(rows.map(staffNames)) }) - 1;
    for (const list of rows) for (const row of list) enrol(people, foldForKey(row.username), index, row.role);
  }
  return { kind, stamp, courses, people };
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

/**
 * A campaign's part: its rows, limited to the courses its active_courses.json lists where the campaign
 * needs that (and empty until both lists are read); titles from that list where it was read.
 */
export function campaignPart(campaign: CampaignSource): EnrolmentPart {
  const stamp = campaignStamp(campaign);
  const { users, listed } = campaign;
  if (users === undefined || (campaign.limitToListed && listed === undefined)) return buildPart('campaign', stamp, []);
  const titles = new Map((listed?.data ?? []).map((l) => [foldForKey(l.slug), l.title]));
  const courses = users.data.courses.flatMap((c): CourseRows[] => {
    const title = titles.get(foldForKey(c.slug));
    if (campaign.limitToListed && title === undefined) return [];
    return [{ slug: c.slug, title: title ?? null, rows: c.users }];
  });
  return buildPart('campaign', stamp, courses);
}

/** The held rosters' part (the newest roster of each course). */
export function organicPart(rosters: readonly Stamped<OrganicRoster>[]): EnrolmentPart {
  const newest = new Map<string, Stamped<OrganicRoster>>();
  for (const r of rosters) {
    const key = foldForKey(r.data.slug);
    const kept = newest.get(key);
    if (kept === undefined || r.fetched_at > kept.fetched_at) newest.set(key, r);
  }
  const courses = [...newest.values()].map(({ data }) => ({ slug: data.slug, title: null, rows: data.users }));
  return buildPart('organic', entriesStamp(rosters), courses);
}

/** The person's enrolments in `part`, as [course index, role] pairs in course order. */
export function partEnrolments(part: EnrolmentPart, person: string): [number, number][] {
  const held = part.people.get(person);
  if (held === undefined) return [];
  const codes = typeof held === 'number' ? [held] : held;
  return codes.map((code) => [Math.floor(code / ROLE_SLOTS), code % ROLE_SLOTS]);
}
