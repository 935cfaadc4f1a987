// The Dashboard client over real HTTP against the fake Dashboard: whatever comes back (or does not),
// a read either succeeds or fails with an UpstreamError of a known kind, never with a raw client error.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { MALFORMED, startFakeDashboard, type FakeDashboard, type Fault, type MalformedKind } from '../../demo/fake-dashboard.js';
import { PERSONAS } from '../../demo/demo-world.js';
import { loadConfig } from '../../src/config/config.js';
import { DashboardClient } from '../../src/dashboard/client.js';
import { UpstreamError, type UpstreamFailure } from '../../src/dashboard/types.js';

let fake: FakeDashboard;
let client: DashboardClient;

before(async () => {
  fake = await startFakeDashboard();
  // A breaker that never opens here: these tests are about one call at a time.
  const env = { OUTREACH_BASE_URL: fake.url, HTTP_TIMEOUT: '1', UPSTREAM_RETRY_DELAY: '0.01', UPSTREAM_MAX_FAILS: '1000' };
  client = new DashboardClient(loadConfig(env).upstream.outreach);
});
after(async () => {
  await client.close();
  await fake.close();
});
beforeEach(() => fake.reset());

/** The read fails with an UpstreamError of this kind (and a message), after `calls` requests. */
async function assertFails(fault: Fault, kind: UpstreamFailure, calls: number): Promise<UpstreamError> {
  fake.setFaults([fault]);
  let caught: unknown;
  await client.userStats(PERSONAS.active).then(
    () => assert.fail('the read succeeded'),
    (err: unknown) => (caught = err),
  );
  assert.ok(caught instanceof UpstreamError, `not an UpstreamError: ${String(caught)}`);
  assert.equal(caught.kind, kind, caught.message);
  assert.equal(fake.count(), calls, 'requests sent');
  return caught;
}

describe('malformed HTTP from the Dashboard is an UpstreamError', () => {
  const notRetried: MalformedKind[] = ['bad-header-token', 'huge-header', 'bad-chunk-size', 'bad-status-line', 'length-and-chunked'];
  for (const kind of notRetried) {
    test(`${kind}: a protocol error, not retried (the same bytes would come back)`, async () => {
      const err = await assertFails({ malformed: kind }, 'protocol', 1);
      assert.match(err.message, /HTTP/);
    });
  }

  test('cut-body (the connection closes mid-body): a network error, retried once', async () => {
    await assertFails({ malformed: 'cut-body' }, 'network', 2);
  });

  test('every kind in the fake is covered here', () => {
    assert.deepEqual([...notRetried, 'cut-body'].sort(), Object.keys(MALFORMED).sort());
  });

  test('a redirect is not followed: an http error', async () => {
    const err = await assertFails({ redirectTo: 'http://127.0.0.1:9/user_stats.json' }, 'http', 1);
    assert.equal(err.status, 302);
  });

  test('the client still works after each of them (broken connections are not reused)', async () => {
    for (const kind of Object.keys(MALFORMED) as MalformedKind[]) {
      fake.setFaults([{ malformed: kind, times: 1 }]);
      await client.userStats(PERSONAS.active).catch(() => undefined);
    }
    fake.setFaults([]);
    const r = await client.userStats(PERSONAS.active);
    assert.equal(r.found, true);
  });
});

describe('deadlines and Retry-After', () => {
  test('a Retry-After beyond the deadline is not waited for: the call fails at once', async () => {
    const started = performance.now();
    await assertFails({ status: 503, retryAfter: '30' }, 'http', 1);
    assert.ok(performance.now() - started < 500, 'failed at once');
  });

  test('a hang is a timeout at HTTP_TIMEOUT, not retried', async () => {
    const started = performance.now();
    await assertFails({ hang: true }, 'timeout', 1);
    const took = performance.now() - started;
    assert.ok(took >= 950 && took < 2_000, `${Math.round(took)} ms`);
  });

  test('a call whose slot came with less than a quarter of the deadline left is not sent', async () => {
    // One slot: the first call holds it for 0.8 of HTTP_TIMEOUT (1 s), the second waits that long for it.
    const env = { OUTREACH_BASE_URL: fake.url, HTTP_TIMEOUT: '1', UPSTREAM_CONCURRENCY: '1', UPSTREAM_MAX_FAILS: '1000' };
    const single = new DashboardClient(loadConfig(env).upstream.outreach);
    try {
      fake.setFaults([{ delayMs: 800 }]);
      const [first, second] = await Promise.allSettled([single.userStats(PERSONAS.active), single.userStats(PERSONAS.active)]);
      assert.equal(first.status, 'fulfilled');
      assert.equal(second.status, 'rejected');
      assert.ok(second.reason instanceof UpstreamError && second.reason.kind === 'overloaded', String(second.reason));
      assert.equal(fake.count(), 1, 'only the first call reached the Dashboard');
    } finally {
      await single.close();
    }
  });
});
