// Response headers: CORS on every route for gadgets (public data, never credentials), and ETag / 304.

import type { FastifyInstance, onSendAsyncHookHandler } from 'fastify';
import { ALLOWED_METHODS } from './methods.js';
import { etagMatches, weakEtag } from './respond.js';

export const COMMON_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Age, ETag',
  'x-content-type-options': 'nosniff',
};

export function registerCommonHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(COMMON_HEADERS);
    done();
  });

  // A gadget sends no custom headers, so browsers should not preflight; answer one anyway.
  app.options('*', { schema: { hide: true } }, async (request, reply) => {
    reply.header('access-control-allow-methods', ALLOWED_METHODS);
    const asked = request.headers['access-control-request-headers'];
    if (asked) reply.header('access-control-allow-headers', asked);
    reply.header('access-control-max-age', '86400');
    return reply.code(204).send();
  });
}

/**
 * ETag / 304 for routes that send plain bodies (the index, the OpenAPI document, the gadget files),
 * on HEAD as on GET (Fastify drops a HEAD's body after this hook). API answers get theirs from the
 * Responder, hashed once per answer, so this hook stays off their hot path: it is added only in the
 * scope of the routes that need it.
 */
export const etagHook: onSendAsyncHookHandler = async (request, reply, payload) => {
  if (reply.statusCode !== 200 || typeof payload !== 'string' || (request.method !== 'GET' && request.method !== 'HEAD')) return payload;
  const etag = weakEtag(payload);
  reply.header('etag', etag);
  if (!etagMatches(request.headers['if-none-match'], etag)) return payload;
  reply.code(304);
  return '';
};
