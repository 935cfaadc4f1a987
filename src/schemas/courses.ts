// What the /api/courses/{slug...} endpoints answer: the stored details and roster rows, with more.

import { Type, type Static } from 'typebox';
import { ActivityFields, CourseUrlField, DashboardField, Nullable, PartialField, StaffSchema } from './common.js';
import { CourseDetailsSchema, CourseRosterSchema, RosterRowSchema } from './stored.js';

export const CourseSchema = Type.Object({
  ...CourseDetailsSchema.properties,
  dashboard: DashboardField,
  course_url: CourseUrlField,
  active_event: Type.Optional(ActivityFields.active_event),
  active_tracking: Type.Optional(ActivityFields.active_tracking),
  staff: Type.Optional(Nullable(StaffSchema, 'With enrich: the staff; null when the roster could not be had')),
  partial: PartialField,
});

export type Course = Static<typeof CourseSchema>;

export const CourseUsersSchema = Type.Object({
  slug: CourseRosterSchema.properties.slug,
  dashboard: DashboardField,
  facilitators: Type.Array(RosterRowSchema, { description: 'role >= 1' }),
  participants: Type.Array(RosterRowSchema, { description: 'role 0' }),
  all_users: Type.Array(RosterRowSchema, { description: 'Everyone once, with their highest role' }),
  active_event: Type.Optional(ActivityFields.active_event),
  active_tracking: Type.Optional(ActivityFields.active_tracking),
  partial: PartialField,
});

export type CourseUsers = Static<typeof CourseUsersSchema>;
