// Remembered answers served straight from node:http, before Fastify. A GET or HEAD whose URL was
// answered before, while that answer stays true, needs no routing, input parsing, hooks or
// serialising: the answer cache finds it by URL (cache/answer-cache.ts). Every other request, and
// the first for each URL, goes to Fastify, which teaches this module the URL from its response.
//
// What Fastify would have sent is accounted for three ways. The response is decided by the function
// that decides Fastify's (http/respond.ts answerResponse). The headers Fastify's hooks added to the
// URL's first answer are kept with the URL and sent again, so a header a hook or plugin adds applies
// here too. And the fast path runs only while every request hook of the app is one it accounts for
// (ACCOUNTED_HOOKS): a hook it does not know may do something per request (a rate limit, a tracer),
// so then every request goes to Fastify (and a warning says why).
//
// A URL with a query parameter its route does not define is answered by Fastify (the parameter
// ignored) and never remembered: a client that adds `?_=<timestamp>` to defeat caches would otherwise
// add a URL per request.
//
// A form POST (/api/badges with 500 names) is remembered by its URL, content type and body: its route's
// preParsing hook (rememberedForm) reads the body, answers a form it has answered before from the
// answer cache, and otherwise hands Fastify the bytes to parse. Decoding an 8.8 KB form cost more than
// the rest of the request (BENCHMARKS.md); the same list asked again (another reader's gadget on the
// same page) now costs reading it. Inside Fastify, the request's onRequest, onSend and onResponse hooks
// run as for any request; the hooks it skips (validation, handler) are accounted for as above.

import { hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import type { AnswerCache } from '../cache/answer-cache.js';
import { routeLabel, type ResponseRecorder } from '../telemetry/responses.js';
import { requestId } from './request-id.js';
import { answerResponse, noStoreOnto, routeHeaders } from './respond.js';

/** Request hooks whose every effect the fast path reproduces, by hook and function name. */
const ACCOUNTED_HOOKS: Record<string, string[]> = {
  // http/headers.ts: its headers are kept with each URL and sent again.
  onRequest: ['commonHeaders'],
  // http/headers.ts, only on routes that are never remembered; and Fastify's own for HEAD, which
  // leaves the body out as node:http does.
  onSend: ['etagHook', 'headRouteOnSendHandler'],
  // telemetry/responses.ts: the fast path records its responses alike; and this module's own.
  onResponse: ['recordResponse', 'learnAnswer'],
  // This module's, on the form POST route.
  preParsing: ['rememberedForm'],
};

/** Every request hook of the app's routes that the fast path does not account for, as `hook: function`, read from Fastify's route listing. */
function unaccountedHooks(app: FastifyInstance): string[] {
  const listed = [...app.printRoutes({ includeHooks: true }).matchAll(/• \((\w+)\) (\[.*\])/g)].flatMap(([, hook, names]) =>
    (JSON.parse(names ?? '[]') as string[]).map((name) => `${hook}: ${name.replace(/\(\)$/, '')}`),
  );
  // A listing without this module's own hook is one this code cannot read: then nothing is accounted for.
  if (!listed.includes('onResponse: learnAnswer')) return ['(the route listing could not be read)'];
  const accounted = new Set(Object.entries(ACCOUNTED_HOOKS).flatMap(([hook, names]) => names.map((name) => `${hook}: ${name}`)));
  return [...new Set(listed.filter((hook) => !accounted.has(hook)))];
}

/** Whether every query parameter of the request is one its route defines (its querystring schema). */
function onlyDefinedQuery(request: FastifyRequest): boolean {
  const defined = (request.routeOptions.schema?.querystring as { properties?: object } | undefined)?.properties ?? {};
  for (const name in request.query as object) if (!Object.hasOwn(defined, name)) return false;
  return true;
}

/**
 * A form's name among the aliases: its URL, content type and the SHA-256 of its body. A digest, not the
 * body: hashing an 8.8 KB string as a map key cost three times as much. A URL holds no line break
 * (node:http refuses one), so no form is named like a GET's URL.
 */
function formName(url: string | undefined, contentType: string | undefined, bodyDigest: string): string {
  return `${url}\n${contentType}\n${bodyDigest}`;
}

export class RememberedAnswers {
  /** Requests Fastify is answering with an answer that stays true for a while, and that answer's key (the Responder says so). */
  readonly #keys = new WeakMap<FastifyRequest, string>();
  /** Form POSTs Fastify is answering, by their names (formName). */
  readonly #forms = new WeakMap<FastifyRequest, string>();
  /** Off until the app is ready and its hooks are accounted for; off again once it closes (Fastify then answers everything, with its 503s and `Connection: close`). */
  #on = false;

  constructor(
    private readonly answers: AnswerCache,
    private readonly now: () => number,
    private readonly record: ResponseRecorder,
  ) {}

  /**
   * A request listener's first step: answers the request and returns true when its answer is
   * remembered, returns false (having touched nothing) otherwise.
   */
  readonly serve = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!this.#on || (req.method !== 'GET' && req.method !== 'HEAD') || req.url === undefined) return false;
    const started = performance.now();
    const hit = this.answers.forRequest(req.url);
    if (hit === undefined) return false;
    const { status, headers, body } = answerResponse(hit.answer, req.headers['if-none-match'], this.now(), hit.alias.headers);
    res.writeHead(status, headers).end(body);
    this.record(requestId(req), hit.alias.route, status, performance.now() - started);
    return true;
  };

  /**
   * A form POST route's preParsing hook: reads the body (one of a known length within the route's limit);
   * a form answered before, while its answer stays true, gets that answer again (as the Responder sends
   * a POST's: noStoreOnto), without parsing, validation or handler; any other, Fastify parses from the
   * bytes read, and learns by its name once answered. Callback-style: replying without calling `done`
   * ends the hooks, with no promise to wait on.
   */
  readonly rememberedForm = (request: FastifyRequest, reply: FastifyReply, payload: RequestPayload, done: (err: Error | null, payload?: RequestPayload) => void): void => {
    const length = Number(request.headers['content-length']);
    // Chunked, or over the limit (Fastify refuses it unread): Fastify's as ever.
    if (!this.#on || !(length <= request.routeOptions.bodyLimit)) return done(null, payload);
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer): void => void chunks.push(chunk);
    const onEnd = (err?: Error): void => {
      payload.off('data', onData).off('end', onEnd).off('error', onEnd);
      // As Fastify's own reading of a body: a client's failure is a 400.
      if (err !== undefined) return done(Object.assign(err, { statusCode: 400 }));
      // A form comes in one chunk as a rule: then it is hashed where it lies.
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const name = formName(request.raw.url, request.headers['content-type'], hash('sha256', body, 'base64'));
      const hit = this.answers.forRequest(name);
      if (hit !== undefined) return void reply.send(noStoreOnto(reply, hit.answer.payload));
      this.#forms.set(request, name);
      done(null, Readable.from([body]));
    };
    payload.on('data', onData).on('end', onEnd).on('error', onEnd);
  };

  /** The Responder's notice: `request` is being answered with the answer under `key`, which stays true for a while. */
  readonly answering = (request: FastifyRequest, key: string): void => {
    this.#keys.set(request, key);
  };

  /** Learns each URL from Fastify's answer to it, and turns the fast path on once the app is ready (if its hooks allow). */
  register(app: FastifyInstance): void {
    const answers = this.answers;
    const keys = this.#keys;
    const forms = this.#forms;
    app.addHook('onResponse', function learnAnswer(request, reply, done) {
      const key = keys.get(request);
      // A form by its name; a GET or HEAD by its URL, as node:http gives it to the fast path.
      const name = forms.get(request) ?? (request.method === 'POST' ? undefined : request.raw.url);
      if (key !== undefined && name !== undefined && (reply.statusCode === 200 || reply.statusCode === 304) && onlyDefinedQuery(request)) {
        answers.aliasRequest(name, { key, route: routeLabel(request), headers: routeHeaders(reply.getHeaders()) });
      }
      done();
    });
    app.addHook('onReady', (done) => {
      const unaccounted = unaccountedHooks(app);
      this.#on = unaccounted.length === 0;
      if (!this.#on) app.log.warn({ hooks: unaccounted }, 'repeated answers all go through Fastify: the app has hooks the fast path does not account for');
      done();
    });
    app.addHook('preClose', (done) => {
      this.#on = false;
      done();
    });
  }
}
