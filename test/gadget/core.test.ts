// The gadget's pure helpers in Node, without a browser: configuration (the Dashboards' default by
// wiki included), URLs, answer normalisation for both Dashboards, profile links, cache lifetimes,
// ping templates, page detection, role names and dates. Languages: languages.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { courseUrl as serviceCourseUrl } from '../../src/dashboard/paths.js';
import { roleFromLabel } from '../../src/domain/roles.js';
import { loadCore, type Util } from './support/core.js';

const core = loadCore();

/** An mw.config.get over a plain object: null for a missing key, as MediaWiki does. */
const configOf = (values: Record<string, unknown>) => (key: string) => (key in values ? values[key] : null);

const util: Util = { isIPAddress: (name) => /^\d+\.\d+\.\d+\.\d+$|:/.test(name) };

/** readConfig, with the warnings it gave. */
function read(globalConfig: unknown, getConfig: (key: string) => unknown) {
  const warnings: string[] = [];
  const config = core.readConfig(globalConfig, getConfig, (m) => warnings.push(m));
  return { config, warnings };
}

describe('readConfig', () => {
  const DEFAULTS = {
    apiBase: 'https://outreach.toolforge.org',
    dashboards: 'outreach',
    outreachBase: 'https://outreachdashboard.wmflabs.org',
    wikieduBase: 'https://dashboard.wikiedu.org',
    useEventDates: false,
    badges: true,
  };

  it('has defaults, and warns about nothing', () => {
    assert.deepEqual(read(undefined, configOf({})), { config: DEFAULTS, warnings: [] });
  });

  it('asks both Dashboards by default on English Wikipedia only', () => {
    assert.equal(read(undefined, configOf({ wgDBname: 'enwiki' })).config.dashboards, 'all');
    for (const other of ['dewiki', 'enwikibooks', 'simplewiki', 'testwiki', 'my_wiki', 'ENWIKI']) {
      assert.equal(read(undefined, configOf({ wgDBname: other })).config.dashboards, 'outreach', other);
    }
  });

  it('takes mw.config keys, and window.courseStaffConfig over them, setting by setting', () => {
    const mwConfig = configOf({
      wgDBname: 'enwiki',
      wgCourseStaffApiBase: 'https://site.example/',
      wgCourseStaffDashboards: 'outreach',
      wgCourseStaffOutreachBase: 'https://dash.example',
      wgCourseStaffWikieduBase: 'https://edu.example/',
      wgCourseStaffUseEventDates: true,
      wgCourseStaffBadges: false,
    });
    assert.deepEqual(read({ apiBase: 'https://own.example//', dashboards: 'wikiedu' }, mwConfig), {
      config: {
        apiBase: 'https://own.example',
        dashboards: 'wikiedu',
        outreachBase: 'https://dash.example',
        wikieduBase: 'https://edu.example',
        useEventDates: true,
        badges: false,
      },
      warnings: [],
    });
    // A reader may turn badges back on where the wiki turned them off.
    assert.equal(read({ badges: true }, mwConfig).config.badges, true);
    // A wiki's own choice wins over the default by wiki.
    assert.equal(read({}, mwConfig).config.dashboards, 'outreach');
    assert.equal(read({ useEventDates: false }, mwConfig).config.useEventDates, false);
  });

  it('passes over a Dashboard choice it does not know, with one warning naming it, the values and the outcome', () => {
    const enwiki = configOf({ wgDBname: 'enwiki' });
    const bad = read({ dashboards: 'wikied' }, enwiki);
    assert.equal(bad.config.dashboards, 'all');
    assert.deepEqual(bad.warnings, ['window.courseStaffConfig.dashboards: "wikied" is not one of outreach, wikiedu, all; using "all"']);
    // The site's value, when valid, is what an unusable reader's value falls back to.
    const site = read({ dashboards: 'All' }, configOf({ wgDBname: 'enwiki', wgCourseStaffDashboards: 'wikiedu' }));
    assert.equal(site.config.dashboards, 'wikiedu');
    assert.equal(site.warnings.length, 1);
    const siteBad = read(undefined, configOf({ wgCourseStaffDashboards: ['all'] }));
    assert.deepEqual(siteBad, {
      config: DEFAULTS,
      warnings: ['wgCourseStaffDashboards: ["all"] is not one of outreach, wikiedu, all; using "outreach"'],
    });
  });

  it('treats empty values as unset and reads booleans written as strings', () => {
    const { config, warnings } = read({ apiBase: '', outreachBase: null, dashboards: '' }, configOf({ wgCourseStaffApiBase: '' }));
    assert.deepEqual(config, DEFAULTS);
    assert.deepEqual(warnings, []);
    assert.equal(read({ useEventDates: 'true' }, configOf({})).config.useEventDates, true);
    assert.equal(read({ useEventDates: 'false' }, configOf({})).config.useEventDates, false);
    assert.equal(read({}, configOf({ wgCourseStaffUseEventDates: '1' })).config.useEventDates, true);
  });

  it('reads the badges setting as a boolean, and passes over anything else with a warning', () => {
    for (const [value, expected] of [[false, false], ['false', false], [0, false], ['0', false], [true, true], ['true', true], [1, true]] as const) {
      assert.deepEqual(read({ badges: value }, configOf({})), { config: { ...DEFAULTS, badges: expected }, warnings: [] }, String(value));
    }
    assert.deepEqual(read({ badges: 'no' }, configOf({ wgCourseStaffBadges: 'false' })), {
      config: { ...DEFAULTS, badges: false },
      warnings: ['window.courseStaffConfig.badges: "no" is not one of true, false; using false'],
    });
    assert.deepEqual(read(undefined, configOf({ wgCourseStaffBadges: {} })).warnings, [
      'wgCourseStaffBadges: {} is not one of true, false; using true',
    ]);
  });

  it('ignores a global that is not an object', () => {
    assert.deepEqual(read('https://x.example', configOf({})).config, DEFAULTS);
  });
});

describe('URLs and the cache key', () => {
  const config = read(
    { apiBase: 'https://api.example', outreachBase: 'https://dash.example', wikieduBase: 'https://edu.example' },
    configOf({}),
  ).config;

  it('asks the active-staff endpoint with the name encoded, the Dashboards unless Programs & Events alone, event dates only when set', () => {
    assert.equal(core.apiUrl(config, 'Émilie Dupont'), 'https://api.example/api/users/%C3%89milie%20Dupont/active-staff');
    assert.equal(
      core.apiUrl({ ...config, useEventDates: true }, 'C++ Fan'),
      'https://api.example/api/users/C%2B%2B%20Fan/active-staff?use_event_dates=true',
    );
    assert.equal(core.apiUrl({ ...config, dashboards: 'all' }, 'Noor Haddad'), 'https://api.example/api/users/Noor%20Haddad/active-staff?dashboard=all');
    assert.equal(
      core.apiUrl({ ...config, dashboards: 'wikiedu', useEventDates: true }, 'A&B'),
      'https://api.example/api/users/A%26B/active-staff?dashboard=wikiedu&use_event_dates=true',
    );
  });

  it("builds course and profile links on each Dashboard's base, each slug segment and the name encoded", () => {
    assert.equal(
      core.courseUrl(config, 'outreach', 'Université_de_Montréal/Histoire (2026)'),
      'https://dash.example/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire%20(2026)',
    );
    assert.equal(core.courseUrl(config, 'wikiedu', 'A/B/C'), 'https://edu.example/courses/A/B/C');
    assert.equal(core.profileUrl(config, 'outreach', '100% Wiki'), 'https://dash.example/users/100%25%20Wiki');
    assert.equal(core.profileUrl(config, 'wikiedu', 'Sage (Wiki Ed)'), 'https://edu.example/users/Sage%20(Wiki%20Ed)');
  });

  it("writes a course's link as the service does, whatever the slug holds", () => {
    const slugs = [
      'Université_de_Montréal/Histoire_des_sciences_(Automne_2026)',
      "St._Mary's_College,_Lagos/Wikidata_101",
      'A$B&C+D,E:F;G=H@I/J!K*L~M',
      'Wiki Club/Berlin/Spring Sprint',
      'Percent%20and#hash?query/Slash\\back',
      '日本語/コース',
      'Lone \uD800 high/and \uDC00 low/\uDC00\uDC00/😀 pair',
    ];
    for (const slug of slugs) {
      assert.equal(core.courseUrl(config, 'outreach', slug), serviceCourseUrl('https://dash.example', slug), slug);
    }
  });

  it('keys the cache by every setting and the user', () => {
    const variants: Array<Partial<typeof config>> = [
      {},
      { useEventDates: true },
      { apiBase: 'https://other.example' },
      { dashboards: 'all' },
      { dashboards: 'wikiedu' },
      { outreachBase: 'https://o.example' },
      { wikieduBase: 'https://w.example' },
    ];
    // Badges do not change the tab's answer.
    assert.equal(core.cacheKey({ ...config, badges: false }, 'A'), core.cacheKey(config, 'A'));
    const keys = new Set([...variants.map((v) => core.cacheKey({ ...config, ...v }, 'A')), core.cacheKey(config, 'B')]);
    assert.equal(keys.size, variants.length + 1);
    for (const k of keys) assert.match(k, /^mw-coursestaff-v2:/);
    assert.equal(core.cacheKey({ ...config }, 'A'), core.cacheKey(config, 'A'));
  });
});

describe('normalise', () => {
  const config = read(
    { outreachBase: 'https://dash.example', wikieduBase: 'https://edu.example', dashboards: 'all' },
    configOf({}),
  ).config;
  const course = (fields: Record<string, unknown>) => ({ course_title: 'T', staff: [], ...fields });

  it('keeps the shown fields as strings and drops courses without a slug', () => {
    const result = core.normalise(
      {
        all_staff: ['Ann', null, 7, ''],
        courses: [
          {
            course_slug: 'A/B',
            course_title: 'Course',
            course_school: 'School',
            course_term: null,
            user_role: 'Student',
            dashboard: 'outreach',
            course_url: 'https://dash.example/courses/A/B',
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
      },
      { ...config, dashboards: 'outreach' },
      'Ann',
    );
    assert.deepEqual(result, {
      allStaff: ['Ann', '7'],
      courses: [
        {
          dashboard: 'outreach',
          slug: 'A/B',
          url: 'https://dash.example/courses/A/B',
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
      profiles: [{ dashboard: 'outreach', url: 'https://dash.example/users/Ann' }],
      unreachable: [],
      partial: false,
    });
  });

  it("takes both Dashboards' courses of an `all` answer, each linked to its course_url, and a profile on each Dashboard the user is on", () => {
    const result = core.normalise(
      {
        username: 'Noor Haddad',
        all_staff: ['Levant Host', 'Prof Ada Lindqvist'],
        courses: [
          course({ course_slug: 'Levant/Sprint', dashboard: 'outreach', course_url: 'http://127.0.0.1:1/courses/Levant/Sprint' }),
          course({ course_slug: 'Riverside/Env', dashboard: 'wikiedu', course_url: 'http://127.0.0.1:2/courses/Riverside/Env' }),
        ],
        dashboards: { outreach: 'ok', wikiedu: 'ok' },
      },
      config,
      'Noor Haddad',
    );
    assert.deepEqual(result.courses.map((c) => [c.dashboard, c.url]), [
      ['outreach', 'http://127.0.0.1:1/courses/Levant/Sprint'],
      ['wikiedu', 'http://127.0.0.1:2/courses/Riverside/Env'],
    ]);
    assert.deepEqual(result.profiles, [
      { dashboard: 'outreach', url: 'https://dash.example/users/Noor%20Haddad' },
      { dashboard: 'wikiedu', url: 'https://edu.example/users/Noor%20Haddad' },
    ]);
    assert.deepEqual([result.unreachable, result.partial], [[], false]);
  });

  it('links a profile where the user is known without an active course, and none where unknown', () => {
    const result = core.normalise(
      { courses: [course({ course_slug: 'R/E', dashboard: 'wikiedu' })], dashboards: { outreach: 'ok', wikiedu: 'ok' } },
      config,
      'Taylor',
    );
    assert.deepEqual(result.profiles.map((p) => p.dashboard), ['outreach', 'wikiedu']);
    const wikieduOnly = core.normalise(
      { courses: [course({ course_slug: 'R/E', dashboard: 'wikiedu' })], dashboards: { outreach: 'not_found', wikiedu: 'ok' } },
      config,
      'Taylor',
    );
    assert.deepEqual(wikieduOnly.profiles, [{ dashboard: 'wikiedu', url: 'https://edu.example/users/Taylor' }]);
  });

  it('names a Dashboard that failed, marks the answer partial, and links no profile there', () => {
    const result = core.normalise(
      {
        courses: [course({ course_slug: 'L/S', dashboard: 'outreach' })],
        dashboards: { outreach: 'ok', wikiedu: 'error' },
        partial: true,
      },
      config,
      'Noor',
    );
    assert.deepEqual(result.unreachable, ['wikiedu']);
    assert.equal(result.partial, true);
    assert.deepEqual(result.profiles.map((p) => p.dashboard), ['outreach']);
    // The service marks such an answer partial; without the flag the failed Dashboard still counts.
    assert.equal(core.normalise({ dashboards: { outreach: 'error', wikiedu: 'ok' } }, config, 'N').partial, true);
    assert.equal(core.normalise({ courses: [], partial: true }, config, 'N').partial, true);
  });

  it("puts a course without a Dashboard (a v1 service) on the one asked, and links it on that Dashboard's base", () => {
    const v1 = { courses: [course({ course_slug: 'A/B' })] };
    for (const [dashboards, dashboard, url] of [
      ['outreach', 'outreach', 'https://dash.example/courses/A/B'],
      ['wikiedu', 'wikiedu', 'https://edu.example/courses/A/B'],
      ['all', 'outreach', 'https://dash.example/courses/A/B'],
    ] as const) {
      const result = core.normalise(v1, { ...config, dashboards }, 'N');
      assert.deepEqual(result.courses.map((c) => [c.dashboard, c.url]), [[dashboard, url]], dashboards);
      assert.deepEqual(result.profiles.map((p) => p.dashboard), [dashboard]);
    }
  });

  it('links only web addresses: another course_url, or an unknown Dashboard, falls back to a link built here', () => {
    const result = core.normalise(
      {
        courses: [
          course({ course_slug: 'A/B', dashboard: 'wikiedu', course_url: 'javascript:alert(1)' }),
          course({ course_slug: 'C/D', dashboard: 'wikiedu', course_url: ['https://x.example/'] }),
          course({ course_slug: 'E/F', dashboard: 'elsewhere', course_url: 'HTTPS://dash.example/courses/E/F' }),
        ],
        dashboards: { outreach: 'maybe', wikiedu: 42 },
      },
      config,
      'N',
    );
    assert.deepEqual(result.courses.map((c) => [c.dashboard, c.url]), [
      ['wikiedu', 'https://edu.example/courses/A/B'],
      ['wikiedu', 'https://edu.example/courses/C/D'],
      ['outreach', 'HTTPS://dash.example/courses/E/F'],
    ]);
    assert.deepEqual(result.unreachable, []);
  });

  it('titles a course by its slug when it has no title', () => {
    assert.equal(core.normalise({ courses: [{ course_slug: 'X/Y' }] }, config, 'N').courses[0]?.title, 'X/Y');
  });

  for (const garbage of [null, undefined, 'text', 42, [], { courses: 'no' }, { all_staff: {} }, { dashboards: 'all' }]) {
    it(`gives an empty answer for ${JSON.stringify(garbage)}`, () => {
      assert.deepEqual(core.normalise(garbage, config, 'N'), { courses: [], allStaff: [], profiles: [], unreachable: [], partial: false });
    });
  }
});

describe('cacheSeconds', () => {
  const config = read(undefined, configOf({ wgDBname: 'enwiki' })).config;

  it('keeps a whole answer 5 minutes, one lacking a Dashboard or some data only a minute', () => {
    assert.equal(core.cacheSeconds(core.normalise({ courses: [], dashboards: { outreach: 'ok', wikiedu: 'not_found' } }, config, 'N')), 300);
    assert.equal(core.cacheSeconds(core.normalise({ courses: [], dashboards: { outreach: 'ok', wikiedu: 'error' }, partial: true }, config, 'N')), 60);
    assert.equal(core.cacheSeconds(core.normalise({ courses: [], partial: true }, config, 'N')), 60);
  });
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

describe('listPage and pageWork', () => {
  const page = (values: Record<string, unknown>) => configOf({ wgNamespaceNumber: 0, wgAction: 'view', ...values });
  const config = read(undefined, configOf({})).config;

  for (const [special, kind] of [
    ['Recentchanges', 'recentchanges'],
    ['RecentChanges', 'recentchanges'],
    ['Recentchangeslinked', 'recentchangeslinked'],
    ['Watchlist', 'watchlist'],
    ['Log', 'log'],
    ['Contributions', 'contributions'],
    ['Newpages', 'newpages'],
    ['NewPages', 'newpages'],
    ['Listusers', 'listusers'],
    ['ListUsers', 'listusers'],
  ] as const) {
    it(`finds a list on Special:${special}, as MediaWiki 1.39 or later spells it`, () => {
      assert.equal(core.listPage(page({ wgNamespaceNumber: -1, wgCanonicalSpecialPageName: special })), kind);
    });
  }

  it('finds a list on a history and a diff, in any namespace', () => {
    assert.equal(core.listPage(page({ wgAction: 'history', wgNamespaceNumber: 4 })), 'history');
    assert.equal(core.listPage(page({ wgDiffOldId: 12, wgDiffNewId: 13 })), 'diff');
    assert.equal(core.listPage(page({ wgNamespaceNumber: 3, wgDiffNewId: 13 })), 'diff');
  });

  for (const [what, values] of [
    ['an article', {}],
    ['an old revision', { wgRevisionId: 12, wgCurRevisionId: 13 }],
    ['an edit page', { wgAction: 'edit' }],
    ['another special page', { wgNamespaceNumber: -1, wgCanonicalSpecialPageName: 'Block' }],
    ['a page titled like a special page', { wgNamespaceNumber: 0, wgCanonicalSpecialPageName: false, wgTitle: 'Recentchanges' }],
  ] as const) {
    it(`finds no list on ${what}`, () => {
      assert.equal(core.listPage(page(values)), null);
    });
  }

  it('says what a page needs: the tab, badges, both or nothing', () => {
    const rc = page({ wgNamespaceNumber: -1, wgCanonicalSpecialPageName: 'Recentchanges' });
    const contributions = page({ wgNamespaceNumber: -1, wgCanonicalSpecialPageName: 'Contributions', wgRelevantUserName: 'Ann' });
    assert.deepEqual(core.pageWork(rc, util, config), { user: null, list: 'recentchanges' });
    assert.deepEqual(core.pageWork(contributions, util, config), { user: 'Ann', list: 'contributions' });
    assert.deepEqual(core.pageWork(page({ wgNamespaceNumber: 2, wgRelevantUserName: 'Ann' }), util, config), { user: 'Ann', list: null });
    assert.equal(core.pageWork(page({}), util, config), null);
    // Badges off: lists need nothing; the tab stays.
    const off = { ...config, badges: false };
    assert.equal(core.pageWork(rc, util, off), null);
    assert.deepEqual(core.pageWork(contributions, util, off), { user: 'Ann', list: null });
  });
});

describe('roleOf', () => {
  it("reads the Dashboards' English role names as the service does, every one of them", () => {
    for (const label of ['Student', 'Editor', 'Instructor', 'Facilitator', 'Campus Volunteer', 'Online Volunteer', 'Wiki Education Staff']) {
      assert.equal(core.roleOf(label), roleFromLabel(label), label);
      assert.equal(core.roleOf(`  ${label.toUpperCase().replace(' ', '   ')} `), roleFromLabel(label), label);
    }
  });

  it('knows nothing of other names (they are shown as they are)', () => {
    for (const label of ['Visitor', 'Étudiant', '', 'constructor', '__proto__']) assert.equal(core.roleOf(label), null, label);
  });
});

describe('formatDate', () => {
  it('shows a day for people, in UTC, in the first locale of the chain', () => {
    assert.equal(core.formatDate('2026-11-22T23:30:00Z', ['en']), 'Nov 22, 2026');
    assert.equal(core.formatDate('2026-11-22T00:00:00Z', ['de-AT', 'de', 'en']), '22. Nov. 2026');
    assert.equal(core.formatDate('2026-01-05T00:00:00Z', ['de-AT', 'de', 'en']), '5. Jän. 2026');
    assert.equal(core.formatDate('2026-11-22T00:00:00Z', ['pt-BR', 'pt', 'en']), '22 de nov. de 2026');
    // Latin digits whatever the locale's own (the gadget turns them into the wiki's).
    assert.match(core.formatDate('2026-11-22T00:00:00Z', ['ar', 'en']), /^22 [\u0600-\u06FF]+ 2026$/);
    // Gregorian, where Persian's own default would be the Solar Hijri "1 آذر 1405".
    assert.equal(core.formatDate('2026-11-22T00:00:00Z', ['fa', 'en']), '22 نوامبر 2026');
  });

  it('skips a tag that is no valid BCP 47 (English at the end), and keeps non-dates as they are', () => {
    assert.equal(core.formatDate('2026-11-22T00:00:00Z', ['x_invalid!', 'de']), '22. Nov. 2026');
    assert.equal(core.formatDate('2026-11-22T00:00:00Z', ['x_invalid!']), 'Nov 22, 2026');
    assert.equal(core.formatDate('soon', ['en']), 'soon');
  });
});
