// `/api/badges` without I/O: the `users` parameter read as the MediaWiki API reads a list of names, and the
// answer assembled from the Dashboards' indexes of current courses (badge-index.ts) alone.

import { enrolmentsOf, type BadgeIndex } from './badge-index.js';
import { courseActivity } from './activity.js';
import { DASHBOARDS, type DashboardId } from './dashboards.js';
import { InvalidInput, parsedOrNull } from './invalid.js';
import { foldForKey } from './keys.js';
import { canonicalUsername } from './names.js';

/** The names of one request. */
export interface BadgeNames {
  /** Canonical names, each once, in the order first given. */
  names: string[];
  /** `{as given: canonical}` for each name whose spelling changed, as the MediaWiki API's `normalized`. */
  normalized: Record<string, string>;
  /** Names that break the rules for usernames, as given, each once. */
  invalid: string[];
}

/**
 * The `users` parameter: names separated by `|`, each canonicalised (canonicalUsername: NFC, MediaWiki's
 * canonical form); spellings of one canonical name count once; empty items (`A||B`) are ignored; an invalid
 * name is listed in `invalid`, not refused. The limit counts the names as given, invalid ones included
 * (each canonical name once, each invalid item once). InvalidInput (400) for no name, more than `limit`, a
 * repeated parameter or a value that is not text.
 */
export function parseBadgeNames(value: unknown, limit: number): BadgeNames {
  if (Array.isArray(value)) throw new InvalidInput('users', 'parameter "users" is given more than once; separate the names with "|"');
  if (value !== undefined && typeof value !== 'string') throw new InvalidInput('users', 'parameter "users" must be text');
  const given = new Set<string>();
  const names = new Set<string>();
  const invalid: string[] = [];
  const normalized = new Map<string, string>();
  for (const item of (value ?? '').split('|')) {
    if (item === '' || given.has(item)) continue;
    given.add(item);
    const canonical = parsedOrNull(canonicalUsername, item);
    if (canonical === null) invalid.push(item);
    else {
      names.add(canonical);
      if (canonical !== item) normalized.set(item, canonical);
    }
    // Checked as the names come, so that a huge list stops at the first name too many.
    if (names.size + invalid.length > limit) {
      throw new InvalidInput('users', `parameter "users" lists more than ${limit} names; ask for at most ${limit} at a time`);
    }
  }
  if (names.size + invalid.length === 0) {
    throw new InvalidInput('users', `parameter "users" needs 1 to ${limit} usernames, separated by "|"`);
  }
  // fromEntries defines own properties, so that a name such as `__proto__` stays an ordinary key.
  return { names: [...names], normalized: Object.fromEntries(normalized), invalid };
}

/** How completely a Dashboard's index could be built (the caller knows which sources it read). */
export type IndexState = 'ok' | 'partial' | 'error';

/** One Dashboard asked, with its index as the caller holds it (null: none could be built). */
export interface DashboardIndexView {
  dashboard: DashboardId;
  index: BadgeIndex | null;
  state: IndexState;
  /** When the index was last derived from changed sources (ISO-8601), or null. */
  built_at: string | null;
}

export interface Badge {
  dashboard: DashboardId;
  course_slug: string;
  course_url: string;
  course_title: string | null;
  role: number;
  staff: string[];
  active_tracking: boolean | null;
  active_event: boolean | null;
}

export interface IndexSummary {
  state: IndexState;
  built_at: string | null;
  /** Current courses in the index. */
  courses: number;
  /** Distinct people in them. */
  users: number;
}

export interface BadgesAnswer {
  /** Canonical name -> badges (`outreach` first, then by course_slug); only names with a badge. */
  users: Record<string, Badge[]>;
  normalized: Record<string, string>;
  invalid: string[];
  index: Partial<Record<DashboardId, IndexSummary>>;
  /** Some Dashboard asked is not "ok". */
  partial?: true;
}

/** The `/api/badges` answer for `names` from the indexes of the Dashboards asked, at `now`. */
export function badgesAnswer(names: BadgeNames, asked: readonly DashboardIndexView[], now: number): BadgesAnswer {
  const views = DASHBOARDS.flatMap((id) => asked.filter((v) => v.dashboard === id));
  const users: [string, Badge[]][] = [];
  for (const name of names.names) {
    const person = foldForKey(name);
    const badges: Badge[] = [];
    for (const { dashboard, index } of views) {
      if (index === null) continue;
      for (const { course, role } of enrolmentsOf(index, person)) {
        badges.push({
          dashboard,
          course_slug: course.slug,
          course_url: course.url,
          course_title: course.title,
          role,
          staff: course.staff,
          ...courseActivity(course, now),
        });
      }
    }
    if (badges.length > 0) users.push([name, badges]);
  }
  const index: Partial<Record<DashboardId, IndexSummary>> = {};
  for (const { dashboard, index: built, state, built_at } of views) {
    index[dashboard] = { state, built_at, courses: built?.courses.length ?? 0, users: built?.users ?? 0 };
  }
  return {
    users: Object.fromEntries(users),
    normalized: names.normalized,
    invalid: names.invalid,
    index,
    ...(views.some((v) => v.state !== 'ok') && { partial: true as const }),
  };
}
