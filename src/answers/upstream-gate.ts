// One answer's share of the Dashboard (the contract's "one deadline per answer, bounded fan-out"): at
// most `maxLoads` upstream reads of its own queued or in flight at once, the others waiting their
// turn here rather than in the shared upstream queue, so one person with very many courses cannot
// take that queue from everyone else; and nobody waits for a read past the answer's deadline. The
// cache engine consults the gate only for reads that go upstream, so cached reads pass untouched, and
// the deadline's timer exists only while a read of the answer is waiting.

import type { ReadGate } from '../cache/types.js';
import { UpstreamError } from '../dashboard/types.js';

interface Queued {
  admit: (release: () => void) => void;
  fail: (err: Error) => void;
}

export class AnswerGate implements ReadGate {
  #running = 0;
  readonly #queue: Queued[] = [];
  /** Callers waiting for a load, by the function that gives up on it. */
  readonly #waits = new Set<(err: Error) => void>();
  /** performance.now() at the deadline. */
  readonly #deadline: number;
  #timer: NodeJS.Timeout | undefined;
  #expired = false;

  /** `elapsedMs`: how long ago the request arrived; its deadline is `timeoutMs` after that. */
  constructor(
    private readonly maxLoads: number,
    private readonly timeoutMs: number,
    elapsedMs = 0,
  ) {
    this.#deadline = performance.now() + timeoutMs - elapsedMs;
  }

  admit(): Promise<() => void> {
    if (this.#pastDeadline()) return Promise.reject(this.#error());
    if (this.#running < this.maxLoads) {
      this.#running++;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((admit, fail) => {
      this.#queue.push({ admit, fail });
      this.#arm();
    });
  }

  wait<T>(load: Promise<T>): Promise<T> {
    if (this.#pastDeadline()) {
      load.catch(() => undefined); // nobody waits for it any more; it fills the cache or fails alone
      return Promise.reject(this.#error());
    }
    return new Promise<T>((resolve, reject) => {
      this.#waits.add(reject);
      this.#arm();
      void load.then(resolve, reject).finally(() => {
        this.#waits.delete(reject);
        this.#disarmIfIdle();
      });
    });
  }

  /** Ends one admission (once): its slot passes to the next queued load of this answer, if any. */
  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#queue.shift();
      if (next === undefined) this.#running--;
      else next.admit(this.#releaser());
      this.#disarmIfIdle();
    };
  }

  #pastDeadline(): boolean {
    if (!this.#expired && performance.now() >= this.#deadline) this.#expire();
    return this.#expired;
  }

  #arm(): void {
    if (this.#timer !== undefined || this.#pastDeadline()) return;
    this.#timer = setTimeout(() => this.#expire(), this.#deadline - performance.now());
  }

  #disarmIfIdle(): void {
    if (this.#timer === undefined || this.#queue.length > 0 || this.#waits.size > 0) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The deadline: queued loads are never started, waiting callers stop waiting (their loads go on). */
  #expire(): void {
    this.#expired = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const err = this.#error();
    for (const queued of this.#queue.splice(0)) queued.fail(err);
    for (const giveUp of [...this.#waits]) giveUp(err);
    this.#waits.clear();
  }

  #error(): UpstreamError {
    return new UpstreamError('timeout', `the Dashboard did not answer within ${this.timeoutMs} ms of the request`);
  }
}
