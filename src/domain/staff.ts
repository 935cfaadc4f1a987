// Course rosters: who runs a course, and the roster split by role.

import { isStaffRole } from './roles.js';

/** One row of a roster: who, and in which role (a person may have several rows). */
export interface RosterRow {
  username: string;
  role: number;
}

/** Sorted (code-point order, JavaScript's default sort), without duplicates. */
function sortedUnique(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

/** Usernames with a role >= 1, sorted and unique. */
export function staffNames(rows: readonly RosterRow[]): string[] {
  return sortedUnique(rows.filter((r) => isStaffRole(r.role)).map((r) => r.username));
}

export interface SplitRoster {
  facilitators: RosterRow[];
  participants: RosterRow[];
  all_users: RosterRow[];
}

/** One row per username (its highest role; first-appearance order), split into staff and participants. */
export function splitRoster(rows: readonly RosterRow[]): SplitRoster {
  const byName = new Map<string, RosterRow>();
  for (const row of rows) {
    const kept = byName.get(row.username);
    if (kept === undefined || row.role > kept.role) byName.set(row.username, row);
  }
  const all_users = [...byName.values()];
  return {
    facilitators: all_users.filter((r) => isStaffRole(r.role)),
    participants: all_users.filter((r) => !isStaffRole(r.role)),
    all_users,
  };
}

/** The sorted unique union of several staff lists. */
export function unionStaff(lists: readonly (readonly string[])[]): string[] {
  return sortedUnique(lists.flat());
}
