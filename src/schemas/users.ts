// What the /api/users/{username}... endpoints answer: a course entry is a stored enrolment row with more.

import { Type, type Static } from 'typebox';
import { ActivityFields, CourseUrlField, DashboardField, DashboardsField, Nullable, PartialField, StaffSchema } from './common.js';
import { EnrolmentRowSchema, WindowFields } from './stored.js';

export const CourseEntrySchema = Type.Object({
  ...EnrolmentRowSchema.properties,
  dashboard: DashboardField,
  course_url: CourseUrlField,
  ...Type.Partial(Type.Object({ ...WindowFields, ...ActivityFields })).properties,
  staff: Type.Optional(
    Nullable(StaffSchema, 'With enrich: the staff, for every course (active, over or still ahead); null only when its roster could not be had'),
  ),
});

/** One course of a user's answer; plain or with every enrichment field. */
export type CourseEntry = Static<typeof CourseEntrySchema>;
export type EnrichedCourse = Required<CourseEntry>;

export const UserCoursesSchema = Type.Object({
  username: Type.String({ description: 'The canonical username', examples: ['Émilie Dupont'] }),
  courses: Type.Array(CourseEntrySchema, { description: 'One entry per course, newest enrolment first (with `dashboard=all`: Programs & Events first)' }),
  is_instructor: Type.Boolean({ description: 'Some enrolment with a role >= 1' }),
  is_student: Type.Boolean({ description: 'Some enrolment as a student (role 0)' }),
  max_project: Nullable(Type.String(), "The project most of the user's courses are on (with `dashboard=all`: Programs & Events' when it has one, else Wiki Education's)"),
  dashboards: DashboardsField,
  partial: PartialField,
});

export type UserCourses = Static<typeof UserCoursesSchema>;

export const ActiveStaffSchema = Type.Object({
  username: Type.String(),
  all_staff: StaffSchema,
  courses: Type.Array(CourseEntrySchema, { description: 'Only the courses active now in the chosen window' }),
  dashboards: DashboardsField,
  partial: PartialField,
});

export type ActiveStaff = Static<typeof ActiveStaffSchema>;

export const UserStatusSchema = Type.Object({
  username: Type.String(),
  has_any_courses: Type.Boolean(),
  has_active_event: Type.Boolean(),
  has_active_tracking: Type.Boolean(),
  active_event_count: Type.Integer(),
  tracked_count: Type.Integer({ description: 'Courses whose tracking window contains now' }),
  total_courses: Type.Integer(),
  dashboards: DashboardsField,
  partial: PartialField,
});

export type UserStatus = Static<typeof UserStatusSchema>;
