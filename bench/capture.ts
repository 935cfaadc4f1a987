// A real response of the service, kept exactly enough for the ceiling server to replay it.

import { request } from 'node:http';
import type { LoadRequest } from './load.js';

export interface CapturedResponse {
  status: number;
  /** Flat [name, value, name, value, ...] as sent (writeHead's array form), minus what node:http adds itself. */
  headers: string[];
  /** base64 */
  body: string;
}

// node:http writes these itself on every response; sending them twice would change the bytes.
const ADDED_BY_NODE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The response to a GET of `url`, or to `how` (a form POST). */
export function capture(url: string, how?: LoadRequest): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    request(url, { method: how?.method ?? 'GET', headers: how?.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const headers: string[] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const [name, value] = [res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? ''];
          if (!ADDED_BY_NODE.has(name.toLowerCase())) headers.push(name, value);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('base64') });
      });
    })
      .on('error', reject)
      .end(how?.body);
  });
}
