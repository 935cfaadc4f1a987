// Organic courses (api-contract.md v1.2, "Which courses are current"): every course whose roster the
// service holds, read for any other answer, joins its Dashboard's index while its tracking window is open
// (badge-index.ts decides that from the course's details). Badges never read a roster themselves: this
// only keeps what the other answers' roster reads brought (reads/cached-dashboard.ts ReadObserver), so a
// replica holds the rosters it was asked about.

import type { CacheResult } from '../cache/types.js';
import type { OrganicRoster, Stamped } from '../domain/badge-sources.js';
import { foldForKey } from '../domain/keys.js';
import type { CourseRoster } from '../schemas/stored.js';
import { HeldEntries } from './held.js';

/** At most this many rosters per Dashboard (the open courses one service is asked about stay far fewer), within `maxBytes`. */
const MAX_ROSTERS = 5_000;

interface HeldRoster extends OrganicRoster {
  /** The course's end: its roster stops mattering once its tracking window has closed. */
  end: string | null;
}

export class OrganicRosters {
  readonly #held: HeldEntries<HeldRoster>;

  constructor(maxBytes: number) {
    this.#held = new HeldEntries<HeldRoster>({ maxEntries: MAX_ROSTERS, maxBytes }, (r) => (r.end === null ? Infinity : Date.parse(r.end)));
  }

  /** A roster read answered with `result`: held while its course has not ended; a course that is gone is let go. */
  record(result: CacheResult<CourseRoster>, now: number): void {
    const { data } = result;
    if (data === null) return;
    const key = foldForKey(data.slug);
    if (data.end !== null && Date.parse(data.end) < now) this.#held.remove(key);
    else this.#held.put(key, { fetched_at: result.fetched_at, data: { slug: data.slug, users: data.users, end: data.end } });
  }

  list(now: number): readonly Stamped<OrganicRoster>[] {
    return this.#held.list(now);
  }

  get bytes(): number {
    return this.#held.bytes;
  }
}
