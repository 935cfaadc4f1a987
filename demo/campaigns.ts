// A fake world's campaigns, answering as upstream does (dashboard-api.md sections 4 and 10):
// `/campaigns/<slug>.json` (and `current.json`, the default campaign), `/campaigns/<slug>/users.json`
// (every enrolment row of the campaign's non-private courses, archived ones included, with the campaign
// role labels) and `/campaigns/<slug>/active_courses.json` (non-private courses ending later than 30 days
// ago, future ones included, most recent edits first, at most 100). Computed from the world's courses at
// request time, so campaigns follow courses added later.

import { readFileSync } from 'node:fs';
import { CAMPAIGN_ROLE_LABELS, collationKey, DAY_MS, type CampaignUsersBody, type CourseBody, type Json, type Role, type RosterRowBody } from './wire.js';
import type { Lookup } from './world.js';

/** A course as campaigns see it: its course.json body and its users.json rows. */
export interface CampaignCourse {
  body: CourseBody;
  rows: readonly RosterRowBody[];
}

/** What campaigns read of a world's courses. */
export interface CourseCatalogue {
  all(): Iterable<CampaignCourse>;
  find(slug: string): CampaignCourse | undefined;
}

export interface NewCampaign {
  /** Lower case letters, digits and `_`, as the Dashboard makes them. */
  slug: string;
  title: string;
  description?: string;
  /** Slugs of existing courses, or every course of the world (a catch-all, like `miscellanea`). */
  courses: readonly string[] | 'all';
}

interface CampaignRecord {
  id: number;
  spec: NewCampaign;
}

const FIXTURES = new URL('./fixtures/campaigns/', import.meta.url);
const ACTIVE_COURSES_LIMIT = 100; // upstream's
const LISTED_AFTER_END_MS = 30 * DAY_MS; // `current_and_future`: end later than now - 30 days

/** The list statistics of the fixture courses (active_courses.json's numbers), by slug. */
function fixtureListStats(): Map<string, Json> {
  const { courses } = JSON.parse(readFileSync(new URL('miscellanea/active_courses.json', FIXTURES), 'utf8')) as { courses: Json[] };
  return new Map(courses.map((c) => [collationKey(String(c['slug'])), c]));
}

const NO_LIST_STATS: Json = {
  word_count: 0,
  recent_revision_count: 0,
  references_count: 0,
  view_sum: 0,
  average_word_count: 0,
  trained_count: 0,
  human_references_count: '0',
  human_word_count: '0',
  human_view_sum: '0',
  human_average_word_count: '0',
};

export class Campaigns {
  private readonly records = new Map<string, CampaignRecord>();
  private readonly template: Json;
  private readonly listStats = fixtureListStats();
  private nextId = 101; // the fixture's miscellanea is 1

  constructor(
    private readonly catalogue: CourseCatalogue,
    /** The slug `current.json` answers for. */
    readonly current: string,
  ) {
    this.template = (JSON.parse(readFileSync(new URL('miscellanea.json', FIXTURES), 'utf8')) as { campaign: Json }).campaign;
  }

  add(spec: NewCampaign): void {
    if (!/^[\p{Ll}\p{Lo}\p{Nd}_]+$/u.test(spec.slug)) throw new Error(`campaign slug ${spec.slug}: lower case letters, digits and _ only`);
    if (this.records.has(spec.slug)) throw new Error(`campaign ${spec.slug} already exists`);
    const missing = spec.courses === 'all' ? [] : spec.courses.filter((slug) => this.catalogue.find(slug) === undefined);
    if (missing.length > 0) throw new Error(`campaign ${spec.slug}: no such course ${missing.join(', ')}`);
    this.records.set(spec.slug, { id: spec.slug === 'miscellanea' ? 1 : this.nextId++, spec });
  }

  /** `/campaigns/<slug>.json`; `current` is the default campaign. */
  show(slug: string): Lookup<{ campaign: Json }> {
    const found = this.find(slug === 'current' ? this.current : slug);
    if (found === undefined) return { status: 'missing' };
    const courses = this.visibleCourses(found);
    const students = courses.reduce((n, c) => n + c.rows.filter((r) => r.role === 0).length, 0);
    return {
      status: 'found',
      body: {
        campaign: {
          ...this.template,
          id: found.id,
          title: found.spec.title,
          slug: found.spec.slug,
          description: found.spec.description ?? `${found.spec.title}: a campaign of the local demo world.`,
          courses_count: String(courses.length),
          user_count: String(students), // the sum of the courses' student counts, as upstream
        },
      },
    };
  }

  /** `/campaigns/<slug>/users.json`: one row per enrolment per role, in enrolment order (the table's). */
  users(slug: string): Lookup<CampaignUsersBody> {
    const found = this.find(slug);
    if (found === undefined) return { status: 'missing' };
    const rows = this.visibleCourses(found).flatMap((c) => c.rows.map((row) => ({ course: c.body.slug, row })));
    rows.sort((a, b) => String(a.row['enrolled_at']).localeCompare(String(b.row['enrolled_at'])));
    const users = rows.map(({ course, row }) => ({ course, role: CAMPAIGN_ROLE_LABELS[row.role as Role], username: row.username }));
    return { status: 'found', body: { campaign: found.spec.slug, users } };
  }

  /** `/campaigns/<slug>/active_courses.json` at `now`. */
  activeCourses(slug: string, now: number): Lookup<{ courses: Json[] }> {
    const found = this.find(slug);
    if (found === undefined) return { status: 'missing' };
    const listed = this.visibleCourses(found)
      .filter((c) => Date.parse(c.body.end) > now - LISTED_AFTER_END_MS)
      .map((c) => this.listEntry(c))
      .sort((a, b) => Number(b['recent_revision_count']) - Number(a['recent_revision_count']) || String(a['title']).localeCompare(String(b['title'])));
    return { status: 'found', body: { courses: listed.slice(0, ACTIVE_COURSES_LIMIT) } };
  }

  /** Upstream looks slugs up with its case-insensitive collation. */
  private find(slug: string): CampaignRecord | undefined {
    const key = collationKey(slug);
    return [...this.records.values()].find((r) => collationKey(r.spec.slug) === key);
  }

  /** The campaign's non-private courses, oldest first. */
  private visibleCourses(record: CampaignRecord): CampaignCourse[] {
    const { courses } = record.spec;
    const all = courses === 'all' ? [...this.catalogue.all()] : courses.map((slug) => this.catalogue.find(slug));
    const created = (c: CampaignCourse): string => String(c.body['created_at']);
    return all
      .filter((c): c is CampaignCourse => c !== undefined && !c.body.private)
      .sort((a, b) => created(a).localeCompare(created(b)) || a.body.id - b.body.id);
  }

  /** An entry of a course list (shape C of dashboard-api.md section 4): no dates in it. */
  private listEntry(c: CampaignCourse): Json {
    const b = c.body;
    const stats = this.listStats.get(collationKey(b.slug)) ?? NO_LIST_STATS;
    const n = (field: string): unknown => stats[field] ?? NO_LIST_STATS[field];
    return {
      id: b.id,
      title: b.title,
      slug: b.slug,
      description: b['description'] ?? null,
      school: b.school,
      term: b.term,
      word_count: n('word_count'),
      recent_revision_count: n('recent_revision_count'),
      references_count: n('references_count'),
      view_sum: n('view_sum'),
      user_count: c.rows.filter((r) => r.role === 0).length,
      average_word_count: n('average_word_count'),
      trained_count: n('trained_count'),
      human_references_count: n('human_references_count'),
      human_word_count: n('human_word_count'),
      human_view_sum: n('human_view_sum'),
      creation_date: String(b['created_at']).slice(0, 10),
      instructor: c.rows.find((r) => r.role === 1)?.username ?? null,
      human_average_word_count: n('human_average_word_count'),
    };
  }
}
