// At most `max` upstream requests in flight per process; the rest wait in a bounded FIFO queue.
// The Dashboard has four Rails workers in all, so this cap is what keeps us a good citizen.

import { UpstreamError } from './types.js';

interface Waiter {
  start: () => void;
}

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

  /** Runs fn once a slot is free. Aborting `signal` while waiting leaves the queue without running fn. */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  #acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.#active < this.max) {
      this.#active++;
      return Promise.resolve();
    }
    if (this.#queue.length >= this.queueLimit) {
      return Promise.reject(new UpstreamError('overloaded', 'too many requests are waiting for the Dashboard'));
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.#queue.indexOf(waiter);
        if (i >= 0) this.#queue.splice(i, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
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
