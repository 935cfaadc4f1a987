// What the /api/courses/{slug...} endpoints answer.

import { Type, type Static } from 'typebox';
import { ActivityFields, CourseUrlField, DashboardField, Nullable, PartialField, StaffSchema, WindowFields } from './common.js';

export const CourseSchema = Type.Object({
  id: Type.Integer({ description: "The course's stable id" }),
  title: Type.String(),
  description: Nullable(Type.String(), "The Dashboard's description (free text, may hold HTML or markdown); null when it has none"),
  school: Type.String(),
  slug: Type.String({ description: "The Dashboard's own spelling of the slug, whatever the request's" }),
  dashboard: DashboardField,
  course_url: CourseUrlField,
  ...WindowFields,
  published: Type.Boolean(),
  private: Type.Boolean(),
  ended: Type.Boolean(),
  closed: Type.Boolean(),
  type: Type.String({ examples: ['BasicCourse', 'Editathon'] }),
  term: Type.String(),
  student_count: Type.Integer(),
  active_event: Type.Optional(ActivityFields.active_event),
  active_tracking: Type.Optional(ActivityFields.active_tracking),
  staff: Type.Optional(Nullable(StaffSchema, 'With enrich: the staff; null when the roster could not be had')),
  partial: PartialField,
});

export type Course = Static<typeof CourseSchema>;

const RosterRowSchema = Type.Object({
  username: Type.String(),
  role: Type.Integer({ description: '0 participant, 1 facilitator, 2-4 volunteers and staff' }),
});

export const CourseUsersSchema = Type.Object({
  slug: Type.String({ description: "The Dashboard's own spelling of the slug, whatever the request's" }),
  dashboard: DashboardField,
  facilitators: Type.Array(RosterRowSchema, { description: 'role >= 1' }),
  participants: Type.Array(RosterRowSchema, { description: 'role 0' }),
  all_users: Type.Array(RosterRowSchema, { description: 'Everyone once, with their highest role' }),
  active_event: Type.Optional(ActivityFields.active_event),
  active_tracking: Type.Optional(ActivityFields.active_tracking),
  partial: PartialField,
});

export type CourseUsers = Static<typeof CourseUsersSchema>;
