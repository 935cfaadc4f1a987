// A Dashboard world computed from the names asked for instead of stored: any number of users, each in
// its own courses with rosters of any size, without the fake holding them. For memory tests and
// benchmarks that must fill the service's caches with far more data than a World would keep.
//
// User `Gen User <u>` (u >= 1) is a student in courses `Gen_School/U<u>_C<c>` (c = 1..coursesPerUser),
// all running now; each has one facilitator and `rosterSize` more participants. Other names are 404s.
// The campaign `generated` (also `current.json`'s) holds the courses of users 1..campaignUsers.

import type { DashboardData } from './fake-dashboard.js';
import { CAMPAIGN_ROLE_LABELS, type CampaignUserRow, type CampaignUsersBody, type CourseBody, type Json, type RosterRowBody, type UserStatsBody } from './wire.js';
import type { Lookup } from './world.js';

export interface GeneratedWorldOptions {
  now: number;
  coursesPerUser: number;
  /** Participants in each roster besides the user and the facilitator (for user u's course c). */
  rosterSize: number | ((u: number, c: number) => number);
  /** Characters in each course title (and in each description: ten times as many). */
  titleLength: number;
  /** Latin text, or Cyrillic (above U+00FF: V8 stores it at two bytes a character). */
  script: 'latin' | 'cyrillic';
  /** Whose rosters have rows with every field the Dashboard sends (about 700 bytes each), not just the three the service reads. */
  fullRows?: (u: number) => boolean;
  /** The campaign `generated` holds the courses of users 1..campaignUsers (default 0: it is empty). */
  campaignUsers?: number;
}

export const GENERATED_CAMPAIGN = 'generated';

const DAY_MS = 86_400_000;
const USER = /^Gen User (\d+)$/;
const SLUG = /^Gen_School\/U(\d+)_C(\d+)$/;

export function generatedUsername(u: number): string {
  return `Gen User ${u}`;
}

/** A users.json row as the Dashboard sends it (dashboard-api.md), with made-up numbers. */
function fullRow(username: string, role: number, id: number): RosterRowBody {
  const wikiName = encodeURIComponent(username.replaceAll(' ', '_'));
  return {
    character_sum_ms: 1_234,
    character_sum_us: 56,
    character_sum_draft: 0,
    references_count: 3,
    role,
    role_description: null,
    recent_revisions: 2,
    content_expert: false,
    program_manager: false,
    contribution_url: `https://ru.wikipedia.org/wiki/Special:Contributions/${wikiName}`,
    sandbox_url: `https://ru.wikipedia.org/wiki/Special:PrefixIndex/User:${wikiName}`,
    global_contribution_url: `https://guc.toolforge.org/?user=${wikiName}`,
    total_uploads: 0,
    id,
    username,
    global_id: 70_000_000 + id,
    enrolled_at: '2026-11-01T10:00:00.000Z',
    admin: false,
    registered_at: '2025-03-01T10:00:00.000Z',
  };
}

export class GeneratedWorld implements DashboardData {
  private readonly filler: string;
  private readonly participant: string;

  constructor(readonly opts: GeneratedWorldOptions) {
    [this.filler, this.participant] = opts.script === 'cyrillic' ? ['Курс истории ', 'Участник'] : ['History course ', 'Participant'];
  }

  private dates(): { start: string; end: string } {
    const at = (days: number): string => new Date(Math.floor((this.opts.now + days * DAY_MS) / 60_000) * 60_000).toISOString();
    return { start: at(-10), end: at(20) };
  }

  private text(seed: string, length: number): string {
    return `${seed} ${this.filler.repeat(Math.ceil(length / this.filler.length))}`.slice(0, length);
  }

  private rosterSize(u: number, c: number): number {
    return typeof this.opts.rosterSize === 'number' ? this.opts.rosterSize : this.opts.rosterSize(u, c);
  }

  private title(u: number, c: number): string {
    return this.text(`${u}.${c}`, this.opts.titleLength);
  }

  userStats(username: string): UserStatsBody | undefined {
    const u = Number(USER.exec(username)?.[1] ?? NaN);
    if (!(u >= 1)) return undefined;
    return {
      user_recent_uploads: [],
      courses_details: Array.from({ length: this.opts.coursesPerUser }, (_, i) => ({
        course_id: u * 1_000 + i,
        course_title: this.title(u, i + 1),
        course_school: 'Gen School',
        course_term: '',
        user_count: this.rosterSize(u, i + 1) + 1,
        user_role: 'Student',
        course_slug: `Gen_School/U${u}_C${i + 1}`,
      })),
      max_project: 'wikipedia',
    };
  }

  private course(slug: string): { u: number; c: number } | undefined {
    const m = SLUG.exec(slug);
    const [u, c] = [Number(m?.[1]), Number(m?.[2])];
    return u >= 1 && c >= 1 && c <= this.opts.coursesPerUser ? { u, c } : undefined;
  }

  courseJson(slug: string, now: number): Lookup<{ course: CourseBody }> {
    const found = this.course(slug);
    if (found === undefined) return { status: 'missing' };
    const { start, end } = this.dates();
    const title = this.title(found.u, found.c);
    return {
      status: 'found',
      body: {
        course: {
          id: found.u * 1_000 + found.c,
          title,
          description: this.text(title, this.opts.titleLength * 10),
          school: 'Gen School',
          slug,
          start,
          end,
          timeline_start: start,
          timeline_end: end,
          published: true,
          private: false,
          ended: Date.parse(end) < now,
          closed: false,
          type: 'Editathon',
          term: '',
          student_count: this.rosterSize(found.u, found.c) + 1,
          home_wiki: { project: 'wikipedia' },
        },
      },
    };
  }

  usersJson(slug: string): Lookup<{ course: { users: RosterRowBody[] } }> {
    const found = this.course(slug);
    if (found === undefined) return { status: 'missing' };
    const { u, c } = found;
    const full = this.opts.fullRows?.(u) === true;
    const row = (username: string, role: number, id: number): RosterRowBody => (full ? fullRow(username, role, id) : { username, role, id });
    const users = [row(`Gen Host ${u}.${c}`, 1, 1), row(generatedUsername(u), 0, 2)];
    for (let i = 1, n = this.rosterSize(u, c); i <= n; i++) users.push(row(`${this.participant} ${u}.${c}.${i}`, 0, i + 2));
    return { status: 'found', body: { course: { users } } };
  }

  /** Courses of the campaign, in user then course order. */
  private *campaignCourses(): Generator<{ u: number; c: number }> {
    for (let u = 1; u <= (this.opts.campaignUsers ?? 0); u++) for (let c = 1; c <= this.opts.coursesPerUser; c++) yield { u, c };
  }

  /** The fake's view of this world's one campaign. */
  readonly campaigns = {
    show: (slug: string) => this.campaignJson(slug),
    users: (slug: string) => this.campaignUsersJson(slug),
    activeCourses: (slug: string, now: number) => this.campaignActiveCoursesJson(slug, now),
  };

  private campaignJson(slug: string): Lookup<{ campaign: Json }> {
    if (slug !== 'current' && slug !== GENERATED_CAMPAIGN) return { status: 'missing' };
    return { status: 'found', body: { campaign: { id: 1, title: 'Generated', slug: GENERATED_CAMPAIGN, start: null, end: null } } };
  }

  private campaignUsersJson(slug: string): Lookup<CampaignUsersBody> {
    if (slug !== GENERATED_CAMPAIGN) return { status: 'missing' };
    const users: CampaignUserRow[] = [];
    for (const { u, c } of this.campaignCourses()) {
      const course = `Gen_School/U${u}_C${c}`;
      const found = this.usersJson(course);
      if (found.status !== 'found') continue;
      for (const r of found.body.course.users) users.push({ course, role: CAMPAIGN_ROLE_LABELS[r.role === 1 ? 1 : 0], username: r.username });
    }
    return { status: 'found', body: { campaign: GENERATED_CAMPAIGN, users } };
  }

  private campaignActiveCoursesJson(slug: string, now: number): Lookup<{ courses: Json[] }> {
    if (slug !== GENERATED_CAMPAIGN) return { status: 'missing' };
    const courses: Json[] = [];
    for (const { u, c } of this.campaignCourses()) {
      if (courses.length === 100) break; // upstream's limit
      const found = this.courseJson(`Gen_School/U${u}_C${c}`, now);
      if (found.status !== 'found') continue;
      const { id, title, slug: courseSlug, school, term } = found.body.course;
      courses.push({ id, title, slug: courseSlug, school, term, instructor: `Gen Host ${u}.${c}` });
    }
    return { status: 'found', body: { courses } };
  }
}
