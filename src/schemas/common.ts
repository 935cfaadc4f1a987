// Schema pieces shared by the endpoints: nullable fields, activity flags, staff lists, errors.
// The schemas are one source for response types (Static<>), fast serialisation (unknown upstream
// fields are dropped on the way out) and the OpenAPI document.

import { Type, type Static, type TSchema } from 'typebox';
import { DASHBOARDS, type DashboardStatus } from '../domain/dashboards.js';

/** `type: [T, "null"]` rather than anyOf: fast-json-stringify serialises it without trial validation. */
export function Nullable<T extends TSchema>(schema: T, description?: string) {
  const base = schema as unknown as { type: string };
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [base.type, 'null'], ...(description && { description }) });
}

/** Whether now lies inside each window. */
export const ActivityFields = {
  active_event: Nullable(Type.Boolean(), 'Now is inside the event window; null when its dates are unknown'),
  active_tracking: Nullable(Type.Boolean(), 'Now is inside the tracking window; null when its dates are unknown'),
};

/** A string enum as one schema (not anyOf), which fast-json-stringify writes without trial validation. */
const StringEnum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description && { description }) });

/** Which Dashboard a course is on. */
export const DashboardField = StringEnum(DASHBOARDS, 'The Dashboard the course is on: `outreach` (Programs & Events) or `wikiedu` (Wiki Education)');

export const CourseUrlField = Type.String({
  description: "The course's page on its Dashboard: its base URL, `/courses/` and each slug segment percent-encoded",
  examples: ['https://outreachdashboard.wmflabs.org/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)'],
});

const DashboardStatusSchema = StringEnum<DashboardStatus>(['ok', 'not_found', 'error']);

/** Only on a `dashboard=all` answer. */
export const DashboardsField = Type.Optional(
  Type.Object(
    { outreach: DashboardStatusSchema, wikiedu: DashboardStatusSchema },
    {
      description:
        'With `dashboard=all` only: what each Dashboard said. `ok`: its part is in the answer; `not_found`: it does not know the user; ' +
        '`error`: it failed or did not answer in time, so its courses are missing (the answer is then `partial`, with max-age at most 60).',
    },
  ),
);

/** Only on an answer that lacks some course's data. */
export const PartialField = Type.Optional(
  Type.Boolean({
    description:
      "true when some course's data could not be had: a read failed, or did not finish within HTTP_TIMEOUT of the request " +
      '(those fields are null), or with `dashboard=all` a whole Dashboard failed (see `dashboards`). Such an answer has max-age at most 60 and is not remembered; what was fetched is cached, ' +
      'so the next request completes more of it. Absent otherwise.',
  }),
);

export const StaffSchema = Type.Array(Type.String(), { description: 'Usernames with a role >= 1, unique, sorted by code point' });

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ examples: ['/problems/not-found'] }),
    title: Type.String({ examples: ['User not found'] }),
    status: Type.Integer({ examples: [404] }),
    detail: Type.String({ examples: ['the Dashboard has no user "Ghost User".'] }),
  },
  { description: 'An error, as application/problem+json (RFC 9457).' },
);

export type Problem = Static<typeof ProblemSchema>;

/** What any request can meet before it reaches a route (src/http/problem.ts handleClientError). */
export const requestProblems = {
  431: { ...ProblemSchema, description: 'The request head is larger than 16 KB' },
};

export const problemResponses = {
  ...requestProblems,
  400: { ...ProblemSchema, description: 'Invalid username, slug or query parameter (`dashboard` included)' },
  404: { ...ProblemSchema, description: 'The Dashboard has no such user or course (with `dashboard=all`: neither Dashboard knows the user)' },
  502: {
    ...ProblemSchema,
    description: "The Dashboard failed and nothing usable is cached (with `dashboard=all`: neither answered, and this is the first failing Dashboard's error, in the order outreach, wikiedu)",
  },
  503: {
    ...ProblemSchema,
    description:
      'Nothing usable is cached and the Dashboard cannot be asked now: it is down (`/problems/dashboard-down`: its breaker ' +
      'opened after UPSTREAM_MAX_FAILS failed calls in a row, for UPSTREAM_FAIL_TIMEOUT), too many requests are waiting for it (`/problems/overloaded`), ' +
      "or its request budget (UPSTREAM_RATE, UPSTREAM_BURST) has no token before the answer's deadline (`/problems/upstream-budget`)",
    headers: {
      'Retry-After': Type.Integer({ minimum: 1, description: 'Seconds until the Dashboard may be asked again' }),
    },
  },
  504: { ...ProblemSchema, description: "The Dashboard did not answer within HTTP_TIMEOUT of the request's arrival and nothing usable is cached" },
};
