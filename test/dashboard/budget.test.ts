// One Dashboard's budget as the client uses it: foreground reads wait for a token that comes in time and are
// refused at once otherwise (our refusal, with Retry-After), background reads never wait, and refusals are
// told once when they start and once when they stop.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UpstreamBudget, type BudgetHooks } from '../../src/dashboard/budget.js';
import { SharedBucket } from '../../src/dashboard/shared-bucket.js';
import { isRefusal, UpstreamError } from '../../src/dashboard/types.js';

function budget(rule: { rate: number; burst: number }, hooks: BudgetHooks = {}, now?: () => number): UpstreamBudget {
  return new UpstreamBudget(new SharedBucket(rule, undefined, now), { ...hooks, ...(now && { now }) });
}

async function refusal(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof UpstreamError, String(err));
    return err;
  }
  throw new Error('expected a refusal');
}

describe('UpstreamBudget', () => {
  it('lets a foreground read wait for a token that comes in time', async () => {
    const b = budget({ rate: 10, burst: 1 });
    await b.acquire('foreground', 0);
    const started = performance.now();
    await b.acquire('foreground', 500);
    const waited = performance.now() - started;
    assert.ok(waited >= 90 && waited < 400, `waited ${waited} ms for a token due in 100 ms`);
    assert.equal(b.scope, 'per-process');
  });

  it("refuses at once, as our refusal with the time until a token, when it would come too late", async () => {
    const b = budget({ rate: 1, burst: 1 });
    await b.acquire('foreground', 0);
    const started = performance.now();
    const err = await refusal(b.acquire('foreground', 200));
    assert.ok(performance.now() - started < 50, 'no waiting for a token that cannot come in time');
    assert.equal(err.kind, 'budget');
    assert.ok(isRefusal(err), 'the breaker must not count it');
    assert.ok(err.retryAfterMs !== undefined && err.retryAfterMs > 900 && err.retryAfterMs <= 1000, String(err.retryAfterMs));
  });

  it('never makes a background read wait, and refuses it while a foreground read waits', async () => {
    const taken: string[] = [];
    const b = budget({ rate: 10, burst: 1 }, { onTake: (priority, outcome) => taken.push(`${priority} ${outcome}`) });
    await b.acquire('foreground', 0);
    const waiting = b.acquire('foreground', 1000);
    const err = await refusal(b.acquire('background', 60_000));
    assert.equal(err.kind, 'budget');
    await waiting;
    assert.deepEqual(taken, ['foreground taken', 'foreground taken', 'background refused']);
  });

  it('stops waiting when the read is abandoned', async () => {
    const b = budget({ rate: 1, burst: 1 });
    await b.acquire('foreground', 0);
    const signal = AbortSignal.timeout(50);
    await assert.rejects(b.acquire('foreground', 5_000, signal), (err: Error) => err.name === 'TimeoutError');
  });

  it('tells when foreground refusals start and when they stop, not per request', async () => {
    let now = 0;
    const changes: unknown[] = [];
    const b = budget({ rate: 1, burst: 1 }, { onRefusals: (c) => changes.push(c) }, () => now);
    await b.acquire('foreground', 0);
    for (let i = 0; i < 5; i++) await refusal(b.acquire('foreground', 0));
    await refusal(b.acquire('background', 0));
    assert.deepEqual(changes, [{ state: 'started' }]);
    now = 2_000; // a token again, but refusals were too recent to call them over
    await b.acquire('foreground', 0);
    await refusal(b.acquire('foreground', 0));
    assert.deepEqual(changes, [{ state: 'started' }]);
    now = 9_000;
    await b.acquire('foreground', 0);
    assert.deepEqual(changes, [{ state: 'started' }, { state: 'stopped', refused: 6, forMs: 2_000 }]);
  });
});
