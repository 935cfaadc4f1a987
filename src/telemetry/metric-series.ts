// Counters and histograms counted in plain numbers and written in Prometheus' text format only when
// /metrics is scraped. prom-client's inc() and observe() build a key from the labels and check them
// on every call, pre-bound children (`counter.labels(...)`) included: a warm answer's three samples
// cost 0.9 µs that way against 0.06 µs here, 5-7 % of its CPU (BENCHMARKS.md). Here a sample is a
// Map lookup per label value.

/** Label values as Prometheus' text format quotes them. */
function escapeLabel(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function labelText(names: readonly string[], values: readonly (string | number)[]): string {
  return names.map((name, i) => `${name}="${escapeLabel(String(values[i] ?? ''))}"`).join(',');
}

/** Label values as given: strings, or numbers (statuses) turned into text only when rendered. */
type LabelValue = string | number;

/** One level of tallies per label; the last level holds the tallies. */
type Level<T> = Map<LabelValue, Level<T> | T>;

abstract class Series<T> {
  readonly #root: Level<T> = new Map();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    private readonly type: 'counter' | 'histogram',
  ) {}

  /** The tally of these label values (one per label name), created by `create` the first time. */
  protected tally(values: readonly LabelValue[], create: () => T): T {
    // A map per label, so a sample costs lookups of values the caller already holds, never a new key string.
    let level = this.#root;
    for (let i = 0; i < values.length - 1; i++) {
      const value = values[i] as LabelValue;
      let next = level.get(value) as Level<T> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const last = values[values.length - 1] as LabelValue;
    let found = level.get(last) as T | undefined;
    if (found === undefined) {
      found = create();
      level.set(last, found);
    }
    return found;
  }

  /** Every tally with its label values, depth first. */
  *#tallies(level: Level<T>, depth: number, values: LabelValue[]): Generator<[LabelValue[], T]> {
    for (const [value, next] of level) {
      const path = [...values, value];
      if (depth === this.labelNames.length - 1) yield [path, next as T];
      else yield* this.#tallies(next as Level<T>, depth + 1, path);
    }
  }

  /** The series in the text exposition format, HELP and TYPE first. */
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    for (const [values, tally] of this.#tallies(this.#root, 0, [])) this.lines(lines, labelText(this.labelNames, values), tally);
    return lines.join('\n');
  }

  protected abstract lines(out: string[], labels: string, tally: T): void;
}

export class CounterSeries extends Series<{ n: number }> {
  constructor(name: string, help: string, labelNames: readonly string[]) {
    super(name, help, labelNames, 'counter');
  }

  inc(...labelValues: LabelValue[]): void {
    this.tally(labelValues, () => ({ n: 0 })).n++;
  }

  protected lines(out: string[], labels: string, { n }: { n: number }): void {
    out.push(`${this.name}{${labels}} ${n}`);
  }
}

interface HistogramTally {
  /** Observations per bucket (not cumulative), the last one above every bound. */
  counts: number[];
  sum: number;
}

export class HistogramSeries extends Series<HistogramTally> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    private readonly buckets: readonly number[],
  ) {
    super(name, help, labelNames, 'histogram');
  }

  observe(value: number, ...labelValues: LabelValue[]): void {
    const tally = this.tally(labelValues, () => ({ counts: new Array<number>(this.buckets.length + 1).fill(0), sum: 0 }));
    let i = 0;
    while (i < this.buckets.length && value > (this.buckets[i] ?? Infinity)) i++;
    tally.counts[i] = (tally.counts[i] ?? 0) + 1;
    tally.sum += value;
  }

  protected lines(out: string[], labels: string, { counts, sum }: HistogramTally): void {
    let cumulative = 0;
    counts.forEach((count, i) => {
      cumulative += count;
      const le = i < this.buckets.length ? String(this.buckets[i]) : '+Inf';
      out.push(`${this.name}_bucket{le="${le}",${labels}} ${cumulative}`);
    });
    out.push(`${this.name}_sum{${labels}} ${sum}`, `${this.name}_count{${labels}} ${cumulative}`);
  }
}
