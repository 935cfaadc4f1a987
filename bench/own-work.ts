// What the service's own code costs a warm request, without the HTTP stack around it: the
// remembered-answer path (the answer found by URL, its headers, the metrics' record) answering into a
// response whose writeHead and end do nothing. Under load, CPU time per request moves by ±30 % between
// identical runs on a shared VM; this moves by a few per cent, so it shows what is left to gain.

import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify from 'fastify';
import { AnswerCache } from '../src/cache/answer-cache.js';
import { COMMON_HEADERS } from '../src/http/headers.js';
import { RememberedAnswers } from '../src/http/remembered.js';
import { createMetrics } from '../src/telemetry/metrics.js';
import { median } from './stats.js';

/** µs per warm request for `url` answering `payload` (the median of five batches of `calls`). */
export async function ownWorkMicros(url: string, route: string, payload: string, calls = 1_000_000): Promise<number> {
  const now = Date.now;
  const answers = new AnswerCache(now, { maxEntries: 10, maxBytes: 10 * payload.length + 10_000 });
  answers.remember('bench', { payload: Buffer.from(payload), etag: 'W/"bench"', freshness: { oldestFetchedAt: now(), freshUntil: now() + 3_600_000 } });
  // The headers the app's hooks add, as the alias of a real answer holds them.
  answers.aliasRequest(url, { key: 'bench', route, headers: Object.entries(COMMON_HEADERS).flat() });
  const metrics = createMetrics();
  // As app.ts records a response; its access-log line is a no-op at LOG_LEVEL=warn, as in the hot runs.
  const remembered = new RememberedAnswers(answers, now, (_id, r, status, ms) => metrics.onResponse(r, status, ms));
  // On, as in the app, once a Fastify app whose hooks it accounts for is ready.
  const app = Fastify();
  remembered.register(app);
  app.get(route, async () => payload);
  await app.ready();
  const answer = remembered.before(() => {
    throw new Error('not answered from memory');
  });
  const req = { method: 'GET', url, headers: {} } as IncomingMessage;
  const res = { writeHead: () => res, end: () => res } as unknown as ServerResponse;
  const batches = Array.from({ length: 5 }, () => {
    const started = performance.now();
    for (let i = 0; i < calls; i++) answer(req, res);
    return ((performance.now() - started) * 1000) / calls;
  });
  await app.close();
  return median(batches);
}
