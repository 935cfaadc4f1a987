// The gadget in a real MediaWiki (Debian's 1.39 LTS, test/gadget/support/mediawiki.ts), installed by
// the deploy tool as GADGET.md describes, pointed at the real service and the two fake Dashboards
// through MediaWiki:Common.js, in headless Chromium on the five skins. That wiki is English
// Wikipedia as far as the gadget can tell (`$wgDBname` enwiki), so it asks both Dashboards by
// default; a second wiki (dewiki), installed by GADGET.md's manual steps, shows the default elsewhere.
// Languages: uselang=ar, he, es, pt-br, de-at on two skins (tab, panel, badge, card), an English
// fallback inside a right-to-left page, MediaWiki's own PLURAL rules and digits, the wiki's own
// messages, and a German wiki whose readers choose their language.
// Badges: demo users with and without a current course edit, create pages and have accounts, so
// that Recent changes, Related changes, the watchlist, a history, a diff, the log, new pages, the
// user list and contributions show both; /api/badges is the service's own, indexing the demo campaigns.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { PERSONAS } from '../../demo/demo-world.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS } from '../../demo/wikiedu-world.js';
import { useService, type Service } from '../../support/service.js';
import { launchBrowser, openPage, screenshotPath, type PageOptions } from '../../support/browser.js';
import { newBotPassword, newPassword, startWiki, type TestWiki } from './support/mediawiki.js';
import { LOCAL_MESSAGES_FILE, readMessages, translationFile } from '../../scripts/build-gadget.js';
import { SKINS, type Skin } from './scenario.js';
import { TAB, DIALOG, RECORDING_CLIPBOARD, NO_CLIPBOARD } from './support/page-parts.js';
import { BADGE, CARD, askedNames, assertBadges, assertRequestPattern, badgesOf, linkStates, settleBadges, until, watchBadgeRequests } from './support/badges.js';

const ROOT = new URL('../../', import.meta.url);
const GADGET = 'course-staff';
const DEPLOYER = { name: 'Gadget deployer', password: newPassword(), botPassword: newBotPassword() };
const READER = { name: 'Course Reader', password: newPassword() };
/** Where each skin of MediaWiki 1.39 shows its page tabs, and so the gadget's tab. */
const TAB_PLACE: Record<Skin, string> = {
  'vector-2022': '#p-associated-pages',
  vector: '#p-namespaces',
  monobook: '#p-cactions',
  timeless: '#p-namespaces',
  minerva: '.heading-holder > .minerva__tab-container',
};
const PAGES = {
  user: `User:${PERSONAS.active}`,
  usertalk: `User talk:${PERSONAS.active}`,
  contributions: `Special:Contributions/${PERSONAS.active}`,
} as const;
/** The user page of a person on both Dashboards. */
const ON_BOTH = `User:${PERSONAS.onBoth}`;
const LABELS = ['Programs & Events Dashboard', 'Wiki Education Dashboard'];
// Wiki accounts for the personas: MediaWiki sets wgRelevantUserName only for existing accounts.
// PERSONAS.multiRole is only for the test of a failing Dashboard, so that nothing of it is cached.
const PERSONA_ACCOUNTS = [
  PERSONAS.active,
  PERSONAS.xssTarget,
  PERSONAS.bigCourseStudent,
  PERSONAS.pastOnly,
  PERSONAS.onBoth,
  PERSONAS.multiRole,
];
/** Editors for the lists: with a current course (the first three) and without (the others, an IP address among them). */
const WITH_COURSE = [PERSONAS.active, PERSONAS.onBoth, WIKIEDU_PERSONAS.student] as const;
const WITHOUT_COURSE = [PERSONAS.pastOnly, PERSONAS.noCourses] as const;
const IP = '192.0.2.7';
/** Who edits during the live-update tests (accounts without an edit before). */
const LATE_EDITORS = [PERSONAS.twiceInOneCourse, PERSONAS.xssTarget] as const;
/** The edits behind the lists, in order: each list page shows people of both kinds. */
const EDITS = [
  { user: PERSONAS.active, title: 'Photosynthesis', text: 'Plants.' },
  { user: PERSONAS.pastOnly, title: 'Photosynthesis', text: 'Plants make sugar.' },
  { user: IP, title: 'Photosynthesis', text: 'Plants make sugar from light.' },
  { user: PERSONAS.onBoth, title: 'Photosynthesis', text: 'Plants make sugar from light and water.' },
  { user: WIKIEDU_PERSONAS.student, title: 'Coral reef', text: 'Reefs.' },
  { user: PERSONAS.noCourses, title: 'Coral reef', text: 'Reefs grow slowly.' },
  { user: PERSONAS.pastOnly, title: 'Lagos', text: 'A city.' },
];

/** The part of MediaWiki's client API the tests call in the page. */
declare const mw: { util: { getUrl(title: string): string }; config: { get(key: string): unknown } };

interface ActiveStaff {
  all_staff: string[];
  courses: Array<{ course_slug: string; course_title: string; course_url: string; dashboard: string; staff: string[]; timeline_start: string }>;
}

const read = (path: string) => readFile(new URL(path, ROOT), 'utf8');
/** The messages of every language (gadget/i18n), and the translations' built files. */
const MESSAGES = await readMessages();
const TRANSLATIONS = Object.keys(MESSAGES).filter((code) => code !== 'en').map(translationFile);

/** `npm run deploy:gadget` as a user runs it, with the settings in the environment. */
function deployCli(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/deploy-gadget.ts'],
      { cwd: fileURLToPath(ROOT), env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err === null ? 0 : Number(err.code ?? 1), output: `${stdout}${stderr}` }),
    );
  });
}

describe('the gadget in a real MediaWiki 1.39', () => {
  const svc = useService();
  let browser: Browser;
  let wiki: TestWiki;
  /** Another wiki than English Wikipedia, with the gadget installed by hand. */
  let otherWiki: TestWiki;
  const deploys: Array<{ code: number; output: string }> = [];

  before(async () => {
    browser = await launchBrowser();
    const siteSettings = (more: Record<string, unknown> = {}) =>
      `mw.config.set( ${JSON.stringify({
        ...more,
        wgCourseStaffApiBase: svc.url,
        wgCourseStaffOutreachBase: svc.dashboard.url,
        wgCourseStaffWikieduBase: svc.wikiedu.url,
      })} );`;
    wiki = await startWiki({
      dbName: 'enwiki',
      accounts: [
        ...[...new Set([...PERSONA_ACCOUNTS, ...WITH_COURSE, ...WITHOUT_COURSE, ...LATE_EDITORS])].map((name) => ({ name })),
        {
          name: DEPLOYER.name,
          password: DEPLOYER.password,
          groups: ['interface-admin'],
          botPassword: { appId: 'deploy', password: DEPLOYER.botPassword, grants: ['basic', 'editpage', 'createeditmovepage', 'editinterface', 'editsiteconfig'] },
        },
        { name: READER.name, password: READER.password, options: { [`gadget-${GADGET}`]: 1 } },
      ],
      pages: {
        ...Object.fromEntries(PERSONA_ACCOUNTS.map((name) => [`User:${name}`, `${name} edits here.`])),
        [PAGES.usertalk]: '== Hello ==\nWelcome!',
        'Main Page': 'An article.',
        // The site-wide settings, as GADGET.md tells a wiki to point the gadget at a service (and
        // here its profile links at the fake Dashboards that service reads).
        'MediaWiki:Common.js': siteSettings(),
        // The reader's own settings, set after the gadget may already have loaded.
        [`User:${READER.name}/common.js`]:
          "window.courseStaffConfig = { dashboards: 'wikiedu', useEventDates: true, wikieduBase: 'https://dash.example.org/' };",
        // A gadget that is not ES5, to show what MediaWiki 1.39 does with one; and a section the
        // deploy must keep.
        'MediaWiki:Gadgets-definition': '== probes ==\n* syntax-probe[ResourceLoader|hidden|supportsUrlLoad]|syntax-probe.js',
        'MediaWiki:Gadget-syntax-probe.js': 'var probe = () => 1;',
        // Related changes of this page are the changes to the pages it links to.
        Science: '[[Photosynthesis]] and [[Coral reef]].',
      },
      edits: EDITS,
      watch: ['Photosynthesis', 'Coral reef'].map((title) => ({ user: READER.name, title })),
    });
    const env = {
      GADGET_DEPLOY_API: wiki.apiUrl,
      GADGET_DEPLOY_USERNAME: `${DEPLOYER.name}@deploy`,
      GADGET_DEPLOY_PASSWORD: DEPLOYER.botPassword,
      // The tree under test may hold uncommitted work; deploy.test.ts shows the refusal without this.
      GADGET_DEPLOY_ALLOW_DIRTY: '1',
    };
    // A dry run needs no account: it only reads.
    deploys.push(await deployCli({ GADGET_DEPLOY_API: wiki.apiUrl, GADGET_DEPLOY_DRY_RUN: '1', GADGET_DEPLOY_ALLOW_DIRTY: '1' }));
    deploys.push(await deployCli(env));
    // Every test below needs the gadget installed.
    assert.equal(deploys[1]?.code, 0, deploys[1]?.output);
    deploys.push(await deployCli(env));
    // GADGET.md's steps 1-3 by hand, and its Common.js line, on a wiki in German.
    otherWiki = await startWiki({
      dbName: 'dewiki',
      language: 'de',
      accounts: [{ name: PERSONAS.onBoth }, { name: READER.name, password: READER.password, options: { language: 'es', [`gadget-${GADGET}`]: 1 } }],
      pages: {
        [ON_BOTH]: 'Hallo.',
        ...Object.fromEntries(await Promise.all(TRANSLATIONS.map(async (file) => [`MediaWiki:Gadget-${file}`, await read(`gadget/dist/${file}`)]))),
        [`MediaWiki:Gadget-${GADGET}.js`]: await read('gadget/dist/course-staff.js'),
        [`MediaWiki:Gadget-${GADGET}-main.js`]: await read('gadget/dist/course-staff-main.js'),
        [`MediaWiki:Gadget-${GADGET}.css`]: await read('gadget/dist/course-staff.css'),
        [`MediaWiki:Gadget-${GADGET}`]: await read('gadget/wiki/Gadget-course-staff.txt'),
        [`MediaWiki:Gadget-${GADGET}-main`]: await read('gadget/wiki/Gadget-course-staff-main.txt'),
        'MediaWiki:Gadgets-definition': await read('gadget/wiki/Gadgets-definition.txt'),
        // This wiki turns badges off for everyone.
        'MediaWiki:Common.js': siteSettings({ wgCourseStaffBadges: false }),
      },
      edits: [{ user: PERSONAS.onBoth, title: 'Photosynthese', text: 'Pflanzen.' }],
    });
  });
  after(async () => {
    await browser?.close();
    await otherWiki?.close();
    await wiki?.close();
  });

  /** The gadget's API base, as MediaWiki:Common.js sets it. */
  const base = () => svc.url;

  async function wikiText(title: string): Promise<string | null> {
    const q = new URLSearchParams({ action: 'query', prop: 'revisions', rvprop: 'content', rvslots: 'main', titles: title, format: 'json', formatversion: '2' });
    const body = (await (await fetch(`${wiki.apiUrl}?${q}`)).json()) as {
      query: { pages: Array<{ missing?: boolean; revisions?: Array<{ slots: { main: { content: string } } }> }> };
    };
    const page = body.query.pages[0];
    return page?.missing ? null : (page?.revisions?.[0]?.slots.main.content ?? null);
  }

  /** The service's answer, as the gadget asks for it; on this wiki by default with `?dashboard=all`. */
  async function activeStaff(user: string, query = '?dashboard=all'): Promise<ActiveStaff> {
    const res = await svc.get(`/api/users/${encodeURIComponent(user)}/active-staff${query}`);
    assert.equal(res.status, 200);
    return res.body as ActiveStaff;
  }

  /** Opens a wiki page with the gadget loaded by URL; `api` collects the service requests. */
  async function view(t: TestContext, title: string, params: Record<string, string>, opts: PageOptions & { on?: TestWiki } = {}) {
    const { context, page, errors } = await openPage(browser, opts);
    t.after(() => context.close());
    // A tab that never shows fails in seconds, not in Playwright's default half a minute.
    page.setDefaultTimeout(10_000);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(base())) requests.push(r.url());
    });
    await page.goto((opts.on ?? wiki).pageUrl(title, { withgadget: GADGET, ...params }));
    return { page, errors, api: requests };
  }

  const hrefs = (page: Page, sel: string) =>
    page.locator(`${DIALOG} ${sel}`).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));

  /** Until the gadget module has run and its request (if any) is answered. */
  async function settle(page: Page): Promise<void> {
    await page.waitForFunction(() => (window as { courseStaffGadgetLoaded?: boolean }).courseStaffGadgetLoaded === true);
    await page.waitForLoadState('networkidle');
  }

  /**
   * A page logged in as the reader (the gadget enabled in their preferences, their own common.js);
   * `loginMessages` counts what MediaWiki's own login page logged (it warns about a deprecated module).
   */
  async function loggedInReader(t: TestContext, on: TestWiki = wiki) {
    const { context, page, errors } = await openPage(browser);
    t.after(() => context.close());
    await page.goto(on.pageUrl('Special:UserLogin'));
    await page.fill('#wpName1', READER.name);
    await page.fill('#wpPassword1', READER.password);
    await Promise.all([page.waitForNavigation(), page.click('#wpLoginAttempt')]);
    return { page, errors, loginMessages: errors.length };
  }

  async function openPanel(page: Page): Promise<void> {
    await page.locator(TAB).click();
    await page.waitForSelector(DIALOG);
  }

  it('the deploy tool installs it: a dry run first writes nothing and shows each diff, the deploy writes six pages, a second deploy none', () => {
    assert.deepEqual(deploys.map((d) => d.code), [0, 0, 0], deploys.map((d) => d.output).join('\n'));
    const outcomes = deploys.map((d) =>
      d.output.split('\n').flatMap((l) => /^(unchanged|created|updated|would create|would update) +MediaWiki:/.exec(l)?.[1] ?? []),
    );
    // The 14 translations, the three files, the two descriptions; the definitions page.
    assert.deepEqual(outcomes, [
      [...Array(19).fill('would create'), 'would update'],
      [...Array(19).fill('created'), 'updated'],
      Array(20).fill('unchanged'),
    ]);
    // The dry run's diff of the definitions page: the probe line kept, the gadget's two lines added.
    const dry = deploys[0]?.output ?? '';
    const [loader, main] = dry.split('\n').filter((l) => l.startsWith('+* course-staff'));
    assert.ok(loader?.startsWith('+* course-staff[') && main?.startsWith('+* course-staff-main['), dry.slice(-2000));
    assert.match(dry, /\n--- MediaWiki:Gadgets-definition \(on the wiki\)\n\+\+\+ MediaWiki:Gadgets-definition \(to deploy\)\n@@[^\n]*\n == probes ==\n \* syntax-probe/);
    assert.match(dry, /\n--- \/dev\/null\n\+\+\+ MediaWiki:Gadget-course-staff\.js \(to deploy\)\n@@ -0,0 \+1,\d+ @@\n\+\/\/ <nowiki>/);
    assert.match(deploys[1]?.output ?? '', /Deploying to/);
  });

  it('the pages hold exactly what GADGET.md tells an interface administrator to put there', async () => {
    for (const file of ['course-staff.js', 'course-staff-main.js', 'course-staff.css', ...TRANSLATIONS]) {
      assert.equal(await wikiText(`MediaWiki:Gadget-${file}`), (await read(`gadget/dist/${file}`)).trimEnd());
    }
    for (const name of [GADGET, `${GADGET}-main`]) {
      assert.equal(await wikiText(`MediaWiki:Gadget-${name}`), (await read(`gadget/wiki/Gadget-${name}.txt`)).trim());
    }
    assert.equal(
      await wikiText('MediaWiki:Gadgets-definition'),
      `== probes ==\n* syntax-probe[ResourceLoader|hidden|supportsUrlLoad]|syntax-probe.js\n${(await read('gadget/wiki/Gadgets-definition.txt')).trim()}`,
    );
  });

  it('MediaWiki 1.39 accepts the code as ES5, where it replaces non-ES5 code by an error', async () => {
    const load = async (module: string) =>
      (await fetch(`${wiki.url}/load.php?modules=${module}&only=scripts&skin=vector&lang=en`)).text();
    const ours = await load(`ext.gadget.${GADGET}`);
    assert.match(ours, /courseStaffGadgetLoaded/);
    assert.doesNotMatch(ours, /mw\.log\.error|Parse error/);
    const main = await load(`ext.gadget.${GADGET}-main`);
    assert.match(main, /mw\.libs\.courseStaff/);
    assert.doesNotMatch(main, /mw\.log\.error|Parse error/);
    assert.match(await load('ext.gadget.syntax-probe'), /mw\.log\.error\(.*ECMAScript 5/);
  });

  for (const skin of SKINS) {
    for (const [what, title] of Object.entries(PAGES)) {
      it(`${skin}, ${what}: the tab is in ${TAB_PLACE[skin]}, visible`, async (t) => {
        const { page } = await view(t, title, { useskin: skin });
        const tab = page.locator(TAB);
        await tab.waitFor({ state: 'visible' });
        assert.equal(await tab.textContent(), 'Course staff');
        assert.equal(await tab.evaluate((a, place) => a.closest(place) !== null, TAB_PLACE[skin]), true);
        if (what === 'contributions') await page.screenshot({ path: await screenshotPath(`wiki-${skin}-contributions-tab`) });
      });
    }

    it(`${skin}: the open panel shows the courses of both Dashboards of a person on both, with their links; the spare ping box stays hidden; nothing is logged`, async (t) => {
      const expected = await activeStaff(PERSONAS.onBoth);
      assert.deepEqual(expected.courses.map((c) => c.dashboard), ['outreach', 'wikiedu']);
      const { page, errors } = await view(t, ON_BOTH, { useskin: skin });
      await openPanel(page);
      const dialog = page.locator(DIALOG);
      assert.deepEqual(await dialog.locator('.coursestaff-course h3 a').allTextContents(), expected.courses.map((c) => c.course_title));
      assert.deepEqual(await dialog.locator('.coursestaff-dashboard').allTextContents(), LABELS);
      assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), expected.courses.map((c) => c.course_url));
      assert.deepEqual(await dialog.locator('.coursestaff-staff a').allTextContents(), expected.courses.flatMap((c) => c.staff));
      assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), [
        `${svc.dashboard.url}/users/Noor%20Haddad`,
        `${svc.wikiedu.url}/users/Noor%20Haddad`,
      ]);
      assert.equal(await dialog.isVisible(), true);
      assert.equal(await dialog.locator('.coursestaff-copy').isVisible(), true);
      // Core skin CSS (`textarea { display: block }`) must not unhide the fallback field.
      assert.equal(await dialog.locator('textarea.coursestaff-ping-field').isVisible(), false);
      await page.screenshot({ path: await screenshotPath(`wiki-${skin}`) });
      // Hovering shows the copy button's tooltip: it names the template literally, isolated (U+2068, U+2069).
      assert.equal(await dialog.locator('.coursestaff-copy').getAttribute('title'), 'Copy a \u2068{{ping}}\u2069 template naming every staff member');
      assert.deepEqual(errors, []);
    });
  }

  it("asks both Dashboards where wgDBname is enwiki, and links each course to its course page, each profile to its Dashboard, the staff to their talk pages", async (t) => {
    const expected = await activeStaff(PERSONAS.onBoth);
    const { page, api } = await view(t, ON_BOTH, { useskin: 'vector-2022' });
    await openPanel(page);
    assert.equal(await page.evaluate(() => mw.config.get('wgDBname')), 'enwiki');
    assert.deepEqual(api, [`${base()}/api/users/Noor%20Haddad/active-staff?dashboard=all`]);
    // The course pages on each (fake) Dashboard, as the service names them.
    assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), [
      `${svc.dashboard.url}/courses/Wikimedia_Levant/Wikidata_Libraries_Sprint`,
      `${svc.wikiedu.url}/courses/${WIKIEDU_COURSES.class.split('/').map(encodeURIComponent).join('/')}`,
    ]);
    const wanted = await page.evaluate(
      (names) => names.map((n) => new URL(mw.util.getUrl(`User talk:${n}`), location.href).href),
      expected.courses.flatMap((c) => c.staff),
    );
    assert.deepEqual(await hrefs(page, '.coursestaff-staff a'), wanted);
    assert.deepEqual(await page.locator(`${DIALOG} a.coursestaff-profile`).allTextContents(), [
      'Profile of Noor Haddad on the Programs & Events Dashboard',
      'Profile of Noor Haddad on the Wiki Education Dashboard',
    ]);
    // A staff talk link opens that talk page on this wiki: the Wiki Education class's instructor.
    const talk = expected.courses[1]?.staff[0];
    await page.locator(`${DIALOG} .coursestaff-staff a`).getByText(talk ?? '', { exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('title')?.startsWith('User_talk:') === true);
    assert.equal(await page.textContent('#firstHeading'), `User talk:${talk}`);
  });

  it('asks Programs & Events alone on another wiki (wgDBname dewiki), installed by the manual steps', async (t) => {
    const expected = await activeStaff(PERSONAS.onBoth, '');
    const { page, api, errors } = await view(t, ON_BOTH, { useskin: 'vector' }, { on: otherWiki });
    await openPanel(page);
    assert.equal(await page.evaluate(() => mw.config.get('wgDBname')), 'dewiki');
    assert.deepEqual(api, [`${base()}/api/users/Noor%20Haddad/active-staff`]);
    assert.deepEqual(await page.locator(`${DIALOG} .coursestaff-dashboard`).allTextContents(), [LABELS[0]]);
    assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), expected.courses.map((c) => c.course_url));
    assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), [`${svc.dashboard.url}/users/Noor%20Haddad`]);
    assert.deepEqual(errors, []);
  });

  it('notes quietly that a Dashboard could not be reached, shows the other one\'s courses, and keeps that answer only a minute', async (t) => {
    // Nobody else here is asked for: the service has nothing of them cached at Wiki Education.
    const user = PERSONAS.multiRole;
    svc.wikiedu.setFaults([{ match: /^\/user_stats\.json\?username=Adaeze/, status: 503 }]);
    t.after(() => svc.wikiedu.setFaults([]));
    const { page, errors } = await view(t, `User:${user}`, { useskin: 'timeless' });
    await openPanel(page);
    const dialog = page.locator(DIALOG);
    assert.equal(
      await dialog.locator('.coursestaff-unreachable').textContent(),
      'The Wiki Education Dashboard could not be reached, so courses there may be missing. Try again in a minute.',
    );
    const expected = await activeStaff(user, '');
    assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), expected.courses.map((c) => c.course_url));
    assert.deepEqual(await dialog.locator('.coursestaff-dashboard').allTextContents(), expected.courses.map(() => LABELS[0]));
    assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), [`${svc.dashboard.url}/users/Adaeze%20Okafor`]);
    await page.screenshot({ path: await screenshotPath('wiki-timeless-unreachable') });
    // MediaWiki's own mw.storage.session keeps the expiry beside the entry, in seconds.
    const lifetimes = await page.evaluate(() =>
      Object.keys(sessionStorage)
        .filter((k) => k.startsWith('_EXPIRY_mw-coursestaff-'))
        .map((k) => Number(sessionStorage.getItem(k)) - Date.now() / 1000),
    );
    assert.equal(lifetimes.length, 1);
    assert.ok(lifetimes[0]! > 50 && lifetimes[0]! <= 60, String(lifetimes));
    assert.deepEqual(errors, []);
  });

  it('copies one ping naming all staff of both Dashboards', async (t) => {
    const expected = await activeStaff(PERSONAS.onBoth);
    const { page, errors } = await view(t, ON_BOTH, { useskin: 'monobook' }, { initScript: RECORDING_CLIPBOARD });
    await openPanel(page);
    await page.click(`${DIALOG} .coursestaff-copy`);
    await page.waitForSelector(`${DIALOG} .coursestaff-status:not(:empty)`);
    assert.equal(await page.evaluate(() => (window as { __copied?: string }).__copied), `{{ping|${expected.all_staff.join('|')}}}`);
    assert.equal(await page.textContent(`${DIALOG} .coursestaff-status`), `Copied a ping for ${expected.all_staff.length} users.`);
    assert.deepEqual(errors, []);
  });

  it('without a clipboard, shows the ping in a selected read-only field, and splits more than 50 names', async (t) => {
    const { page, errors } = await view(t, `User:${PERSONAS.bigCourseStudent}`, { useskin: 'vector' }, { initScript: NO_CLIPBOARD });
    await openPanel(page);
    const field = page.locator(`${DIALOG} textarea.coursestaff-ping-field`);
    assert.equal(await field.isVisible(), false);
    assert.match((await page.textContent(`${DIALOG} .coursestaff-split-note`)) ?? '', /split into 2 templates/);
    await page.click(`${DIALOG} .coursestaff-copy`);
    await field.waitFor({ state: 'visible' });
    const text = await field.inputValue();
    assert.deepEqual(text.split('\n').map((l) => l.split('|').length - 1), [50, 10]);
    assert.equal(await field.evaluate((f) => f === document.activeElement), true);
    assert.equal(await field.evaluate((f) => (f as HTMLTextAreaElement).selectionEnd - (f as HTMLTextAreaElement).selectionStart), text.length);
    assert.deepEqual(errors, []);
  });

  for (const skin of ['vector-2022', 'minerva'] as const) {
    it(`${skin}: works by keyboard, from the tab to the panel and back`, async (t) => {
      const { page } = await view(t, PAGES.contributions, { useskin: skin });
      const tab = page.locator(TAB);
      await tab.waitFor({ state: 'visible' });
      await tab.focus();
      await page.keyboard.press('Enter');
      const dialog = page.locator(DIALOG);
      await dialog.waitFor();
      const inside = () => page.evaluate((sel) => document.querySelector(sel)!.contains(document.activeElement), DIALOG);
      const stops = await dialog.locator('a[href], button:not([disabled])').count();
      for (let i = 0; i < stops + 2; i++) {
        await page.keyboard.press('Tab');
        assert.equal(await inside(), true, `focus left the dialog after ${i + 1} Tab presses`);
      }
      await page.keyboard.press('Escape');
      assert.equal(await dialog.count(), 0);
      assert.equal(await tab.evaluate((a) => a === document.activeElement), true);
    });
  }

  for (const [what, title] of [
    ['an article', 'Main Page'],
    ["an IP address's contributions", 'Special:Contributions/192.0.2.7'],
    ['a special page without user links', 'Special:SpecialPages'],
  ] as const) {
    it(`runs but asks the service nothing on ${what}`, async (t) => {
      const { page, api, errors } = await view(t, title, { useskin: 'vector-2022' });
      await settle(page);
      assert.deepEqual(api, []);
      assert.equal(await page.locator(TAB).count(), 0);
      assert.deepEqual(errors, []);
    });
  }

  it('adds no tab for a user without an active course, after one request', async (t) => {
    const { page, api } = await view(t, `User:${PERSONAS.pastOnly}`, { useskin: 'timeless' });
    await settle(page);
    assert.equal(api.length, 1, api.join('\n'));
    assert.equal(await page.locator(TAB).count(), 0);
  });

  it('speaks German with uselang=de, plurals included, and logs nothing', async (t) => {
    const { page, errors } = await view(t, `User:${PERSONAS.xssTarget}`, { useskin: 'vector-2022', uselang: 'de' });
    await page.locator(TAB).waitFor({ state: 'visible' });
    assert.equal(await page.locator(TAB).textContent(), 'Kursteam');
    await openPanel(page);
    assert.equal(await page.textContent(`${DIALOG} .coursestaff-summary`), '1 aktiver Kurs, 2 Teammitglieder');
    assert.equal(await page.getAttribute(`${DIALOG} .coursestaff-copy`, 'title'), 'Eine \u2068{{ping}}\u2069-Vorlage mit allen Teammitgliedern kopieren');
    assert.equal(await page.textContent(`${DIALOG} a.coursestaff-profile`), 'Profil von Xss Target im Programs & Events Dashboard');
    assert.deepEqual(errors, []);
  });

  it("a logged-in reader's gadget (enabled in preferences) follows their own common.js over the site's settings: Wiki Education alone", async (t) => {
    const expected = await activeStaff(PERSONAS.onBoth, '?dashboard=wikiedu&use_event_dates=true');
    const { page, errors, loginMessages } = await loggedInReader(t);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(base())) requests.push(r.url());
    });
    await page.goto(wiki.pageUrl(ON_BOTH, { useskin: 'vector-2022' }));
    assert.equal(await page.evaluate(() => mw.config.get('wgUserName')), READER.name);
    await openPanel(page);
    // The site's Common.js chose the service; the reader's common.js chose Wiki Education alone
    // (over the wiki's default, both), event dates, and a Wiki Education base over the site's.
    assert.deepEqual(requests, [`${base()}/api/users/Noor%20Haddad/active-staff?dashboard=wikiedu&use_event_dates=true`]);
    assert.deepEqual(await page.locator(`${DIALOG} .coursestaff-dashboard`).allTextContents(), [LABELS[1]]);
    assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), expected.courses.map((c) => c.course_url));
    assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), ['https://dash.example.org/users/Noor%20Haddad']);
    assert.deepEqual(errors.slice(loginMessages), []);
  });

  // Languages. After the test of a failing Dashboard (Recent changes lists PERSONAS.multiRole's
  // account); the wiki's own messages last, and taken back.
  describe("every reader's language", () => {
    /** The English text of the messages, cut at parameters and plural forms: what must not show where a translation has its own words. */
    function englishPieces(lang: string): string[] {
      const pieces = (text: string) => text.split(/\{\{PLURAL:\$\d\||\||\}\}|\$\d/).map((p) => p.trim()).filter((p) => p.length >= 4);
      const translated = new Set(Object.values(MESSAGES[lang] ?? {}).flatMap(pieces));
      return [...new Set(Object.values(MESSAGES.en ?? {}).flatMap(pieces))].filter((p) => !translated.has(p));
    }

    /** The text of an element but what it isolates (names, titles, dates: data, not messages). */
    const ownText = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('bdi').forEach((b) => b.remove());
      return copy.textContent ?? '';
    };

    /** lang, dir and the computed direction of an element. */
    const direction = (el: Element) => [el.getAttribute('lang'), el.getAttribute('dir'), getComputedStyle(el).direction];

    const ON_BOTH_STAFF = 4;
    /** Per language: the tab, the summary for ON_BOTH (2 courses, 4 staff; n: the page's own digits for 4), the roles on the card, the badge's name. */
    // `code`: the messages' language, as gadget/i18n names it; `lang`: as the `lang` attributes say it (BCP 47).
    const EXPECTED: Record<string, { code: string; lang: string; dir: string; tab: string; summary: (n: string) => string; roles: string[]; badge: string }> = {
      ar: { code: 'ar', lang: 'ar', dir: 'rtl', tab: 'فريق الدورة', summary: (n) => `دورتان نشطتان، ${n} أعضاء في الفريق`, roles: ['ميسّر', 'طالب'], badge: 'ميسّر، دورتان حاليتان' },
      he: { code: 'he', lang: 'he', dir: 'rtl', tab: 'צוות הקורס', summary: (n) => `שני קורסים פעילים, ${n} חברי צוות`, roles: ['מנחה', 'סטודנט/ית'], badge: 'מנחה, שני קורסים נוכחיים' },
      es: { code: 'es', lang: 'es', dir: 'ltr', tab: 'Equipo del curso', summary: (n) => `2 cursos activos, ${n} miembros del equipo`, roles: ['Facilitador', 'Estudiante'], badge: 'Facilitador, 2 cursos actuales' },
      'pt-br': { code: 'pt-br', lang: 'pt-BR', dir: 'ltr', tab: 'Equipe do curso', summary: (n) => `2 cursos ativos, ${n} membros da equipe`, roles: ['Facilitador', 'Estudante'], badge: 'Facilitador, 2 cursos atuais' },
      'de-at': { code: 'de', lang: 'de', dir: 'ltr', tab: 'Kursteam', summary: (n) => `2 aktive Kurse, ${n} Teammitglieder`, roles: ['Kursleitung', 'Studierende Person'], badge: 'Kursleitung, 2 aktuelle Kurse' },
    };

    for (const skin of ['vector-2022', 'minerva'] as const) {
      for (const [uselang, want] of Object.entries(EXPECTED)) {
        it(`${skin}, uselang=${uselang}: the tab and the panel in ${want.lang}, ${want.dir}, names isolated, no English, dates in the reader's language`, async (t) => {
          const expected = await activeStaff(PERSONAS.onBoth);
          assert.equal(expected.all_staff.length, ON_BOTH_STAFF);
          const { page, errors } = await view(t, ON_BOTH, { useskin: skin, uselang });
          const tab = page.locator(TAB);
          await tab.waitFor({ state: 'visible' });
          assert.equal(await page.evaluate(() => document.documentElement.dir), want.dir, "the page's own direction");
          assert.equal(await tab.textContent(), want.tab);
          assert.deepEqual(await tab.evaluate(direction), [want.lang, want.dir, want.dir]);
          await openPanel(page);
          const panel = page.locator(DIALOG);
          assert.deepEqual(await panel.evaluate(direction), [want.lang, want.dir, want.dir]);
          const n = await page.evaluate((k) => (mw as unknown as { language: { convertNumber(n: number): string } }).language.convertNumber(k), ON_BOTH_STAFF);
          assert.equal(await panel.locator('.coursestaff-summary').textContent(), want.summary(n));
          // Names and titles each in a <bdi>: the heading's, the courses', the staff's.
          assert.equal(await panel.locator('h2 > bdi').textContent(), PERSONAS.onBoth);
          assert.deepEqual(await panel.locator('.coursestaff-course h3 a > bdi').allTextContents(), expected.courses.map((c) => c.course_title));
          assert.deepEqual(await panel.locator('.coursestaff-staff a > bdi').allTextContents(), expected.courses.flatMap((c) => c.staff));
          // The first course's details: institution, role, event dates, tracking dates.
          assert.equal(await panel.locator('.coursestaff-details dd').nth(1).textContent(), want.roles[0]);
          // No English message where the language has its own words.
          const left = await panel.evaluate(ownText);
          for (const piece of englishPieces(want.code)) assert.equal(left.includes(piece), false, `"${piece}" in: ${left}`);
          // Dates in the reader's language (its own BCP 47 tag first), in the wiki's digits.
          const dates = await panel.locator('.coursestaff-details dd').nth(2).textContent();
          const wanted = await page.evaluate(
            ([iso, tag]) =>
              new Date(iso)
                .toLocaleDateString(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' })
                .replace(/[0-9]/g, (d) => (mw as unknown as { language: { convertNumber(n: number): string } }).language.convertNumber(Number(d))),
            [expected.courses[0]?.timeline_start ?? '', uselang === 'pt-br' ? 'pt-BR' : uselang === 'de-at' ? 'de-AT' : uselang] as const,
          );
          assert.ok(dates?.startsWith(wanted), `${dates} does not start with ${wanted}`);
          // The same digits as the summary's number: MediaWiki 1.39 writes Arabic in Arabic-Indic ones.
          if (uselang === 'ar') assert.match(dates ?? '', /^[٠-٩]+ /);
          await page.screenshot({ path: await screenshotPath(`wiki-i18n-${uselang}-${skin}-panel`) });
          assert.deepEqual(errors, []);
        });

        it(`${skin}, uselang=${uselang}: a badge and its card in ${want.lang}, ${want.dir}, the card under its badge`, async (t) => {
          const { page, errors } = await view(t, 'Special:RecentChanges', { useskin: skin, uselang });
          const badge = page.locator(`${BADGE}[data-user="${PERSONAS.onBoth}"]`).first();
          await badge.waitFor();
          assert.equal(await badge.getAttribute('lang'), want.lang);
          assert.equal(await badge.getAttribute('aria-label'), want.badge);
          assert.equal(await badge.evaluate((b) => getComputedStyle(b).direction), want.dir, "the badge takes the page's direction");
          await badge.click();
          const card = page.locator(CARD);
          await card.waitFor({ state: 'visible' });
          assert.deepEqual(await card.evaluate(direction), [want.lang, want.dir, want.dir]);
          assert.equal(await card.locator('h2 > bdi').textContent(), PERSONAS.onBoth);
          assert.deepEqual(await card.locator('.coursestaff-card-role').allTextContents(), want.roles);
          const left = await card.evaluate(ownText);
          for (const piece of englishPieces(want.code)) assert.equal(left.includes(piece), false, `"${piece}" in: ${left}`);
          // Below the badge; right to left, its right edge under the badge's (or at the viewport's edge).
          const [b, c] = [await badge.boundingBox(), await card.boundingBox()];
          const room = await page.evaluate(() => document.documentElement.clientWidth);
          assert.ok(b && c);
          const where = `card ${JSON.stringify(c)} badge ${JSON.stringify(b)} room ${room}`;
          assert.ok(c.y >= b.y + b.height, where);
          if (want.dir === 'rtl') assert.ok(Math.abs(c.x + c.width - (b.x + b.width)) < 2 || c.x < 1, where);
          else assert.ok(Math.abs(c.x - b.x) < 2 || Math.abs(c.x + c.width - room) < 2, where);
          await page.screenshot({ path: await screenshotPath(`wiki-i18n-${uselang}-${skin}-card`) });
          assert.deepEqual(errors, []);
        });
      }
    }

    it('uselang=ur (right to left, no translation): English, isolated left to right inside the right-to-left page, nothing reordered', async (t) => {
      const { page, errors } = await view(t, ON_BOTH, { useskin: 'vector-2022', uselang: 'ur' });
      await openPanel(page);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      const panel = page.locator(DIALOG);
      assert.deepEqual(await panel.evaluate(direction), ['en', 'ltr', 'ltr']);
      assert.deepEqual(await page.locator(TAB).evaluate(direction), ['en', 'ltr', 'ltr']);
      // The case: in a left-to-right box the bidi algorithm keeps the summary's order.
      assert.equal(await panel.locator('.coursestaff-summary').textContent(), `2 active courses, ${ON_BOTH_STAFF} staff members`);
      assert.equal(await panel.locator('.coursestaff-summary').evaluate((p) => getComputedStyle(p).direction), 'ltr');
      await page.screenshot({ path: await screenshotPath('wiki-i18n-ur-vector-2022-panel') });
      assert.deepEqual(errors, []);
    });

    for (const [lang, counts] of [
      // MediaWiki's own CLDR rules pick the forms: Arabic's six, Russian's and Czech's three, Hebrew's.
      ['ar', [[0, 'لا دورات نشطة'], [1, 'دورة نشطة واحدة'], [2, 'دورتان نشطتان'], [3, '3 دورات نشطة'], [11, '11 دورة نشطة'], [100, '100 دورة نشطة']]],
      ['ru', [[1, '1 активный курс'], [2, '2 активных курса'], [5, '5 активных курсов'], [11, '11 активных курсов'], [21, '21 активный курс'], [22, '22 активных курса']]],
      ['uk', [[1, '1 активний курс'], [3, '3 активні курси'], [7, '7 активних курсів'], [21, '21 активний курс']]],
      ['cs', [[0, '0 aktivních kurzů'], [1, '1 aktivní kurz'], [2, '2 aktivní kurzy'], [5, '5 aktivních kurzů']]],
      ['he', [[1, 'קורס פעיל אחד'], [2, 'שני קורסים פעילים'], [3, '3 קורסים פעילים'], [20, '20 קורסים פעילים']]],
      ['fr', [[0, '0 cours actif'], [1, '1 cours actif'], [2, '2 cours actifs']]],
    ] as const) {
      it(`${lang}: PLURAL picks the right one of the forms by MediaWiki's rules`, async (t) => {
        const { page, errors } = await view(t, ON_BOTH, { useskin: 'vector-2022', uselang: lang });
        await page.locator(TAB).waitFor();
        const texts = await page.evaluate(
          (ns) => ns.map((n) => (mw as unknown as { message(k: string, ...p: unknown[]): { text(): string } }).message('coursestaff-summary', n, 9).text().split(/[،,]/)[0]?.trim()),
          counts.map(([n]) => n),
        );
        assert.deepEqual(texts, counts.map(([, text]) => text));
        assert.deepEqual(errors, []);
      });
    }

    it("ar: numbers in the wiki's digits (mw.language), 60 staff and a ping split in two", async (t) => {
      const { page, errors } = await view(t, `User:${PERSONAS.bigCourseStudent}`, { useskin: 'vector-2022', uselang: 'ar' });
      await openPanel(page);
      const [sixty, fifty] = await page.evaluate(() => [60, 50].map((k) => (mw as unknown as { language: { convertNumber(n: number): string } }).language.convertNumber(k)));
      // MediaWiki 1.39 writes Arabic in Arabic-Indic digits.
      assert.equal(sixty, '٦٠');
      assert.equal(await page.textContent(`${DIALOG} .coursestaff-summary`), `دورة نشطة واحدة، ${sixty} عضوًا في الفريق`);
      assert.match((await page.textContent(`${DIALOG} .coursestaff-split-note`)) ?? '', new RegExp(`^أكثر من ${fifty} اسمًا: قُسّمت الإشارة إلى قالبين\\. `));
      assert.deepEqual(errors, []);
    });

    it("on a German wiki (content language de): German by default; a reader's uselang or preference wins", async (t) => {
      const anon = await view(t, ON_BOTH, { useskin: 'vector' }, { on: otherWiki });
      await anon.page.locator(TAB).waitFor();
      assert.equal(await anon.page.textContent(TAB), 'Kursteam');
      const english = await view(t, ON_BOTH, { useskin: 'vector', uselang: 'en' }, { on: otherWiki });
      await english.page.locator(TAB).waitFor();
      assert.equal(await english.page.textContent(TAB), 'Course staff');
      const { page, errors, loginMessages } = await loggedInReader(t, otherWiki);
      await page.goto(otherWiki.pageUrl(ON_BOTH, { useskin: 'vector' }));
      assert.equal(await page.evaluate(() => mw.config.get('wgUserLanguage')), 'es');
      await page.locator(TAB).waitFor();
      assert.equal(await page.textContent(TAB), 'Equipo del curso');
      assert.deepEqual([...anon.errors, ...english.errors, ...errors.slice(loginMessages)], []);
    });

    it(`the wiki's own messages (MediaWiki:Gadget-${LOCAL_MESSAGES_FILE}): they win in their language, add a language, and a wrong entry costs one warning`, async (t) => {
      const page = `MediaWiki:Gadget-${LOCAL_MESSAGES_FILE}`;
      await wiki.fill({
        pages: {
          [page]: JSON.stringify({
            fr: { 'coursestaff-tab': 'Équipe pédagogique' },
            // A language the gadget does not have, in part: the rest falls back to English.
            nl: { 'coursestaff-tab': 'Cursusteam', 'coursestaff-heading': 'Cursusteam van $1', 'coursestaff-tabb': 'typo' },
          }),
        },
      });
      t.after(() => wiki.fill({ pages: { [page]: '{}' } }));
      const fr = await view(t, ON_BOTH, { useskin: 'vector-2022', uselang: 'fr' });
      await fr.page.locator(TAB).waitFor();
      assert.equal(await fr.page.textContent(TAB), 'Équipe pédagogique');
      await openPanel(fr.page);
      // The rest is the gadget's French.
      assert.equal(await fr.page.textContent(`${DIALOG} .coursestaff-summary`), '2 cours actifs, 4 membres de l’équipe');
      const nl = await view(t, ON_BOTH, { useskin: 'vector-2022', uselang: 'nl' });
      await nl.page.locator(TAB).waitFor();
      assert.equal(await nl.page.textContent(TAB), 'Cursusteam');
      assert.deepEqual(await nl.page.locator(TAB).evaluate(direction), ['nl', 'ltr', 'ltr']);
      await openPanel(nl.page);
      const panel = nl.page.locator(DIALOG);
      // Most messages are English: so is the panel; its Dutch heading says its own language.
      assert.deepEqual(await panel.evaluate(direction), ['en', 'ltr', 'ltr']);
      assert.equal(await panel.locator('h2').textContent(), `Cursusteam van ${PERSONAS.onBoth}`);
      assert.equal(await panel.locator('h2 > span[lang="nl"][dir="ltr"] > bdi').textContent(), PERSONAS.onBoth);
      // English readers see the gadget's own words.
      const en = await view(t, ON_BOTH, { useskin: 'vector-2022' });
      await en.page.locator(TAB).waitFor();
      assert.equal(await en.page.textContent(TAB), 'Course staff');
      for (const errors of [fr.errors, nl.errors, en.errors]) {
        assert.deepEqual(errors, [`[course-staff] MediaWiki:Gadget-${LOCAL_MESSAGES_FILE}: left out nl.coursestaff-tabb`]);
      }
    });
  });

  // Badges. Last in this file: their lists show PERSONAS.multiRole (an account), whom the test of a
  // failing Dashboard above needs uncached; and the live updates add edits.
  describe('badges in lists', () => {
    const isIp = (name: string) => /^\d+\.\d+\.\d+\.\d+$/.test(name);
    /** Each list page, with what makes it show the edits above. */
    const LISTS: Array<[string, string, () => Promise<Record<string, string>>]> = [
      ['Recent changes', 'Special:RecentChanges', async () => ({})],
      ['Related changes', 'Special:RecentChangesLinked', async () => ({ target: 'Science' })],
      ['a history', 'Photosynthesis', async () => ({ action: 'history' })],
      ['a diff', 'Photosynthesis', async () => diffOf(PERSONAS.pastOnly, PERSONAS.onBoth)],
      ['the log', 'Special:Log', async () => ({})],
      ['new pages', 'Special:NewPages', async () => ({})],
      ['the user list', 'Special:ListUsers', async () => ({ limit: '100' })],
    ];

    /** The diff from one user's revision of Photosynthesis to another's. */
    async function diffOf(from: string, to: string): Promise<Record<string, string>> {
      const q = new URLSearchParams({ action: 'query', prop: 'revisions', titles: 'Photosynthesis', rvprop: 'ids|user', rvlimit: '20', format: 'json', formatversion: '2' });
      const body = (await (await fetch(`${wiki.apiUrl}?${q}`)).json()) as { query: { pages: Array<{ revisions: Array<{ revid: number; user: string }> }> } };
      const revid = (user: string) => String(body.query.pages[0]?.revisions.find((r) => r.user === user)?.revid);
      return { diff: revid(to), oldid: revid(from) };
    }

    async function listView(t: TestContext, title: string, params: Record<string, string>, opts: PageOptions = {}) {
      const { context, page, errors } = await openPage(browser, opts);
      t.after(() => context.close());
      page.setDefaultTimeout(10_000);
      const watch = watchBadgeRequests(page);
      // Whether the page loads the main module (ResourceLoader may pack names: "ext.gadget.course-staff,course-staff-main").
      const modules: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('load.php')) modules.push(decodeURIComponent(r.url()));
      });
      await page.goto(wiki.pageUrl(title, { withgadget: GADGET, ...params }));
      return { page, errors, watch, loadedMain: () => modules.some((m) => m.includes('course-staff-main')) };
    }

    /**
     * Exactly one badge after each link of a person with a current course; both kinds shown; the
     * request pattern; every name asked (`remembered`: none, all being remembered from earlier views).
     */
    async function checkList(page: Page, watch: ReturnType<typeof watchBadgeRequests>, dashboard = 'all', remembered = false) {
      const users = await settleBadges(page, watch, base(), { dashboard, remembered });
      const links = await linkStates(page);
      const registered = links.map((l) => l.name).filter((n) => !isIp(n));
      assertBadges(links, users);
      assert.ok(links.some((l) => l.badge !== null), 'nobody with a badge on this page');
      assert.ok(links.some((l) => l.badge === null && (WITHOUT_COURSE as readonly string[]).includes(l.name)), 'nobody without a course on this page');
      assert.deepEqual([...new Set(askedNames(watch.requests))].sort(), remembered ? [] : [...new Set(registered)].sort());
      for (const r of watch.requests) assert.equal(r.dashboard, dashboard);
      assertRequestPattern(watch);
    }

    for (const skin of SKINS) {
      for (const [what, title, params] of LISTS) {
        it(`${skin}, ${what}: one badge after each link of a person in a current course, none after anyone else`, async (t) => {
          const { page, errors, watch } = await listView(t, title, { useskin: skin, ...(await params()) });
          await settle(page);
          await checkList(page, watch);
          if (title === 'Special:RecentChanges') {
            await page.screenshot({ path: await screenshotPath(`wiki-badges-${skin}-recentchanges`) });
            // The card of a person on both Dashboards, by click.
            const expected = (await badgesOf(base(), [PERSONAS.onBoth]))[PERSONAS.onBoth] ?? [];
            await page.locator(`${BADGE}[data-user="${PERSONAS.onBoth}"]`).first().click();
            const card = page.locator(CARD);
            await card.waitFor({ state: 'visible' });
            assert.equal(await card.getAttribute('role'), 'dialog');
            // (hrefs looks inside the dialog, which the card is.)
            assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), expected.map((b) => b.course_url));
            assert.deepEqual(await card.locator('.coursestaff-course h3 a').allTextContents(), expected.map((b) => b.course_title));
            assert.deepEqual(await card.locator('.coursestaff-dashboard').allTextContents(), LABELS);
            assert.deepEqual(await card.locator('.coursestaff-card-role').allTextContents(), ['Facilitator', 'Student']);
            const staff = expected.flatMap((b) => b.staff);
            const talk = await page.evaluate((names) => names.map((n) => new URL(mw.util.getUrl(`User talk:${n}`), location.href).href), staff);
            assert.deepEqual(await hrefs(page, '.coursestaff-staff a'), talk);
            await page.screenshot({ path: await screenshotPath(`wiki-badges-${skin}-card`) });
            await page.mouse.click(2, 2);
            await card.waitFor({ state: 'detached' });
          }
          assert.deepEqual(errors, []);
        });
      }

      it(`${skin}, contributions: one badge after the page user's link in the subtitle, none for a user without a course`, async (t) => {
        const { page, errors, watch } = await listView(t, `Special:Contributions/${PERSONAS.active}`, { useskin: skin });
        await page.locator(BADGE).waitFor();
        await until(() => watch.events.length === 2, 'the answer');
        const subtitle = await linkStates(page, '.mw-contributions-user-tools a');
        assert.deepEqual(subtitle.filter((l) => l.badge).map((l) => [l.name, l.badge?.role]), [[PERSONAS.active, '1']]);
        assert.deepEqual(askedNames(watch.requests), [PERSONAS.active]);
        const past = await listView(t, `Special:Contributions/${PERSONAS.pastOnly}`, { useskin: skin });
        await until(() => past.watch.events.length === 2, 'the answer');
        await settle(past.page);
        assert.deepEqual(askedNames(past.watch.requests), [PERSONAS.pastOnly]);
        assert.equal(await past.page.locator(BADGE).count(), 0);
        assert.deepEqual([...errors, ...past.errors], []);
      });
    }

    it("the watchlist on the five skins, as a logged-in reader whose common.js asks Wiki Education alone; remembered after the first", async (t) => {
      const { page, errors, loginMessages } = await loggedInReader(t);
      for (const [i, skin] of SKINS.entries()) {
        const watch = watchBadgeRequests(page);
        await page.goto(wiki.pageUrl('Special:Watchlist', { useskin: skin }));
        await settle(page);
        // The names asked on the first view are remembered for the session: later views ask nothing.
        await checkList(page, watch, 'wikiedu', i > 0);
        page.removeAllListeners('request');
        page.removeAllListeners('requestfinished');
        page.removeAllListeners('requestfailed');
      }
      assert.deepEqual(errors.slice(loginMessages), []);
    });

    for (const skin of ['vector-2022', 'minerva'] as const) {
      it(`${skin}: the card by keyboard: Enter on a badge opens it with focus inside, Escape closes it back to the badge`, async (t) => {
        const { page, errors } = await listView(t, 'Photosynthesis', { useskin: skin, action: 'history' });
        await settle(page);
        const badge = page.locator(BADGE).first();
        await badge.focus();
        await page.keyboard.press('Enter');
        const card = page.locator(CARD);
        await card.waitFor({ state: 'visible' });
        assert.equal(await card.evaluate((c) => c.contains(document.activeElement)), true);
        await page.keyboard.press('Tab');
        assert.equal(await card.evaluate((c) => c.contains(document.activeElement)), true);
        await page.keyboard.press('Escape');
        await card.waitFor({ state: 'detached' });
        assert.equal(await badge.evaluate((b) => b === document.activeElement), true);
        assert.deepEqual(errors, []);
      });
    }

    it('vector: the card by mouse: hovering opens it, leaving closes it', async (t) => {
      const { page, errors } = await listView(t, 'Special:Log', { useskin: 'vector' });
      await settle(page);
      const badge = page.locator(BADGE).first();
      await badge.hover();
      await page.locator(CARD).waitFor({ state: 'visible' });
      await page.mouse.move(2, 2);
      await page.locator(CARD).waitFor({ state: 'detached' });
      assert.deepEqual(errors, []);
    });

    it("badges: false, a reader's or a wiki's: nothing asked, nothing marked, the main module not even loaded", async (t) => {
      const reader = await listView(t, 'Special:RecentChanges', { useskin: 'timeless' }, { initScript: 'window.courseStaffConfig = { badges: false };' });
      await settle(reader.page);
      assert.equal(reader.watch.requests.length, 0);
      assert.equal(await reader.page.locator(BADGE).count(), 0);
      assert.ok((await linkStates(reader.page)).length > 0);
      assert.equal(reader.loadedMain(), false);
      const { context, page, errors } = await openPage(browser);
      t.after(() => context.close());
      const watch = watchBadgeRequests(page);
      await page.goto(otherWiki.pageUrl('Special:RecentChanges', { withgadget: GADGET }));
      await settle(page);
      assert.ok((await linkStates(page)).some((l) => l.name === PERSONAS.onBoth));
      assert.equal(watch.requests.length, 0);
      assert.equal(await page.locator(BADGE).count(), 0);
      assert.deepEqual([...reader.errors, ...errors], []);
    });

    it('a page with nothing to do loads the loader alone and asks nothing', async (t) => {
      const { page, watch, loadedMain } = await listView(t, 'Main Page', { useskin: 'vector-2022' });
      await settle(page);
      assert.equal(watch.requests.length, 0);
      assert.equal(loadedMain(), false);
    });

    for (const [skin, enhanced, editor] of [
      ['vector', '0', LATE_EDITORS[0]],
      ['vector-2022', '1', LATE_EDITORS[1]],
    ] as const) {
      it(`${skin}, Recent changes${enhanced === '1' ? ' grouped by page' : ''} with live updates: the new list is marked, only the new name asked`, async (t) => {
        const { page, errors, watch } = await listView(t, 'Special:RecentChanges', { useskin: skin, enhanced });
        await settleBadges(page, watch, base());
        const before = askedNames(watch.requests);
        assert.ok(!before.includes(editor));
        await page.locator('.mw-rcfilters-ui-liveUpdateButtonWidget').locator('a, button').first().click();
        await wiki.fill({ edits: [{ user: editor, title: 'Coral reef', text: `Reefs grow slowly, said ${editor}.` }] });
        // RCFilters polls every few seconds, then replaces the list and fires wikipage.content.
        await page.waitForFunction((name) => [...document.querySelectorAll('a.mw-userlink')].some((a) => a.textContent === name), editor, { timeout: 30_000 });
        await page.waitForFunction((name) => document.querySelector(`.coursestaff-badge[data-user="${name}"]`), editor);
        await settle(page);
        assert.deepEqual(askedNames(watch.requests.slice(1)), [editor]);
        await checkList(page, watch);
        assert.deepEqual(errors, []);
      });
    }
  });
});
