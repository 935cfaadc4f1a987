// An API answer's response: one function (`answerResponse`; a POST's, `noStoreResponse`) decides its
// status, every header it owns (Cache-Control, Age, ETag, and with a body Content-Type and
// Content-Length), the 304 and the body bytes, for both ways an answer is sent: Fastify's (the
// Responder, below) and the remembered answers' before Fastify (http/remembered.ts), which adds the
// headers Fastify's hooks sent for the URL. The Responder takes an answer from the answer cache while it cannot have changed and builds it
// otherwise.

import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Answer } from '../answers/context.js';
import type { AnswerCache, FinishedAnswer } from '../cache/answer-cache.js';

const MAX_AGE_CAP = 86_400; // a day: the contract's bound
const JSON_TYPE = 'application/json; charset=utf-8';

/** Header names and values in turn, as node:http's writeHead takes them. */
export type HeaderList = string[];

/** A response decided: its status, its headers and its body (none for a 304). */
export interface Decided {
  status: 200 | 304;
  headers: HeaderList;
  body: string | Buffer | undefined;
}

export function weakEtag(payload: string | Buffer): string {
  return `W/"${hash('sha1', payload, 'base64url')}"`;
}

/** One entity-tag of a list (`W/"x"` or `"x"`; commas may sit inside the quotes), or `*`. */
const LIST_MEMBER = /\s*(\*|(?:W\/)?"([^"]*)")\s*(?:,|$)/y;

/**
 * If-None-Match (`header`) by RFC 9110's weak comparison (section 8.8.3.2), as a cache revalidating
 * a GET must: `W/"x"` and `"x"` match each other; `*` matches any current answer. A malformed field
 * matches nothing.
 */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = etag.startsWith('W/') ? etag.slice(3, -1) : etag.slice(1, -1);
  LIST_MEMBER.lastIndex = 0;
  for (let m = LIST_MEMBER.exec(header); m !== null; m = LIST_MEMBER.exec(header)) {
    if (m[1] === '*' || m[2] === opaque) return true;
  }
  return false;
}

/**
 * The response to a GET or HEAD of `body` tagged `etag`: 304, with neither body nor Content-Type and
 * Content-Length, when If-None-Match holds the tag (RFC 9110, section 15.4.5); else 200 with them.
 * `headers` (extended in place) and the ETag go on both. A HEAD gets the GET's headers, Content-Length included; the
 * server leaves its body out (node:http for a HEAD, and Fastify's HEAD routes).
 */
export function conditionalResponse(ifNoneMatch: string | undefined, body: string | Buffer, etag: string, contentType: string, headers: HeaderList): Decided {
  headers.push('etag', etag);
  if (etagMatches(ifNoneMatch, etag)) return { status: 304, headers, body: undefined };
  headers.push('content-type', contentType, 'content-length', String(Buffer.byteLength(body)));
  return { status: 200, headers, body };
}

/** What answerResponse decides itself: anything a response of Fastify's had under these names is left out of the URL's own headers. */
const DECIDED = new Set(['age', 'cache-control', 'etag', 'content-type', 'content-length']);

/**
 * An API answer's response at `now`, with `routeHeaders` (what Fastify's hooks add for its URL,
 * http/remembered.ts) first. HTTP caches take max-age minus Age as the time left, so max-age is the
 * lifetime counted from the oldest entry's fetch, and Age is that entry's age.
 */
export function answerResponse(answer: FinishedAnswer, ifNoneMatch: string | undefined, now: number, routeHeaders: readonly string[]): Decided {
  const { oldestFetchedAt, freshUntil } = answer.freshness;
  const age = Math.max(0, Math.floor((now - oldestFetchedAt) / 1000));
  const maxAge = Math.min(MAX_AGE_CAP, Math.max(0, Math.floor((freshUntil - oldestFetchedAt) / 1000)));
  const headers = [...routeHeaders, 'age', String(age), 'cache-control', `public, max-age=${maxAge}`];
  return conditionalResponse(ifNoneMatch, answer.payload, answer.etag, JSON_TYPE, headers);
}

/** The headers of a response Fastify sent that answerResponse does not decide, as a list. */
export function routeHeaders(sent: Record<string, string | number | string[] | undefined>): HeaderList {
  const list: HeaderList = [];
  for (const [name, value] of Object.entries(sent)) {
    if (value === undefined || DECIDED.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) list.push(name, String(one));
  }
  return list;
}

/** Puts a decided response's status and headers on a Fastify reply; returns its body (undefined: none). */
export function decidedOnto(reply: FastifyReply, decided: Decided): string | Buffer | undefined {
  reply.code(decided.status);
  // A 304 has no body to describe (the route may have typed one before the 304 was decided).
  if (decided.status === 304) reply.removeHeader('content-type');
  const { headers } = decided;
  for (let i = 0; i + 1 < headers.length; i += 2) reply.header(headers[i] as string, headers[i + 1]);
  return decided.body;
}

/**
 * An API answer as the response to a POST, with `routeHeaders` first (as answerResponse): `no-store`
 * and without validators (a POST's response is not reused by HTTP caches).
 */
export function noStoreResponse(payload: Buffer, routeHeaders: readonly string[]): Decided {
  return { status: 200, headers: [...routeHeaders, 'cache-control', 'no-store', 'content-type', JSON_TYPE, 'content-length', String(payload.length)], body: payload };
}

/** Told that `request` is being answered with the answer under `key` (http/remembered.ts learns the URL from its response). */
export type AnswerNotice = (request: FastifyRequest, key: string) => void;

export class Responder {
  constructor(
    private readonly answers: AnswerCache,
    private readonly now: () => number,
    private readonly answering: AnswerNotice,
  ) {}

  /**
   * `key` names the answer (route, canonical input, flags); `compute` builds it from cached reads.
   * Errors from compute propagate (to the problem+json handler) and are never remembered.
   */
  async send<T>(request: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<Answer<T>>): Promise<FastifyReply> {
    const finished = await this.#answer(reply, key, compute);
    const now = this.now();
    if (finished.freshness.freshUntil > now) this.answering(request, key);
    return reply.send(decidedOnto(reply, answerResponse(finished, request.headers['if-none-match'], now, [])));
  }

  /** The answer under `key` as the response to a POST (noStoreResponse): remembered or built as for a GET. */
  async sendNoStore<T>(request: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<Answer<T>>): Promise<FastifyReply> {
    const finished = await this.#answer(reply, key, compute);
    if (finished.freshness.freshUntil > this.now()) this.answering(request, key);
    return reply.send(decidedOnto(reply, noStoreResponse(finished.payload, [])));
  }

  /** The answer under `key`: the remembered one while it cannot have changed, else built by `compute` and remembered. */
  async #answer<T>(reply: FastifyReply, key: string, compute: () => Promise<Answer<T>>): Promise<FinishedAnswer> {
    return this.answers.get(key) ?? (await this.#finish(reply, key, compute));
  }

  async #finish<T>(reply: FastifyReply, key: string, compute: () => Promise<Answer<T>>): Promise<FinishedAnswer> {
    const answer = await compute();
    // The route's response schema serialises (and strips unknown fields) exactly as a plain send would.
    const payload = utf8(reply.serialize(answer.body) as string);
    const finished = { payload, etag: weakEtag(payload), freshness: answer.freshness };
    this.answers.remember(key, finished);
    return finished;
  }
}

/** `text` as UTF-8 in a Buffer of its own: a small one from Node's shared pool would keep the whole 8 KB slab alive as long as the answer is remembered. */
function utf8(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}
