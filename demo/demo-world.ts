// The demo's data: the fixture courses and personas the tests and the demo rely on, and the world
// that has them (the fixture snapshot moved to now, plus the courses added here).

import { DEMO_CAMPAIGNS } from './badge-campaigns.js';
import { DAY_MS, iso, World, type RosterEntry } from './world.js';

/** Fixture courses (keys as in demo/fixtures/README.md) and the courses demoWorld adds. */
export const COURSES = {
  /** A: semester course, active. */
  active: 'Université_de_Montréal/Histoire_des_sciences_(Automne_2026)',
  /** B: tracking window active, event weekend not started yet. */
  eventAhead: 'Wikimedia_Deutschland/Frauen_in_der_Wissenschaft_Edit-a-thon_(November_2026)',
  /** C: ended long ago. */
  past: 'Wikimedia_Argentina/Wikipedia_en_la_Universidad_(2025)',
  /** D: starts in the future, no editors. */
  future: 'Makerere_University/Wikipedia_Writing_Workshop_(January_2027)',
  /** E: 64 editors, 3 facilitators, no term. */
  large: 'Wikimedians_of_Nigeria/Wiki_Loves_Women_Writing_Drive_2026',
  /** F: ended recently, still inside the 30-day update window. */
  recentlyEnded: 'Wikimedia_UK/Wikidata_Taster_(Saturday_7th_November_2026)',
  /** G: ArticleScopedProgram, active. */
  articleScoped: 'WikiProject_Medicine/Health_Misinformation_Cleanup_(Q4_2026)',
  /** H: past; `.`, `'` and `,` in the slug. */
  oddSlug: "St._Mary's_College,_Lagos/Wikidata_101",
  threeSegments: 'Wiki_Club/Berlin/Spring_Sprint_(2026)',
  /** 60 facilitators: more than one 50-name ping. */
  manyStaff: 'Global_Mentors/Onboarding_Marathon',
  xss: 'Security_Test_Lab/Escaping_Drill',
  pastOnly: 'Archive_Society/Winter_Editathon',
  /** Private: 404 {"message":"not found"} for anonymous clients. */
  private: 'Secret_Lab/Internal_Pilot_(2026)',
  /** Active, on Wikidata, run by PERSONAS.onBoth (who is also a Wiki Education student). */
  librariesSprint: 'Wikimedia_Levant/Wikidata_Libraries_Sprint',
} as const;

export const PERSONAS = {
  /** Unicode name with a space; Instructor in A (active), Student in B (active) and C (past). */
  active: 'Émilie Dupont',
  unicode: 'Émilie Dupont',
  /** Three courses, three roles (Instructor, Student, Online Volunteer). */
  multiRole: 'Adaeze Okafor',
  withSpaces: 'User With Spaces',
  /** Facilitator and editor in B: listed twice there. */
  twiceInOneCourse: 'Lena Vogel',
  /** Exists, enrolled nowhere: 200 with `courses_details: []`. */
  noCourses: 'Quiet Reader',
  /** Not in the world: 404. */
  unknown: 'Ghost User',
  /** Stored with a lower-case second word; requested as `lower_first`. */
  lowerFirst: 'Lower first',
  plusSigns: 'C++ Fan',
  percent: '100% Wiki',
  /** Only in a course whose tracking and event windows have both ended. */
  pastOnly: 'Past Participant',
  threeSegmentStudent: 'Sprint Runner',
  bigCourseStudent: 'Big Course Student',
  /** Staff member whose name is an HTML/script payload, in the course of `xssTarget`. */
  xssStaff: `Evil <img src=x onerror="window.__xss=1">&amp; "Q" 'A'`,
  xssTarget: 'Xss Target',
  /** Enrolled only in the private course: 200 with `courses_details: []`. */
  privateOnly: 'Secret Student',
  /** On both Dashboards: runs COURSES.librariesSprint here, a student in a Wiki Education class (demo/wikiedu-world.ts). */
  onBoth: 'Noor Haddad',
} as const;

/** Names of the 60 facilitators of COURSES.manyStaff. */
export const MANY_STAFF = Array.from({ length: 60 }, (_, i) => `Mentor ${String(i + 1).padStart(2, '0')}`);

/**
 * The fixture world shifted to `now`, plus the personas above (all dates relative to `now`), and its
 * campaigns (badge-campaigns.ts): `miscellanea` (every course, `current.json`'s) and the two indexed for badges.
 */
export function demoWorld(now: number = Date.now()): World {
  const world = new World(now);
  // Whole minutes, like dates picked in the Dashboard's time pickers.
  const day = (n: number): string => iso(Math.floor((now + n * DAY_MS) / 60_000) * 60_000);
  const staff = (username: string): RosterEntry => ({ username, role: 1 });
  const editor = (username: string): RosterEntry => ({ username, role: 0 });
  const P = PERSONAS;

  world.addCourse({
    slug: COURSES.threeSegments,
    school: 'Wiki Club/Berlin',
    title: 'Spring Sprint',
    term: '2026',
    start: day(-10),
    end: day(20),
    homeWiki: { id: 3, language: 'de', project: 'wikipedia' },
    roster: [staff('Sprint Host'), editor(P.threeSegmentStudent), editor(P.lowerFirst), editor(P.plusSigns), editor(P.percent)],
  });
  world.addCourse({
    slug: COURSES.manyStaff,
    school: 'Global Mentors',
    title: 'Onboarding Marathon',
    type: 'Editathon',
    start: day(-3),
    end: day(30),
    roster: [...MANY_STAFF.map(staff), editor(P.bigCourseStudent)],
  });
  world.addCourse({
    slug: COURSES.xss,
    school: 'Security Test Lab',
    title: 'Escaping Drill',
    description: 'Names like <b>this</b> & "that" must arrive as text, never as markup.',
    start: day(-7),
    end: day(14),
    roster: [staff('Honest Host'), staff(P.xssStaff), editor(P.xssTarget)],
  });
  world.addCourse({
    slug: COURSES.pastOnly,
    school: 'Archive Society',
    title: 'Winter Editathon',
    type: 'Editathon',
    start: day(-150),
    end: day(-120),
    timeline_start: day(-149),
    timeline_end: day(-148),
    roster: [staff('Archive Host'), editor(P.pastOnly)],
  });
  world.addCourse({
    slug: COURSES.private,
    school: 'Secret Lab',
    title: 'Internal Pilot',
    term: '2026',
    private: true,
    start: day(-10),
    end: day(40),
    roster: [staff('Secret Researcher'), editor(P.privateOnly)],
  });
  world.addCourse({
    slug: COURSES.librariesSprint,
    school: 'Wikimedia Levant',
    title: 'Wikidata Libraries Sprint',
    type: 'Editathon',
    start: day(-5),
    end: day(25),
    homeWiki: { id: 4, language: null, project: 'wikidata' },
    roster: [staff(P.onBoth), staff('Levant Host'), editor('Sami Khoury')],
  });
  // F (recently ended) stays out of both, so that its badge does not come and go while its details load.
  world.campaigns.add({
    slug: DEMO_CAMPAIGNS.communityPrograms,
    title: 'Community Programs 2026',
    courses: [COURSES.active, COURSES.eventAhead, COURSES.past, COURSES.future, COURSES.large, COURSES.articleScoped, COURSES.oddSlug],
  });
  world.campaigns.add({
    slug: DEMO_CAMPAIGNS.editathons,
    title: 'Editathons and Sprints 2026',
    courses: [COURSES.threeSegments, COURSES.manyStaff, COURSES.xss, COURSES.pastOnly, COURSES.private, COURSES.librariesSprint],
  });
  return world;
}
