// Response headers shared by every route: CORS for gadgets (public data, never credentials),
// freshness (Cache-Control, Age) from the cache entries behind an answer, and ETag / 304.

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Answer } from '../answers/freshness.js';

const MAX_AGE_CAP = 86_400; // a day: the contract's bound

export function registerCommonHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'Age, ETag');
    reply.header('x-content-type-options', 'nosniff');
  });

  // A gadget sends no custom headers, so browsers should not preflight; answer one anyway.
  app.options('*', { schema: { hide: true } }, async (request, reply) => {
    reply.header('access-control-allow-methods', 'GET, HEAD, OPTIONS');
    const asked = request.headers['access-control-request-headers'];
    if (asked) reply.header('access-control-allow-headers', asked);
    reply.header('access-control-max-age', '86400');
    return reply.code(204).send();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string' || request.method !== 'GET') return payload;
    const etag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    const match = request.headers['if-none-match'];
    if (match !== undefined && match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}

/**
 * Sets Age and Cache-Control for an answer and returns its body for Fastify to serialise.
 * HTTP caches take max-age minus Age as the time left, so max-age is the lifetime counted from the
 * oldest entry's fetch, and Age is that entry's age.
 */
export function withFreshness<T>(reply: FastifyReply, answer: Answer<T>, now: number): T {
  const { oldestFetchedAt, freshUntil } = answer.freshness;
  const age = Math.max(0, Math.floor((now - oldestFetchedAt) / 1000));
  const maxAge = Math.min(MAX_AGE_CAP, Math.max(0, Math.floor((freshUntil - oldestFetchedAt) / 1000)));
  reply.header('age', String(age));
  reply.header('cache-control', `public, max-age=${maxAge}`);
  return answer.body;
}
