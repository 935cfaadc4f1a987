// At most `max` upstream requests in flight per process; the rest wait in a bounded FIFO queue.
// The Dashboard has four Rails workers in all, so this cap is what keeps us a good citizen.

import { UpstreamError } from './types.js';

interface Waiter {
  start: () => void;
}

const tooLate = (): UpstreamError => new UpstreamError('overloaded', 'waited too long for a free upstream slot to ask the Dashboard in time');

export class ConcurrencyLimiter {
  #active = 0;
  readonly #queue: Waiter[] = [];

  constructor(
    readonly max: number,
    readonly queueLimit: number,
  ) {}

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Runs fn once a slot is free. Aborting `signal` while waiting leaves the queue without running fn;
   * so does waiting longer than `maxWaitMs`, refused as "overloaded" (our refusal, not a timeout).
   */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal, maxWaitMs = Infinity): Promise<T> {
    await this.#acquire(signal, maxWaitMs);
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  #acquire(signal: AbortSignal | undefined, maxWaitMs: number): Promise<void> {
    signal?.throwIfAborted();
    if (this.#active < this.max) {
      this.#active++;
      return Promise.resolve();
    }
    if (this.#queue.length >= this.queueLimit) {
      return Promise.reject(new UpstreamError('overloaded', 'too many requests are waiting for the Dashboard'));
    }
    if (maxWaitMs <= 0) return Promise.reject(tooLate());
    return new Promise<void>((resolve, reject) => {
      // Whichever comes first, a slot or a reason to leave, ends the wait and silences the other.
      const stopWaiting = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const leave = (reason: unknown): void => {
        stopWaiting();
        const i = this.#queue.indexOf(waiter);
        if (i >= 0) this.#queue.splice(i, 1);
        reject(reason);
      };
      const onAbort = (): void => leave(signal?.reason);
      const timer = Number.isFinite(maxWaitMs) ? setTimeout(() => leave(tooLate()), maxWaitMs) : undefined;
      const waiter: Waiter = {
        start: () => {
          stopWaiting();
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
    });
  }

  #release(): void {
    const next = this.#queue.shift();
    // The slot passes straight to the next waiter, so `active` stays put.
    if (next) next.start();
    else this.#active--;
  }
}
