// The id of a request in the access log: the caller's X-Request-Id, or one of ours. One function for
// both ways a request is answered (Fastify's genReqId and http/remembered.ts).

import type { IncomingMessage } from 'node:http';

let next = 0;

export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && given !== '' ? given : `req-${(next++).toString(36)}`;
}
