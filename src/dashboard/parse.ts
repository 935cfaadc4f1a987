// Lenient, safe parsing of the Dashboard's bodies into the trimmed payloads we cache. A wrong overall shape
// is an UpstreamError('payload'); a wrong field gets a safe default and a bad row is dropped, so a few odd
// values never fail a whole answer.

import type { CourseDetails, EnrolmentRow, Roster, RosterRow, UserStats } from '../domain/types.js';
import { UpstreamError } from './types.js';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

function payloadError(what: string, got: unknown): UpstreamError {
  return new UpstreamError('payload', `${what}, got ${kind(got)}`);
}

/** A string (a number is written out); anything else becomes "" (the contract never serves null labels). */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/** Like text(), but null stays null (and so does anything that is not text): for free text the Dashboard may leave unset. */
function nullableText(v: unknown): string | null {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? text(v) : null;
}

/** A non-empty string or null: the key fields (slugs, usernames) without which a row is useless. */
function key(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** A safe integer, also from a numeric string ("42"); null otherwise (floats, huge numbers, junk). */
function integer(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

function flag(v: unknown): boolean {
  return v === true;
}

// ISO-8601 as the Dashboard writes it, with some slack (no seconds, other offsets, a space for the T).
// Shapes outside this are refused rather than handed to Date's lenient, local-time legacy parser.
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:Z|([+-]\d{2})(?::?(\d{2}))?)?)?$/i;

/** The Dashboard's own date form (`2026-11-26T12:00:00.000Z`), or null when missing or unparseable. */
function date(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = ISO_DATE.exec(v.trim());
  if (m === null) return null;
  const [, day, time = '00:00', offsetHours, offsetMinutes = '00'] = m;
  // The Dashboard runs in UTC, so a time without an offset is UTC (Date would read it as local time).
  const zone = offsetHours === undefined ? 'Z' : `${offsetHours}:${offsetMinutes}`;
  const d = new Date(`${day}T${time}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function enrolmentRow(v: unknown): EnrolmentRow | null {
  if (!isObj(v)) return null;
  const course_slug = key(v.course_slug);
  if (course_slug === null) return null;
  return {
    course_id: integer(v.course_id) ?? 0,
    course_title: text(v.course_title),
    course_school: text(v.course_school),
    course_term: text(v.course_term),
    user_count: integer(v.user_count) ?? 0,
    user_role: text(v.user_role),
    course_slug,
  };
}

function rosterRow(v: unknown): RosterRow | null {
  if (!isObj(v)) return null;
  const username = key(v.username);
  if (username === null) return null;
  const role = integer(v.role);
  // Roles are 0..4; a missing or nonsensical one counts as the least privileged.
  return { username, role: role !== null && role >= 0 ? role : 0 };
}

function rows<T>(list: unknown[], row: (v: unknown) => T | null): T[] {
  return list.map(row).filter((r): r is T => r !== null);
}

/** GET /user_stats.json */
export function parseUserStats(body: unknown): UserStats {
  if (!isObj(body)) throw payloadError('user_stats: expected an object', body);
  if (!Array.isArray(body.courses_details)) {
    throw payloadError('user_stats: expected a courses_details array', body.courses_details);
  }
  const max_project = body.max_project;
  return {
    courses: rows(body.courses_details, enrolmentRow),
    max_project: typeof max_project === 'string' && max_project !== '' ? max_project : null,
  };
}

function courseObject(body: unknown, what: string): Obj {
  if (!isObj(body)) throw payloadError(`${what}: expected an object`, body);
  if (!isObj(body.course)) throw payloadError(`${what}: expected a "course" object`, body.course);
  return body.course;
}

/** GET /courses/<slug>/course.json: `{"course": {...}}` */
export function parseCourse(body: unknown): CourseDetails {
  const c = courseObject(body, 'course.json');
  const slug = key(c.slug);
  if (slug === null) throw payloadError('course.json: expected a string slug', c.slug);
  const id = integer(c.id);
  if (id === null) throw payloadError('course.json: expected a numeric id', c.id);
  return {
    id,
    title: text(c.title),
    description: nullableText(c.description),
    school: text(c.school),
    slug,
    start: date(c.start),
    end: date(c.end),
    timeline_start: date(c.timeline_start),
    timeline_end: date(c.timeline_end),
    published: flag(c.published),
    private: flag(c.private),
    ended: flag(c.ended),
    // Both keys exist upstream; `closed?` is the older spelling.
    closed: typeof c.closed === 'boolean' ? c.closed : flag(c['closed?']),
    type: text(c.type),
    term: text(c.term),
    student_count: integer(c.student_count) ?? 0,
  };
}

/** GET /courses/<slug>/users.json: `{"course": {"users": [...]}}` */
export function parseRoster(body: unknown): Roster {
  const c = courseObject(body, 'users.json');
  if (!Array.isArray(c.users)) throw payloadError('users.json: expected a "users" array', c.users);
  return { users: rows(c.users, rosterRow) };
}
