// What every error answer of the API is: problem+json (RFC 9457) with its status, a type, a title and a
// detail, and CORS, since browsers hide errors without it.

import assert from 'node:assert/strict';
import type { Reply } from './service.js';

/** `r` is a problem with this status (and this type, when given). */
export function assertProblem(r: Reply, status: number, type?: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.headers.get('access-control-allow-origin'), '*', 'browsers hide errors without CORS');
  assert.equal(r.body.status, status);
  if (type !== undefined) assert.equal(r.body.type, type);
  assert.equal(typeof r.body.type, 'string');
  assert.equal(typeof r.body.title, 'string');
  assert.equal(typeof r.body.detail, 'string');
}
