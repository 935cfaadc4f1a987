// Query-string values.

import type { DashboardChoice, DashboardId } from './dashboards.js';
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

/**
 * The `dashboard` query parameter: absent -> `outreach` (v1 clients get the answers they always had);
 * `outreach`, `wikiedu`, and where `all` is allowed (the user endpoints) `all`, lower case only. Empty,
 * repeated or anything else is InvalidInput.
 */
export function parseDashboard(value: unknown, allowAll: false): DashboardId;
export function parseDashboard(value: unknown, allowAll: boolean): DashboardChoice;
export function parseDashboard(value: unknown, allowAll: boolean): DashboardChoice {
  if (value === undefined || value === 'outreach') return 'outreach';
  if (value === 'wikiedu' || (allowAll && value === 'all')) return value;
  if (Array.isArray(value)) throw new InvalidInput('dashboard', 'query parameter "dashboard" is given more than once');
  const allowed = allowAll ? 'outreach, wikiedu or all' : 'outreach or wikiedu (all is for the /api/users/ endpoints only)';
  const shown = typeof value === 'string' ? quote(value) : typeof value;
  throw new InvalidInput('dashboard', `query parameter "dashboard" must be ${allowed}, got ${shown}`);
}
