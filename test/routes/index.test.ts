// The index, the OpenAPI document and the docs page.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { rawRequest } from '../../support/raw-http.js';
import { useService } from '../../support/service.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const svc = useService();

describe('discovery', () => {
  it('lists the endpoints at / with examples that work', async () => {
    const r = await svc.get('/');
    assert.equal(r.status, 200);
    const endpoints: { route: string; example: string; form?: string }[] = r.body.endpoints;
    const examples = endpoints.map((e) => e.example);
    assert.ok(examples.some((e) => e.startsWith('/api/users/')));
    const doc = (await svc.get('/openapi.json')).body;
    const operations = Object.entries(doc.paths as Record<string, object>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    assert.deepEqual(r.body.endpoints.map((e: { route: string }) => e.route), operations, 'one entry per documented operation');
    for (const { route, example, form } of endpoints.filter((e) => e.example.startsWith('/api/'))) {
      const status =
        form === undefined
          ? (await svc.get(example)).status
          : (await rawRequest(svc.url, example, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status;
      assert.equal(status, 200, `${route}: ${example}`);
    }
  });

  it('documents every API endpoint in /openapi.json, the course wildcard as two paths', async () => {
    const r = await svc.get('/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\./);
    const health = await svc.get('/health');
    assert.equal(r.body.info.version, PACKAGE_VERSION, "package.json's version");
    assert.equal(health.body.version, PACKAGE_VERSION);
    const paths = Object.keys(r.body.paths);
    for (const p of [
      '/api/users/{username}',
      '/api/users/{username}/active-staff',
      '/api/users/{username}/status',
      '/api/courses/{slug}',
      '/api/courses/{slug}/users',
      '/health',
    ]) {
      assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
    }
    assert.ok(!paths.some((p) => p.includes('*') || p.startsWith('/gadget') || p.startsWith('/test-gadget')));
    const roster = r.body.paths['/api/courses/{slug}/users'].get.responses['200'].content['application/json'].schema;
    assert.ok(roster.properties.facilitators, 'the roster operation answers a roster');
    const details = r.body.paths['/api/courses/{slug}'].get.responses['200'].content['application/json'].schema;
    assert.ok(details.properties.timeline_start, 'the details operation answers a course');
  });

  it('serves a readable docs page', async () => {
    const r = await svc.get('/docs');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
  });

  it('answers a CORS preflight, just in case a client sends custom headers', async () => {
    const res = await fetch(`${svc.url}/api/users/Lena_Vogel`, {
      method: 'OPTIONS',
      headers: { origin: 'https://en.wikipedia.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'api-user-agent' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-headers'), 'api-user-agent');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });
});
