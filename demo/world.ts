// The world model behind the fake Dashboard: courses, rosters and users, seeded from the fixture
// snapshot (demo/fixtures, taken at SNAPSHOT_AT) moved forward in time so that what was active then is
// active now, and answering as upstream would. Bodies keep every upstream field, so the service's
// trimming is exercised for real.

import { readFileSync } from 'node:fs';
import { Campaigns } from './campaigns.js';
import {
  collationKey,
  DAY_MS,
  ROLE_LABELS,
  type CourseBody,
  type EnrolmentDetail,
  type Json,
  type Role,
  type RosterRowBody,
  type UserStatsBody,
} from './wire.js';

export { collationKey, DAY_MS };

export const SNAPSHOT_AT = '2026-11-26T12:00:00.000Z';

export interface RosterEntry {
  username: string;
  role: Role;
  /** Wiki Education's program manager, added to a class by the Dashboard itself (role 4). */
  programManager?: boolean;
}

export interface WorldOptions {
  /** The Dashboard the world imitates, as its own links (enroll_url) name it. */
  dashboardUrl?: string;
  /**
   * Seed the Programs & Events fixture snapshot (default), with its catch-all campaign `miscellanea`
   * holding every course; false: an empty world of courses and campaigns added later.
   */
  fixtures?: boolean;
  /** The campaign `/campaigns/current.json` answers for (default `miscellanea`, as on Programs & Events). */
  currentCampaign?: string;
}

/** Course types whose enrolment allows one row per person only (Wiki Education's classes). */
const ONE_ROW_PER_PERSON = new Set(['ClassroomProgramCourse']);

export interface NewCourse {
  slug: string;
  title: string;
  school: string;
  term?: string;
  type?: string;
  /** null: the course has none (upstream then sends null). */
  description?: string | null;
  /** ISO-8601 UTC in the Dashboard's form, e.g. 2026-11-26T12:00:00.000Z. */
  start: string;
  end: string;
  /** The event window; defaults to start/end, as upstream does. */
  timeline_start?: string;
  timeline_end?: string;
  private?: boolean;
  homeWiki?: { id: number; language: string | null; project: string };
  /** course.json's `url`, the on-wiki course page (Wiki Education's classes have one); null by default. */
  url?: string | null;
  roster: readonly RosterEntry[];
}

/** What a lookup found; private courses are hidden from anonymous clients, unlike missing ones. */
export type Lookup<T> = { status: 'found'; body: T } | { status: 'private' } | { status: 'missing' };

interface Enrolment {
  row: RosterRowBody;
  /** The courses_users row id: what user_stats calls `course_id`. */
  id: number;
}

interface CourseRecord {
  body: CourseBody;
  enrolments: Enrolment[];
}

interface UserRecord {
  username: string;
  id: number;
  globalId: number;
  registeredAt: string;
  /** The fixture's user_stats body: source of the blocks that cannot be derived (uploads, human numbers). */
  stats?: Json;
}

const FIXTURES = new URL('./fixtures/', import.meta.url);
const TEMPLATE_COURSE = 'courses/Université_de_Montréal/Histoire_des_sciences_(Automne_2026)/course.json';
const DASHBOARD_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|\+00:00)$/;

function readFixture(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));
}

/** Every date string of the Dashboard's two forms (…Z for columns, …+00:00 inside flags) moved by deltaMs. */
export function shiftDates(value: unknown, deltaMs: number): unknown {
  if (typeof value === 'string') {
    const m = DASHBOARD_DATE.exec(value);
    if (!m) return value;
    const shifted = new Date(Date.parse(value) + deltaMs).toISOString();
    return m[1] === 'Z' ? shifted : shifted.replace('Z', '+00:00');
  }
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, deltaMs));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, deltaMs)]));
  }
  return value;
}

/** Ruby's CGI.escape, as the Dashboard builds contribution URLs (after spaces -> _). */
function cgiEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Rails' path-segment escaping: like encodeURIComponent but keeps the sub-delimiters (`,` in H's enroll_url). */
function pathEscape(segment: string): string {
  return encodeURIComponent(segment).replace(/%(21|24|26|2B|2C|3A|3B|3D|40)/g, (e) => decodeURIComponent(e));
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

interface ManifestRoute {
  path: string;
  status: number;
  file: string;
  query?: { username?: string };
}

const USES_START_AND_END_TIMES = new Set(['BasicCourse', 'Editathon', 'ArticleScopedProgram']);
const NO_INSTRUCTOR_STATS = { course_string_prefix: 'courses_generic', courses_count: 0, user_count: 0, trained_percent: '0' };
const NO_STUDENT_WORK = {
  word_count: '0',
  references_count: '0',
  view_sum: '0',
  article_count: '0',
  new_article_count: '0',
  upload_count: '0',
  uploads_in_use_count: 0,
  upload_usage_count: 0,
};
const NO_STUDENT_STATS = {
  course_string_prefix: 'courses_generic',
  individual_courses_count: 0,
  individual_word_count: '0',
  individual_references_count: '0',
  individual_article_count: '0',
  individual_upload_count: '0',
  individual_upload_usage_count: '0',
};

export class World {
  /** The instant the world was built for; the fixtures are shifted by (now − SNAPSHOT_AT), whole seconds. */
  readonly now: number;
  readonly dashboardUrl: string;
  private readonly courses = new Map<string, CourseRecord>();
  private readonly users = new Map<string, UserRecord>();
  /** Its campaigns (`/campaigns/...`), computed from its courses at request time. */
  readonly campaigns: Campaigns;
  private readonly template: CourseBody;
  // Made-up ids start above the fixtures' ranges so they never collide.
  private nextCourseId = 33_001;
  private nextUserId = 2_200_001;
  private nextEnrolmentId = 2_200_001;

  constructor(now: number = Date.now(), options: WorldOptions = {}) {
    this.now = now;
    this.dashboardUrl = options.dashboardUrl ?? 'https://outreachdashboard.wmflabs.org';
    // Whole seconds keep the `.000` milliseconds that Dashboard timestamps always have.
    const delta = Math.round((now - Date.parse(SNAPSHOT_AT)) / 1000) * 1000;
    const load = (file: string): unknown => shiftDates(readFixture(file), delta);
    this.template = (load(TEMPLATE_COURSE) as { course: CourseBody }).course;
    const view = (c: CourseRecord) => ({ body: c.body, rows: c.enrolments.map((e) => e.row) });
    this.campaigns = new Campaigns(
      {
        all: () => [...this.courses.values()].map(view),
        find: (slug) => {
          const found = this.courses.get(collationKey(slug));
          return found && view(found);
        },
      },
      options.currentCampaign ?? 'miscellanea',
    );
    if (options.fixtures === false) return;
    this.campaigns.add({ slug: 'miscellanea', title: 'Miscellanea', description: 'Programs that are not part of any other campaign.', courses: 'all' });

    const routes = (readFixture('manifest.json') as { routes: ManifestRoute[] }).routes.filter((r) => r.status === 200);
    for (const r of routes.filter((r) => r.path.endsWith('/course.json'))) {
      const body = (load(r.file) as { course: CourseBody }).course;
      const rows = (load(r.file.replace(/course\.json$/, 'users.json')) as { course: { users: RosterRowBody[] } }).course.users;
      for (const row of rows) this.ensureUser(row.username, row);
      this.courses.set(collationKey(body.slug), { body, enrolments: rows.map((row) => ({ row, id: 0 })) });
    }
    for (const r of routes) {
      const username = r.query?.username;
      if (r.path !== '/user_stats.json' || username === undefined) continue;
      const stats = load(r.file) as UserStatsBody;
      const user = this.ensureUser(username);
      user.stats = stats;
      for (const d of stats.courses_details) this.fixtureEnrolment(d, user.username).id = d.course_id;
    }
    // Rows no fixture user_stats names get ids in enrolment order, as upstream's auto-increment would.
    const unnumbered = [...this.courses.values()].flatMap((c) => c.enrolments).filter((e) => e.id === 0);
    unnumbered.sort((a, b) => String(a.row['enrolled_at']).localeCompare(String(b.row['enrolled_at'])));
    for (const e of unnumbered) e.id = this.nextEnrolmentId++;
  }

  /** Adds a course built from a fixture template; people in the roster come into existence as needed. */
  addCourse(c: NewCourse): void {
    const key = collationKey(c.slug);
    if (this.courses.has(key)) throw new Error(`course ${c.slug} already exists`);
    const type = c.type ?? 'BasicCourse';
    const names = c.roster.map((e) => collationKey(e.username));
    if (ONE_ROW_PER_PERSON.has(type) && new Set(names).size !== names.length) {
      throw new Error(`course ${c.slug}: a ${type} has one row per person`);
    }
    const homeWiki = c.homeWiki ?? { id: 1, language: 'en', project: 'wikipedia' };
    const domain = `${homeWiki.language ?? 'www'}.${homeWiki.project}.org`;
    const createdAt = Math.min(Date.parse(c.start), this.now) - 14 * DAY_MS;
    const enrolments = c.roster.map((entry, i): Enrolment => {
      const user = this.ensureUser(entry.username);
      const wikiName = cgiEscape(user.username.replaceAll(' ', '_'));
      const row: RosterRowBody = {
        character_sum_ms: 0,
        character_sum_us: 0,
        character_sum_draft: 0,
        references_count: 0,
        role: entry.role,
        role_description: null,
        recent_revisions: 0,
        content_expert: false,
        program_manager: entry.programManager === true,
        contribution_url: `https://${domain}/wiki/Special:Contributions/${wikiName}`,
        sandbox_url: `https://${domain}/wiki/Special:PrefixIndex/User:${wikiName}`,
        global_contribution_url: `https://guc.toolforge.org/?user=${wikiName}`,
        total_uploads: 0,
        id: user.id,
        username: user.username,
        global_id: user.globalId,
        enrolled_at: iso(createdAt + (i + 1) * 60_000),
        admin: false,
        registered_at: user.registeredAt,
      };
      return { row, id: this.nextEnrolmentId++ };
    });
    const body: CourseBody = {
      ...this.template,
      id: this.nextCourseId++,
      title: c.title,
      description: c.description === undefined ? `${c.title}: a course of the local demo world.` : c.description,
      start: c.start,
      end: c.end,
      school: c.school,
      subject: null,
      slug: c.slug,
      url: c.url ?? null,
      expected_students: null,
      timeline_start: c.timeline_start ?? c.start,
      timeline_end: c.timeline_end ?? c.end,
      updated_at: iso(Math.floor((this.now - 3_600_000) / 1000) * 1000),
      use_start_and_end_times: USES_START_AND_END_TIMES.has(type),
      type,
      home_wiki: homeWiki,
      character_sum: 0,
      upload_count: 0,
      uploads_in_use_count: 0,
      upload_usages_count: 0,
      private: c.private ?? false,
      update_until: iso(Date.parse(c.end) + 30 * DAY_MS),
      created_at: iso(createdAt),
      wikis: [{ language: homeWiki.language, project: homeWiki.project }],
      home_wiki_bytes_per_word: domain === 'en.wikipedia.org' ? 5.175 : null,
      article_scoped: type === 'ArticleScopedProgram',
      term: c.term ?? '',
      enroll_url: `${this.dashboardUrl}/courses/${c.slug.split('/').map(pathEscape).join('/')}/enroll/`,
      created_count: '0',
      edited_count: '0',
      article_count: 0,
      edit_count: '0',
      student_count: enrolments.filter((e) => e.row.role === 0).length,
      trained_count: 0,
      word_count: '0',
      references_count: '0',
      view_count: '0',
      character_sum_human: '0',
    };
    this.courses.set(key, { body, enrolments });
  }

  /** A user who exists upstream (has logged in) but is enrolled nowhere. */
  addUser(username: string): void {
    this.ensureUser(username);
  }

  /** course.json; `ended` is computed at request time, as upstream does. */
  courseJson(slug: string, now: number): Lookup<{ course: CourseBody }> {
    const found = this.lookup(slug);
    if (found.status !== 'found') return found;
    const body = found.body.body;
    return { status: 'found', body: { course: { ...body, ended: Date.parse(body.end) < now } } };
  }

  usersJson(slug: string): Lookup<{ course: { users: RosterRowBody[] } }> {
    const found = this.lookup(slug);
    if (found.status !== 'found') return found;
    return { status: 'found', body: { course: { users: found.body.enrolments.map((e) => e.row) } } };
  }

  /** user_stats.json for a decoded name (underscores already turned into spaces); undefined: no such user. */
  userStats(username: string): UserStatsBody | undefined {
    const user = this.users.get(collationKey(username));
    if (!user) return undefined;
    const key = collationKey(user.username);
    const mine = [...this.courses.values()].flatMap((course) =>
      course.enrolments.filter((e) => collationKey(e.row.username) === key).map((e) => ({ course, e })),
    );
    const visible = mine.filter(({ course }) => !course.body.private).sort((a, b) => b.e.id - a.e.id);
    const studentCount = (c: CourseRecord): number => c.enrolments.filter((e) => e.row.role === 0).length;
    const coursesWithRole = (role: number): CourseRecord[] => [
      ...new Set(mine.filter(({ e }) => e.row.role === role).map(({ course }) => course)),
    ];

    const taught = coursesWithRole(1);
    const attended = coursesWithRole(0);
    const template = (block: string): Json | undefined => user.stats?.[block] as Json | undefined;
    // Key order is upstream's. The as_* blocks count private courses too (only courses_details is filtered).
    return {
      user_recent_uploads: (user.stats?.['user_recent_uploads'] as unknown[] | undefined) ?? [],
      courses_details: visible.map(({ course, e }) => ({
        course_id: e.id,
        course_title: course.body.title,
        course_school: course.body.school,
        course_term: course.body.term,
        user_count: studentCount(course),
        user_role: ROLE_LABELS[e.row.role as Role],
        course_slug: course.body.slug,
      })),
      ...(taught.length > 0 && {
        as_instructor: {
          ...(template('as_instructor') ?? NO_INSTRUCTOR_STATS),
          courses_count: taught.length,
          user_count: taught.reduce((n, c) => n + studentCount(c), 0),
        },
        by_students: template('by_students') ?? NO_STUDENT_WORK,
      }),
      ...(attended.length > 0 && {
        as_student: { ...(template('as_student') ?? NO_STUDENT_STATS), individual_courses_count: attended.length },
      }),
      max_project: maxProject([...new Set(visible.map(({ course }) => course))].map((c) => c.body.home_wiki.project)),
    };
  }

  private lookup(slug: string): Lookup<CourseRecord> {
    const course = this.courses.get(collationKey(slug));
    if (!course) return { status: 'missing' };
    return course.body.private ? { status: 'private' } : { status: 'found', body: course };
  }

  private ensureUser(username: string, row?: RosterRowBody): UserRecord {
    const key = collationKey(username);
    const known = this.users.get(key);
    if (known) return known;
    const id = row?.id ?? this.nextUserId++;
    const user: UserRecord = {
      username,
      id,
      globalId: typeof row?.['global_id'] === 'number' ? row['global_id'] : 70_000_000 + id,
      registeredAt: typeof row?.['registered_at'] === 'string' ? row['registered_at'] : iso(this.now - 400 * DAY_MS),
    };
    this.users.set(key, user);
    return user;
  }

  private fixtureEnrolment(d: EnrolmentDetail, username: string): Enrolment {
    const role = Object.entries(ROLE_LABELS).find(([, label]) => label === d.user_role)?.[0];
    const e = this.courses
      .get(collationKey(d.course_slug))
      ?.enrolments.find((x) => collationKey(x.row.username) === collationKey(username) && String(x.row.role) === role);
    if (!e) throw new Error(`fixture user_stats of ${username} names an enrolment missing from ${d.course_slug}`);
    return e;
  }
}

/** Upstream: the home-wiki project most common among the user's courses; ties go to wikipedia. */
function maxProject(projectsPerCourse: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const p of projectsPerCourse) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, n] of counts) {
    const top = best === null ? 0 : (counts.get(best) ?? 0);
    if (n > top || (n === top && p === 'wikipedia')) best = p;
  }
  return best;
}
