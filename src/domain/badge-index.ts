// The index of current courses of one Dashboard, from which badges are answered (api-contract.md v1.2):
// which courses are current, each with its staff and what is known of its title and dates, and for each
// person their current courses with their highest role. Two levels, so that nothing is redone per
// request and little per change: who is enrolled where, one part per source of rows (badge-enrolments.ts,
// rebuilt when that source changes), and over them which courses are current (rebuilt when a part or
// the details change, or when time reaches a course's window boundary). updateBadgeIndex() does both,
// reusing what did not change; a lookup is one Map lookup per part.

import { windowActive } from './activity.js';
import { campaignPart, organicPart, partEnrolments, ROLE_SLOTS, type EnrolmentPart } from './badge-enrolments.js';
import { campaignStamp, entriesStamp, type BadgeSources, type CourseFacts, type Stamped } from './badge-sources.js';
import { foldForKey } from './keys.js';
import { unionStaff } from './staff.js';

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
  /** Sorted unique usernames with a role >= 1, over every source's rows of the course. */
  staff: string[];
}

/** One person's place in one current course. */
export interface IndexedEnrolment {
  course: IndexedCourse;
  /** The highest of the person's roles in the course. */
  role: number;
}

export interface BadgeIndex {
  /** The identity of the sources it was built from (its parts' stamps and the details'). */
  readonly stamp: string;
  /** When it was last derived from changed sources (ms): a refresh that brings the same content keeps it. */
  readonly builtAt: number;
  /** Build again once the clock passes this (ms), sources unchanged or not: a course's window opens or ends. */
  readonly validUntil: number;
  /** The current courses, sorted by slug. */
  readonly courses: readonly IndexedCourse[];
  /** Distinct people in the current courses. */
  readonly users: number;
  /** Slugs of current courses whose details are not known yet: the ones to load (in the background). */
  readonly missingDetails: readonly string[];
  readonly parts: readonly EnrolmentPart[];
  /** For each part, each of its courses' place in `courses`, or -1 when it is not current. */
  readonly placement: readonly Int32Array[];
}

interface Candidate {
  slug: string;
  title: string | null;
  campaign: boolean;
  organic: boolean;
  staff: string[][];
  /** [part, course index in the part] */
  refs: [number, number][];
}

const time = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso));

/**
 * Whether a course is current at `now`, and until when that holds (ms; Infinity: until a source changes).
 * A campaign's course is current unless its known dates show its tracking window ended (one that has not
 * started yet is current); a held roster's course while its tracking window is open.
 */
function currentness(c: Candidate, facts: CourseFacts | undefined, now: number): { current: boolean; until: number } {
  const start = time(facts?.start ?? null);
  const end = time(facts?.end ?? null);
  if (c.campaign && !(end < now)) return { current: true, until: Number.isNaN(end) ? Infinity : end };
  if (c.organic && windowActive(facts?.start ?? null, facts?.end ?? null, now) === true) return { current: true, until: end };
  const opensLater = c.organic && start > now && end >= start; // a held roster's course, not open yet
  return { current: false, until: opensLater ? start - 1 : Infinity };
}

function newestFacts(details: readonly Stamped<CourseFacts>[]): Map<string, CourseFacts> {
  const newest = new Map<string, Stamped<CourseFacts>>();
  for (const d of details) {
    const key = foldForKey(d.data.slug);
    const kept = newest.get(key);
    if (kept === undefined || d.fetched_at > kept.fetched_at) newest.set(key, d);
  }
  return new Map([...newest].map(([key, d]) => [key, d.data]));
}

function indexOver(parts: readonly EnrolmentPart[], details: readonly Stamped<CourseFacts>[], now: number, courseUrl: (slug: string) => string): BadgeIndex {
  const candidates = new Map<string, Candidate>();
  for (const [p, part] of parts.entries()) {
    for (const [i, course] of part.courses.entries()) {
      let c = candidates.get(course.key);
      if (c === undefined) candidates.set(course.key, (c = { slug: course.slug, title: null, campaign: false, organic: false, staff: [], refs: [] }));
      c[part.kind] = true;
      c.title ??= course.title;
      c.staff.push(course.staff);
      c.refs.push([p, i]);
    }
  }
  const facts = newestFacts(details);
  let validUntil = Infinity;
  const current: { key: string; c: Candidate }[] = [];
  for (const [key, c] of candidates) {
    const { current: isCurrent, until } = currentness(c, facts.get(key), now);
    validUntil = Math.min(validUntil, until);
    if (isCurrent) current.push({ key, c });
  }
  current.sort((a, b) => (a.c.slug < b.c.slug ? -1 : a.c.slug > b.c.slug ? 1 : 0)); // badges come in slug order
  const placement = parts.map((part) => new Int32Array(part.courses.length).fill(-1));
  const courses = current.map(({ key, c }, g): IndexedCourse => {
    for (const [p, i] of c.refs) placement[p]?.fill(g, i, i + 1);
    const f = facts.get(key);
    return {
      slug: c.slug,
      url: courseUrl(c.slug),
      title: f?.title ?? c.title,
      start: f?.start ?? null,
      end: f?.end ?? null,
      timeline_start: f?.timeline_start ?? null,
      timeline_end: f?.timeline_end ?? null,
      staff: c.staff.length === 1 ? (c.staff[0] ?? []) : unionStaff(c.staff),
    };
  });
  const missingDetails = current.filter(({ key }) => !facts.has(key)).map(({ c }) => c.slug);
  const stamp = `${parts.map((p) => p.stamp).join(',')}|${entriesStamp(details)}`;
  return { stamp, builtAt: now, validUntil, courses, users: countPeople(parts, placement), missingDetails, parts, placement };
}

/** Distinct people with a current course: each counted in the first part where they have one. */
function countPeople(parts: readonly EnrolmentPart[], placement: readonly Int32Array[]): number {
  const current = (p: number, code: number): boolean => (placement[p]?.[Math.floor(code / ROLE_SLOTS)] ?? -1) >= 0;
  const currentIn = (p: number, held: number | readonly number[]): boolean =>
    typeof held === 'number' ? current(p, held) : held.some((code) => current(p, code));
  let count = 0;
  for (const [p, part] of parts.entries()) {
    for (const [person, held] of part.people) {
      if (!currentIn(p, held)) continue;
      let earlier = false;
      for (let q = 0; q < p && !earlier; q++) {
        const there = parts[q]?.people.get(person);
        earlier = there !== undefined && currentIn(q, there);
      }
      if (!earlier) count++;
    }
  }
  return count;
}

/**
 * The index for `sources` at `now`: `previous` itself while it still holds (same sources, window
 * boundaries not passed), else a new one that reuses every part of `previous` whose source did not change.
 * `courseUrl` gives a course's page on the Dashboard from its slug.
 */
export function updateBadgeIndex(
  previous: BadgeIndex | undefined,
  sources: BadgeSources,
  now: number,
  courseUrl: (slug: string) => string,
): BadgeIndex {
  const stamps = [...sources.campaigns.map(campaignStamp), entriesStamp(sources.organic)];
  if (previous !== undefined && now <= previous.validUntil && previous.stamp === `${stamps.join(',')}|${entriesStamp(sources.details)}`) {
    return previous;
  }
  const reusable = new Map(previous?.parts.map((p) => [`${p.kind}:${p.stamp}`, p]));
  const parts = [
    ...sources.campaigns.map((c, i) => reusable.get(`campaign:${stamps[i]}`) ?? campaignPart(c)),
    reusable.get(`organic:${stamps.at(-1)}`) ?? organicPart(sources.organic),
  ];
  const next = indexOver(parts, sources.details, now, courseUrl);
  // A refresh fetches anew what may not have changed upstream: the index then stays as it was derived.
  return previous !== undefined && sameContent(previous, next) ? { ...next, builtAt: previous.builtAt } : next;
}

/** Whether two indexes say the same: the same current courses (all their fields) and the same people in the same parts. */
function sameContent(a: BadgeIndex, b: BadgeIndex): boolean {
  if (a.users !== b.users || a.parts.length !== b.parts.length || JSON.stringify(a.courses) !== JSON.stringify(b.courses)) return false;
  return a.parts.every((part, p) => samePart(part, b.parts[p], a.placement[p], b.placement[p]));
}

function samePart(a: EnrolmentPart, b: EnrolmentPart | undefined, placedA: Int32Array | undefined, placedB: Int32Array | undefined): boolean {
  if (b === undefined || a === b) return a === b;
  if (a.kind !== b.kind || a.people.size !== b.people.size || JSON.stringify(a.courses) !== JSON.stringify(b.courses)) return false;
  if (placedA?.join() !== placedB?.join()) return false;
  for (const [person, held] of a.people) {
    const other = b.people.get(person);
    if (typeof held === 'number' ? held !== other : typeof other === 'number' || other === undefined || held.join() !== other.join()) return false;
  }
  return true;
}

/** A fresh index of `sources` at `now` (updateBadgeIndex with nothing to reuse). */
export function buildBadgeIndex(sources: BadgeSources, now: number, courseUrl: (slug: string) => string): BadgeIndex {
  return updateBadgeIndex(undefined, sources, now, courseUrl);
}

/** The current courses of the person whose folded name is `person`, in slug order, with their highest role. */
export function enrolmentsOf(index: BadgeIndex, person: string): IndexedEnrolment[] {
  const roles = new Map<number, number>(); // place in index.courses -> highest role
  for (const [p, part] of index.parts.entries()) {
    for (const [i, role] of partEnrolments(part, person)) {
      const g = index.placement[p]?.[i] ?? -1;
      if (g >= 0 && role > (roles.get(g) ?? -1)) roles.set(g, role);
    }
  }
  return [...roles]
    .sort(([a], [b]) => a - b)
    .flatMap(([g, role]) => {
      const course = index.courses[g];
      return course === undefined ? [] : [{ course, role }];
    });
}
