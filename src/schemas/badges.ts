// /api/badges: its parameters (query or form) and its answer (api-contract.md v1.2, "Badges").

import { Type } from 'typebox';
import { DASHBOARDS } from '../domain/dashboards.js';
import { CourseUrlField, DashboardField, Nullable, StaffSchema, ActivityFields } from './common.js';

const users = (limit: number) =>
  Type.String({
    description:
      `Usernames separated by \`|\`, as in the MediaWiki API: 1 to ${limit}. Each is canonicalised as on the user endpoints; spellings of one ` +
      'name count once, empty items are ignored, and a name that breaks the rules is listed in `invalid` (the limit counts it). No name, or more than the limit: 400.',
  });

const dashboard = Type.Optional(
  Type.Unsafe<string>({
    type: 'string',
    enum: [...DASHBOARDS, 'all'],
    default: 'outreach',
    description: 'Whose current courses: `outreach` (Programs & Events, the default), `wikiedu` (Wiki Education) or `all` (both, Programs & Events first). Lower case, given once.',
  }),
);

export const BadgesQuery = Type.Object({ users: users(50), dashboard });

export const BadgesForm = Type.Object({ users: users(500), dashboard });

export const BadgeSchema = Type.Object({
  dashboard: DashboardField,
  course_slug: Type.String({ description: "The Dashboard's own spelling of the course's slug" }),
  course_url: CourseUrlField,
  course_title: Nullable(Type.String(), "The course's title; null while its details are not known yet (they are loaded in the background)"),
  role: Type.Integer({
    minimum: 0,
    description: "The person's highest role in the course: 0 student/participant, 1 instructor/facilitator, 2 campus volunteer, 3 online volunteer, 4 Wiki Education staff",
  }),
  staff: StaffSchema,
  ...ActivityFields,
});

const IndexSummarySchema = Type.Object({
  state: Type.Unsafe<'ok' | 'partial' | 'error'>({
    type: 'string',
    enum: ['ok', 'partial', 'error'],
    description: '`ok`: every source read (fresh or stale); `partial`: some could not be read (or not yet); `error`: none could',
  }),
  built_at: Nullable(Type.String(), 'When the index was last derived from changed sources (ISO-8601), or null'),
  courses: Type.Integer({ minimum: 0, description: 'Current courses in the index (whatever their source, dates known or not)' }),
  users: Type.Integer({ minimum: 0, description: 'Distinct people in them' }),
});

export const BadgesAnswerSchema = Type.Object({
  users: Type.Record(Type.String(), Type.Array(BadgeSchema), {
    description: 'Canonical name -> badges (`outreach` first, then by `course_slug`), only for names with at least one badge',
  }),
  normalized: Type.Record(Type.String(), Type.String(), { description: '`{as given: canonical}` for each name whose spelling changed' }),
  invalid: Type.Array(Type.String(), { description: 'The names that break the rules for usernames, as given' }),
  index: Type.Object(
    { outreach: Type.Optional(IndexSummarySchema), wikiedu: Type.Optional(IndexSummarySchema) },
    { description: 'Per Dashboard asked: its index of current courses' },
  ),
  partial: Type.Optional(
    Type.Boolean({ description: 'true when a Dashboard asked is not `ok` (its badges may be missing); such a GET answer has max-age at most 60. Absent otherwise.' }),
  ),
});
