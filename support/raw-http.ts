// A request (a GET unless told) whose path goes on the request line exactly as written: fetch() (and http.request given a
// URL string) would resolve `..` and re-encode, which hides what a hostile or sloppy client can send.

import { request, type Agent, type IncomingHttpHeaders } from 'node:http';

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A request body, sent with its Content-Length. */
  body?: string;
  /** Keep-alive agent, or false (the default) for a fresh connection. */
  agent?: Agent | false;
}

/** Rejects on a connection error (refused, reset): a dropped request is never mistaken for an answer. */
export function rawRequest(base: string, path: string, { method = 'GET', headers = {}, body, agent = false }: RawOptions = {}): Promise<RawReply> {
  const { hostname, port } = new URL(base);
  const sent = body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers };
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers: sent, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
