// Remembered answers served straight from node:http, before Fastify. A GET or HEAD whose URL was
// answered before, while that answer stays true, needs no routing, input parsing, hooks or
// serialising: the answer cache finds it by URL (cache/answer-cache.ts). Every other request, and
// the first for each URL, goes to Fastify, which teaches this module the URL from its response.
//
// A form POST (/api/badges with 500 names) is remembered by its URL, content type and body. Before
// Fastify, the body of a POST to a form route (one whose preParsing hook is preReadForm) is read, as
// Fastify would read it (a known length within the route's body limit): a form answered before gets
// that answer again; any other request is handed to Fastify with the bytes read, which its route's
// preReadForm gives Fastify to parse, and Fastify's answer teaches this module the form. Decoding an
// 8.8 KB form, and Fastify's routing and hooks around it, cost more than sending the 78 KB answer
// (BENCHMARKS.md); the same list asked again (another reader's gadget on the same page) now costs
// reading it and comparing it with the one remembered.
//
// What Fastify would have sent is accounted for three ways. The response is decided by the function
// that decides Fastify's (http/respond.ts answerResponse, noStoreResponse). The headers Fastify's hooks
// added to the URL's (or form's) first answer are kept with it and sent again, so a header a hook or
// plugin adds applies here too. And the fast path runs only while every request hook of the app is one
// it accounts for (ACCOUNTED_HOOKS): a hook it does not know may do something per request (a rate
// limit, a tracer), so then every request goes to Fastify (and a warning says why).
//
// A URL with a query parameter its route does not define is answered by Fastify (the parameter
// ignored) and never remembered: a client that adds `?_=<timestamp>` to defeat caches would otherwise
// add a URL per request.

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import type { AnswerCache } from '../cache/answer-cache.js';
import { routeLabel, type ResponseRecorder } from '../telemetry/responses.js';
import { requestId } from './request-id.js';
import { answerResponse, noStoreResponse, routeHeaders, type Decided } from './respond.js';

/** Request hooks whose every effect the fast path reproduces, by hook and function name. */
const ACCOUNTED_HOOKS: Record<string, string[]> = {
  // http/headers.ts: its headers are kept with each URL and sent again.
  onRequest: ['commonHeaders'],
  // http/headers.ts, only on routes that are never remembered; and Fastify's own for HEAD, which
  // leaves the body out as node:http does.
  onSend: ['etagHook', 'headRouteOnSendHandler'],
  // telemetry/responses.ts: the fast path records its responses alike; and this module's own.
  onResponse: ['recordResponse', 'learnAnswer'],
  // This module's, on the form POST route: it hands Fastify the body read before it.
  preParsing: ['preReadForm'],
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

/** Bytes of each end of a form's body in its name. */
const FORM_ENDS = 32;

/**
 * A form's name among the aliases: its URL, content type, length, and the bytes at each end of its body.
 * Not all of the body: the alias keeps that (UrlAlias.body) and a hit is compared with it in full (0.1 µs
 * for 8.8 KB), where hashing it cost a remembered form a tenth of its CPU (BENCHMARKS.md). Forms alike in
 * all of these share a name, so the one answered last is remembered. A URL holds no line break
 * (node:http refuses one), so no form is named like a GET's URL.
 */
function formName(url: string, contentType: string | undefined, body: Buffer): string {
  const ends = body.length <= 2 * FORM_ENDS ? body.toString('latin1') : body.toString('latin1', 0, FORM_ENDS) + body.toString('latin1', body.length - FORM_ENDS);
  return `${url}\n${contentType}\n${body.length}\n${ends}`;
}

/** `bytes` in memory of their own: a chunk read from a socket may be a slice of a larger buffer, all of which a remembered slice would keep. */
function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** A form's body as read before Fastify, and its name. */
interface PreReadForm {
  name: string;
  body: Buffer;
}

export class RememberedAnswers {
  /** Requests Fastify is answering with an answer that stays true for a while, and that answer's key (the Responder says so). */
  readonly #keys = new WeakMap<FastifyRequest, string>();
  /** Form POSTs Fastify is answering: their names (formName) and bodies. */
  readonly #forms = new WeakMap<FastifyRequest, PreReadForm>();
  /** The form routes (their preParsing hook is preReadForm): path, and the body limit Fastify reads their bodies within. */
  readonly #formRoutes = new Map<string, number>();
  /** Form bodies read before Fastify, for their routes' preReadForm: the form's name and bytes, or the client's failure while sending them. */
  readonly #preRead = new WeakMap<IncomingMessage, PreReadForm | Error>();
  /** Off until the app is ready and its hooks are accounted for; off again once it closes (Fastify then answers everything, with its 503s and `Connection: close`). */
  #on = false;

  constructor(
    private readonly answers: AnswerCache,
    private readonly now: () => number,
    private readonly record: ResponseRecorder,
  ) {}

  /** The server's request listener: a remembered answer if there is one, else Fastify's `handler`. */
  before(handler: RequestListener): RequestListener {
    return (req, res) => {
      if (!this.#on || req.url === undefined) return void handler(req, res);
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (!this.#serve(req, res)) handler(req, res);
      } else if (req.method === 'POST') this.#readForm(req, res, handler);
      else handler(req, res);
    };
  }

  /** Answers a GET or HEAD and returns true when its answer is remembered; returns false (having touched nothing) otherwise. */
  #serve(req: IncomingMessage, res: ServerResponse): boolean {
    const started = performance.now();
    const hit = this.answers.forRequest(req.url as string);
    if (hit === undefined) return false;
    const decided = answerResponse(hit.answer, req.headers['if-none-match'], this.now(), hit.alias.headers);
    this.#send(req, res, decided, hit.alias.route, started);
    return true;
  }

  /**
   * A POST: to a form route, with a body of known length within the route's limit, the body is read;
   * a form answered before, while its answer stays true, gets it again; any other POST goes to Fastify,
   * with the bytes read (preReadForm). Chunked or too long bodies are Fastify's to read or refuse.
   */
  #readForm(req: IncomingMessage, res: ServerResponse, handler: RequestListener): void {
    const url = req.url as string;
    const query = url.indexOf('?');
    const limit = this.#formRoutes.get(query === -1 ? url : url.slice(0, query));
    if (limit === undefined || !(Number(req.headers['content-length']) <= limit)) return void handler(req, res);
    const started = performance.now();
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer): void => void chunks.push(chunk);
    const onEnd = (err?: Error): void => {
      req.off('data', onData).off('end', onEnd).off('error', onEnd);
      if (err !== undefined) {
        this.#preRead.set(req, err);
        return void handler(req, res);
      }
      // A form comes in one chunk as a rule: then it is read where it lies.
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const name = formName(url, req.headers['content-type'], body);
      const hit = this.#on ? this.answers.forRequest(name) : undefined;
      if (hit !== undefined && hit.alias.body?.equals(body)) return this.#send(req, res, noStoreResponse(hit.answer.payload, hit.alias.headers), hit.alias.route, started);
      this.#preRead.set(req, { name, body });
      handler(req, res);
    };
    req.on('data', onData).on('end', onEnd).on('error', onEnd);
  }

  #send(req: IncomingMessage, res: ServerResponse, { status, headers, body }: Decided, route: string, started: number): void {
    res.writeHead(status, headers).end(body);
    this.record(requestId(req), route, status, performance.now() - started);
  }

  /**
   * A form route's preParsing hook: gives Fastify the body read before it (#readForm), to parse, and
   * remembers the form's name to learn it from the answer; a client's failure while sending it is a 400,
   * as in Fastify's own reading. A request whose body was not read before is Fastify's as ever.
   */
  readonly preReadForm = (request: FastifyRequest, _reply: FastifyReply, payload: RequestPayload, done: (err: Error | null, payload?: RequestPayload) => void): void => {
    const read = this.#preRead.get(request.raw);
    if (read === undefined) return done(null, payload);
    if (read instanceof Error) return done(Object.assign(read, { statusCode: 400 }));
    this.#forms.set(request, read);
    done(null, Readable.from([read.body]));
  };

  /** The Responder's notice: `request` is being answered with the answer under `key`, which stays true for a while. */
  readonly answering = (request: FastifyRequest, key: string): void => {
    this.#keys.set(request, key);
  };

  /** Learns each URL from Fastify's answer to it, and turns the fast path on once the app is ready (if its hooks allow). */
  register(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      const limit = route.bodyLimit ?? app.initialConfig.bodyLimit;
      if (route.method === 'POST' && limit !== undefined && [route.preParsing].flat().includes(this.preReadForm)) this.#formRoutes.set(route.url, limit);
    });
    const answers = this.answers;
    const keys = this.#keys;
    const forms = this.#forms;
    app.addHook('onResponse', function learnAnswer(request, reply, done) {
      const key = keys.get(request);
      // A form by its name, with its body; a GET or HEAD by its URL, as node:http gives it to the fast path.
      const form = forms.get(request);
      const name = form?.name ?? (request.method === 'POST' ? undefined : request.raw.url);
      if (key !== undefined && name !== undefined && (reply.statusCode === 200 || reply.statusCode === 304) && onlyDefinedQuery(request)) {
        answers.aliasRequest(name, { key, route: routeLabel(request), headers: routeHeaders(reply.getHeaders()), ...(form && { body: ownCopy(form.body) }) });
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
