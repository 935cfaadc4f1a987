// The Dashboard contents each benchmark needs, built into a fresh demo World (fixtures included).

import { World, type RosterEntry, type WorldOptions } from '../demo/world.js';

const DAY_MS = 86_400_000;

/** Dates relative to `now`, in whole minutes like the Dashboard's; active runs now, past ended long ago. */
function windows(now: number) {
  const day = (n: number): string => new Date(Math.floor((now + n * DAY_MS) / 60_000) * 60_000).toISOString();
  return { active: { start: day(-10), end: day(20) }, past: { start: day(-120), end: day(-90) } };
}

const staff = (username: string): RosterEntry => ({ username, role: 1 });
const editor = (username: string): RosterEntry => ({ username, role: 0 });

/** One user in `courses` active courses, each with a few staff and editors (the warm hot path). */
export function hotWorld(now: number, courses = 3): { world: World; username: string } {
  const world = new World(now);
  const username = 'Hot User';
  const { active } = windows(now);
  for (let c = 1; c <= courses; c++) {
    world.addCourse({
      slug: `Bench_School/Hot_Course_${c}`,
      title: `Hot Course ${c}`,
      school: 'Bench School',
      ...active,
      roster: [
        ...[1, 2, 3].map((s) => staff(`Hot Host ${c}.${s}`)),
        editor(username),
        ...[1, 2, 3, 4].map((e) => editor(`Hot Editor ${c}.${e}`)),
      ],
    });
  }
  return { world, username };
}

/** `users` users, each in `courses` courses of their own, the first `active` of them running now (on the Dashboard `options` says). */
export function coldWorld(
  now: number,
  users: number,
  courses: number,
  active: number,
  options?: WorldOptions,
): { world: World; usernames: string[] } {
  const world = new World(now, options);
  const w = windows(now);
  const usernames = Array.from({ length: users }, (_, u) => `Cold User ${u + 1}`);
  usernames.forEach((username, u) => {
    for (let c = 0; c < courses; c++) {
      world.addCourse({
        slug: `Cold_School/U${u + 1}_Course_${c + 1}`,
        title: `Course ${c + 1} of ${username}`,
        school: 'Cold School',
        ...(c < active ? w.active : w.past),
        roster: [staff(`Cold Host ${u + 1}.${c + 1}`), staff(`Cold Co-host ${u + 1}.${c + 1}`), editor(username)],
      });
    }
  });
  return { world, usernames };
}

/** A seeded PRNG (mulberry32): the same seed draws the same population and trace on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Draws from `items` ranked in a random order, rank r with weight 1/r^skew (Zipf-like popularity). */
export function zipfDraw<T>(items: readonly T[], skew: number, rnd: () => number): () => T {
  const ranked = [...items];
  for (let i = ranked.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ranked[i], ranked[j]] = [ranked[j] as T, ranked[i] as T];
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= ranked.length; r++) cumulative.push((sum += 1 / r ** skew));
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return ranked[lo] as T;
  };
}

export interface Person {
  username: string;
  /** enrolled: in 1-3 courses; no-courses: exists upstream, enrolled nowhere; unknown: upstream 404. */
  kind: 'enrolled' | 'no-courses' | 'unknown';
  courses: number;
  /** Of those, running now (the ones whose roster the gadget needs). */
  active: number;
}

export interface PopulationOptions {
  size: number;
  /** Share of people enrolled in any course (the rest split evenly between no-courses and unknown). */
  enrolledShare: number;
  seed: number;
  /** Keeps the names of two populations apart. */
  prefix: string;
}

/**
 * Users whose pages an organiser might open: mostly people who are not on the Dashboard at all.
 * Enrolled people share courses (about two per course), two thirds of which are running now.
 */
export function addPopulation(
  world: World,
  now: number,
  opts: PopulationOptions,
): { people: Person[]; courses: number; activeCourses: number; overSlugs: Set<string> } {
  const rnd = random(opts.seed);
  const w = windows(now);
  const enrolled = Math.round(opts.size * opts.enrolledShare);
  const poolSize = Math.max(1, Math.round(enrolled / 2));
  const isActive = (course: number): boolean => course % 3 !== 2;
  const rosters: string[][] = Array.from({ length: poolSize }, () => []);
  const people: Person[] = [];
  for (let i = 0; i < opts.size; i++) {
    const username = `${opts.prefix} ${String(i + 1).padStart(5, '0')}`;
    if (i < enrolled) {
      const mine = new Set<number>();
      const want = 1 + Math.floor(rnd() * 3);
      while (mine.size < Math.min(want, poolSize)) mine.add(Math.floor(rnd() * poolSize));
      for (const c of mine) rosters[c]?.push(username);
      people.push({ username, kind: 'enrolled', courses: mine.size, active: [...mine].filter(isActive).length });
    } else if ((i - enrolled) % 2 === 0) {
      world.addUser(username);
      people.push({ username, kind: 'no-courses', courses: 0, active: 0 });
    } else {
      people.push({ username, kind: 'unknown', courses: 0, active: 0 });
    }
  }
  const overSlugs = new Set<string>();
  rosters.forEach((editors, c) => {
    const slug = `${opts.prefix.replaceAll(' ', '_')}_School/Course_${c + 1}`;
    if (!isActive(c)) overSlugs.add(slug); // ended 90 days ago: over
    world.addCourse({
      slug,
      title: `Course ${c + 1}`,
      school: `${opts.prefix} School`,
      ...(isActive(c) ? w.active : w.past),
      roster: [staff(`${opts.prefix} Host ${c + 1}`), ...editors.map(editor)],
    });
  });
  return { people, courses: poolSize, activeCourses: rosters.filter((_, c) => isActive(c)).length, overSlugs };
}
