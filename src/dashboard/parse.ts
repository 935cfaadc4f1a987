// Lenient, safe parsing of the Dashboard's bodies into the trimmed payloads we cache. A wrong overall shape
// is an UpstreamError('payload'); a wrong field gets a safe default and a bad row is dropped, so a few odd
// values never fail a whole answer. Dates are the exception: a present date that is not a real one is a
// bad payload (a made-up default would give wrong "active now" answers). The field helpers are shared with
// campaigns.ts, which parses the program-wide sources of badges the same way.

import type { CourseDetails, EnrolmentRow, RosterRow, UserStats } from '../schemas/stored.js';
import { UpstreamError, type Roster } from './types.js';

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

export function payloadError(what: string, got: unknown): UpstreamError {
  return new UpstreamError('payload', `${what}, got ${kind(got)}`);
}

/** A string (a number is written out); anything else becomes "" (the contract never serves null labels). */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/** Like text(), but null stays null (and so does anything that is not text): for free text the Dashboard may leave unset. */
function nullableText(v: unknown): string | null {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? text(v) : null;
}

/** A non-empty string or null: the key fields (slugs, usernames) without which a row is useless. */
export function key(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** A safe integer, also from a numeric string ("42"); null otherwise (floats, huge numbers, junk). */
export function integer(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

function flag(v: unknown): boolean {
  return v === true;
}

// ISO-8601 as the Dashboard writes it, with some slack (no seconds, other offsets, a space for the T).
// Shapes outside this are refused rather than handed to Date's lenient, local-time legacy parser.
const ISO_DATE =
  /^(?<day>(?<year>\d{4})-(?<month>\d{2})-(?<date>\d{2}))(?:[T ](?<time>(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?)\s*(?:Z|(?<offsetHours>[+-]\d{2})(?::?(?<offsetMinutes>\d{2}))?)?)?$/i;
const QUOTED_MAX = 40; // characters of a bad upstream value quoted in an error

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar date and time of day in the form ISO_DATE accepts, as `2026-11-26T12:00:00.000Z`; else null. */
function isoDate(text: string): string | null {
  const g = ISO_DATE.exec(text)?.groups;
  if (g === undefined) return null;
  const n = (v: string | undefined) => Number(v ?? 0);
  const [year, month] = [n(g.year), n(g.month)];
  // Date would roll these over (2026-02-30 is March 2nd) or refuse some and not others.
  if (month < 1 || month > 12 || n(g.date) < 1 || n(g.date) > daysIn(year, month)) return null;
  if (n(g.hour) > 23 || n(g.minute) > 59 || n(g.second) > 59) return null;
  if (Math.abs(n(g.offsetHours)) > 23 || n(g.offsetMinutes) > 59) return null;
  // The Dashboard runs in UTC, so a time without an offset is UTC (Date would read it as local time).
  const zone = g.offsetHours === undefined ? 'Z' : `${g.offsetHours}:${g.offsetMinutes ?? '00'}`;
  const d = new Date(`${g.day}T${g.time ?? '00:00'}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * The Dashboard's own date form (`2026-11-26T12:00:00.000Z`); null when missing (null or absent). Any
 * other value, or a date that is not on the calendar (`2026-02-30`, `24:00`), makes the whole payload bad:
 * garbage is never cached, and a wrong date would give wrong "active now" answers.
 */
function date(v: unknown, what: string): string | null {
  if (v === null || v === undefined) return null;
  const d = typeof v === 'string' ? isoDate(v.trim()) : null;
  if (d !== null) return d;
  const got = typeof v === 'string' ? JSON.stringify(v.slice(0, QUOTED_MAX)) + (v.length > QUOTED_MAX ? '…' : '') : kind(v);
  throw new UpstreamError('payload', `${what}: expected a real date in ISO 8601 form, got ${got}`);
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

export function rows<T>(list: unknown[], row: (v: unknown) => T | null): T[] {
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
    start: date(c.start, 'course.json: start'),
    end: date(c.end, 'course.json: end'),
    timeline_start: date(c.timeline_start, 'course.json: timeline_start'),
    timeline_end: date(c.timeline_end, 'course.json: timeline_end'),
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
