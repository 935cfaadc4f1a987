// The Wiki Education Dashboard's demo world (dashboard.wikiedu.org: the same code and JSON as Programs
// & Events, dashboard-api.md section 9): university classes on English Wikipedia, each a
// ClassroomProgramCourse with a term that has a year, one row per person, and Wiki Education's program
// manager added by the Dashboard as role 4. It shares one person with the Programs & Events world
// (PERSONAS.onBoth: one username is one person on both) and one slug (COURSES.active), which here is
// another course. Dates are relative to now, like the demo world's.

import { DEMO_CAMPAIGNS } from './badge-campaigns.js';
import { COURSES, PERSONAS } from './demo-world.js';
import { DAY_MS, iso, World, type NewCourse, type RosterEntry } from './world.js';

export const WIKIEDU_URL = 'https://dashboard.wikiedu.org';

export const WIKIEDU_COURSES = {
  /** An active class: PERSONAS.onBoth and WIKIEDU_PERSONAS.student are its students. */
  class: 'Riverside_University/Environmental_Science_(Spring_2026)',
  /** The slug of Programs & Events' COURSES.active, here another course (other id, title and roster). */
  sameSlug: COURSES.active,
  /** A class that ended months ago. */
  past: 'Riverside_University/Intro_to_Sociology_(Fall_2025)',
} as const;

export const WIKIEDU_PERSONAS = {
  instructor: 'Prof Ada Lindqvist',
  /** Added to every class as role 4 when it is approved (program_manager: true). */
  programManager: 'Sage (Wiki Ed)',
  /** Only on Wiki Education: a student of the active class and of the past one. */
  student: 'Taylor Brooks',
  /** Teaches the course of the shared slug. */
  sameSlugInstructor: 'Prof Marc Tremblay',
} as const;

type ClassSpec = Omit<NewCourse, 'type' | 'url' | 'roster'> & { roster: readonly RosterEntry[] };

/** A class as the Wiki Education Dashboard keeps it: its on-wiki course page, and the program manager added. */
function addClass(world: World, spec: ClassSpec): void {
  world.addCourse({
    ...spec,
    type: 'ClassroomProgramCourse',
    url: `https://en.wikipedia.org/wiki/Wikipedia:Wiki_Ed/${spec.slug}`,
    roster: [...spec.roster, { username: WIKIEDU_PERSONAS.programManager, role: 4, programManager: true }],
  });
}

/**
 * The Wiki Education world at `now` (no Programs & Events fixtures), with its campaigns (badge-campaigns.ts):
 * the current term (`current.json`'s) with the running class, last term with the past one, and the
 * exchange sections with the course of the shared slug.
 */
export function wikieduWorld(now: number = Date.now()): World {
  const world = new World(now, { dashboardUrl: WIKIEDU_URL, fixtures: false, currentCampaign: DEMO_CAMPAIGNS.currentTerm });
  const day = (n: number): string => iso(Math.floor((now + n * DAY_MS) / 60_000) * 60_000);
  const P = WIKIEDU_PERSONAS;
  addClass(world, {
    slug: WIKIEDU_COURSES.class,
    school: 'Riverside University',
    title: 'Environmental Science',
    term: 'Spring 2026',
    start: day(-30),
    end: day(60),
    roster: [
      { username: P.instructor, role: 1 },
      { username: PERSONAS.onBoth, role: 0 },
      { username: P.student, role: 0 },
      { username: 'Jordan Ellis', role: 0 },
    ],
  });
  addClass(world, {
    slug: WIKIEDU_COURSES.sameSlug,
    school: 'Université de Montréal',
    title: 'Histoire des sciences',
    term: 'Automne 2026',
    description: 'An English-language exchange section on Wiki Education: not the Programs & Events course of this slug.',
    start: day(-20),
    end: day(40),
    roster: [
      { username: P.sameSlugInstructor, role: 1 },
      { username: 'Avery Nakamura', role: 0 },
    ],
  });
  addClass(world, {
    slug: WIKIEDU_COURSES.past,
    school: 'Riverside University',
    title: 'Intro to Sociology',
    term: 'Fall 2025',
    start: day(-200),
    end: day(-110),
    roster: [
      { username: P.instructor, role: 1 },
      { username: P.student, role: 0 },
    ],
  });
  world.campaigns.add({ slug: DEMO_CAMPAIGNS.currentTerm, title: 'Spring 2026', courses: [WIKIEDU_COURSES.class] });
  world.campaigns.add({ slug: DEMO_CAMPAIGNS.pastTerm, title: 'Fall 2025', courses: [WIKIEDU_COURSES.past] });
  world.campaigns.add({ slug: DEMO_CAMPAIGNS.exchangeSections, title: 'Exchange Sections 2026', courses: [WIKIEDU_COURSES.sameSlug] });
  return world;
}
