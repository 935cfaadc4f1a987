// The ceiling: a bare node:http server answering captured service responses byte for byte (same
// status, headers and body), so the gap to the service is what the service itself costs.
// With --fastify, the same answers from a bare Fastify route: the framework's own floor, which
// splits that gap into what Fastify costs and what the service's code costs.
// A POST's body is read to its end before the answer (a form POST's cost of receiving it).
// Usage: node --import tsx bench/ceiling-server.ts <responses.json> [--fastify]   (PORT, HOST from the env)

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { CapturedResponse } from './capture.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: ceiling-server.ts <responses.json> [--fastify]');
const captured = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CapturedResponse>;
const responses = new Map(
  Object.entries(captured).map(([path, r]) => [path, { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') }]),
);

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';

if (process.argv[3] === '--fastify') {
  const app = Fastify({ logger: false });
  // A form's body taken as it came, unparsed.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const replay = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const found = responses.get(req.url);
    // /healthz (readiness) and anything unexpected.
    if (found === undefined) return reply.code(req.url === '/healthz' ? 200 : 404).send();
    for (let i = 0; i + 1 < found.headers.length; i += 2) reply.header(found.headers[i] ?? '', found.headers[i + 1]);
    return reply.code(found.status).send(found.body);
  };
  app.get('*', replay);
  app.post('*', replay);
  await app.listen({ port, host });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
} else {
  const server = createServer((req, res) => {
    const found = responses.get(req.url ?? '');
    const answer = (): void => {
      if (found === undefined) res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-length': '0' }).end();
      else res.writeHead(found.status, found.headers).end(found.body);
    };
    if (req.method === 'GET') answer();
    else req.on('data', () => undefined).on('end', answer);
  });
  server.listen(port, host);
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
