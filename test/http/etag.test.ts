// If-None-Match with RFC 9110's weak comparison: our ETags are weak (W/"x"), and the strong form "x",
// a list holding it, or * all mean "you have it": 304. Other tags: 200.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PERSONAS } from '../../demo/demo-world.js';
import { serviceWithDocument } from '../../support/service.js';

const env = serviceWithDocument();
const PATHS = [`/api/users/${encodeURIComponent(PERSONAS.active)}/active-staff`, '/', '/openapi.json', '/gadget/course-staff.js'];

describe('If-None-Match', () => {
  for (const path of PATHS) {
    it(`compares weakly on ${path}`, async () => {
      const first = await env.svc.get(path);
      const etag = first.headers.get('etag') ?? '';
      assert.match(etag, /^W\/"[^"]+"$/);
      const strong = etag.slice(2);
      const matching = [etag, strong, `"other", ${strong}`, `W/"other",${etag}`, '*', ` ${strong} `];
      for (const header of matching) {
        const r = await env.svc.get(path, { 'if-none-match': header });
        assert.equal(r.status, 304, `If-None-Match: ${header}`);
        assert.equal(r.headers.get('etag'), etag, 'a 304 carries the ETag');
      }
      for (const header of ['"other"', 'W/"other"', `${strong.slice(0, -1)}x"`, `"${etag}"`]) {
        assert.equal((await env.svc.get(path, { 'if-none-match': header })).status, 200, `If-None-Match: ${header}`);
      }
    });
  }
});
