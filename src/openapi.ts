// The OpenAPI document, generated from the route schemas. The course route is one wildcard in the
// router (slugs have several segments), so the document presents it as the two endpoints it serves.

import type { SwaggerOptions } from '@fastify/swagger';
import { Type } from 'typebox';
import { VERSION } from './version.js';

const COURSE_WILDCARD = '/api/courses/*';
const DETAILS = '/api/courses/{slug}';
const ROSTER = '/api/courses/{slug}/users';

type Doc = { paths?: Record<string, Record<string, any>> };

/** Splits the wildcard operation (200: Course | CourseUsers) into details and roster operations. */
function splitCourseRoute<T extends Doc>(doc: T): T {
  const op = doc.paths?.[DETAILS]?.get;
  const json = op?.responses?.['200']?.content?.['application/json'];
  const [course, roster] = json?.schema?.anyOf ?? [];
  if (!doc.paths || !op || !course || !roster) return doc;
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
  return doc;
}

export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Outreach Dashboard Helper',
      version: VERSION,
      description:
        "A cached JSON API over the Programs & Events Dashboard's public JSON: a user's courses, their staff, and which are active now. " +
        'Answers carry Cache-Control, Age and ETag (If-None-Match gives 304); errors are application/problem+json; CORS is open (no credentials).',
    },
    tags: [
      { name: 'users', description: 'A user and their courses' },
      { name: 'courses', description: 'One course' },
      { name: 'operations', description: 'Health' },
    ],
  },
  transform: ({ schema, url }) => {
    if (url !== COURSE_WILDCARD) return { schema, url };
    const params = Type.Object({
      slug: Type.String({ description: "The Dashboard's course slug (two or more segments), each segment percent-encoded" }),
    });
    return { schema: { ...schema, params }, url: DETAILS };
  },
  transformObject: (documentObject) =>
    'openapiObject' in documentObject ? splitCourseRoute(documentObject.openapiObject as Doc) : documentObject.swaggerObject,
};
