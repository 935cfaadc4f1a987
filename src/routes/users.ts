// /api/users/{username}, .../active-staff and .../status, each for one Dashboard or (`dashboard=all`) both.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { answerKey } from '../answers/answer-key.js';
import type { AnswerDeps } from '../answers/context.js';
import { activeStaffAnswer, userCoursesAnswer, userStatusAnswer } from '../answers/users.js';
import type { Responder } from '../http/respond.js';
import { canonicalUsername } from '../domain/names.js';
import { parseBoolean, parseDashboard } from '../domain/query.js';
import { problemResponses } from '../schemas/common.js';
import { ActiveStaffQuery, UserQuery, UsernameParams, UserStatusQuery } from '../schemas/params.js';
import { ActiveStaffSchema, UserCoursesSchema, UserStatusSchema } from '../schemas/users.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncTypebox<{ answerDeps: AnswerDeps; responder: Responder }> = async (
  app,
  { answerDeps, responder },
) => {
  app.get(
    '/api/users/:username',
    {
      schema: {
        tags,
        operationId: 'getUserCourses',
        summary: "A user's Dashboard courses",
        description:
          'One entry per course (upstream lists one row per role; they are merged, keeping the highest role), each with its ' +
          '`dashboard` and `course_url`. With `enrich=true` each course also gets its dates, whether it is active now, and its staff. ' +
          'With `dashboard=all`: the courses of both Dashboards (Programs & Events first), `is_instructor`/`is_student` true on either, ' +
          "`max_project` Programs & Events' unless null, and `dashboards` saying what each said: 200 when one answered, 404 when neither " +
          "knows the user, else the first failing Dashboard's error.",
        params: UsernameParams,
        querystring: UserQuery,
        response: { 200: UserCoursesSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const username = canonicalUsername(request.params.username);
      const enrich = parseBoolean(request.query.enrich, 'enrich');
      const dashboard = parseDashboard(request.query.dashboard, true);
      return responder.send(request, reply, answerKey('user', dashboard, username, enrich), () =>
        userCoursesAnswer(answerDeps, dashboard, reply.elapsedTime, username, enrich),
      );
    },
  );

  app.get(
    '/api/users/:username/active-staff',
    {
      schema: {
        tags,
        operationId: 'getActiveStaff',
        summary: "The staff of a user's courses that are active now",
        description:
          'Only courses whose tracking window (start..end) contains now, or the event window ' +
          '(timeline_start..timeline_end) with `use_event_dates=true`. This is what the gadget calls. ' +
          'With `dashboard=all`: the active courses of both, `all_staff` the union.',
        params: UsernameParams,
        querystring: ActiveStaffQuery,
        response: { 200: ActiveStaffSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const username = canonicalUsername(request.params.username);
      const useEventDates = parseBoolean(request.query.use_event_dates, 'use_event_dates');
      const dashboard = parseDashboard(request.query.dashboard, true);
      return responder.send(request, reply, answerKey('active-staff', dashboard, username, useEventDates), () =>
        activeStaffAnswer(answerDeps, dashboard, reply.elapsedTime, username, useEventDates),
      );
    },
  );

  app.get(
    '/api/users/:username/status',
    {
      schema: {
        tags,
        operationId: 'getUserStatus',
        summary: 'Whether a user is in any course, and how many are active now',
        description: 'With `dashboard=all`: the counts of both Dashboards summed, each flag true on either.',
        params: UsernameParams,
        querystring: UserStatusQuery,
        response: { 200: UserStatusSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const username = canonicalUsername(request.params.username);
      const dashboard = parseDashboard(request.query.dashboard, true);
      return responder.send(request, reply, answerKey('status', dashboard, username), () =>
        userStatusAnswer(answerDeps, dashboard, reply.elapsedTime, username),
      );
    },
  );
};
