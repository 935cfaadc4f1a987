// The retry policy on its own: once, after its delay, only within the deadline; the first failure
// stands when the retry cannot go.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jitter, retryDelay, withOneRetry, type Attempt } from '../../src/dashboard/retry.js';
import { UpstreamError } from '../../src/dashboard/types.js';

const http = (status: number) => new UpstreamError('http', `the Dashboard answered HTTP ${status}`, status);
const found = (data: string): Attempt<string> => ({ fetched: { found: true, data } });

/** A `send` that plays `script` in turn (an attempt, or an error to throw) and records what each call was given. */
function scripted(...script: (Attempt<string> | Error)[]) {
  const calls: (UpstreamError | undefined)[] = [];
  const send = async (retryOf?: UpstreamError) => {
    calls.push(retryOf);
    const next = script[calls.length - 1];
    if (next === undefined) throw new Error('sent once too often');
    if (next instanceof Error) throw next;
    return next;
  };
  return { send, calls };
}

const plenty = () => 10_000;
const signal = new AbortController().signal;

describe('withOneRetry', () => {
  it('returns what the first request brought, without a retry', async () => {
    const { send, calls } = scripted(found('a'));
    assert.deepEqual(await withOneRetry(send, plenty, signal), { found: true, data: 'a' });
    assert.equal(calls.length, 1);
  });

  it('retries a failure worth it once, after its delay, handing the retry the first failure', async () => {
    const first = http(503);
    const { send, calls } = scripted({ error: first, retryInMs: 30 }, found('b'));
    const started = performance.now();
    assert.deepEqual(await withOneRetry(send, plenty, signal), { found: true, data: 'b' });
    assert.ok(performance.now() - started >= 25);
    assert.deepEqual(calls, [undefined, first]);
  });

  it('fails with the second failure when the retry fails too, and never tries a third time', async () => {
    const second = http(502);
    const { send, calls } = scripted({ error: http(503), retryInMs: 0 }, { error: second, retryInMs: 0 });
    await assert.rejects(withOneRetry(send, plenty, signal), (err) => err === second);
    assert.equal(calls.length, 2);
  });

  it('does not wait past the deadline: a delay as long as the time left fails the call at once', async () => {
    const first = http(429);
    const { send, calls } = scripted({ error: first, retryInMs: 5_000 });
    await assert.rejects(withOneRetry(send, () => 5_000, signal), (err) => err === first);
    assert.equal(calls.length, 1);
  });

  it('lets the first failure stand when the retry is refused (our own refusal) or may not go', async () => {
    const first = http(500);
    const refused = scripted({ error: first, retryInMs: 0 }, new UpstreamError('overloaded', 'too many waiting'));
    await assert.rejects(withOneRetry(refused.send, plenty, signal), (err) => err === first);
    const other = new UpstreamError('payload', 'not JSON');
    const failing = scripted({ error: first, retryInMs: 0 }, other);
    await assert.rejects(withOneRetry(failing.send, plenty, signal), (err) => err === other, 'a real failure of the retry is its own');
  });

  it('stops waiting when the deadline aborts', async () => {
    const deadline = new AbortController();
    const { send, calls } = scripted({ error: http(503), retryInMs: 5_000 }, found('late'));
    const call = withOneRetry(send, plenty, deadline.signal);
    deadline.abort(new Error('deadline'));
    await assert.rejects(call);
    assert.equal(calls.length, 1);
  });
});

describe('retryDelay', () => {
  it("takes the Dashboard's Retry-After in seconds or as a date, else jitters the base delay ±25 %", () => {
    assert.equal(retryDelay('3', 250), 3_000);
    assert.equal(retryDelay(['2', '9'], 250), 2_000);
    const inTwo = retryDelay(new Date(Date.now() + 2_000).toUTCString(), 250);
    assert.ok(inTwo > 900 && inTwo <= 2_000, String(inTwo));
    assert.equal(retryDelay(new Date(Date.now() - 60_000).toUTCString(), 250), 0, 'a date past is now');
    for (const header of [undefined, 'soon']) {
      const d = retryDelay(header, 200);
      assert.ok(d >= 150 && d <= 250, String(d));
    }
    assert.equal(jitter(0), 0);
  });
});
