// Log lines leave in one write per event-loop turn, in order, and none is held past the turn or lost at exit.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchedLines } from '../../src/telemetry/log-lines.js';

function recordingSink(): { writes: string[]; write(text: string): void } {
  const writes: string[] = [];
  return { writes, write: (text) => void writes.push(text) };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('batchedLines', () => {
  it("writes a turn's lines once, in order, when the turn ends", async () => {
    const sink = recordingSink();
    const lines = batchedLines(sink);
    lines.write('a\n');
    lines.write('b\n');
    lines.write('c\n');
    assert.deepEqual(sink.writes, [], 'nothing is written while the turn runs');
    await nextTurn();
    assert.deepEqual(sink.writes, ['a\nb\nc\n']);
    lines.write('d\n');
    await nextTurn();
    assert.deepEqual(sink.writes, ['a\nb\nc\n', 'd\n'], 'a later turn gets its own write');
    await nextTurn();
    assert.equal(sink.writes.length, 2, 'an idle turn writes nothing');
  });

  it('end() writes what is pending at once, and every later line as it comes', async () => {
    const sink = recordingSink();
    const lines = batchedLines(sink);
    lines.write('a\n');
    lines.end();
    assert.deepEqual(sink.writes, ['a\n']);
    lines.write('b\n');
    assert.deepEqual(sink.writes, ['a\n', 'b\n'], 'after end() no turn is left to wait for');
    await nextTurn();
    assert.deepEqual(sink.writes, ['a\n', 'b\n'], 'nothing twice');
  });
});
