// One answer's gate: its bound on upstream loads at once, and its deadline.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { AnswerGate } from '../../src/answers/upstream-gate.js';
import { UpstreamError } from '../../src/dashboard/types.js';

const flush = () => new Promise<void>((r) => setImmediate(r));
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const isDeadline = (err: unknown) => err instanceof UpstreamError && err.kind === 'timeout' && /within 200 ms of the request/.test(err.message);

describe('AnswerGate', () => {
  it('admits up to its bound at once; the others in order, each as a slot is released', async () => {
    const gate = new AnswerGate(2, 10_000);
    const admitted: number[] = [];
    const releases = new Map<number, () => void>();
    for (const n of [1, 2, 3, 4]) void gate.admit().then((release) => (admitted.push(n), releases.set(n, release)));
    await flush();
    assert.deepEqual(admitted, [1, 2]);
    releases.get(2)?.();
    releases.get(2)?.(); // a second release of the same admission frees nothing more
    await flush();
    assert.deepEqual(admitted, [1, 2, 3]);
    releases.get(1)?.();
    await flush();
    assert.deepEqual(admitted, [1, 2, 3, 4]);
    for (const n of [3, 4]) releases.get(n)?.();
  });

  it('at the deadline refuses queued admissions and stops waits, whose loads go on', async () => {
    const gate = new AnswerGate(1, 200);
    const release = await gate.admit();
    const queued = gate.admit();
    let finished = false;
    const load = sleep(300).then(() => (finished = true));
    const started = performance.now();
    await assert.rejects(gate.wait(load), isDeadline);
    const waited = performance.now() - started;
    assert.ok(waited >= 190 && waited < 290, `waited ${waited} ms`);
    await assert.rejects(queued, isDeadline);
    await assert.rejects(gate.admit(), isDeadline, 'nothing is admitted after the deadline');
    await load;
    assert.equal(finished, true, 'the load itself was not cancelled');
    release();
  });

  it('counts the deadline from the request arrival', async () => {
    const gate = new AnswerGate(1, 200, 150);
    const started = performance.now();
    await assert.rejects(gate.wait(sleep(1_000)), isDeadline);
    assert.ok(performance.now() - started < 120);
  });

  it('hands a finished load through and keeps a timer only while something waits', async () => {
    const before = timers();
    const gate = new AnswerGate(2, 10_000);
    const release = await gate.admit();
    assert.equal(timers(), before, 'an admission with a free slot sets no timer');
    const waiting = gate.wait(sleep(20).then(() => 'v'));
    assert.equal(timers(), before + 2, "the deadline's timer (and the load's own)");
    assert.equal(await waiting, 'v');
    await flush();
    assert.equal(timers(), before, 'cleared once nothing waits');
    release();
  });
});
