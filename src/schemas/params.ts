// Path parameters and query strings. The routes parse them with rules of their own (names, slugs,
// booleans); these schemas document them.

import { Type } from 'typebox';

const flag = (description: string) =>
  Type.Optional(Type.String({ description: `${description} (true/false/1/0/yes/no/on/off)` }));

export const EnrichQuery = Type.Object({ enrich: flag('Add dates, activity and staff per course') });

export const ActiveStaffQuery = Type.Object({
  use_event_dates: flag('Use the event window (timeline_start..timeline_end) instead of the tracking window'),
});

export const UsernameParams = Type.Object({
  username: Type.String({
    description:
      'A username, percent-encoded; `_` and spaces are equivalent, and so are spellings that differ only in the case of the first letter. ' +
      'Canonicalised as MediaWiki does (NFC, bidi marks removed, first letter capitalised); a name MediaWiki refuses is a 400.',
  }),
});
