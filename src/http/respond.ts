// Sends an answer with its caching headers (Cache-Control, Age, ETag, 304), taking it from the
// answer cache while it cannot have changed and building it otherwise. A repeated request for the
// same URL is served before Fastify, by http/remembered.ts, with the same headers from here.

import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Answer } from '../answers/context.js';
import type { AnswerCache, FinishedAnswer } from '../cache/answer-cache.js';

const MAX_AGE_CAP = 86_400; // a day: the contract's bound
export const JSON_TYPE = 'application/json; charset=utf-8';

export function weakEtag(payload: string): string {
  return `W/"${hash('sha1', payload, 'base64url')}"`;
}

/** One entity-tag of a list (`W/"x"` or `"x"`; commas may sit inside the quotes), or `*`. */
const LIST_MEMBER = /\s*(\*|(?:W\/)?"([^"]*)")\s*(?:,|$)/y;

/**
 * If-None-Match (`header`) by RFC 9110's weak comparison (section 8.8.3.2), as a cache revalidating
 * a GET must: `W/"x"` and `"x"` match each other; `*` matches any current answer. A malformed field
 * matches nothing.
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = etag.startsWith('W/') ? etag.slice(3, -1) : etag.slice(1, -1);
  LIST_MEMBER.lastIndex = 0;
  for (let m = LIST_MEMBER.exec(header); m !== null; m = LIST_MEMBER.exec(header)) {
    if (m[1] === '*' || m[2] === opaque) return true;
  }
  return false;
}

/**
 * The caching headers of a finished answer sent at `now`. HTTP caches take max-age minus Age as the
 * time left, so max-age is the lifetime counted from the oldest entry's fetch, and Age is that
 * entry's age.
 */
export function cachingHeaders(
  { etag, freshness: { oldestFetchedAt, freshUntil } }: FinishedAnswer,
  now: number,
): { age: string; 'cache-control': string; etag: string } {
  const age = Math.max(0, Math.floor((now - oldestFetchedAt) / 1000));
  const maxAge = Math.min(MAX_AGE_CAP, Math.max(0, Math.floor((freshUntil - oldestFetchedAt) / 1000)));
  return { age: String(age), 'cache-control': `public, max-age=${maxAge}`, etag };
}

export class Responder {
  constructor(
    private readonly answers: AnswerCache,
    private readonly now: () => number,
  ) {}

  /**
   * `key` names the answer (route, canonical input, flags); `compute` builds it from cached reads.
   * Errors from compute propagate (to the problem+json handler) and are never remembered.
   */
  async send<T>(request: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<Answer<T>>): Promise<FastifyReply> {
    const finished = this.answers.get(key) ?? (await this.#finish(reply, key, compute));
    const now = this.now();
    // The next request for this URL finds the answer without routing or parsing, while it stays true.
    if (finished.freshness.freshUntil > now) this.answers.aliasUrl(request.url, { key, route: request.routeOptions.url ?? '' });
    reply.headers(cachingHeaders(finished, now));
    if (etagMatches(request.headers['if-none-match'], finished.etag)) return reply.code(304).send();
    return reply.type(JSON_TYPE).send(finished.payload);
  }

  async #finish<T>(reply: FastifyReply, key: string, compute: () => Promise<Answer<T>>): Promise<FinishedAnswer> {
    const answer = await compute();
    // The route's response schema serialises (and strips unknown fields) exactly as a plain send would.
    const payload = reply.serialize(answer.body) as string;
    const finished = { payload, etag: weakEtag(payload), freshness: answer.freshness };
    this.answers.remember(key, finished);
    return finished;
  }
}
