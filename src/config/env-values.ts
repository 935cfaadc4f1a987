// Typed readers of environment variables: each returns the variable's value checked against its
// kind and range (or the default when it is unset or blank), or stops the start with a ConfigError that
// names the variable.

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

export function raw(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = raw(env, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new ConfigError(name, `expected a whole number, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function seconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = raw(env, name);
  if (v === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(v)) throw new ConfigError(name, `expected a number of seconds, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} seconds, got ${n}`);
  return n;
}

export function fraction(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = raw(env, name);
  if (v === undefined) return fallback;
  if (!/^(0|1)?(\.\d+)?$/.test(v) || v === '.') throw new ConfigError(name, `expected a fraction such as 0.25, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

export const ms = (secondsValue: number): number => Math.round(secondsValue * 1000);
export const MB = 1024 * 1024;

export function httpUrl(env: Env, name: string, fallback: string): string {
  const v = raw(env, name) ?? fallback;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(name, `not a URL: "${v}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(name, `must be http(s), got "${v}"`);
  if (u.search || u.hash) throw new ConfigError(name, `must not have a query or fragment: "${v}"`);
  return u.origin + u.pathname.replace(/\/+$/, '');
}

// What an HTTP header value may hold (RFC 9110 field-vchar and spaces): anything else would make every
// upstream call fail, which would look like a Dashboard outage.
const HEADER_VALUE = /^[\t\x20-\x7E\x80-\xFF]+$/;

/** A value that may stand in an HTTP header (the User-Agent). */
export function headerValue(env: Env, name: string, fallback: string): string {
  const v = raw(env, name) ?? fallback;
  if (!HEADER_VALUE.test(v)) {
    throw new ConfigError(name, 'must be a valid HTTP header value: printable Latin-1 characters, no line breaks or other control characters');
  }
  return v;
}
