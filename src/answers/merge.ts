// How the answers of both Dashboards join into one `dashboard=all` answer (the contract's merge rules).
// Each gets the bodies of the Dashboards that answered, Programs & Events first, and writes a fresh
// literal: a part's own `partial` flag is the freshness tracker's business, not copied here.

import { unionStaff } from '../domain/staff.js';
import type { ActiveStaff, UserCourses, UserStatus } from '../schemas/users.js';

const first = <T>(bodies: readonly T[]): T => {
  const body = bodies[0];
  if (body === undefined) throw new Error('merge: no Dashboard answered');
  return body;
};

/** The courses of both, Programs & Events' first; a role true on either; its max_project when it has one, else the next's. */
export function mergeUserCourses(bodies: readonly UserCourses[]): UserCourses {
  return {
    username: first(bodies).username,
    courses: bodies.flatMap((b) => b.courses),
    is_instructor: bodies.some((b) => b.is_instructor),
    is_student: bodies.some((b) => b.is_student),
    max_project: bodies.find((b) => b.max_project !== null)?.max_project ?? null,
  };
}

/** The active courses of both; all_staff the union. */
export function mergeActiveStaff(bodies: readonly ActiveStaff[]): ActiveStaff {
  return {
    username: first(bodies).username,
    all_staff: unionStaff(bodies.map((b) => b.all_staff)),
    courses: bodies.flatMap((b) => b.courses),
  };
}

/** Counts summed, flags true on either. */
export function mergeUserStatus(bodies: readonly UserStatus[]): UserStatus {
  const sum = (count: (b: UserStatus) => number): number => bodies.reduce((n, b) => n + count(b), 0);
  return {
    username: first(bodies).username,
    has_any_courses: bodies.some((b) => b.has_any_courses),
    has_active_event: bodies.some((b) => b.has_active_event),
    has_active_tracking: bodies.some((b) => b.has_active_tracking),
    active_event_count: sum((b) => b.active_event_count),
    tracked_count: sum((b) => b.tracked_count),
    total_courses: sum((b) => b.total_courses),
  };
}
