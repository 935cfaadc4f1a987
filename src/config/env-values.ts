// The kinds of setting: how an environment variable's text is checked against its kind and bounds,
// converted once into the unit the Config holds (durations in ms, sizes in bytes), and written in
// README's settings table. A wrong value stops the start with a ConfigError that names the variable.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

export const MB = 1024 * 1024;

/** One environment variable, as settings.ts lists it. */
export interface Setting<T> {
  /** Its value in `env` (the default when unset or blank), or a ConfigError naming `name`. */
  read(env: Env, name: string): T;
  /** For README: the default as set in the environment, or what happens while it is unset. */
  readonly shownDefault: string;
  /** For README: the values it takes, with their unit. */
  readonly allowed: string;
  readonly meaning: string;
}

/** How one kind of value is read from text (`E`, in the environment's unit) and held (`T`, in the Config's). */
export interface Kind<E, T> {
  parse(text: string, name: string): E;
  convert(value: E): T;
  show(value: E): string;
  allowed: string;
  /** Taken as set, spaces and all (a secret); other values are trimmed. */
  verbatim?: boolean;
}

/** A setting of `kind` with a default, or with what happens while it is unset (then read as undefined). */
export function setting<E, T>(kind: Kind<E, T>, spec: { default: E; meaning: string; shown?: string }): Setting<T>;
export function setting<E, T>(kind: Kind<E, T>, spec: { unset: string; meaning: string }): Setting<T | undefined>;
export function setting<E, T>(kind: Kind<E, T>, spec: { default?: E; unset?: string; meaning: string; shown?: string }): Setting<T | undefined> {
  const fallback = spec.default === undefined ? undefined : kind.convert(spec.default);
  return {
    read(env, name) {
      const text = kind.verbatim ? env[name] : raw(env, name);
      return text === undefined ? fallback : kind.convert(kind.parse(text, name));
    },
    shownDefault: spec.shown ?? (spec.default === undefined ? (spec.unset ?? '') : kind.show(spec.default)),
    allowed: kind.allowed,
    meaning: spec.meaning,
  };
}

function raw(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

const code = (value: unknown): string => `\`${String(value)}\``;
const same = <T>(value: T): T => value;

function inRange(n: number, name: string, min: number, max: number, unit = ''): number {
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}${unit}, got ${n}`);
  return n;
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new ConfigError(name, `expected a whole number, got "${text}"`);
  return inRange(Number(text), name, min, max);
}

export function integer(min: number, max: number): Kind<number, number> {
  return { parse: (text, name) => wholeNumber(name, text, min, max), convert: same, show: code, allowed: `${min}–${max}` };
}

/** Whole milliseconds (held as they are: the Config's unit). */
export function milliseconds(min: number, max: number): Kind<number, number> {
  return { ...integer(min, max), allowed: `${min}–${max} ms` };
}

/** Whole megabytes, held in bytes. */
export function megabytes(min: number, max: number): Kind<number, number> {
  return { parse: (text, name) => wholeNumber(name, text, min, max), convert: (mb) => mb * MB, show: code, allowed: `${min}–${max} MB` };
}

const DURATIONS: readonly [seconds: number, unit: string][] = [
  [86_400, 'days'],
  [3600, 'h'],
  [60, 'min'],
];

/** A whole number of days, hours or minutes, said so (" (7 days)"), or "". */
function inWords(s: number): string {
  const [size, unit] = DURATIONS.find(([size]) => s >= size && s % size === 0) ?? [];
  if (size === undefined) return '';
  const n = s / size;
  return ` (${n} ${n === 1 && unit === 'days' ? 'day' : unit})`;
}

/** Seconds, decimals allowed; held in ms. */
export function seconds(min: number, max: number): Kind<number, number> {
  return {
    parse(text, name) {
      if (!/^\d+(\.\d+)?$/.test(text)) throw new ConfigError(name, `expected a number of seconds, got "${text}"`);
      return inRange(Number(text), name, min, max, ' seconds');
    },
    convert: (s) => Math.round(s * 1000),
    show: (s) => code(s) + inWords(s),
    allowed: `${min}–${max} s${inWords(max)}`,
  };
}

/** A rate per second, decimals allowed. */
export function perSecond(min: number, max: number): Kind<number, number> {
  return {
    parse(text, name) {
      if (!/^\d+(\.\d+)?$/.test(text)) throw new ConfigError(name, `expected a number per second such as 5 or 0.5, got "${text}"`);
      return inRange(Number(text), name, min, max, ' per second');
    },
    convert: same,
    show: code,
    allowed: `${min}–${max} /s`,
  };
}

export function fraction(min: number, max: number): Kind<number, number> {
  return {
    parse(text, name) {
      if (!/^(0|1)?(\.\d+)?$/.test(text) || text === '.') throw new ConfigError(name, `expected a fraction such as 0.25, got "${text}"`);
      return inRange(Number(text), name, min, max);
    },
    convert: same,
    show: code,
    allowed: `${min}–${max}`,
  };
}

function url(text: string, name: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new ConfigError(name, `not a URL: "${text}"`);
  }
}

/** An http(s) origin with an optional path, held without a trailing slash. */
export const httpUrl: Kind<string, string> = {
  parse(text, name) {
    const u = url(text, name);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(name, `must be http(s), got "${text}"`);
    if (u.search || u.hash) throw new ConfigError(name, `must not have a query or fragment: "${text}"`);
    return u.origin + u.pathname.replace(/\/+$/, '');
  },
  convert: same,
  show: code,
  allowed: 'an http(s) URL without query or fragment',
};

export const redisUrl: Kind<string, string> = {
  parse(text, name) {
    const u = url(text, name);
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new ConfigError(name, `must start with redis:// or rediss://, got "${u.protocol}"`);
    return text;
  },
  convert: same,
  show: code,
  allowed: 'a `redis://` or `rediss://` URL',
};

// What an HTTP header value may hold (RFC 9110 field-vchar and spaces): anything else would make every
// upstream call fail, which would look like a Dashboard outage.
const HEADER_VALUE = /^[\t\x20-\x7E\x80-\xFF]+$/;

/** A value that may stand in an HTTP header (the User-Agent). */
export const headerValue: Kind<string, string> = {
  parse(text, name) {
    if (!HEADER_VALUE.test(text)) {
      throw new ConfigError(name, 'must be a valid HTTP header value: printable Latin-1 characters, no line breaks or other control characters');
    }
    return text;
  },
  convert: same,
  show: code,
  allowed: 'printable Latin-1 text',
};

export const text: Kind<string, string> = { parse: same, convert: same, show: code, allowed: 'text' };

/** Text taken exactly as set (a secret), spaces included. */
export const verbatim: Kind<string, string> = { ...text, verbatim: true };

/** A comma-separated list of values that each pass `check` (spaces around them ignored; empty: none). */
export function listOf(check: (value: string) => boolean, what: string): Kind<string[], string[]> {
  return {
    parse(text, name) {
      const values = text.split(',').map((v) => v.trim()).filter((v) => v !== '');
      const bad = values.find((v) => !check(v));
      if (bad !== undefined) throw new ConfigError(name, `expected comma-separated ${what}, got "${bad}"`);
      return [...new Set(values)];
    },
    convert: same,
    show: (values) => (values.length === 0 ? 'empty' : code(values.join(','))),
    allowed: `comma-separated ${what}`,
  };
}

export function oneOf<V extends string>(values: readonly V[]): Kind<V, V> {
  return {
    parse(text, name) {
      if (!(values as readonly string[]).includes(text)) throw new ConfigError(name, `one of ${values.join(', ')}, got "${text}"`);
      return text as V;
    },
    convert: same,
    show: code,
    allowed: values.map(code).join(', '),
  };
}
