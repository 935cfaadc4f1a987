// `/`: an index of the endpoints with ready-to-click examples, taken from the OpenAPI document;
// `/openapi.json` (the document) and, registered in app.ts, `/docs`.

import type { FastifyInstance } from 'fastify';
import { documentedEndpoints, type Doc } from '../openapi/doc-examples.js';

export async function indexRoutes(app: FastifyInstance): Promise<void> {
  // Built at the first request: the document is complete only once every route is registered.
  let index: object | undefined;
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    index ??= {
      name: 'Outreach Dashboard Helper',
      description:
        "A cached JSON API over Wikimedia's course Dashboards, Programs & Events (outreachdashboard.wmflabs.org) " +
        'and Wiki Education (dashboard.wikiedu.org): which courses a user is in, who runs them, and which are active now. ' +
        'Every /api/ endpoint takes dashboard=outreach (the default) or wikiedu; the user endpoints and /api/badges also dashboard=all. ' +
        '/api/badges: which of many users are in a current course (GET, or POST a form of up to 500 names).',
      documentation: '/docs',
      openapi: '/openapi.json',
      gadget: '/gadget/course-staff.js',
      gadget_test_page: '/test-gadget.html',
      endpoints: documentedEndpoints(app.swagger() as unknown as Doc),
    };
    return index;
  });

  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return app.swagger();
  });
}
