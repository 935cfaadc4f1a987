// The circuit breaker of one Dashboard, as a pure state machine (the clock is injected; the client
// asks it before each call and reports each admitted call's outcome):
//   closed     calls go; `maxFails` failed calls in a row open it
//   open       nothing is sent for `openMs`; the first call asked for after that is the probe
//   half-open  the probe is out, nothing else goes; its success closes, its failure opens again
// A call may also end with no verdict (it says nothing about the Dashboard): it neither counts nor
// resets the count, and a probe without a verdict lets the next call be the probe.
// The Dashboard's VM wedges every day or two: asking it again for every cold key does not help it recover.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  maxFails: number;
  openMs: number;
  /** Clock (ms). */
  now: () => number;
  /** Every state change, after it happened. */
  onChange?: (to: BreakerState, from: BreakerState) => void;
}

/** A call the breaker let through; its outcome is reported with it. */
export interface Admission {
  readonly epoch: number;
}

// While the probe is out nobody knows how long it takes (at most one upstream call): ask again soon.
const PROBE_WAIT_MS = 1_000;

export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #fails = 0;
  #openUntil = 0;
  #probeOut = false;
  // Bumped on every change, so late outcomes of calls let through before it are ignored: a call that
  // began before the breaker opened says nothing about the probe.
  #epoch = 0;

  constructor(private readonly options: BreakerOptions) {}

  get state(): BreakerState {
    return this.#state;
  }

  /** How long (ms) until a call may be let through; 0 when one may go now. Changes nothing. */
  waitMs(): number {
    if (this.#state === 'closed') return 0;
    if (this.#state === 'half-open') return this.#probeOut ? PROBE_WAIT_MS : 0;
    return Math.max(0, this.#openUntil - this.options.now());
  }

  /** Asked just before a call is sent: an admission, or undefined (refused). An open breaker past its time lets this one through as the probe. */
  admit(): Admission | undefined {
    if (this.#state === 'open' && this.options.now() >= this.#openUntil) this.#move('half-open');
    else if (this.#state === 'open' || (this.#state === 'half-open' && this.#probeOut)) return undefined;
    if (this.#state === 'half-open') this.#probeOut = true;
    return { epoch: this.#epoch };
  }

  /** Whether an admitted call may still send more (its retry): nothing changed since it was let through. */
  holds(admission: Admission): boolean {
    return admission.epoch === this.#epoch;
  }

  succeeded(admission: Admission): void {
    if (admission.epoch !== this.#epoch) return;
    if (this.#state === 'half-open') this.#move('closed');
    else this.#fails = 0;
  }

  /** The call ended saying nothing about the Dashboard (e.g. it was sent with too little time left). */
  inconclusive(admission: Admission): void {
    if (admission.epoch === this.#epoch && this.#state === 'half-open') this.#probeOut = false;
  }

  failed(admission: Admission): void {
    if (admission.epoch !== this.#epoch) return;
    this.#fails += 1;
    if (this.#state === 'half-open' || this.#fails >= this.options.maxFails) {
      this.#openUntil = this.options.now() + this.options.openMs;
      this.#move('open');
    }
  }

  #move(to: BreakerState): void {
    const from = this.#state;
    this.#state = to;
    this.#epoch += 1;
    this.#probeOut = false;
    if (to === 'closed') this.#fails = 0;
    this.options.onChange?.(to, from);
  }
}

interface BreakerLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** What an operator reads: one warning when a Dashboard goes down, one line when it is back; the probes in between at debug. */
export function logBreakerChanges(log: BreakerLog, dashboard: string, openMs: number): BreakerOptions['onChange'] {
  const quietFor = `not asked for ${openMs / 1000} s, then one probe call`;
  return (to, from) => {
    if (from === 'closed') log.warn({ dashboard }, `Dashboard down: too many failed calls in a row; ${quietFor}`);
    else if (to === 'closed') log.info({ dashboard }, 'Dashboard back: the probe call succeeded');
    else if (to === 'open') log.debug({ dashboard }, `Dashboard still down: the probe call failed; ${quietFor}`);
  };
}
