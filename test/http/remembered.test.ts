// Remembered answers are served before Fastify (src/http/remembered.ts): a repeated GET or HEAD of a
// URL skips the framework, with the very status, headers and body Fastify sent for it, and so does a
// repeated form POST, once its body is read; anything else, every answer that may have changed, every URL with a query parameter the API does not define, and
// every request of an app with a hook the fast path does not account for, still goes through Fastify.

import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import { WIKIEDU_PERSONAS } from '../../demo/wikiedu-world.js';
import { badgesForm, FORM, post } from '../../support/badge-requests.js';
import { captureLogs, LEVELS } from '../../support/log-capture.js';
import { rawRequest } from '../../support/raw-http.js';
import { startService, useService, type Reply, type Service } from '../../support/service.js';

/** Requests Fastify's route handlers saw (Fastify publishes each on this channel). */
let handledByFastify = 0;
const HANDLER_START = 'tracing:fastify.request.handler:start';
const onHandled = (): void => void handledByFastify++;
subscribe(HANDLER_START, onHandled);

const clock = { t: Date.now() };
const svc = useService({ now: () => clock.t });
after(() => unsubscribe(HANDLER_START, onHandled));

/** Headers a response sends, but for Date (it moves). */
const headersOf = (r: Reply): [string, string][] => [...r.headers].filter(([name]) => name !== 'date');

/** The reply to `ask`, and whether a route handler of Fastify's ran for it. */
async function throughFastify(ask: () => Promise<Reply>): Promise<Reply & { fastify: boolean }> {
  const before = handledByFastify;
  const reply = await ask();
  return { ...reply, fastify: handledByFastify > before };
}

const counted = (path: string, headers?: Record<string, string>) => throughFastify(() => svc.get(path, headers));

/** A form POST to `path` (/api/badges), and whether its route's handler ran (false: answered as a remembered form). */
const postedForm = (base: string, form: string, headers?: Record<string, string>, path = '/api/badges') => throughFastify(() => post(base, path, form, headers));

/** Posts `form` until the handler no longer runs for it (its answer remembered: every course's details loaded), at most 2 s; the last two replies. */
async function untilRemembered(base: string, form: string, headers?: Record<string, string>): Promise<[Reply & { fastify: boolean }, Reply & { fastify: boolean }]> {
  let last = await postedForm(base, form, headers);
  for (let i = 0; i < 100; i++) {
    const next = await postedForm(base, form, headers);
    if (!next.fastify) return [last, next];
    last = next;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`the form ${form} was never answered as a remembered one`);
}

const BADGE_NAMES = [PERSONAS.onBoth, WIKIEDU_PERSONAS.student, PERSONAS.noCourses];

describe('remembered answers before Fastify', () => {
  const user = `/api/users/${encodeURIComponent(PERSONAS.active)}`;

  for (const path of [user, `${user}/active-staff?dashboard=all`, `${user}/status`, `/api/courses/${COURSES.eventAhead}/users`]) {
    it(`a repeated GET of ${path} skips Fastify and sends the same bytes`, async () => {
      const first = await counted(path);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.ok(first.fastify, 'the first request is Fastify\'s');
      const again = await counted(path);
      assert.equal(again.fastify, false, 'the repeated request never reached Fastify');
      assert.equal(again.status, 200);
      assert.deepEqual(headersOf(again), headersOf(first));
      assert.deepEqual(again.body, first.body);
    });
  }

  it('another spelling of the same answer goes through Fastify once, then skips it too', async () => {
    const spelling = `/api/users/${encodeURIComponent(PERSONAS.active.replace(' ', '_'))}`;
    await svc.get(user);
    const first = await counted(spelling);
    assert.ok(first.fastify);
    assert.equal((await counted(spelling)).fastify, false);
  });

  it('304 and HEAD: the same status and headers as Fastify sends for them', async () => {
    const etag = (await svc.get(user)).headers.get('etag') ?? '';
    // The same answer under a URL Fastify has not seen: Fastify's own 304.
    const viaFastify = await counted(`${user}?enrich=false`, { 'if-none-match': etag });
    assert.ok(viaFastify.fastify);
    const remembered = await counted(user, { 'if-none-match': etag });
    assert.equal(remembered.fastify, false);
    assert.equal(remembered.status, 304);
    assert.deepEqual(headersOf(remembered), headersOf(viaFastify));
    assert.equal(remembered.body, '');

    const get = await counted(user);
    const head = await rawRequest(svc.url, user, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '', 'no body for a HEAD');
    assert.deepEqual(
      Object.entries(head.headers)
        .filter(([name]) => name !== 'date')
        .sort(([a], [b]) => a.localeCompare(b)),
      headersOf(get),
      'HEAD sends the headers of GET, Content-Length included',
    );
  });

  it('a query parameter the API does not define is ignored, and its URL is never remembered', async () => {
    const plain = await svc.get(user);
    for (const path of [`${user}?_=1`, `${user}?enrich=false&callback=x`, `/api/courses/${COURSES.eventAhead}/users?_=1`]) {
      const first = await counted(path);
      assert.equal(first.status, 200, path);
      const again = await counted(path);
      assert.ok(again.fastify, `${path}: answered by Fastify again`);
      assert.equal(again.status, 200);
      if (path.startsWith(user)) assert.deepEqual(again.body, plain.body, 'the same answer as without it');
    }
    // The parameters the route defines are remembered, in any order.
    const defined = `${user}?dashboard=outreach&enrich=false`;
    await svc.get(defined);
    assert.equal((await counted(defined)).fastify, false);
  });

  it('an answer that may have changed is not served from memory: Fastify builds it again', async () => {
    const path = `/api/users/${encodeURIComponent(PERSONAS.multiRole)}`;
    const first = await counted(path);
    const maxAge = Number(/max-age=(\d+)/.exec(first.headers.get('cache-control') ?? '')?.[1]);
    assert.ok(maxAge > 0);
    assert.equal((await counted(path)).fastify, false);
    clock.t += maxAge * 1000;
    const later = await counted(path);
    assert.ok(later.fastify, 'past its freshness the answer is Fastify\'s again');
    assert.equal(later.status, 200);
  });

  it('other methods, errors and other routes always reach Fastify', async () => {
    await svc.get(user);
    assert.ok((await counted(`/api/users/${encodeURIComponent(PERSONAS.unknown)}`)).fastify);
    assert.ok((await counted(`/api/users/${encodeURIComponent(PERSONAS.unknown)}`)).fastify, '404s are not remembered');
    assert.ok((await counted('/health')).fastify);
    const post = await rawRequest(svc.url, user, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(post.status, 405);
  });
});

describe('remembered forms (POST /api/badges)', () => {
  it('the same form again skips Fastify, and sends the same status, headers and bytes', async () => {
    const form = badgesForm(BADGE_NAMES, 'all');
    const [built, again] = await untilRemembered(svc.url, form);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.deepEqual(headersOf(again), headersOf(built));
    assert.deepEqual(again.body, built.body);
    assert.equal(again.headers.get('cache-control'), 'no-store');
    assert.ok(Object.keys(again.body.users).includes(PERSONAS.onBoth));
  });

  it('a form that differs in a byte, its content type or its URL is a request of its own', async () => {
    const form = badgesForm(BADGE_NAMES, 'all');
    await untilRemembered(svc.url, form);
    const outreachOnly = await postedForm(svc.url, badgesForm(BADGE_NAMES, 'outreach'));
    assert.ok(outreachOnly.fastify);
    assert.deepEqual(Object.keys(outreachOnly.body.index), ['outreach'], 'not the first form\'s answer');
    const charset = await postedForm(svc.url, form, { 'content-type': `${FORM};charset=UTF-8` });
    assert.ok(charset.fastify, 'another content type is parsed afresh');
    assert.equal(charset.status, 200);
    const elsewhere = await postedForm(svc.url, form, {}, '/api/badges?dashboard=wikiedu');
    assert.ok(elsewhere.fastify, 'another URL is parsed afresh');
    assert.equal(elsewhere.status, 200);
  });

  it('a form alike in length and ends but not in its middle is its own request, answered for what it asks', async () => {
    // Long names at both ends; in the middle one letter differs ("noor haddad" is Noor Haddad by MediaWiki's first-letter rule).
    const ends = ['Someone whose name is long enough to fill an end', 'Someone else whose long name is at the other end'];
    const first = badgesForm([ends[0] as string, PERSONAS.onBoth, ends[1] as string], 'all');
    const alike = badgesForm([ends[0] as string, PERSONAS.onBoth.replace('N', 'n'), ends[1] as string], 'all');
    assert.equal(alike.length, first.length);
    assert.equal(alike.slice(0, 40) + alike.slice(-40), first.slice(0, 40) + first.slice(-40));
    const [built] = await untilRemembered(svc.url, first);
    const other = await postedForm(svc.url, alike);
    assert.ok(other.fastify, 'not taken for the remembered form');
    assert.equal(other.status, 200);
    assert.deepEqual(Object.keys(other.body.users), [PERSONAS.onBoth]);
    assert.deepEqual(other.body.users, built.body.users);
  });

  /** Responses the service counted for /api/badges with status 200. */
  const answered = async (): Promise<number> => Number(/^http_requests_total\{route="\/api\/badges",status="200"\} (\d+)$/m.exec((await svc.get('/metrics')).body as string)?.[1]);

  it('a remembered form is counted in the metrics like any response', async () => {
    const form = badgesForm(BADGE_NAMES, 'outreach');
    await untilRemembered(svc.url, form);
    const before = await answered();
    for (let i = 0; i < 3; i++) assert.equal((await postedForm(svc.url, form)).fastify, false);
    assert.equal(await answered(), before + 3);
  });

  it('a form cut short by its client is never answered as the form it begins like', async () => {
    const form = badgesForm([PERSONAS.onBoth]);
    await untilRemembered(svc.url, form);
    const { hostname, port } = new URL(svc.url);
    const before = await answered();
    const said = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(Number(port), hostname, () => {
        // The whole remembered form, but announced as longer: the client then stops sending.
        socket.end(`POST /api/badges HTTP/1.1\r\nHost: x\r\nContent-Type: ${FORM}\r\nContent-Length: ${form.length + 10}\r\n\r\n${form}`);
      });
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
    });
    assert.match(said, /^HTTP\/1\.1 400/, said);
    // The body's end never came: nothing was answered from it, even to a client already gone.
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await answered(), before);
    const again = await postedForm(svc.url, form);
    assert.equal(again.status, 200, 'the service goes on');
    assert.equal(again.fastify, false);
  });

  it('a form that was refused is refused again by Fastify, never remembered', async () => {
    const tooMany = badgesForm(Array.from({ length: 501 }, (_, i) => `Name ${i}`));
    for (let i = 0; i < 2; i++) {
      const r = await postedForm(svc.url, tooMany);
      assert.equal(r.status, 400);
      assert.ok(r.fastify);
    }
  });
});

describe('a cache-busting client', () => {
  it('sending ?_=1 .. ?_=100000 leaves the other answers remembered', async (t) => {
    const own = await startService(t);
    const handled = async (path: string): Promise<boolean> => {
      const reply = await throughFastify(() => own.get(path));
      assert.equal(reply.status, 200, path);
      return reply.fastify;
    };
    const others = [`/api/users/${encodeURIComponent(PERSONAS.multiRole)}`, `/api/courses/${COURSES.eventAhead}`];
    for (const path of others) await own.get(path);
    for (const path of others) assert.equal(await handled(path), false, `${path} is remembered`);
    const busted = `/api/users/${encodeURIComponent(PERSONAS.active)}/status`;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    try {
      let next = 1;
      const client = async (): Promise<void> => {
        while (next <= 100_000) {
          const r = await rawRequest(own.url, `${busted}?_=${next++}`, { agent });
          assert.equal(r.status, 200);
        }
      };
      await Promise.all(Array.from({ length: 8 }, client));
    } finally {
      agent.destroy();
    }
    for (const path of others) assert.equal(await handled(path), false, `${path} is still remembered`);
  });
});

describe('hooks the fast path does not account for', () => {
  it('an onSend hook that adds a header: every repeated GET and form POST has it too', async (t) => {
    const withHook = await startService(t, {
      setUp: (app) =>
        app.addHook('onSend', async function varyByOrigin(_request, reply, payload) {
          reply.header('vary', 'Origin');
          return payload;
        }),
    });
    const path = `/api/users/${encodeURIComponent(PERSONAS.active)}`;
    for (let i = 0; i < 3; i++) {
      const r = await withHook.get(path);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('vary'), 'Origin', `request ${i + 1}`);
    }
    for (let i = 0; i < 3; i++) {
      const r = await post(withHook.url, '/api/badges', badgesForm(BADGE_NAMES));
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('vary'), 'Origin', `form POST ${i + 1}`);
    }
  });

  it('a preHandler hook runs for every form POST: remembered forms step aside', async (t) => {
    let seen = 0;
    const withHook = await startService(t, {
      setUp: (app) =>
        app.addHook('preHandler', function countHandled(_request, _reply, done) {
          seen++;
          done();
        }),
    });
    const form = badgesForm(BADGE_NAMES);
    for (let i = 0; i < 3; i++) {
      const r = await postedForm(withHook.url, form);
      assert.equal(r.status, 200);
      assert.ok(r.fastify, `request ${i + 1} reached the handler`);
    }
    assert.equal(seen, 3);
  });

  it('an onRequest hook runs for every request, repeated ones included, and a warning names it', async (t) => {
    let seen = 0;
    const logs = captureLogs('warn');
    const withHook = await startService(t, {
      logger: logs.logger,
      setUp: (app) =>
        app.addHook('onRequest', function countRequests(_request, _reply, done) {
          seen++;
          done();
        }),
    });
    const path = `/api/users/${encodeURIComponent(PERSONAS.active)}/active-staff`;
    for (let i = 0; i < 3; i++) assert.equal((await withHook.get(path)).status, 200);
    assert.equal(seen, 3);
    const warning = logs.records().find((r) => r.level === LEVELS.warn && /fast path/.test(r.msg));
    assert.deepEqual(warning?.hooks, ['onRequest: countRequests']);
  });
});
