// The upstream concurrency cap: never more than `max` at once, FIFO, bounded queue, abortable and bounded waits.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConcurrencyLimiter } from '../../src/dashboard/limiter.js';
import { UpstreamError } from '../../src/dashboard/types.js';

const tick = () => new Promise((r) => setImmediate(r));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('ConcurrencyLimiter', () => {
  it('runs at most max tasks at once, in arrival order', async () => {
    const limiter = new ConcurrencyLimiter(2, 10);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 5 }, gate);
    const tasks = gates.map((g, i) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        await g.opened;
        running--;
      }),
    );
    await tick();
    assert.equal(limiter.active, 2);
    assert.equal(limiter.queued, 3);
    for (const g of gates) {
      g.open();
      await tick();
    }
    await Promise.all(tasks);
    assert.equal(peak, 2);
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    assert.equal(limiter.active, 0);
  });

  it('refuses new work with "overloaded" when the queue is full', async () => {
    const limiter = new ConcurrencyLimiter(1, 1);
    const g = gate();
    const first = limiter.run(() => g.opened);
    const second = limiter.run(async () => 'ran');
    assert.deepEqual([limiter.active, limiter.queued], [1, 1]);
    await assert.rejects(limiter.run(async () => 'never'), (err) => err instanceof UpstreamError && err.kind === 'overloaded');
    g.open();
    await first;
    assert.equal(await second, 'ran');
  });

  it('drops an aborted waiter from the queue without running it', async () => {
    const limiter = new ConcurrencyLimiter(1, 5);
    const g = gate();
    const first = limiter.run(() => g.opened);
    const controller = new AbortController();
    let ran = false;
    const waiting = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort(new Error('deadline'));
    await assert.rejects(waiting, /deadline/);
    assert.equal(limiter.queued, 0);
    g.open();
    await first;
    assert.equal(ran, false);
    assert.equal(limiter.active, 0);
  });

  it('refuses a waiter as "overloaded" once it has waited maxWaitMs, without running it', async () => {
    const limiter = new ConcurrencyLimiter(1, 5);
    const g = gate();
    const first = limiter.run(() => g.opened);
    let ran = false;
    const started = performance.now();
    const waiting = limiter.run(
      async () => {
        ran = true;
      },
      undefined,
      50,
    );
    await assert.rejects(waiting, (err) => err instanceof UpstreamError && err.kind === 'overloaded');
    assert.ok(performance.now() - started >= 45, 'left the queue before maxWaitMs');
    assert.equal(limiter.queued, 0);
    await assert.rejects(limiter.run(async () => 'never', undefined, 0), (err) => err instanceof UpstreamError && err.kind === 'overloaded');
    g.open();
    await first;
    assert.equal(ran, false);
    assert.equal(await limiter.run(async () => 'free slot', undefined, 0), 'free slot', 'a free slot is taken whatever the wait limit');
    assert.equal(limiter.active, 0);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = new ConcurrencyLimiter(1, 5);
    await assert.rejects(limiter.run(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await limiter.run(async () => 42), 42);
  });
});
