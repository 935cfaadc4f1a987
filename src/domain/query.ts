// Query-string values.

import { InvalidInput } from './invalid.js';
import { quote } from './text.js';

const TRUE = new Set(['true', '1', 'yes', 'on', '']); // '' is a bare flag: `?enrich` means "on"
const FALSE = new Set(['false', '0', 'no', 'off']);

/**
 * A boolean query parameter: absent -> false; true/false/1/0/yes/no/on/off in any case; a bare `?name`
 * (empty value) -> true. Anything else, a repeated parameter included, is InvalidInput.
 */
export function parseBoolean(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value; // already coerced by a schema
  if (Array.isArray(value)) throw new InvalidInput(name, `query parameter "${name}" is given more than once`);
  if (typeof value === 'string') {
    const v = value.toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
  }
  const shown = typeof value === 'string' ? quote(value) : typeof value;
  throw new InvalidInput(name, `query parameter "${name}" must be one of true/false/1/0/yes/no/on/off, got ${shown}`);
}
