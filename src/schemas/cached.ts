// What each kind of cache entry holds (the domain's UserStats, CourseDetails and CourseRoster), as compiled
// checks for entries read back from Redis: another replica, an older version or anyone who can write
// to a shared Redis may have put something else there, and it must never be served. The checks run
// on Redis reads only; entries in the in-process cache were checked (or parsed) when they came in.

import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { CourseDetails, CourseRoster, UserStats } from '../domain/types.js';

/** The form parse.ts gives every date: `2026-11-26T12:00:00.000Z`. */
const DashboardDate = Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' }), Type.Null()]);
const Key = Type.String({ minLength: 1 });

const UserStatsShape = Type.Object({
  courses: Type.Array(
    Type.Object({
      course_id: Type.Integer(),
      course_title: Type.String(),
      course_school: Type.String(),
      course_term: Type.String(),
      user_count: Type.Integer(),
      user_role: Type.String(),
      course_slug: Key,
    }),
  ),
  max_project: Type.Union([Type.String(), Type.Null()]),
});

const CourseDetailsShape = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  school: Type.String(),
  slug: Key,
  start: DashboardDate,
  end: DashboardDate,
  timeline_start: DashboardDate,
  timeline_end: DashboardDate,
  published: Type.Boolean(),
  private: Type.Boolean(),
  ended: Type.Boolean(),
  closed: Type.Boolean(),
  type: Type.String(),
  term: Type.String(),
  student_count: Type.Integer(),
});

const RosterShape = Type.Object({
  users: Type.Array(Type.Object({ username: Key, role: Type.Integer({ minimum: 0 }) })),
  slug: Key,
  end: DashboardDate,
});

// A shape that drifts from its domain type stops the build here: change both together.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matchesDomain: [Same<Static<typeof UserStatsShape>, UserStats>, Same<Static<typeof CourseDetailsShape>, CourseDetails>, Same<Static<typeof RosterShape>, CourseRoster>] = [true, true, true];
void matchesDomain;

const check = (schema: TSchema): ((data: unknown) => boolean) => {
  const compiled = Compile(schema);
  return (data) => compiled.Check(data);
};

/** Per kind of cached read (the `kind` reads.ts gives the engine), the check its data must pass. */
export const CACHED_SHAPES = {
  user: check(UserStatsShape),
  course: check(CourseDetailsShape),
  roster: check(RosterShape),
} as const;
