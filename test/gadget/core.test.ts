// The gadget's pure helpers in Node, without a browser: configuration, URLs, answer normalisation,
// ping templates, page detection, messages and dates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCore, type Util } from './support/core.js';

const core = loadCore();

/** An mw.config.get over a plain object: null for a missing key, as MediaWiki does. */
const configOf = (values: Record<string, unknown>) => (key: string) => (key in values ? values[key] : null);

const util: Util = { isIPAddress: (name) => /^\d+\.\d+\.\d+\.\d+$|:/.test(name) };

describe('readConfig', () => {
  const DEFAULTS = {
    apiBase: 'https://outreach.toolforge.org',
    dashboardBase: 'https://outreachdashboard.wmflabs.org',
    useEventDates: false,
  };

  it('has defaults', () => {
    assert.deepEqual(core.readConfig(undefined, configOf({})), DEFAULTS);
  });

  it('takes mw.config keys, and window.courseStaffConfig over them, setting by setting', () => {
    const mwConfig = configOf({
      wgCourseStaffApiBase: 'https://site.example/',
      wgCourseStaffDashboardBase: 'https://dash.example',
      wgCourseStaffUseEventDates: true,
    });
    assert.deepEqual(core.readConfig({ apiBase: 'https://own.example//' }, mwConfig), {
      apiBase: 'https://own.example',
      dashboardBase: 'https://dash.example',
      useEventDates: true,
    });
    assert.equal(core.readConfig({ useEventDates: false }, mwConfig).useEventDates, false);
  });

  it('treats empty values as unset and reads booleans written as strings', () => {
    assert.deepEqual(core.readConfig({ apiBase: '', dashboardBase: null }, configOf({ wgCourseStaffApiBase: '' })), DEFAULTS);
    assert.equal(core.readConfig({ useEventDates: 'true' }, configOf({})).useEventDates, true);
    assert.equal(core.readConfig({ useEventDates: 'false' }, configOf({})).useEventDates, false);
    assert.equal(core.readConfig({}, configOf({ wgCourseStaffUseEventDates: '1' })).useEventDates, true);
  });

  it('ignores a global that is not an object', () => {
    assert.deepEqual(core.readConfig('https://x.example', configOf({})), DEFAULTS);
  });
});

describe('URLs and the cache key', () => {
  const config = core.readConfig({ apiBase: 'https://api.example', dashboardBase: 'https://dash.example' }, configOf({}));

  it('asks the active-staff endpoint with the name encoded, event dates only when set', () => {
    assert.equal(core.apiUrl(config, 'Émilie Dupont'), 'https://api.example/api/users/%C3%89milie%20Dupont/active-staff');
    assert.equal(
      core.apiUrl({ ...config, useEventDates: true }, 'C++ Fan'),
      'https://api.example/api/users/C%2B%2B%20Fan/active-staff?use_event_dates=true',
    );
  });

  it('encodes each slug segment and the profile name', () => {
    assert.equal(
      core.courseUrl(config, 'Université_de_Montréal/Histoire (2026)'),
      'https://dash.example/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire%20(2026)',
    );
    assert.equal(core.profileUrl(config, '100% Wiki'), 'https://dash.example/users/100%25%20Wiki');
  });

  it('keys the cache by every setting that changes the answer', () => {
    const keys = new Set([
      core.cacheKey(config, 'A'),
      core.cacheKey(config, 'B'),
      core.cacheKey({ ...config, useEventDates: true }, 'A'),
      core.cacheKey({ ...config, apiBase: 'https://other.example' }, 'A'),
    ]);
    assert.equal(keys.size, 4);
    for (const k of keys) assert.match(k, /^mw-coursestaff-v1:/);
  });
});

describe('normalise', () => {
  it('keeps the shown fields as strings and drops courses without a slug', () => {
    const result = core.normalise({
      all_staff: ['Ann', null, 7, ''],
      courses: [
        {
          course_slug: 'A/B',
          course_title: 'Course',
          course_school: 'School',
          course_term: null,
          user_role: 'Student',
          staff: ['Ann', ''],
          start: '2026-01-01T00:00:00Z',
          end: null,
          timeline_start: '',
          extra: { big: 'x'.repeat(10) },
        },
        { course_title: 'no slug' },
        null,
        'garbage',
      ],
    });
    assert.deepEqual(result, {
      allStaff: ['Ann', '7'],
      courses: [
        {
          slug: 'A/B',
          title: 'Course',
          school: 'School',
          term: '',
          role: 'Student',
          staff: ['Ann'],
          start: '2026-01-01T00:00:00Z',
          end: null,
          timelineStart: null,
          timelineEnd: null,
        },
      ],
    });
  });

  it('titles a course by its slug when it has no title', () => {
    assert.equal(core.normalise({ courses: [{ course_slug: 'X/Y' }] }).courses[0]?.title, 'X/Y');
  });

  for (const garbage of [null, undefined, 'text', 42, [], { courses: 'no' }, { all_staff: {} }]) {
    it(`gives an empty answer for ${JSON.stringify(garbage)}`, () => {
      assert.deepEqual(core.normalise(garbage), { courses: [], allStaff: [] });
    });
  }
});

describe('pingTemplates', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `User ${i + 1}`);

  it('names everyone in one template, underscores as spaces', () => {
    assert.deepEqual(core.pingTemplates(['Ann_Lee', 'Bo']), ['{{ping|Ann Lee|Bo}}']);
  });

  it('splits at 50 names per template', () => {
    const t = core.pingTemplates(names(101));
    assert.equal(core.MAX_PINGS_PER_EDIT, 50);
    assert.deepEqual(t.map((x) => x.split('|').length - 1), [50, 50, 1]);
    assert.equal(t[2], '{{ping|User 101}}');
    assert.deepEqual(core.pingTemplates(names(50)).length, 1);
  });

  it('numbers every parameter of a template holding a name with "=", and only that template', () => {
    const list = [...names(50), 'A=B', 'C'];
    const t = core.pingTemplates(list);
    assert.equal(t[0], `{{ping|${names(50).join('|')}}}`);
    assert.equal(t[1], '{{ping|1=A=B|2=C}}');
  });

  it('gives nothing for nobody', () => {
    assert.deepEqual(core.pingTemplates([]), []);
  });

  it('writes a template without parameters as {{name}}', () => {
    assert.equal(core.template('ping', []), '{{ping}}');
  });
});

describe('pageUser', () => {
  const page = (ns: number, user: unknown, special: string | false = false) =>
    configOf({ wgNamespaceNumber: ns, wgRelevantUserName: user, wgCanonicalSpecialPageName: special });

  for (const [what, getConfig] of [
    ['a user page', page(2, 'Ann')],
    ['a user talk page', page(3, 'Ann')],
    ['Special:Contributions', page(-1, 'Ann', 'Contributions')],
    ['Special:DeletedContributions', page(-1, 'Ann', 'DeletedContributions')],
  ] as const) {
    it(`is the relevant user on ${what}`, () => {
      assert.equal(core.pageUser(getConfig, util), 'Ann');
    });
  }

  for (const [what, getConfig] of [
    ['an article', page(0, null)],
    ['an article with a relevant user', page(0, 'Ann')],
    ['another special page', page(-1, 'Ann', 'Block')],
    ['a user page without relevant user (no such account)', page(2, null)],
    ['an IPv4 address', page(2, '192.0.2.7')],
    ['an IPv6 address', page(-1, '2001:db8::7', 'Contributions')],
    ['a temporary account', page(2, '~2026-12345-6')],
  ] as const) {
    it(`is null on ${what}`, () => {
      assert.equal(core.pageUser(getConfig, util), null);
    });
  }

  it("uses the core's temporary-account check where it has one", () => {
    const withHelper: Util = { ...util, isTemporaryUser: (n) => n.startsWith('*') };
    assert.equal(core.pageUser(page(2, '*2026-1'), withHelper), null);
    assert.equal(core.pageUser(page(2, 'Ann'), withHelper), 'Ann');
  });
});

describe('messagesFor', () => {
  const all = {
    en: { a: 'A', b: 'B', c: 'C' },
    de: { a: 'A-de', b: 'B-de' },
    'de-at': { a: 'A-at' },
  };

  it('falls back from the variant to its language to English, message by message', () => {
    assert.deepEqual(core.messagesFor(all, 'de-at'), { a: 'A-at', b: 'B-de', c: 'C' });
    assert.deepEqual(core.messagesFor(all, 'de-ch'), { a: 'A-de', b: 'B-de', c: 'C' });
    assert.deepEqual(core.messagesFor(all, 'DE'), { a: 'A-de', b: 'B-de', c: 'C' });
  });

  it('is English for an unknown or missing language', () => {
    assert.deepEqual(core.messagesFor(all, 'fr'), all.en);
    assert.deepEqual(core.messagesFor(all, null), all.en);
  });

  it('does not change the messages it was given', () => {
    core.messagesFor(all, 'de');
    assert.equal(all.en.a, 'A');
  });
});

describe('formatDate', () => {
  it('shows a day for people, in UTC', () => {
    assert.equal(core.formatDate('2026-11-22T23:30:00Z', 'en'), 'Nov 22, 2026');
    assert.equal(core.formatDate('2026-11-22T00:00:00Z', 'de'), '22. Nov. 2026');
  });

  it('falls back to English for a language code that is no valid tag, and keeps non-dates as they are', () => {
    assert.equal(core.formatDate('2026-11-22T00:00:00Z', 'x_invalid!'), 'Nov 22, 2026');
    assert.equal(core.formatDate('soon', 'en'), 'soon');
  });
});
