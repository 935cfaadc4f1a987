// Response headers shared by every route: CORS for gadgets (public data, never credentials),
// and ETag / 304.

import type { FastifyInstance } from 'fastify';
import { etagMatches, weakEtag } from './respond.js';

const COMMON = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Age, ETag',
  'x-content-type-options': 'nosniff',
};

export function registerCommonHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(COMMON);
    done();
  });

  // A gadget sends no custom headers, so browsers should not preflight; answer one anyway.
  app.options('*', { schema: { hide: true } }, async (request, reply) => {
    reply.header('access-control-allow-methods', 'GET, HEAD, OPTIONS');
    const asked = request.headers['access-control-request-headers'];
    if (asked) reply.header('access-control-allow-headers', asked);
    reply.header('access-control-max-age', '86400');
    return reply.code(204).send();
  });

  // ETag / 304 for the other GET routes (answers get theirs from the Responder, already hashed).
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string' || request.method !== 'GET') return payload;
    if (reply.hasHeader('etag')) return payload;
    const etag = weakEtag(payload);
    reply.header('etag', etag);
    if (!etagMatches(request, etag)) return payload;
    reply.code(304);
    return '';
  });
}
