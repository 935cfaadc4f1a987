// Errors as application/problem+json (RFC 9457): every failure a client can cause or meet has a
// stable `type`, a `title`, the `status` and a `detail` that says what to do about it.

import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../answers/not-found.js';
import { UpstreamError } from '../dashboard/types.js';
import { InvalidInput } from '../domain/invalid.js';
import type { Problem } from '../schemas/common.js';
import { COMMON_HEADERS } from './headers.js';
import { allowedMethods, isAllowedMethod } from './methods.js';

// Seconds a client should wait when we shed load because the Dashboard queue is full.
const OVERLOADED_RETRY_AFTER = 5;

export function problemFor(err: unknown): Problem & { retryAfter?: number } {
  if (err instanceof InvalidInput) return problem('invalid-input', 'Invalid input', 400, err.message);
  if (err instanceof NotFound) {
    const title = err.what === 'user' ? 'User not found' : 'Course not found';
    return problem('not-found', title, 404, `${err.message}.`);
  }
  if (err instanceof UpstreamError) {
    switch (err.kind) {
      case 'timeout':
        return problem('upstream-timeout', 'The Dashboard did not answer in time', 504, `${err.message}; nothing is cached for this yet, try again later.`);
      case 'overloaded':
        return {
          ...problem('overloaded', 'Too busy', 503, 'Too many requests are waiting for the Dashboard; try again in a few seconds.'),
          retryAfter: OVERLOADED_RETRY_AFTER,
        };
      case 'budget': {
        const retryAfter = Math.max(1, Math.ceil((err.retryAfterMs ?? 0) / 1000));
        return {
          ...problem('upstream-budget', 'The Dashboard is asked enough for now', 503, `${err.message}: nothing usable is cached for this, try again in ${retryAfter} s.`),
          retryAfter,
        };
      }
      case 'down': {
        const retryAfter = Math.max(1, Math.ceil((err.retryAfterMs ?? 0) / 1000));
        return {
          ...problem('dashboard-down', 'The Dashboard is down', 503, `${err.message}; nothing usable is cached for this, try again in ${retryAfter} s.`),
          retryAfter,
        };
      }
      default:
        return problem('upstream-error', 'The Dashboard failed', 502, `${err.message}; nothing is cached for this yet, try again later.`);
    }
  }
  const fastifyErr = err as Partial<FastifyError>;
  if (fastifyErr.validation) return problem('invalid-input', 'Invalid input', 400, fastifyErr.message ?? 'invalid request');
  if (fastifyErr.code === 'FST_ERR_BAD_URL') {
    return problem('invalid-input', 'Invalid input', 400, 'the URL has invalid percent-encoding or is not UTF-8');
  }
  // The badges' form (routes/badges.ts): Fastify refuses its body before the route sees it.
  if (fastifyErr.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return problem('body-too-large', 'Request body too large', 413, 'the body is larger than 64 KB; send at most 500 names a request.');
  }
  if (fastifyErr.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return problem('unsupported-media-type', 'Unsupported media type', 415, 'send the names as a form: Content-Type application/x-www-form-urlencoded.');
  }
  const status = fastifyErr.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return problem('bad-request', fastifyErr.message ?? 'Bad request', status, fastifyErr.message ?? 'bad request');
  }
  return problem('internal', 'Internal error', 500, 'Something went wrong on our side; it has been logged.');
}

function problem(name: string, title: string, status: number, detail: string): Problem {
  return { type: `/problems/${name}`, title, status, detail };
}

export function sendProblem(reply: FastifyReply, p: Problem & { retryAfter?: number }): FastifyReply {
  reply
    .code(p.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    // A 404 may be repeated for a while (negative caching); errors must not be kept.
    .header('cache-control', p.status === 404 ? 'public, max-age=60' : 'no-store');
  if (p.retryAfter !== undefined) reply.header('retry-after', String(p.retryAfter));
  const { retryAfter: _omit, ...body } = p;
  return reply.send(JSON.stringify(body));
}

/**
 * No route took the request: 405 with Allow for a method the path never answers (no route takes it
 * there), else 404.
 */
export function handleNoRoute(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // The path is client input: quoted back only in part.
  const path = request.url.split('?', 1)[0] ?? '';
  if (!isAllowedMethod(request.method, path)) {
    const allowed = allowedMethods(path);
    reply.header('allow', allowed);
    return sendProblem(
      reply,
      problem('method-not-allowed', 'Method not allowed', 405, `${request.method.slice(0, 20)} is not supported here: this API reads (${allowed}).`),
    );
  }
  return sendProblem(reply, problem('no-such-route', 'No such endpoint', 404, `${request.method} ${path.slice(0, 100)} is not an endpoint of this API; see / for the list.`));
}

const ANNOUNCED_ONCE = new Set(['/problems/dashboard-down', '/problems/upstream-budget']);

export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const p = problemFor(err);
  if (p.status >= 500 && p.type === '/problems/internal') request.log.error({ err }, 'unhandled error');
  // A down Dashboard was announced once, by its breaker, and a spent budget once, when its refusals
  // started: each request they turn away is no news.
  else if (ANNOUNCED_ONCE.has(p.type)) request.log.debug({ problem: p.type }, 'upstream trouble');
  else if (p.status >= 500) request.log.warn({ problem: p.type, err: (err as Error).message }, 'upstream trouble');
  return sendProblem(reply, p);
}

/** The common headers as lines of a response head written by hand. */
const COMMON_LINES = Object.entries(COMMON_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/**
 * Requests Node refuses before Fastify sees them (a request head over 16 KB, a malformed request
 * line, a client too slow to send its head) still get a problem+json with CORS, like every error.
 */
export function handleClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const [status, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request head is larger than 16 KB: shorten the URL or the headers.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request head did not arrive in time.']
        : [400, 'The request is not valid HTTP.'];
  const title = STATUS_CODES[status] ?? 'Client error';
  const body = JSON.stringify({ type: '/problems/bad-request', title, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      COMMON_LINES +
      'Cache-Control: no-store\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
