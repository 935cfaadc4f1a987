// The Dashboard's program-wide sources of badges on the wire (dashboard-api.md section 10): the current
// campaign, a campaign's enrolment rows and its active courses. Their paths, with campaign slugs checked
// and encoded, and lenient, safe parsers in the style of parse.ts. The two lists can be huge (a Wiki
// Education term is about 7,500 rows, upstream has no size guard), so their parsers take the body as
// text and refuse one with more than `maxRows` rows (BADGE_SOURCE_MAX_ROWS) before JSON.parse builds it.

import type { CampaignCourse, CampaignUsers, ListedCourse } from '../domain/badge-sources.js';
import { isCampaignSlug } from '../domain/campaign-slugs.js';
import { roleFromLabel, STUDENT_ROLE } from '../domain/roles.js';
import { integer, isObj, key, payloadError, rows, text } from './parse.js';
import { UpstreamError } from './types.js';

/** What `/campaigns/current.json` says badges need: the default campaign's slug. */
export interface CurrentCampaign {
  slug: string;
}

export { isCampaignSlug };

/** The default campaign (`campaigns#show` maps the literal slug `current` to it). */
export const CURRENT_CAMPAIGN_PATH = '/campaigns/current.json';

function campaignPath(slug: string, file: 'users' | 'active_courses'): string {
  // Slugs come from the configuration or from current.json, both checked before; this is the last guard.
  if (!isCampaignSlug(slug)) throw new TypeError(`not a campaign slug: ${JSON.stringify(slug)}`);
  return `/campaigns/${encodeURIComponent(slug)}/${file}.json`;
}

/** `/campaigns/<slug>/users.json`: every enrolment row of the campaign's non-private courses. */
export function campaignUsersPath(slug: string): string {
  return campaignPath(slug, 'users');
}

/** `/campaigns/<slug>/active_courses.json`: its courses that end later than 30 days ago (at most 100). */
export function campaignActiveCoursesPath(slug: string): string {
  return campaignPath(slug, 'active_courses');
}

/** GET /campaigns/current.json: `{"campaign": {"slug", ...}}` */
export function parseCurrentCampaign(body: unknown): CurrentCampaign {
  if (!isObj(body)) throw payloadError('current.json: expected an object', body);
  if (!isObj(body.campaign)) throw payloadError('current.json: expected a "campaign" object', body.campaign);
  const slug = body.campaign.slug;
  if (typeof slug !== 'string' || !isCampaignSlug(slug)) throw payloadError('current.json: expected a campaign slug', slug);
  return { slug };
}

/**
 * Refuses a list body with more than `maxRows` rows before it is parsed: `marker` (a key every row has
 * once) is counted in the text, which costs a fraction of JSON.parse and holds nothing. A row written
 * with an escaped key escapes the count; the parsed list is checked again.
 */
function parseList(textBody: string, what: string, marker: string, maxRows: number): Record<string, unknown> {
  let seen = 0;
  for (let at = textBody.indexOf(marker); at !== -1; at = textBody.indexOf(marker, at + marker.length)) {
    if (++seen > maxRows) throw tooMany(what, maxRows);
  }
  let body: unknown;
  try {
    body = JSON.parse(textBody);
  } catch {
    throw new UpstreamError('payload', `${what}: the Dashboard answered with something that is not JSON`);
  }
  if (!isObj(body)) throw payloadError(`${what}: expected an object`, body);
  return body;
}

function tooMany(what: string, maxRows: number): UpstreamError {
  return new UpstreamError('payload', `${what}: more than ${maxRows} rows (BADGE_SOURCE_MAX_ROWS); not kept`);
}

function listOf(body: Record<string, unknown>, field: string, what: string, maxRows: number): unknown[] {
  const list = body[field];
  if (!Array.isArray(list)) throw payloadError(`${what}: expected a "${field}" array`, list);
  if (list.length > maxRows) throw tooMany(what, maxRows);
  return list;
}

/**
 * A campaign row's role: its label (never localised: Editor 0, Facilitator 1, Campus Volunteer 2, Online
 * Volunteer 3, Wiki Education Staff 4), or a role number. An unknown or missing role counts as the least
 * privileged (as a course roster's does): the person is in the course, so the row is kept, but never
 * makes them staff.
 */
function campaignRole(v: unknown, labels: Map<string, number>): number {
  if (typeof v === 'string') {
    // A handful of labels over thousands of rows: each is read once.
    let role = labels.get(v);
    if (role === undefined) labels.set(v, (role = roleFromLabel(v) ?? STUDENT_ROLE));
    return role;
  }
  const n = integer(v);
  return n !== null && n >= 0 ? n : STUDENT_ROLE;
}

/**
 * GET /campaigns/<slug>/users.json: `{"campaign": slug, "users": [{"course", "role", "username"}, ...]}`,
 * as rows grouped by course (first-appearance order), one row per enrolment per role. Rows without a
 * course or a username are dropped. More than `maxRows` rows, or a body that is not this shape: an
 * UpstreamError('payload').
 */
export function parseCampaignUsers(textBody: string, maxRows: number): CampaignUsers {
  const what = 'campaign users.json';
  const body = parseList(textBody, what, '"username"', maxRows);
  const byCourse = new Map<string, CampaignCourse>();
  const labels = new Map<string, number>();
  for (const row of listOf(body, 'users', what, maxRows)) {
    if (!isObj(row)) continue;
    const slug = key(row.course);
    const username = key(row.username);
    if (slug === null || username === null) continue;
    let course = byCourse.get(slug);
    if (course === undefined) byCourse.set(slug, (course = { slug, users: [] }));
    course.users.push({ username, role: campaignRole(row.role, labels) });
  }
  return { campaign: text(body.campaign), courses: [...byCourse.values()] };
}

/**
 * GET /campaigns/<slug>/active_courses.json: `{"courses": [{"slug", "title", ...}, ...]}` (no dates in
 * it), as `{slug, title}`. Entries without a slug are dropped.
 */
export function parseActiveCourses(textBody: string, maxRows: number): ListedCourse[] {
  const what = 'campaign active_courses.json';
  const body = parseList(textBody, what, '"slug"', maxRows);
  return rows(listOf(body, 'courses', what, maxRows), (v) => {
    if (!isObj(v)) return null;
    const slug = key(v.slug);
    return slug === null ? null : { slug, title: text(v.title) };
  });
}
