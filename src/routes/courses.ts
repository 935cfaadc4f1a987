// /api/courses/{slug...} and /api/courses/{slug...}/users. A slug has two or more segments, so the
// route is a wildcard and the raw (still percent-encoded) path is parsed here: `%2F` inside a
// segment must stay distinguishable from a real `/`.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { answerKey } from '../answers/answer-key.js';
import type { AnswerDeps } from '../answers/context.js';
import { courseAnswer, courseUsersAnswer } from '../answers/courses.js';
import type { Responder } from '../http/respond.js';
import { parseBoolean, parseDashboard } from '../domain/query.js';
import { parseSlug, slugText } from '../domain/slugs.js';
import { problemResponses } from '../schemas/common.js';
import { CourseSchema, CourseUsersSchema } from '../schemas/courses.js';
import { CourseQuery } from '../schemas/params.js';

const PREFIX = '/api/courses/';
const ROSTER_SUFFIX = '/users';

export const courseRoutes: FastifyPluginAsyncTypebox<{ answerDeps: AnswerDeps; responder: Responder }> = async (
  app,
  { answerDeps, responder },
) => {
  app.get(
    `${PREFIX}*`,
    {
      schema: {
        tags: ['courses'],
        summary: "A course's details, or (with a trailing /users) its roster",
        description:
          '`/api/courses/{slug}`: the course (with `enrich=true` also whether it is active now and its staff). ' +
          '`/api/courses/{slug}/users`: facilitators (role >= 1), participants (role 0) and everyone, one row per person ' +
          'with the highest role (with `enrich=true` also whether the course is active now). ' +
          'The slug is the Dashboard\'s, e.g. `Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)`; ' +
          'it may have more than two segments. Slugs are per Dashboard: `dashboard=wikiedu` asks Wiki Education, where the same slug ' +
          'may be another course.',
        params: Type.Object({ '*': Type.String({ description: 'slug, or slug/users' }) }),
        querystring: CourseQuery,
        response: { 200: Type.Union([CourseSchema, CourseUsersSchema]), ...problemResponses },
      },
    },
    async (request, reply) => {
      const rawPath = request.url.slice(PREFIX.length).split('?', 1)[0] ?? '';
      const enrich = parseBoolean(request.query.enrich, 'enrich');
      // Slugs are per Dashboard: a course is always one Dashboard's (no `all`).
      const dashboard = parseDashboard(request.query.dashboard, false);
      if (rawPath.endsWith(ROSTER_SUFFIX)) {
        const slug = parseSlug(rawPath.slice(0, -ROSTER_SUFFIX.length));
        return responder.send(request, reply, answerKey('roster', dashboard, slugText(slug), enrich), () =>
          courseUsersAnswer(answerDeps, dashboard, reply.elapsedTime, slug, enrich),
        );
      }
      const slug = parseSlug(rawPath);
      return responder.send(request, reply, answerKey('course', dashboard, slugText(slug), enrich), () =>
        courseAnswer(answerDeps, dashboard, reply.elapsedTime, slug, enrich),
      );
    },
  );
};
