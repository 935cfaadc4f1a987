// The token bucket's rules, as pure arithmetic: refill up to the burst, foreground reservations within their
// wait, background takes only of a whole free token, and the bound rate * t + burst on what is taken.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Priority } from '../../src/cache/types.js';
import { fullBucket, refill, take, type BucketState } from '../../src/dashboard/token-bucket.js';

const RULE = { rate: 5, burst: 20 };

/** Takes at `now` on `state`, returning the new state and the take. */
function at(state: BucketState, now: number, priority: Priority = 'foreground', maxWaitMs = 0) {
  return take(state, RULE, now, priority, maxWaitMs);
}

describe('token bucket', () => {
  it('allows the burst at once, then refuses with the time until the next token', () => {
    let state = fullBucket(RULE, 0);
    for (let i = 0; i < 20; i++) {
      const r = at(state, 0);
      assert.deepEqual(r.take, { taken: true, waitMs: 0 });
      state = r.state;
    }
    const refused = at(state, 0);
    assert.deepEqual(refused.take, { taken: false, retryAfterMs: 200 });
    assert.deepEqual(refused.state, state, 'a refusal changes nothing');
  });

  it('refills at the rate, up to the burst, and not when the clock goes back', () => {
    assert.equal(refill({ tokens: 0, at: 0 }, RULE, 1000).tokens, 5);
    assert.equal(refill({ tokens: 0, at: 0 }, RULE, 60_000).tokens, 20);
    assert.deepEqual(refill({ tokens: 3, at: 1000 }, RULE, 500), { tokens: 3, at: 1000 });
  });

  it('reserves the next token for a foreground read that can wait for it, going into debt', () => {
    const r1 = at({ tokens: 0.5, at: 0 }, 0, 'foreground', 100);
    assert.deepEqual(r1.take, { taken: true, waitMs: 100 });
    assert.equal(r1.state.tokens, -0.5);
    const r2 = at(r1.state, 0, 'foreground', 250);
    assert.deepEqual(r2.take, { taken: false, retryAfterMs: 300 }, 'the second waiter would wait 300 ms: more than it may');
    const r3 = at(r1.state, 0, 'foreground', 300);
    assert.deepEqual(r3.take, { taken: true, waitMs: 300 });
  });

  it('never lets a background read take a token while a foreground read waits for one', () => {
    const waiting = at({ tokens: 0.5, at: 0 }, 0, 'foreground', 1000).state; // debt of 0.5
    // At 100 ms the waiting read's token is due; the bucket holds 0 for everyone else.
    assert.equal(at(waiting, 100, 'background').take.taken, false);
    assert.equal(at(waiting, 299, 'background').take.taken, false);
    // Once the debt is repaid and a whole token has flowed in, a background read may go.
    assert.deepEqual(at(waiting, 300, 'background').take, { taken: true, waitMs: 0 });
    // Background never reserves, whatever it may wait.
    assert.equal(at({ tokens: 0.9, at: 0 }, 0, 'background', 60_000).take.taken, false);
  });

  it('takes at most rate * t + burst over any run of requests', () => {
    let state = fullBucket(RULE, 0);
    let taken = 0;
    // A request every 7 ms for 10 s, each willing to wait up to 2 s, with background reads in between.
    for (let now = 0; now <= 10_000; now += 7) {
      for (const priority of ['foreground', 'background'] as const) {
        const r = at(state, now, priority, 2000);
        state = r.state;
        // A reserved token is used when it comes: count it then (never later than now + 2 s).
        if (r.take.taken && now + r.take.waitMs <= 10_000) taken++;
      }
    }
    assert.ok(taken <= RULE.rate * 10 + RULE.burst, `${taken} taken`);
    assert.ok(taken >= RULE.rate * 10 + RULE.burst - 1, `the budget is used: ${taken} taken`);
  });
});
