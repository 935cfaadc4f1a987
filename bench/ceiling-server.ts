// The ceiling: a bare node:http server answering captured service responses byte for byte (same
// status, headers and body), so the gap to the service is what the service itself costs.
// Usage: node --import tsx bench/ceiling-server.ts <responses.json>   (PORT, HOST from the env)

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { CapturedResponse } from './capture.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: ceiling-server.ts <responses.json>');
const captured = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CapturedResponse>;
const responses = new Map(
  Object.entries(captured).map(([path, r]) => [path, { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') }]),
);

const server = createServer((req, res) => {
  const found = responses.get(req.url ?? '');
  if (found === undefined) {
    // /healthz (readiness) and anything unexpected.
    res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-length': '0' }).end();
    return;
  }
  res.writeHead(found.status, found.headers).end(found.body);
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
