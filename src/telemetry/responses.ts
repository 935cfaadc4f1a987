// Every response is recorded once, however it was sent (by Fastify, or as a remembered answer before
// it, http/remembered.ts): in the metrics and in the access log, by route pattern only (usernames and
// slugs are client input).

import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Told of every response sent: the request id, the route pattern, the status and the time taken. */
export type ResponseRecorder = (reqId: string, route: string, status: number, ms: number) => void;

/** The route pattern of a request: the label of its metrics and its access-log line ('unmatched' when no route took it). */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/** Records every response Fastify sends. */
export function recordResponses(app: FastifyInstance, record: ResponseRecorder): void {
  // Callback style: an async hook costs a promise per request. Named: http/remembered.ts accounts for hooks by name.
  app.addHook('onResponse', function recordResponse(request, reply, done) {
    record(request.id, routeLabel(request), reply.statusCode, reply.elapsedTime);
    done();
  });
}
