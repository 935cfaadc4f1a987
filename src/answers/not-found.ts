// The Dashboard says the user or course does not exist (possibly from a cached negative entry).

import type { Freshness } from '../cache/types.js';

export class NotFound extends Error {
  constructor(
    readonly what: 'user' | 'course',
    readonly id: string,
    /** Until when that stays true, when known: an answer for both Dashboards that shows only the other one's courses is true no longer. */
    readonly freshness?: Freshness,
    /** Said by both Dashboards (`dashboard=all`). */
    both = false,
  ) {
    super(`${both ? 'neither Dashboard has a' : 'the Dashboard has no'} ${what} ${JSON.stringify(id)}`);
    this.name = 'NotFound';
  }
}
