// /api/users/{username}, .../active-staff and .../status.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { answerContext, type AnswerDeps } from '../answers/context.js';
import { activeStaff, userCourses, userStatus } from '../answers/users.js';
import type { Responder } from '../http/respond.js';
import { canonicalUsername } from '../domain/names.js';
import { parseBoolean } from '../domain/query.js';
import { problemResponses } from '../schemas/common.js';
import { ActiveStaffQuery, EnrichQuery, UsernameParams } from '../schemas/params.js';
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
          'One entry per course (upstream lists one row per role; they are merged, keeping the highest role). ' +
          'With `enrich=true` each course also gets its dates, whether it is active now, and its staff.',
        params: UsernameParams,
        querystring: EnrichQuery,
        response: { 200: UserCoursesSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const username = canonicalUsername(request.params.username);
      const enrich = parseBoolean(request.query.enrich, 'enrich');
      return responder.send(request, reply, `user|${enrich}|${username}`, () =>
        userCourses(answerContext(answerDeps, reply.elapsedTime), username, enrich),
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
          '(timeline_start..timeline_end) with `use_event_dates=true`. This is what the gadget calls.',
        params: UsernameParams,
        querystring: ActiveStaffQuery,
        response: { 200: ActiveStaffSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const username = canonicalUsername(request.params.username);
      const useEventDates = parseBoolean(request.query.use_event_dates, 'use_event_dates');
      return responder.send(request, reply, `active-staff|${useEventDates}|${username}`, () =>
        activeStaff(answerContext(answerDeps, reply.elapsedTime), username, useEventDates),
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
        params: UsernameParams,
        response: { 200: UserStatusSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const username = canonicalUsername(request.params.username);
      return responder.send(request, reply, `status|${username}`, () =>
        userStatus(answerContext(answerDeps, reply.elapsedTime), username),
      );
    },
  );
};
