import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CircuitBreaker, type Admission, type BreakerState } from '../../src/dashboard/breaker.js';

function breaker(maxFails = 3, openMs = 10_000) {
  const clock = { t: 1_000_000 };
  const changes: string[] = [];
  const b = new CircuitBreaker({
    maxFails,
    openMs,
    now: () => clock.t,
    onChange: (to: BreakerState, from: BreakerState) => changes.push(`${from}->${to}`),
  });
  const admitted = (): Admission => {
    const a = b.admit();
    assert.ok(a, `refused in state ${b.state}`);
    return a;
  };
  return { b, clock, changes, admitted };
}

describe('CircuitBreaker', () => {
  test('stays closed while failures are not consecutive', () => {
    const { b, admitted, changes } = breaker(3);
    for (let i = 0; i < 10; i++) {
      b.failed(admitted());
      b.failed(admitted());
      b.succeeded(admitted());
    }
    assert.equal(b.state, 'closed');
    assert.equal(b.waitMs(), 0);
    assert.deepEqual(changes, []);
  });

  test('opens after maxFails failures in a row and refuses everything for openMs', () => {
    const { b, clock, admitted, changes } = breaker(3, 10_000);
    b.failed(admitted());
    b.failed(admitted());
    assert.equal(b.state, 'closed');
    b.failed(admitted());
    assert.equal(b.state, 'open');
    assert.deepEqual(changes, ['closed->open']);
    assert.equal(b.admit(), undefined);
    assert.equal(b.waitMs(), 10_000);
    clock.t += 9_999;
    assert.equal(b.admit(), undefined);
    assert.equal(b.waitMs(), 1);
  });

  test('after openMs one probe goes (half-open); its success closes the breaker', () => {
    const { b, clock, admitted, changes } = breaker(1, 5_000);
    b.failed(admitted());
    clock.t += 5_000;
    assert.equal(b.waitMs(), 0, 'a probe may go');
    assert.equal(b.state, 'open', 'asking how long changes nothing');
    const probe = admitted();
    assert.equal(b.state, 'half-open');
    assert.equal(b.admit(), undefined, 'only one probe');
    assert.ok(b.waitMs() >= 1, 'while the probe is out, callers are told to come back');
    b.succeeded(probe);
    assert.equal(b.state, 'closed');
    assert.ok(b.admit());
    assert.deepEqual(changes, ['closed->open', 'open->half-open', 'half-open->closed']);
  });

  test('a failed probe opens it again for a whole openMs', () => {
    const { b, clock, admitted } = breaker(2, 5_000);
    b.failed(admitted());
    b.failed(admitted());
    clock.t += 6_000;
    b.failed(admitted());
    assert.equal(b.state, 'open');
    assert.equal(b.waitMs(), 5_000);
    clock.t += 5_000;
    b.succeeded(admitted());
    assert.equal(b.state, 'closed');
    // Closed again, it takes maxFails new failures to open.
    b.failed(admitted());
    assert.equal(b.state, 'closed');
  });

  test('outcomes of calls let through before a change are ignored', () => {
    const { b, clock, admitted } = breaker(2, 5_000);
    const straggler = admitted(); // still in flight when the breaker opens
    b.failed(admitted());
    b.failed(admitted());
    assert.equal(b.state, 'open');
    assert.equal(b.holds(straggler), false, 'its retry is not sent');
    b.succeeded(straggler);
    assert.equal(b.state, 'open', 'a late success of an old call does not close it');
    clock.t += 5_000;
    const probe = admitted();
    b.failed(straggler);
    assert.equal(b.state, 'half-open', 'a late failure of an old call does not decide the probe');
    assert.equal(b.holds(probe), true);
    b.succeeded(probe);
    const next = admitted();
    b.failed(straggler);
    b.failed(probe);
    b.failed(next);
    assert.equal(b.state, 'closed', 'only one of these failures is of the current period');
  });

  test('a call without a verdict neither counts nor resets the count', () => {
    const { b, admitted } = breaker(2);
    b.failed(admitted());
    for (let i = 0; i < 5; i++) b.inconclusive(admitted());
    assert.equal(b.state, 'closed');
    b.failed(admitted());
    assert.equal(b.state, 'open', 'the two failures were in a row');
  });

  test('a probe without a verdict lets the next call be the probe', () => {
    const { b, clock, admitted, changes } = breaker(1, 5_000);
    b.failed(admitted());
    clock.t += 5_000;
    const probe = admitted();
    assert.equal(b.admit(), undefined);
    b.inconclusive(probe);
    assert.equal(b.state, 'half-open');
    assert.equal(b.waitMs(), 0, 'another probe may go now');
    const next = admitted();
    assert.equal(b.admit(), undefined, 'still one at a time');
    b.succeeded(next);
    assert.equal(b.state, 'closed');
    assert.deepEqual(changes, ['closed->open', 'open->half-open', 'half-open->closed']);
  });

  test('a success resets the count of failures', () => {
    const { b, admitted } = breaker(3);
    b.failed(admitted());
    b.failed(admitted());
    b.succeeded(admitted());
    b.failed(admitted());
    b.failed(admitted());
    assert.equal(b.state, 'closed');
    b.failed(admitted());
    assert.equal(b.state, 'open');
  });
});
