// Remembered answers served straight from node:http, before Fastify. A GET or HEAD whose URL was
// answered before, while that answer stays true, needs no routing, input parsing, hooks or
// serialising: the answer cache finds it by URL (cache/answer-cache.ts). Every other request, and
// the first for each URL, goes to Fastify. The status, headers and body are the Responder's
// (http/respond.ts), and the response is recorded (metrics, access log) as Fastify's are.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerCache } from '../cache/answer-cache.js';
import type { ResponseRecorder } from '../telemetry/responses.js';
import { COMMON_HEADERS } from './headers.js';
import { requestId } from './request-id.js';
import { cachingHeaders, etagMatches, JSON_TYPE } from './respond.js';

const COMMON = Object.entries(COMMON_HEADERS).flat();

/**
 * A request listener's first step: answers the request and returns true when its answer is
 * remembered, returns false (having touched nothing) otherwise. `enabled` turns it off (while the
 * server closes, Fastify answers everything, with its 503s and `Connection: close`).
 */
export function rememberedAnswers(
  answers: AnswerCache,
  now: () => number,
  record: ResponseRecorder,
  enabled: () => boolean,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.url === undefined || !enabled()) return false;
    const started = performance.now();
    const hit = answers.forUrl(req.url);
    if (hit === undefined) return false;
    const { answer, route } = hit;
    const caching = cachingHeaders(answer, now());
    const headers = [...COMMON, 'age', caching.age, 'cache-control', caching['cache-control'], 'etag', caching.etag];
    if (etagMatches(req.headers['if-none-match'], answer.etag)) {
      res.writeHead(304, headers).end();
      record(requestId(req), route, 304, performance.now() - started);
      return true;
    }
    headers.push('content-type', JSON_TYPE, 'content-length', String(Buffer.byteLength(answer.payload)));
    // Node sends no body for a HEAD.
    res.writeHead(200, headers).end(answer.payload);
    record(requestId(req), route, 200, performance.now() - started);
    return true;
  };
}
