// README's endpoint table and its curl examples agree with the OpenAPI document, the one source of
// the endpoints and their examples.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { documentedEndpoints, documentedExamples } from '../../src/openapi/doc-examples.js';
import { serviceWithDocument } from '../../support/service.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The endpoint cells of README's "Endpoints" table: `METHOD /path` with its `[?flag=…]` query. */
function readmeEndpoints(): { route: string; query: string[] }[] {
  const section = README.split('## Endpoints')[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((row) => {
    const cell = row.split(' | ')[0] ?? '';
    let method = 'GET';
    return [...cell.matchAll(/`([^`]+)`/g)].map(([, code = '']) => {
      const m = /^(?:([A-Z]+) )?(\/[^[\s]*)(\[[^\]]*\])?$/.exec(code);
      if (m === null) throw new Error(`README endpoint ${code} is not "METHOD /path[?query]"`);
      method = m[1] ?? method;
      const query = [...(m[3] ?? '').matchAll(/[?&](\w+)=/g)].map((q) => q[1] ?? '');
      return { route: `${method} ${(m[2] ?? '').replace('…', '')}`, query };
    });
  });
}

const env = serviceWithDocument();

describe('README', () => {
  it('lists every documented endpoint with its query parameters, and no API endpoint the document lacks', () => {
    const readme = readmeEndpoints();
    const documented = documentedEndpoints(env.doc);
    for (const d of documented) {
      const row = readme.find((r) => r.route === d.route);
      assert.ok(row, `${d.route} is in README's table`);
      assert.deepEqual(row.query, d.query, `${d.route}: query parameters`);
    }
    const api = readme.filter((r) => /^(GET|POST) \/(api|health|metrics)/.test(r.route));
    assert.deepEqual(api.map((r) => r.route).sort(), documented.map((d) => d.route).sort());
  });

  it('shows only curl examples that the document has', () => {
    const urls = [...README.matchAll(/curl '(?:localhost|127\.0\.0\.1):8000(\/[^']*)'/g)].map((m) => m[1] ?? '');
    assert.ok(urls.length >= 3, 'README has curl examples');
    const documented = new Set(documentedExamples(env.doc).map((e) => e.url));
    for (const url of urls) assert.ok(documented.has(url), `${url} is a documented example`);
  });
});
