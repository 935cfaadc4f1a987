// The access log's line is the line pino writes for the same fields, from a template.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { accessLog } from '../../src/http/access-log.js';

function logTo(level: string): { log: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: pino({ level }, { write: (line: string) => void lines.push(line) }), lines };
}

/** A line with its time set aside (the two are written a moment apart). */
const timeless = (line: string | undefined): string => (line ?? '').replace(/"time":\d+,/, '"time":0,');

describe('accessLog', () => {
  it('writes what log.info({ reqId, route, status, ms }, "request") writes, byte for byte but the time', () => {
    const { log, lines } = logTo('info');
    accessLog(log)('req-1', '/api/users/:username', 200, 1.6);
    log.info({ reqId: 'req-1', route: '/api/users/:username', status: 200, ms: 2 }, 'request');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^\{"level":30,"time":\d+,"pid":\d+,"hostname":"[^"]*","reqId":"req-1","route":"\/api\/users\/:username","status":200,"ms":2,"msg":"request"\}\n$/);
    assert.equal(timeless(lines[0]), timeless(lines[1]));
  });

  it("keeps a caller's X-Request-Id one line of valid JSON, whatever it holds", () => {
    const { log, lines } = logTo('info');
    const hostile = 'a"b\\c\n{"level":60}\u2028é';
    accessLog(log)(hostile, '/api/users/:username', 304, 0);
    assert.equal(lines.length, 1);
    assert.equal((lines[0] ?? '').split('\n').length, 2, 'one line');
    assert.equal((JSON.parse(lines[0] ?? '') as { reqId: string }).reqId, hostile);
  });

  it('writes nothing above level info', () => {
    const { log, lines } = logTo('warn');
    accessLog(log)('req-1', '/', 200, 1);
    assert.deepEqual(lines, []);
  });
});
