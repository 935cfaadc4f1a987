// Course roles (CoursesUsers::Roles). The Dashboard's user_stats labels them in English with the Wiki Ed
// wording ("Student", "Instructor"); P&E's own UI says "Editor", "Facilitator". Both are understood.

export const STUDENT_ROLE = 0;
export const INSTRUCTOR_ROLE = 1;
export const CAMPUS_VOLUNTEER_ROLE = 2;
export const ONLINE_VOLUNTEER_ROLE = 3;
export const WIKI_ED_STAFF_ROLE = 4;

const ROLE_BY_LABEL: ReadonlyMap<string, number> = new Map([
  ['student', STUDENT_ROLE],
  ['editor', STUDENT_ROLE],
  ['instructor', INSTRUCTOR_ROLE],
  ['facilitator', INSTRUCTOR_ROLE],
  ['campus volunteer', CAMPUS_VOLUNTEER_ROLE],
  ['online volunteer', ONLINE_VOLUNTEER_ROLE],
  ['wiki education staff', WIKI_ED_STAFF_ROLE],
]);

/** The role number of an English label (trimmed, case-insensitive); null when the label is unknown. */
export function roleFromLabel(label: string): number | null {
  return ROLE_BY_LABEL.get(label.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}

/** Every role above Student runs or supports the course. */
export function isStaffRole(role: number): boolean {
  return role >= INSTRUCTOR_ROLE;
}
