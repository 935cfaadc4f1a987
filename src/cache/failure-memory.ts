// What the engine remembers of failed loads: for a short window after a key's load failed, the key is
// not loaded again (stale data is served, or the same error repeated to a key with nothing usable), so
// a down Dashboard or a failing name is not asked again by every request.

/** A key's last failed load: until when (ms) it is not loaded again, and whether its error is repeated meanwhile. */
export interface Failure {
  until: number;
  error: unknown;
  repeat: boolean;
}

// Per key; during a long outage (or a flood of failing names) it must not grow without bound.
const MAX_FAILED_KEYS = 10_000;

export class FailureMemory {
  /** key -> its last failed load, while it is remembered; oldest first (a Map keeps insertion order). */
  readonly #failures = new Map<string, Failure>();

  constructor(
    /** How long a failure is remembered, in ms; 0 remembers nothing. */
    private readonly windowMs: number,
    /** Which errors are worth repeating to a key with nothing usable; the others are loaded again. */
    private readonly repeats: (err: unknown) => boolean,
  ) {}

  /** The key's last failed load while it is remembered at `now`. */
  of(key: string, now: number): Failure | undefined {
    const failure = this.#failures.get(key);
    if (failure === undefined) return undefined;
    if (now < failure.until) return failure;
    this.#failures.delete(key);
    return undefined;
  }

  remember(key: string, error: unknown, now: number): void {
    if (this.windowMs <= 0) return;
    this.#failures.delete(key); // re-insert at the end: the map is evicted oldest-first
    if (this.#failures.size >= MAX_FAILED_KEYS) {
      const oldest = this.#failures.keys().next();
      if (oldest.done !== true) this.#failures.delete(oldest.value);
    }
    this.#failures.set(key, { until: now + this.windowMs, error, repeat: this.repeats(error) });
  }

  forget(key: string): void {
    this.#failures.delete(key);
  }
}
