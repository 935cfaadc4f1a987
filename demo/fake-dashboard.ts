// A small real HTTP server imitating the Dashboard endpoints the service reads (a user's courses, a
// course and its roster, and the campaigns badges read), with upstream's quirks (double-decoded
// usernames, greedy slugs, collation-style matching, Rails headers and bytes) and injectable faults.
// Answers are computed from the world at request time.

import { createHash } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoWorld } from './demo-world.js';
import type { Lookup, World } from './world.js';

/** What the fake serves from: the demo's World, or any other source of the bodies (e.g. one generated on the fly). */
export type DashboardData = Pick<World, 'userStats' | 'courseJson' | 'usersJson'> & {
  campaigns: Pick<World['campaigns'], 'show' | 'users' | 'activeCourses'>;
};

export interface Fault {
  /** Tested against the raw request path+query; default: every request. */
  match?: RegExp;
  /** Apply to the next N matching requests only; default: until cleared. */
  times?: number;
  /** Wait before answering (then answer normally unless another field says otherwise). */
  delayMs?: number;
  /** Answer this status (e.g. 500, 502, 503, 429) with an error body (HTML with `html`). */
  status?: number;
  /** With status: send this Retry-After header. */
  retryAfter?: string;
  /** An HTML page instead of JSON (a proxy error page): 200 unless `status` says otherwise. */
  html?: boolean;
  /** 200 application/json with the body cut in half. */
  truncated?: boolean;
  /** 200 application/json with this body instead, or with what this function makes of the real answer's. */
  body?: string | ((real: string) => string);
  /** Never answer (socket held until close). */
  hang?: boolean;
  /** Destroy the socket without answering. */
  reset?: boolean;
  /** A 302 to this URL (an HTTP client that follows it would leave the Dashboard). */
  redirectTo?: string;
  /** Write a broken HTTP response straight to the socket, then close it (see MALFORMED). */
  malformed?: MalformedKind;
}

/**
 * Broken answers a proxy, a crashed worker or an attacker in the path can produce, each written as raw
 * bytes around the real answer's body: what an HTTP client's parser must survive.
 */
export const MALFORMED = {
  /** A header name with a space in it. */
  'bad-header-token': (body: Buffer) => bytes(head('200 OK', 'Bad Header: x', `Content-Length: ${body.length}`), body),
  /** One 20 KB header (undici refuses heads over 16 KB). */
  'huge-header': (body: Buffer) => bytes(head('200 OK', `X-Padding: ${'a'.repeat(20 * 1024)}`, `Content-Length: ${body.length}`), body),
  /** A chunked body whose chunk size is not hexadecimal. */
  'bad-chunk-size': (body: Buffer) => bytes(head('200 OK', 'Transfer-Encoding: chunked'), 'zz\r\n', body, '\r\n0\r\n\r\n'),
  /** A status code that is not a number. */
  'bad-status-line': (body: Buffer) => bytes(head('2x0 OK', `Content-Length: ${body.length}`), body),
  /** Content-Length and chunked together (the HTTP/1.1 framing conflict request smuggling relies on). */
  'length-and-chunked': (body: Buffer) =>
    bytes(head('200 OK', `Content-Length: ${body.length}`, 'Transfer-Encoding: chunked'), `${body.length.toString(16)}\r\n`, body, '\r\n0\r\n\r\n'),
  /** The full Content-Length announced, half the body sent, then the connection closes. */
  'cut-body': (body: Buffer) => bytes(head('200 OK', `Content-Length: ${body.length}`), body.subarray(0, body.length >> 1)),
} satisfies Record<string, (body: Buffer) => Buffer>;

export type MalformedKind = keyof typeof MALFORMED;

function head(statusLine: string, ...headers: string[]): string {
  return [`HTTP/1.1 ${statusLine}`, 'Content-Type: application/json; charset=utf-8', ...headers, '', ''].join('\r\n');
}

function bytes(...parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

export interface RecordedRequest {
  method: string;
  /** Exactly as received on the request line. */
  rawUrl: string;
  /** The path part, percent-decoded (raw when the encoding is invalid). */
  path: string;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface FakeDashboard<W extends DashboardData = World> {
  /** e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  world: W;
  requests: RecordedRequest[];
  /** Requests whose rawUrl matches. */
  count(filter?: RegExp): number;
  /** The most requests it was ever handling at once (for concurrency-cap tests). */
  readonly maxInFlight: number;
  /** Replaces the fault list; the first matching fault wins. */
  setFaults(faults: Fault[]): void;
  /** Clears requests, faults and maxInFlight. */
  reset(): void;
  /** Also ends hung requests. */
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: string | Buffer;
  contentType: 'json' | 'html';
}

/** JSON the way Rails writes it: compact, raw UTF-8, with `&`, `<`, `>` (and U+2028/9) as \u escapes. */
export function railsJson(value: unknown): string {
  return JSON.stringify(value).replace(/[&<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Percent-decoding that leaves malformed sequences as they are, like Ruby's CGI.unescape. */
function percentDecode(s: string): string {
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** application/x-www-form-urlencoded decoding: `+` is a space. */
function formDecode(s: string): string {
  return percentDecode(s.replaceAll('+', ' '));
}

/** The last `username` parameter's raw value (Rack keeps the last); undefined when absent or without `=`. */
function rawUsername(query: string): string | undefined {
  let value: string | undefined;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = formDecode(eq === -1 ? pair : pair.slice(0, eq));
    if (name === 'username') value = eq === -1 ? undefined : pair.slice(eq + 1);
  }
  return value;
}

const json = (status: number, value: unknown): Answer => ({ status, body: railsJson(value), contentType: 'json' });

function found<T>(lookup: Lookup<T>, slug: string): Answer {
  if (lookup.status === 'found') return json(200, lookup.body);
  return json(404, { message: lookup.status === 'private' ? 'not found' : `Course ${slug} not found` });
}

function campaign<T>(lookup: Lookup<T>): Answer {
  return lookup.status === 'found' ? json(200, lookup.body) : json(404, { message: 'Campaign does not exist' });
}

/** Upstream's routing, on the raw URL (never normalised, so `..` reaches the matcher as sent). */
function route(world: DashboardData, method: string, rawUrl: string, now: number): Answer {
  const q = rawUrl.indexOf('?');
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = q === -1 ? '' : rawUrl.slice(q + 1);
  const readable = method === 'GET' || method === 'HEAD';
  if (readable && path === '/user_stats.json') {
    const raw = rawUsername(query);
    // Upstream runs CGI.unescape(nil) and fails.
    if (raw === undefined) return json(500, { message: 'Internal server error' });
    // Rack decodes once, the controller a second time, then `_` means a space.
    const stats = world.userStats(formDecode(formDecode(raw)).replaceAll('_', ' '));
    return stats ? json(200, stats) : json(404, { error: 'User not found' });
  }
  const course = /^\/courses\/(.+)\/(course|users)\.json$/.exec(path);
  if (readable && course) {
    // In a path `+` is a literal plus; the slug is greedy and may hold several `/`.
    const slug = percentDecode(course[1] ?? '');
    return course[2] === 'course' ? found(world.courseJson(slug, now), slug) : found(world.usersJson(slug), slug);
  }
  // `/campaigns/current.json` is the default campaign's; a slug is one segment.
  const campaignPath = /^\/campaigns\/([^/]+?)(?:\/(users|active_courses))?\.json$/.exec(path);
  if (readable && campaignPath) {
    const slug = percentDecode(campaignPath[1] ?? '');
    if (campaignPath[2] === 'users') return campaign(world.campaigns.users(slug));
    if (campaignPath[2] === 'active_courses') return campaign(world.campaigns.activeCourses(slug, now));
    return campaign(world.campaigns.show(slug));
  }
  if (path.endsWith('.json')) return json(404, { message: 'Not found' });
  return html(404, 'Not Found');
}

function html(status: number, heading: string): Answer {
  return {
    status,
    body: `<!DOCTYPE html>\n<html><head><title>${heading}</title></head><body><h1>${heading}</h1><p>Wikimedia Cloud Services: the web service did not answer properly.</p></body></html>\n`,
    contentType: 'html',
  };
}

function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('md5').update(body).digest('hex')}"`;
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const strip = (t: string): string => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}

function send(res: ServerResponse, answer: Answer, ifNoneMatch?: string, extra: Record<string, string> = {}): void {
  if (res.destroyed) return; // the client gave up while a delay ran
  const headers: Record<string, string> = { ...extra };
  if (answer.status === 200) {
    // Rails' Rack::ETag: a weak ETag and "revalidate every time" on successful answers only.
    const etag = weakEtag(answer.body);
    headers['ETag'] = etag;
    headers['Cache-Control'] = 'max-age=0, private, must-revalidate';
    if (etagMatches(ifNoneMatch, etag)) {
      res.writeHead(304, headers).end();
      return;
    }
  } else {
    headers['Cache-Control'] = 'no-cache';
  }
  headers['Content-Type'] = answer.contentType === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(answer.body));
  res.writeHead(answer.status, headers).end(answer.body);
}

function matches(re: RegExp | undefined, s: string): boolean {
  if (!re) return true;
  re.lastIndex = 0; // a /g or /y pattern keeps state between calls
  return re.test(s);
}

export async function startFakeDashboard<W extends DashboardData = World>(
  opts: { world?: W; port?: number; host?: string; now?: () => number } = {},
): Promise<FakeDashboard<W>> {
  const world = opts.world ?? (demoWorld() as DashboardData as W);
  const now = opts.now ?? Date.now;
  const requests: RecordedRequest[] = [];
  let faults: { fault: Fault; left: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const timers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | undefined; // close() may be called twice (a test, then its t.after)

  const takeFault = (rawUrl: string): Fault | undefined => {
    const hit = faults.find((f) => f.left > 0 && matches(f.fault.match, rawUrl));
    if (hit) hit.left -= 1;
    return hit?.fault;
  };

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '';
    const method = req.method ?? 'GET';
    const rawPath = rawUrl.split('?')[0] ?? '';
    let path = rawPath;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      // keep the raw path: invalid percent-encoding is itself worth seeing in a test
    }
    requests.push({ method, rawUrl, path, headers: req.headers, at: now() });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    // The body is never read, but must be drained for keep-alive connections to continue.
    req.resume();

    const fault = takeFault(rawUrl);
    const answer = (): void => {
      if (fault?.hang) return;
      if (fault?.reset) {
        req.socket.destroy();
        return;
      }
      if (fault?.malformed !== undefined) {
        // Past Node's HTTP layer, which writes nothing for a response that was never started; then FIN.
        req.socket.end(MALFORMED[fault.malformed](Buffer.from(route(world, method, rawUrl, now()).body)));
        return;
      }
      if (fault?.redirectTo !== undefined) {
        send(res, html(302, 'Found'), undefined, { Location: fault.redirectTo });
        return;
      }
      if (fault?.status !== undefined) {
        const reason = STATUS_CODES[fault.status] ?? 'Error';
        const extra: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter };
        send(res, fault.html ? html(fault.status, reason) : json(fault.status, { message: reason }), undefined, extra);
      } else if (fault?.html) {
        send(res, html(200, 'Service Temporarily Unavailable'));
      } else if (fault?.body !== undefined) {
        const body = typeof fault.body === 'string' ? fault.body : fault.body(String(route(world, method, rawUrl, now()).body));
        send(res, { status: 200, body, contentType: 'json' });
      } else if (fault?.truncated) {
        const full = Buffer.from(route(world, method, rawUrl, now()).body);
        send(res, { status: 200, body: full.subarray(0, Math.floor(full.length / 2)), contentType: 'json' });
      } else {
        send(res, route(world, method, rawUrl, now()), req.headers['if-none-match']);
      }
    };
    if (fault?.delayMs === undefined) {
      answer();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, fault.delayMs);
    timers.add(timer);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    world,
    requests,
    count: (filter) => requests.filter((r) => matches(filter, r.rawUrl)).length,
    get maxInFlight() {
      return maxInFlight;
    },
    setFaults(list) {
      faults = list.map((fault) => ({ fault, left: fault.times ?? Infinity }));
    },
    reset() {
      requests.length = 0;
      faults = [];
      maxInFlight = inFlight;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        // Hung and keep-alive connections would otherwise keep close() waiting forever.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
