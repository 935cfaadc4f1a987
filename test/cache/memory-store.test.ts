import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryStore } from '../../src/cache/memory-store.js';

function fakeClock() {
  let t = Date.now();
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('MemoryStore', () => {
  it('returns what was set, and undefined for unknown keys', async () => {
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 100_000 });
    const entry = { fetched_at: Date.now(), data: { a: 1 } };
    await store.set('k', entry, 1_000);
    assert.deepEqual(await store.get('k'), entry);
    assert.equal(await store.get('other'), undefined);
  });

  it('expires an entry after its own TTL', async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 100_000, now: clock.now });
    await store.set('short', { fetched_at: clock.now(), data: 1 }, 100);
    await store.set('long', { fetched_at: clock.now(), data: 2 }, 10_000);
    clock.advance(100);
    assert.notEqual(await store.get('short'), undefined);
    clock.advance(1);
    assert.equal(await store.get('short'), undefined);
    assert.notEqual(await store.get('long'), undefined);
  });

  it('keeps an entry set with an infinite TTL until it is evicted', async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 100_000, now: clock.now });
    await store.set('k', { fetched_at: clock.now(), data: 1 }, Number.POSITIVE_INFINITY);
    clock.advance(365 * 86_400_000);
    assert.notEqual(await store.get('k'), undefined);
  });

  it('stores nothing for a TTL <= 0', async () => {
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 100_000 });
    await store.set('k', { fetched_at: 1, data: 1 }, 1_000);
    await store.set('k', { fetched_at: 2, data: 2 }, 0);
    assert.equal(await store.get('k'), undefined);
  });

  it('stays within maxEntries, evicting the least recently used', async () => {
    const store = new MemoryStore({ maxEntries: 100, maxBytes: 10_000_000 });
    for (let i = 0; i < 5_000; i++) {
      await store.set(`k${i}`, { fetched_at: i, data: i }, 60_000);
      if (i >= 1) await store.get('k0'); // keep k0 recently used
    }
    assert.equal(store.size.entries, 100);
    assert.notEqual(await store.get('k0'), undefined);
    assert.equal(await store.get('k1'), undefined);
    assert.notEqual(await store.get('k4999'), undefined);
  });

  it('stays within maxBytes by estimated heap cost, Cyrillic text at two bytes a character', async () => {
    const maxBytes = 50_000;
    for (const [char, perEntry] of [['x', 1_000], ['ж', 2_000]] as const) {
      const store = new MemoryStore({ maxEntries: 1_000_000, maxBytes });
      for (let i = 0; i < 2_000; i++) await store.set(`k${i}`, { fetched_at: i, data: { text: char.repeat(1_000) + i } }, 60_000);
      const { entries, bytes } = store.size;
      assert.ok(bytes <= maxBytes, `${bytes} bytes`);
      assert.ok(entries < maxBytes / perEntry, `${entries} entries of more than ${perEntry} bytes each`);
      assert.ok(entries > maxBytes / perEntry / 2, `${entries} entries: the size estimate is not wildly high`);
    }
  });

  it('does not keep an entry larger than the whole budget', async () => {
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 1_000 });
    await store.set('big', { fetched_at: 1, data: 'x'.repeat(5_000) }, 60_000);
    assert.equal(await store.get('big'), undefined);
  });

  it('always grants the lock and reports itself healthy', async () => {
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 1_000 });
    const [a, b] = await Promise.all([store.lock(), store.lock()]);
    assert.equal(a.state, 'acquired');
    assert.equal(b.state, 'acquired');
    assert.deepEqual(store.health(), { kind: 'memory', redis_connected: null, ok: true });
  });

  it('records when an entry was stored', async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 100_000, now: clock.now });
    const at = clock.now();
    await store.set('k', { fetched_at: 0, data: 1 }, 1_000);
    clock.advance(50);
    assert.equal(store.record('k')?.storedAt, at);
  });
});
