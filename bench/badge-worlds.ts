// The Dashboards badges read, at full size (dashboard-api.md section 10), and the names a list page asks
// for: a Wiki Education term of 370 classes and about 7,500 enrolment rows (its current.json campaign),
// and two Programs & Events campaigns of editathons, some of whose courses ended long ago, in demo Worlds
// served by the fake Dashboard. Everything is drawn from a seeded PRNG: the same seed, the same worlds.

import type { CampaignUsersBody } from '../demo/wire.js';
import { DAY_MS, iso, World, type RosterEntry } from '../demo/world.js';
import { random } from './worlds.js';

export const WIKIEDU_TERM = 'fall_2026';
export const OUTREACH_CAMPAIGNS = ['community_programs_2026', 'wiki_loves_folklore_2026'] as const;

/** The service's badge settings for these worlds. */
export const BADGE_ENV = { OUTREACH_BADGE_CAMPAIGNS: OUTREACH_CAMPAIGNS.join(','), WIKIEDU_BADGE_CAMPAIGNS: '' };

const FIRST = ['Emily', 'Jordan', 'María José', 'Aiden', 'Priya', 'Chen', 'Olufemi', 'Sofia', 'Lukas', 'Ngozi', 'Mateo', 'Hannah', 'Yuki', 'Zoë', 'Omar', 'Grace', 'Dmitri', 'Aisha', 'Liam', 'Renée'];
const LAST = ['Chen', 'Smith', 'Okafor', 'García', 'Nakamura', 'Patel', 'Müller', 'Johnson', 'Kowalski', 'Haddad', 'Nguyen', 'Brown', 'Silva', 'Ivanova', 'Lindqvist', 'Dubois', 'Mensah', 'Rossi'];
const HANDLE = ['Wikiwriter', 'Bookworm', 'Sciencefan', 'Histbuff', 'Coolbeans', 'Editor', 'Libraryrat', 'Mapmaker', 'Birdwatcher', 'Quillpen'];
const SUBJECTS = ['Environmental Science', 'Intro to Sociology', 'Art History', 'Organic Chemistry', 'Women in Science', 'Linguistics', 'Public Health', 'Ecology', 'Film Studies', 'Political Theory', 'Microbiology', 'World Religions'];
const SCHOOLS = ['Riverside University', 'Lakeview College', 'Northern State University', 'St. Olaf College', 'University of the Pacific', 'Eastfield Community College', 'Grand Valley State', 'Universidad de Puerto Rico'];

/** Usernames as people pick them (spaces, accents, handles with digits), unique across everything drawn. */
export class NameDrawer {
  private readonly used = new Set<string>();
  private readonly rnd: () => number;

  constructor(seed: number) {
    this.rnd = random(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)] as T;
  }

  next(): string {
    for (;;) {
      const r = this.rnd();
      const name =
        r < 0.45
          ? `${this.pick(FIRST)} ${this.pick(LAST)}`
          : r < 0.8
            ? `${this.pick(HANDLE)}${Math.floor(this.rnd() * 10_000)}`
            : `${this.pick(FIRST).slice(0, 1)}${this.pick(LAST).toLowerCase()}${Math.floor(this.rnd() * 100)}`;
      const unique = this.used.has(name) ? `${name} ${Math.floor(this.rnd() * 1_000)}` : name;
      if (this.used.has(unique)) continue;
      this.used.add(unique);
      return unique;
    }
  }
}

export interface TermOptions {
  courses: number;
  /** Enrolment rows in all (one per person per class: ClassroomProgramCourse). */
  rows: number;
  seed: number;
}

export interface BadgeWorld {
  world: World;
  /** Everyone with a current course on this Dashboard. */
  holders: string[];
  /** Slugs of the courses the index should hold. */
  current: string[];
}

const day = (now: number, n: number): string => iso(Math.floor((now + n * DAY_MS) / 60_000) * 60_000);

/**
 * Wiki Education's current term: `courses` classes of one instructor (a few of two), one of four Wiki
 * Education staff (role 4, as the Dashboard adds them) and students, `rows` rows in all; a student in
 * fifty is in two classes. Every class running now: the whole term is current.
 */
export function wikieduTerm(now: number, names: NameDrawer, opts: TermOptions): BadgeWorld {
  const rnd = random(opts.seed);
  const world = new World(now, { dashboardUrl: 'https://dashboard.wikiedu.org', fixtures: false, currentCampaign: WIKIEDU_TERM });
  const staff = Array.from({ length: 4 }, (_, i) => `${names.next()} (Wiki Ed${i === 0 ? '' : ` ${i}`})`);
  const instructors = Array.from({ length: opts.courses }, (_, c): RosterEntry[] =>
    Array.from({ length: c % 8 === 0 ? 2 : 1 }, () => ({ username: `Prof ${names.next()}`, role: 1 })),
  );
  let students = opts.rows - opts.courses - instructors.flat().length;
  const slugs: string[] = [];
  const everyone: string[] = [...staff];
  let previous: string[] = [];
  for (let c = 0; c < opts.courses; c++) {
    const share = Math.round(students / (opts.courses - c));
    students -= share;
    const roster: RosterEntry[] = [...(instructors[c] ?? [])];
    const mine = new Set<string>();
    for (let s = 0; s < share; s++) {
      const again = previous.length > 0 && rnd() < 0.02 ? previous[Math.floor(rnd() * previous.length)] : undefined;
      const name = again !== undefined && !mine.has(again) ? again : names.next();
      mine.add(name);
      roster.push({ username: name, role: 0 });
    }
    previous = [...mine];
    const subject = SUBJECTS[c % SUBJECTS.length] as string;
    const school = SCHOOLS[Math.floor(c / SUBJECTS.length) % SCHOOLS.length] as string;
    const slug = `${school.replaceAll(' ', '_')}/${subject.replaceAll(' ', '_')}_${c + 1}_(Fall_2026)`;
    slugs.push(slug);
    everyone.push(...roster.map((r) => r.username));
    world.addCourse({
      slug,
      title: `${subject} ${c + 1}`,
      school,
      term: 'Fall 2026',
      type: 'ClassroomProgramCourse',
      start: day(now, -40 - (c % 20)),
      end: day(now, 50 + (c % 30)),
      roster: [...roster, { username: staff[c % staff.length] as string, role: 4, programManager: true }],
    });
  }
  world.campaigns.add({ slug: WIKIEDU_TERM, title: 'Fall 2026', courses: slugs });
  return { world, holders: [...new Set(everyone)], current: slugs };
}

/**
 * Programs & Events: OUTREACH_CAMPAIGNS, each `courses` editathons of 2 facilitators and `participants`
 * participants drawn from a pool of regulars (so people come back from one event to the next); a third of
 * each campaign's courses ended 60 days ago (so its active_courses.json leaves them out).
 */
export function outreachCampaigns(now: number, names: NameDrawer, opts: { courses: number; participants: number; seed: number }): BadgeWorld {
  const rnd = random(opts.seed);
  const world = new World(now, { fixtures: false });
  const regulars = Array.from({ length: Math.round(opts.courses * opts.participants * 0.6) }, () => names.next());
  const holders = new Set<string>();
  const current: string[] = [];
  for (const [k, campaign] of OUTREACH_CAMPAIGNS.entries()) {
    const slugs: string[] = [];
    for (let c = 0; c < opts.courses; c++) {
      const over = c % 3 === 2;
      const slug = `Outreach_Group_${c % 17}/Editathon_${k + 1}.${c + 1}`;
      const people = new Set<string>();
      while (people.size < opts.participants) people.add(regulars[Math.floor(rnd() * regulars.length)] as string);
      const roster: RosterEntry[] = [names.next(), names.next()].map((username) => ({ username, role: 1 }));
      roster.push(...[...people].map((username): RosterEntry => ({ username, role: 0 })));
      world.addCourse({ slug, title: `Editathon ${k + 1}.${c + 1}`, school: `Outreach Group ${c % 17}`, ...(over ? { start: day(now, -90), end: day(now, -60) } : { start: day(now, -5), end: day(now, 25) }), roster });
      slugs.push(slug);
      if (!over) {
        current.push(slug);
        for (const r of roster) holders.add(r.username);
      }
    }
    world.campaigns.add({ slug: campaign, title: campaign, courses: slugs });
  }
  return { world, holders: [...holders], current };
}

/** A campaign's users.json body exactly as the fake Dashboard sends it. */
export function campaignUsersBody(world: World, slug: string): CampaignUsersBody {
  const found = world.campaigns.users(slug);
  if (found.status !== 'found') throw new Error(`no campaign ${slug}`);
  return found.body;
}

/** `size` distinct names in a random order, `holders` of them drawn from `holding` and the rest from `others`. */
export function pageOfNames(rnd: () => number, holding: readonly string[], others: readonly string[], size: number, holders: number): string[] {
  const page = new Set<string>();
  const draw = (from: readonly string[], until: number): void => {
    while (page.size < until) page.add(from[Math.floor(rnd() * from.length)] as string);
  };
  draw(holding, holders);
  draw(others, size);
  const names = [...page];
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  return names;
}
