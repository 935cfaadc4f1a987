// `/`: an index of the endpoints with ready-to-click examples; `/openapi.json` and `/docs`.

import type { FastifyInstance } from 'fastify';

const EXAMPLES = [
  ['GET /api/users/{username}[?enrich=true]', "A user's courses (enriched: dates, activity, staff)", '/api/users/%C3%89milie_Dupont?enrich=true'],
  ['GET /api/users/{username}/active-staff[?use_event_dates=true]', 'Staff of the courses active now', '/api/users/%C3%89milie_Dupont/active-staff'],
  ['GET /api/users/{username}/status', 'Course counts and activity flags', '/api/users/%C3%89milie_Dupont/status'],
  ['GET /api/courses/{slug...}[?enrich=true]', 'Course details', '/api/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)?enrich=true'],
  ['GET /api/courses/{slug...}/users[?enrich=true]', 'Course roster: facilitators and participants', '/api/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)/users'],
  ['GET /health', 'Readiness and cache state', '/health'],
  ['GET /healthz', 'Liveness', '/healthz'],
  ['GET /metrics', 'Prometheus metrics', '/metrics'],
  ['GET /openapi.json', 'The OpenAPI 3 document', '/openapi.json'],
  ['GET /docs', 'The same, readable', '/docs'],
  ['GET /gadget/course-staff.js', 'The MediaWiki gadget', '/gadget/course-staff.js'],
  ['GET /test-gadget.html', 'The gadget on a local MediaWiki stand-in', '/test-gadget.html'],
] as const;

export async function indexRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return {
      name: 'Outreach Dashboard Helper',
      description:
        'A cached JSON API over the Programs & Events Dashboard (outreachdashboard.wmflabs.org): ' +
        'which courses a user is in, who runs them, and which are active now.',
      documentation: '/docs',
      openapi: '/openapi.json',
      endpoints: EXAMPLES.map(([route, summary, example]) => ({ route, summary, example })),
    };
  });

  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return app.swagger();
  });
}
