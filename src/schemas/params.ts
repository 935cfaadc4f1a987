// Path parameters and query strings. The routes parse them with rules of their own (names, slugs,
// booleans, the Dashboard); these schemas document them.

import { Type } from 'typebox';
import { DASHBOARDS } from '../domain/dashboards.js';

const flag = (description: string) =>
  Type.Optional(Type.String({ description: `${description} (true/false/1/0/yes/no/on/off)` }));

const enrich = flag('Add dates, activity and staff per course');

/** `dashboard`: one of the Dashboards, and on the user endpoints also `all`. */
const dashboard = (withAll: boolean) =>
  Type.Optional(
    Type.Unsafe<string>({
      type: 'string',
      enum: withAll ? [...DASHBOARDS, 'all'] : [...DASHBOARDS],
      default: 'outreach',
      description:
        'Which Dashboard to ask: `outreach` (Programs & Events, the default) or `wikiedu` (Wiki Education)' +
        (withAll
          ? '; `all`: both at once, merged (Programs & Events first), with a `dashboards` map saying what each said.'
          : '. Slugs are per Dashboard: the same slug on each is a different course.') +
        ' Lower case, given once; anything else is a 400.',
    }),
  );

export const UserQuery = Type.Object({ enrich, dashboard: dashboard(true) });

export const ActiveStaffQuery = Type.Object({
  use_event_dates: flag('Use the event window (timeline_start..timeline_end) instead of the tracking window'),
  dashboard: dashboard(true),
});

export const UserStatusQuery = Type.Object({ dashboard: dashboard(true) });

export const CourseQuery = Type.Object({ enrich, dashboard: dashboard(false) });

export const UsernameParams = Type.Object({
  username: Type.String({
    description:
      'A username, percent-encoded; `_` and spaces are equivalent, and so are spellings that differ only in the case of the first letter. ' +
      'Canonicalised as MediaWiki does (NFC, bidi marks removed, first letter capitalised); a name MediaWiki refuses is a 400. ' +
      'One username is one person on both Dashboards (global accounts).',
  }),
});
