// /api/badges: which of these users are in a current course (api-contract.md v1.2, "Badges"). GET with the
// names in the query (1 to 50), cacheable (max-age at most 300, ETag and 304); POST with the same fields as
// a form (1 to 500; a form POST needs no CORS preflight), never cached. Answered from the indexes of
// current courses alone (badges/).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { answerKey } from '../answers/answer-key.js';
import type { AnswerDeps } from '../answers/context.js';
import { badgesFor, type BadgeIndexes } from '../badges/answer.js';
import { badgeNamesText, parseBadgeNames } from '../domain/badges.js';
import type { DashboardChoice } from '../domain/dashboards.js';
import { parseDashboard } from '../domain/query.js';
import type { RememberedAnswers } from '../http/remembered.js';
import type { Responder } from '../http/respond.js';
import { BadgesAnswerSchema, BadgesForm, BadgesQuery } from '../schemas/badges.js';
import { problemResponses, ProblemSchema } from '../schemas/common.js';

const tags = ['badges'];
// Badges never answer 404: a name nobody knows simply has none.
const { 404: _never, ...problems } = problemResponses;
const GET_LIMIT = 50;
const POST_LIMIT = 500;
/** The contract's bound on a POST's body. */
const MAX_BODY_BYTES = 64 * 1024;
const FORM = 'application/x-www-form-urlencoded';

/** A form's fields as the query string's are read: a field given once is text, one given more often a list of them. */
function formFields(body: string): Record<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  for (const [name, value] of new URLSearchParams(body)) {
    const held = fields.get(name);
    // Pushed, not copied: a 64 KB form of one field repeated thousands of times stays one pass.
    if (Array.isArray(held)) held.push(value);
    else fields.set(name, held === undefined ? value : [held, value]);
  }
  // fromEntries defines own properties: a field named `__proto__` stays an ordinary one.
  return Object.fromEntries(fields);
}

export interface BadgeRouteOptions {
  answerDeps: AnswerDeps;
  indexes: BadgeIndexes;
  responder: Responder;
  /** Gives Fastify a form's body read before it, where a form asked again is answered (http/remembered.ts). */
  preReadForm: RememberedAnswers['preReadForm'];
  /** Each badge answer built (not those remembered), with its valid names (metrics). */
  onAnswer?: (method: 'GET' | 'POST', dashboard: DashboardChoice, names: number) => void;
}

const description =
  'Which of these users are in a current course of a Dashboard, each with a badge per course: their highest role, the ' +
  "course's staff, title and activity. Answered from an index of current courses built from a few program-wide reads " +
  '(campaign lists, never a per-user read), so asking costs the Dashboards nothing per name.';

export const badgeRoutes: FastifyPluginAsyncTypebox<BadgeRouteOptions> = async (app, { answerDeps, indexes, responder, preReadForm, onAnswer }) => {
  // This scope parses forms alone: any other body is a 415, one over 64 KB a 413 (http/problem.ts).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => done(null, formFields(body as string)));

  app.get(
    '/api/badges',
    {
      schema: {
        tags,
        operationId: 'getBadges',
        summary: 'Badges of up to 50 users',
        description: `${description} Cache-Control: public, max-age at most 300 (60 when partial), with ETag and 304.`,
        querystring: BadgesQuery,
        response: { 200: BadgesAnswerSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { users } = request.query;
      const names = parseBadgeNames(users, GET_LIMIT);
      const dashboard = parseDashboard(request.query.dashboard, true);
      return responder.send(request, reply, answerKey('badges', dashboard, users), () => {
        onAnswer?.('GET', dashboard, names.names.length);
        return badgesFor(answerDeps, indexes, dashboard, names, reply.elapsedTime);
      });
    },
  );

  app.post(
    '/api/badges',
    {
      bodyLimit: MAX_BODY_BYTES,
      preParsing: preReadForm,
      schema: {
        tags,
        operationId: 'postBadges',
        summary: 'Badges of up to 500 users (a form)',
        description: `${description} The same fields as the GET's query, as an \`${FORM}\` body of at most 64 KB. Cache-Control: no-store.`,
        body: BadgesForm,
        consumes: [FORM],
        response: {
          200: BadgesAnswerSchema,
          ...problems,
          413: { ...ProblemSchema, description: 'The body is larger than 64 KB' },
          415: { ...ProblemSchema, description: `The body is not \`${FORM}\`` },
        },
      },
    },
    async (request, reply) => {
      const fields: Record<string, unknown> = request.body ?? {};
      const users = badgeNamesText(fields['users']);
      const dashboard = parseDashboard(fields['dashboard'], true);
      // Never cached by HTTP, but the same names asked again (a list as another reader's gadget sends it)
      // are answered from the answer cache like a GET; the same form, before Fastify (http/remembered.ts).
      return responder.sendNoStore(request, reply, answerKey('badges', dashboard, users), () => {
        const names = parseBadgeNames(users, POST_LIMIT);
        onAnswer?.('POST', dashboard, names.names.length);
        return badgesFor(answerDeps, indexes, dashboard, names, reply.elapsedTime);
      });
    },
  );
};
