// Every example the OpenAPI document gives, called against the service and the fake Dashboard (demo
// world), a POST with its documented form: it answers the status it is documented under, with a body that
// matches that response's schema.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { documentedExamples, type DocumentedExample } from '../../src/openapi/doc-examples.js';
import { EXAMPLES } from '../../src/openapi/examples.js';
import { rawRequest } from '../../support/raw-http.js';
import { serviceWithDocument, type Reply } from '../../support/service.js';

const env = serviceWithDocument();

/** The example's request: a GET, or a POST with its documented form. */
async function call(e: DocumentedExample): Promise<Reply> {
  if (e.method === 'GET') return env.svc.get(e.url);
  const r = await rawRequest(env.svc.url, e.url, { method: e.method, body: e.form ?? '', headers: { 'content-type': e.formType ?? '' } });
  const headers = new Headers(Object.entries(r.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
  return { status: r.status, headers, body: (headers.get('content-type') ?? '').includes('json') ? JSON.parse(r.body) : r.body };
}

describe('documented examples', () => {
  it('are all in the document, and every operation has one that answers 200', () => {
    const found = documentedExamples(env.doc);
    const written = Object.values(EXAMPLES).flatMap((byName) => Object.values(byName));
    assert.equal(found.length, written.length);
    const operations = Object.values(env.doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    for (const id of operations) assert.ok(found.some((e) => e.operationId === id && e.status === 200), `${id} has a 200 example`);
  });

  it('each answers its documented status with a body of the documented schema', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const examples = documentedExamples(env.doc);
    assert.ok(examples.length >= 10);
    for (const e of examples) {
      const r = await call(e);
      const what = `${e.operationId}/${e.name} ${e.url}`;
      assert.equal(r.status, e.status, `${what}: ${JSON.stringify(r.body)}`);
      assert.ok((r.headers.get('content-type') ?? '').startsWith(e.mediaType), `${what}: ${r.headers.get('content-type')}`);
      const validate = ajv.compile(e.schema as object);
      assert.ok(validate(r.body), `${what}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('put each request parameter of an example on that parameter, under the same name', () => {
    const op = env.doc.paths['/api/users/{username}/active-staff']?.['get'];
    const byName = new Map((op?.parameters ?? []).map((p) => [p.name, p]));
    assert.equal(byName.get('username')?.examples?.['event']?.value, '%C3%89milie%20Dupont');
    assert.equal(byName.get('use_event_dates')?.examples?.['event']?.value, 'true');
    assert.equal(byName.get('use_event_dates')?.examples?.['tracking'], undefined, 'absent from that request');
    const roster = env.doc.paths['/api/courses/{slug}/users']?.['get'];
    const slug = roster?.parameters?.find((p) => p.name === 'slug');
    assert.equal(slug?.examples?.['threeSegments']?.value, 'Wiki_Club/Berlin/Spring_Sprint_(2026)');
  });
});
