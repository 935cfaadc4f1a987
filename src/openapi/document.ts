// The OpenAPI document, generated from the route schemas and finished here: the course wildcard is
// presented as the two endpoints it serves, errors as application/problem+json, and every operation
// gets its examples (examples.ts). It passes `redocly lint` (recommended rules) in the tests.

import type { SwaggerOptions } from '@fastify/swagger';
import { Type } from 'typebox';
import { LICENSE, VERSION } from '../config/package-info.js';
import { attachExamples, type Doc, type Operation } from './doc-examples.js';

const COURSE_WILDCARD = '/api/courses/*';
const DETAILS = '/api/courses/{slug}';
const ROSTER = '/api/courses/{slug}/users';
const TAGS = ['users', 'courses', 'badges', 'operations'];

/** Splits the wildcard operation (200: Course | CourseUsers) into details and roster operations. */
function splitCourseRoute(doc: Doc): void {
  const op = doc.paths[DETAILS]?.get;
  const json = op?.responses?.['200']?.content?.['application/json'];
  const [course, roster] = json?.schema?.anyOf ?? [];
  if (!op || !course || !roster) throw new Error('openapi: the course route is not the expected wildcard');
  const with200 = (schema: unknown, description: string) => ({
    ...op.responses,
    200: { description, content: { 'application/json': { ...json, schema } } },
  });
  doc.paths[DETAILS] = {
    get: { ...op, summary: 'A course', operationId: 'getCourse', responses: with200(course, 'The course') },
  };
  doc.paths[ROSTER] = {
    get: {
      ...op,
      summary: "A course's roster",
      operationId: 'getCourseUsers',
      description: 'Facilitators (role >= 1), participants (role 0) and everyone, one row per person with the highest role; with `enrich=true` also whether the course is active now.',
      responses: with200(roster, 'The roster'),
    },
  };
}

/** Errors are sent as application/problem+json (src/http/problem.ts), not as plain JSON. */
function problemContentType(doc: Doc): void {
  for (const op of operations(doc)) {
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const json = response.content?.['application/json'];
      if (Number(status) >= 400 && json) response.content = { 'application/problem+json': json };
    }
  }
}

/** Paths grouped by tag, in the order of TAGS, so the document reads as the README does. */
function orderByTag(doc: Doc): void {
  const rank = ([, item]: [string, Record<string, Operation>]): number => TAGS.indexOf(Object.values(item)[0]?.tags?.[0] ?? '');
  doc.paths = Object.fromEntries(Object.entries(doc.paths).sort((a, b) => rank(a) - rank(b)));
}

function operations(doc: Doc) {
  return Object.values(doc.paths).flatMap((item) => Object.values(item));
}

export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Outreach Dashboard Helper',
      version: VERSION,
      license: { name: LICENSE, identifier: LICENSE },
      description:
        "A cached JSON API over the public JSON of Wikimedia's two course Dashboards, Programs & Events (`dashboard=outreach`, the default) " +
        "and Wiki Education (`dashboard=wikiedu`): a user's courses, their staff, and which are active now; the user endpoints also " +
        'answer for both at once (`dashboard=all`). Every course carries its `dashboard` and `course_url`. ' +
        'Answers carry Cache-Control, Age and ETag (If-None-Match gives 304, by weak comparison); errors are application/problem+json; CORS is open (no credentials). ' +
        'The API reads: HEAD answers like GET without a body, and methods other than GET, HEAD and OPTIONS get 405 with `Allow: GET, HEAD, OPTIONS`, ' +
        'except `POST /api/badges` (a form of names; its path answers `Allow: GET, HEAD, OPTIONS, POST`).',
    },
    // Relative: the service documents itself wherever it runs.
    servers: [{ url: '/', description: 'This service' }],
    // Public data: no authentication of any kind.
    security: [],
    tags: [
      { name: 'users', description: 'A user and their courses' },
      { name: 'courses', description: 'One course' },
      { name: 'badges', description: 'Which of many users are in a current course' },
      { name: 'operations', description: 'Health and metrics' },
    ],
  },
  transform: ({ schema, url }) => {
    if (url !== COURSE_WILDCARD) return { schema, url };
    const params = Type.Object({
      slug: Type.String({
        description: "The Dashboard's course slug (two or more segments separated by real slashes), each segment percent-encoded",
      }),
    });
    return { schema: { ...schema, params }, url: DETAILS };
  },
  transformObject: (documentObject) => {
    if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
    const doc = documentObject.openapiObject as Doc;
    splitCourseRoute(doc);
    problemContentType(doc);
    attachExamples(doc);
    orderByTag(doc);
    return doc as typeof documentObject.openapiObject;
  },
};
