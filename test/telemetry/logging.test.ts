// The access log's line is the line the service's own logger writes for the same fields, from a template.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogging } from '../../src/telemetry/logging.js';

function logTo(level: string) {
  const lines: string[] = [];
  return { ...createLogging(level, { write: (line: string) => void lines.push(line) }), lines };
}

/** A line with its time set aside (the two are written a moment apart). */
const timeless = (line: string | undefined): string => (line ?? '').replace(/"time":\d+,/, '"time":0,');

describe('the access log', () => {
  it('writes what logger.info({ reqId, route, status, ms }, "request") writes, byte for byte but the time', () => {
    const { logger, access, lines } = logTo('info');
    access('req-1', '/api/users/:username', 200, 1.6);
    logger.info({ reqId: 'req-1', route: '/api/users/:username', status: 200, ms: 2 }, 'request');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^\{"level":30,"time":\d+,"pid":\d+,"hostname":"[^"]*","reqId":"req-1","route":"\/api\/users\/:username","status":200,"ms":2,"msg":"request"\}\n$/);
    assert.equal(timeless(lines[0]), timeless(lines[1]));
  });

  it("keeps a caller's X-Request-Id one line of valid JSON, whatever it holds", () => {
    const { access, lines } = logTo('info');
    const hostile = 'a"b\\c\n{"level":60}\u2028é';
    access(hostile, '/api/users/:username', 304, 0);
    assert.equal(lines.length, 1);
    assert.equal((lines[0] ?? '').split('\n').length, 2, 'one line');
    assert.equal((JSON.parse(lines[0] ?? '') as { reqId: string }).reqId, hostile);
  });

  it('writes nothing above level info, also when the level is raised later', () => {
    const { access, lines } = logTo('warn');
    access('req-1', '/', 200, 1);
    assert.deepEqual(lines, []);
    const later = logTo('info');
    later.logger.level = 'error';
    later.access('req-2', '/', 200, 1);
    assert.deepEqual(later.lines, []);
  });
});
