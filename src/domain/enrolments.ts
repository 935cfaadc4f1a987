// A user's enrolment rows (one per role) merged into one entry per course.

import { isStaffRole, roleFromLabel, STUDENT_ROLE } from './roles.js';

/** What the summary needs of an enrolment row (one per course and role). */
export interface Enrolment {
  course_slug: string;
  /** The Dashboard's label of the role. */
  user_role: string;
}

export interface EnrolmentSummary<R extends Enrolment> {
  /** One row per course: the one with the highest role. */
  courses: R[];
  is_student: boolean;
  is_instructor: boolean;
}

// Unknown (e.g. localised) labels rank below Student, so a known role always wins the merge.
const UNKNOWN_RANK = -1;

export function summariseEnrolments<R extends Enrolment>(rows: readonly R[]): EnrolmentSummary<R> {
  const best = new Map<string, { row: R; rank: number }>();
  let is_student = false;
  let is_instructor = false;
  for (const row of rows) {
    const role = roleFromLabel(row.user_role);
    if (role === STUDENT_ROLE) is_student = true;
    if (role !== null && isStaffRole(role)) is_instructor = true;
    const rank = role ?? UNKNOWN_RANK;
    const kept = best.get(row.course_slug);
    // Map keeps first-insertion order even when a value is replaced.
    if (kept === undefined || rank > kept.rank) best.set(row.course_slug, { row, rank });
  }
  return { courses: Array.from(best.values(), (b) => b.row), is_student, is_instructor };
}
