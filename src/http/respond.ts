// Sends an answer with its caching headers, remembering the serialised body while it cannot change.
//
// An answer is a pure function of the cache entries it was built from and of the time (the "active"
// flags). While every entry is fresh nobody refreshes it, and until the next window boundary no flag
// flips, so until `freshness.freshUntil` (the earlier of the two) the same request gets the same
// bytes: serialising and hashing them again would be wasted work on the hot path.

import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Answer } from '../answers/context.js';
import type { Freshness } from '../answers/freshness.js';

const MAX_AGE_CAP = 86_400; // a day: the contract's bound
const JSON_TYPE = 'application/json; charset=utf-8';

interface Prepared {
  payload: string;
  etag: string;
  freshness: Freshness;
}

export function weakEtag(payload: string): string {
  return `W/"${hash('sha1', payload, 'base64url')}"`;
}

export function etagMatches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  return header !== undefined && header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

export class Responder {
  readonly #memo: LRUCache<string, Prepared>;

  constructor(
    private readonly now: () => number,
    bounds: { maxEntries: number; maxBytes: number },
    private readonly onReuse?: () => void,
  ) {
    // Bounded by bytes as well: one roster of a big course serialises to megabytes.
    this.#memo = new LRUCache({
      max: bounds.maxEntries,
      maxSize: bounds.maxBytes,
      sizeCalculation: (p) => Math.max(1, p.payload.length),
    });
  }

  /**
   * `key` names the answer (route, canonical input, flags); `compute` builds it from cached reads.
   * Errors from compute propagate (to the problem+json handler) and are never remembered.
   */
  async send<T>(request: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<Answer<T>>): Promise<FastifyReply> {
    const remembered = this.#memo.get(key);
    const reusable = remembered !== undefined && this.now() < remembered.freshness.freshUntil;
    if (reusable) this.onReuse?.();
    const prepared = reusable ? remembered : await this.#prepare(reply, key, compute);
    const now = this.now();
    setFreshness(reply, prepared.freshness, now);
    reply.header('etag', prepared.etag);
    if (etagMatches(request, prepared.etag)) return reply.code(304).send();
    return reply.type(JSON_TYPE).send(prepared.payload);
  }

  async #prepare<T>(reply: FastifyReply, key: string, compute: () => Promise<Answer<T>>): Promise<Prepared> {
    const answer = await compute();
    // The route's response schema serialises (and strips unknown fields) exactly as a plain send would.
    const payload = reply.serialize(answer.body) as string;
    const prepared = { payload, etag: weakEtag(payload), freshness: answer.freshness };
    if (answer.freshness.freshUntil > this.now()) this.#memo.set(key, prepared);
    else this.#memo.delete(key);
    return prepared;
  }
}

/**
 * HTTP caches take max-age minus Age as the time left, so max-age is the lifetime counted from the
 * oldest entry's fetch, and Age is that entry's age.
 */
function setFreshness(reply: FastifyReply, { oldestFetchedAt, freshUntil }: Freshness, now: number): void {
  const age = Math.max(0, Math.floor((now - oldestFetchedAt) / 1000));
  const maxAge = Math.min(MAX_AGE_CAP, Math.max(0, Math.floor((freshUntil - oldestFetchedAt) / 1000)));
  reply.header('age', String(age));
  reply.header('cache-control', `public, max-age=${maxAge}`);
}
