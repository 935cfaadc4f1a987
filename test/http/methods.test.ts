// The API is read-only: methods other than GET, HEAD and OPTIONS get 405 problem+json with Allow
// (not a cacheable 404), and HEAD answers like GET without a body.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import { rawRequest } from '../../support/raw-http.js';
import { serviceWithDocument } from '../../support/service.js';

const env = serviceWithDocument();

/** One request with any method, the path sent as written. */
const send = (method: string, path: string, body?: string) =>
  rawRequest(env.svc.url, path, { method, ...(body !== undefined && { body, headers: { 'content-type': 'application/json' } }) });

const user = `/api/users/${encodeURIComponent(PERSONAS.active)}`;
const API_PATHS = [user, `${user}/active-staff`, `${user}/status?x=1`, `/api/courses/${COURSES.eventAhead}`, `/api/courses/${COURSES.eventAhead}/users`];

describe('methods other than GET, HEAD and OPTIONS', () => {
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND']) {
    it(`${method} on an API path: 405 problem+json with Allow, not kept by caches`, async () => {
      for (const path of API_PATHS) {
        const r = await send(method, path, method === 'TRACE' || method === 'PROPFIND' ? undefined : '{}');
        assert.equal(r.status, 405, `${method} ${path}: ${r.body}`);
        assert.equal(r.headers.allow, 'GET, HEAD, OPTIONS');
        assert.match(r.headers['content-type'] ?? '', /^application\/problem\+json/);
        assert.equal(r.headers['access-control-allow-origin'], '*');
        assert.equal(r.headers['cache-control'], 'no-store');
        const problem = JSON.parse(r.body) as { type: string; status: number; detail: string };
        assert.deepEqual([problem.type, problem.status], ['/problems/method-not-allowed', 405]);
        assert.match(problem.detail, new RegExp(`^${method} `));
      }
    });
  }

  it('also on the service paths (/health, /, the gadget), where only GET, HEAD and OPTIONS exist either', async () => {
    for (const path of ['/health', '/', '/openapi.json', '/gadget/course-staff.js']) {
      const r = await send('POST', path, '{}');
      assert.deepEqual([r.status, r.headers.allow], [405, 'GET, HEAD, OPTIONS'], path);
    }
  });

  it('leaves GET of an unknown path a 404, and OPTIONS a preflight answer', async () => {
    assert.equal((await send('GET', '/api/nothing-here')).status, 404);
    const preflight = await send('OPTIONS', user);
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD, OPTIONS');
  });
});

describe('HEAD', () => {
  it('answers like GET without a body, with the same ETag, wherever GET has one', async () => {
    for (const path of [...API_PATHS, '/', '/openapi.json', '/gadget/course-staff.js', '/gadget/course-staff.css', '/test-gadget.html']) {
      const get = await send('GET', path);
      const head = await send('HEAD', path);
      assert.equal(get.status, 200, path);
      assert.equal(head.status, 200, path);
      assert.equal(head.body, '', `${path}: no body`);
      assert.ok(get.headers.etag, `${path}: GET has an ETag`);
      assert.equal(head.headers.etag, get.headers.etag, `${path}: HEAD has the same ETag`);
      assert.equal(head.headers['content-type'], get.headers['content-type'], path);
      assert.equal(head.headers['cache-control'], get.headers['cache-control'], path);
    }
  });
});

