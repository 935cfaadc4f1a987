// Waiting, in real time, for something a service does on its own after answering (a connection to
// Redis, a background read landing): polled every 100 ms, failing the test when it does not come.

import assert from 'node:assert/strict';

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Until none of `fakes` has been asked anything for 100 ms (the service's background reads have ended). */
export async function quiet(fakes: readonly { requests: readonly unknown[] }[]): Promise<void> {
  let last = -1;
  await waitFor('the background reads to end', () => {
    const seen = fakes.reduce((n, f) => n + f.requests.length, 0);
    const still = seen === last;
    last = seen;
    return still;
  });
}
