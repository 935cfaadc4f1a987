// The headers every response carries (CORS for gadgets: public data, never credentials; nosniff), the
// CORS preflight, and ETag / 304 for the routes that send plain bodies.

import type { FastifyInstance, FastifyReply, onSendAsyncHookHandler } from 'fastify';
import { allowedMethods } from './methods.js';
import { conditionalResponse, decidedOnto, weakEtag } from './respond.js';

export const COMMON_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Age, ETag',
  'x-content-type-options': 'nosniff',
};

/** `reply` with the common headers: every route's (the hook below), and the errors Fastify raises before any hook runs (app.ts). */
export function withCommonHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers(COMMON_HEADERS);
}

export function registerCommonHeaders(app: FastifyInstance): void {
  // Named: http/remembered.ts accounts for the app's hooks by name.
  app.addHook('onRequest', function commonHeaders(_request, reply, done) {
    withCommonHeaders(reply);
    done();
  });

  // A gadget sends no custom headers, so browsers should not preflight; answer one anyway.
  app.options('*', { schema: { hide: true } }, async (request, reply) => {
    reply.header('access-control-allow-methods', allowedMethods(request.url.split('?', 1)[0] ?? ''));
    const asked = request.headers['access-control-request-headers'];
    if (asked) reply.header('access-control-allow-headers', asked);
    reply.header('access-control-max-age', '86400');
    return reply.code(204).send();
  });
}

/**
 * ETag / 304 for routes that send plain bodies (the index, the OpenAPI document, the gadget files),
 * on HEAD as on GET (Fastify drops a HEAD's body after this hook), decided as an API answer's is
 * (http/respond.ts). API answers get theirs from the Responder, hashed once per answer, so this hook
 * stays off their hot path: it is added only in the scope of the routes that need it.
 */
export const etagHook: onSendAsyncHookHandler = async (request, reply, payload) => {
  if (reply.statusCode !== 200 || typeof payload !== 'string' || (request.method !== 'GET' && request.method !== 'HEAD')) return payload;
  const type = String(reply.getHeader('content-type'));
  return decidedOnto(reply, conditionalResponse(request.headers['if-none-match'], payload, weakEtag(payload), type, [])) ?? null;
};
