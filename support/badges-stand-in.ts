// TEMPORARY: a stand-in for the service's `GET`/`POST /api/badges` (docs/api-contract.md v1.2, "Badges"),
// which other helpers are building on another branch. The gadget's browser tests and its benchmark need
// answers now, so this follows the contract's request and answer shapes, and computes the badges from
// what the service already answers: `/api/users/<name>?enrich=true&dashboard=all`, keeping the courses
// whose tracking window has not ended (the agreement with the demo worlds: every persona with such a
// course gets a badge on its Dashboard; personas with only past courses get none). Unlike the real
// endpoint it reads one user at a time (no index of current courses), and `index` only counts this
// answer's courses and people.
//
// It is a small HTTP server in front of the service: `/api/badges` it answers itself, every other
// request (the API, the gadget's files, the test page) it passes on unchanged, so the gadget sees one
// service at one base URL.
//
// THE SWITCH to the real endpoint is this one change: make `withBadges` return
// `{ url: svc.url, close: async () => {} }` and delete everything else in this file.

import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { roleFromLabel } from '../src/domain/roles.js';
import type { Service } from './service.js';

export interface BadgesService {
  /** The base URL to give the gadget (`apiBase`) and the browser: http://127.0.0.1:<port>. */
  url: string;
  close(): Promise<void>;
}

const DASHBOARDS = ['outreach', 'wikiedu'] as const;
type Dashboard = (typeof DASHBOARDS)[number];
const LIMITS = { GET: 50, POST: 500 } as const;
const MAX_BODY = 64 * 1024;
const FORBIDDEN = /[#<>[\]|{}\u0000-\u001f\u007f]/;

interface UserCourse {
  dashboard: Dashboard;
  course_slug: string;
  course_url: string;
  course_title: string;
  user_role: string;
  staff: string[] | null;
  end: string | null;
  active_tracking: boolean | null;
  active_event: boolean | null;
}

export interface Badge {
  dashboard: Dashboard;
  course_slug: string;
  course_url: string;
  course_title: string | null;
  role: number;
  staff: string[];
  active_tracking: boolean | null;
  active_event: boolean | null;
}

/** The contract's canonical form of a username, or null for one that breaks its rules. */
function canonical(given: string): string | null {
  const name = given.normalize('NFC').trim().replace(/_/g, ' ').replace(/ {2,}/g, ' ');
  if (name === '' || Buffer.byteLength(name) > 255 || FORBIDDEN.test(name)) return null;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function send(res: ServerResponse, status: number, body: unknown, cacheControl = 'no-store'): void {
  const problem = status >= 400;
  res.writeHead(status, {
    'content-type': problem ? 'application/problem+json' : 'application/json; charset=utf-8',
    'access-control-allow-origin': '*',
    'cache-control': cacheControl,
  });
  res.end(JSON.stringify(body));
}

function problem(res: ServerResponse, status: number, title: string, detail: string): void {
  send(res, status, { type: 'about:blank', title, status, detail });
}

/** A person's badges: their courses on the Dashboards asked whose tracking window has not ended. */
async function badgesOf(svc: Service, name: string, dashboards: readonly Dashboard[], now: number): Promise<Badge[]> {
  const res = await svc.get(`/api/users/${encodeURIComponent(name)}?enrich=true&dashboard=all`);
  if (res.status === 404) return [];
  if (res.status !== 200) throw new Error(`the service answered ${res.status} for ${name}`);
  return (res.body.courses as UserCourse[])
    .filter((c) => dashboards.includes(c.dashboard) && (c.end === null || Date.parse(c.end) >= now))
    .map((c) => ({
      dashboard: c.dashboard,
      course_slug: c.course_slug,
      course_url: c.course_url,
      course_title: c.course_title || null,
      role: roleFromLabel(c.user_role) ?? 0,
      staff: c.staff ?? [],
      active_tracking: c.active_tracking,
      active_event: c.active_event,
    }))
    .sort((a, b) => DASHBOARDS.indexOf(a.dashboard) - DASHBOARDS.indexOf(b.dashboard) || (a.course_slug < b.course_slug ? -1 : 1));
}

async function answer(svc: Service, params: URLSearchParams, limit: number, res: ServerResponse, cacheControl: string): Promise<void> {
  const dashboard = params.get('dashboard') ?? 'outreach';
  if (dashboard !== 'all' && !(DASHBOARDS as readonly string[]).includes(dashboard)) {
    return problem(res, 400, 'Bad dashboard', `dashboard must be outreach, wikiedu or all, not "${dashboard}"`);
  }
  const given = (params.get('users') ?? '').split('|').filter((n) => n !== '');
  if (given.length === 0 || given.length > limit) {
    return problem(res, 400, 'Bad users', `users: 1 to ${limit} names separated by |, got ${given.length}`);
  }
  const dashboards = dashboard === 'all' ? DASHBOARDS : [dashboard as Dashboard];
  const normalized: Record<string, string> = {};
  const invalid: string[] = [];
  const names = new Set<string>();
  for (const name of given) {
    const c = canonical(name);
    if (c === null) invalid.push(name);
    else {
      if (c !== name) normalized[name] = c;
      names.add(c);
    }
  }
  const now = Date.now();
  const found = await Promise.all([...names].map(async (n) => [n, await badgesOf(svc, n, dashboards, now)] as const));
  const users = Object.fromEntries(found.filter(([, badges]) => badges.length > 0));
  const index = Object.fromEntries(
    dashboards.map((d) => {
      const courses = new Set(found.flatMap(([, badges]) => badges.filter((b) => b.dashboard === d).map((b) => b.course_slug)));
      const people = found.filter(([, badges]) => badges.some((b) => b.dashboard === d)).length;
      return [d, { state: 'ok', built_at: null, courses: courses.size, users: people }];
    }),
  );
  send(res, 200, { users, normalized, invalid, index }, cacheControl);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function badgesRoute(svc: Service, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method === 'GET') return answer(svc, url.searchParams, LIMITS.GET, res, 'public, max-age=300');
  if (req.method !== 'POST') return problem(res, 405, 'Method not allowed', `${req.method} is not allowed here`);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return problem(res, 415, 'Unsupported media type', 'send application/x-www-form-urlencoded');
  }
  const body = await readBody(req);
  if (body === null) return problem(res, 413, 'Body too large', `at most ${MAX_BODY} bytes`);
  return answer(svc, new URLSearchParams(body), LIMITS.POST, res, 'no-store');
}

/** Passes a request on to the service unchanged, and its answer back. */
function proxy(target: string, req: IncomingMessage, res: ServerResponse): void {
  const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (err) => problem(res, 502, 'Bad gateway', err.message));
  req.pipe(upstream);
}

/** The service with a `/api/badges` (see the top of this file). */
export async function withBadges(svc: Service): Promise<BadgesService> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (url.pathname !== '/api/badges') return proxy(svc.url, req, res);
    badgesRoute(svc, req, res, url).catch((err: Error) => {
      if (!res.headersSent) problem(res, 502, 'Bad gateway', err.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
