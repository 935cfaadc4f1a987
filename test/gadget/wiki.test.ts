// The gadget in a real MediaWiki (Debian's 1.39 LTS, test/gadget/support/mediawiki.ts), installed by
// the deploy tool as GADGET.md describes, pointed at the real service and the two fake Dashboards
// through MediaWiki:Common.js, in headless Chromium on the five skins. That wiki is English
// Wikipedia as far as the gadget can tell (`$wgDBname` enwiki), so it asks both Dashboards by
// default; a second wiki (dewiki), installed by GADGET.md's manual steps, shows the default elsewhere.
// Badges: demo users with and without a current course edit, create pages and have accounts, so
// that Recent changes, Related changes, the watchlist, a history, a diff, the log, new pages, the
// user list and contributions show both; /api/badges comes from support/badges-stand-in.ts until
// the service has its own (the switch is one change there).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { PERSONAS } from '../../demo/demo-world.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS } from '../../demo/wikiedu-world.js';
import { useService, type Service } from '../../support/service.js';
import { withBadges, type BadgesService } from '../../support/badges-stand-in.js';
import { launchBrowser, openPage, screenshotPath, type PageOptions } from '../../support/browser.js';
import { newBotPassword, newPassword, startWiki, type TestWiki } from './support/mediawiki.js';
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
  courses: Array<{ course_slug: string; course_title: string; course_url: string; dashboard: string; staff: string[] }>;
}

const read = (path: string) => readFile(new URL(path, ROOT), 'utf8');

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
  /** The service with /api/badges: the gadget's API base. */
  let api: BadgesService;
  let browser: Browser;
  let wiki: TestWiki;
  /** Another wiki than English Wikipedia, with the gadget installed by hand. */
  let otherWiki: TestWiki;
  const deploys: Array<{ code: number; output: string }> = [];

  before(async () => {
    browser = await launchBrowser();
    api = await withBadges(svc);
    const siteSettings = (more: Record<string, unknown> = {}) =>
      `mw.config.set( ${JSON.stringify({
        ...more,
        wgCourseStaffApiBase: api.url,
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
    // GADGET.md's steps 1-3 by hand, and its Common.js line.
    otherWiki = await startWiki({
      dbName: 'dewiki',
      accounts: [{ name: PERSONAS.onBoth }],
      pages: {
        [ON_BOTH]: 'Hallo.',
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
    await api?.close();
  });

  /** The gadget's API base, as MediaWiki:Common.js sets it. */
  const base = () => api.url;

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
  async function loggedInReader(t: TestContext) {
    const { context, page, errors } = await openPage(browser);
    t.after(() => context.close());
    await page.goto(wiki.pageUrl('Special:UserLogin'));
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
    assert.deepEqual(outcomes, [
      [...Array(5).fill('would create'), 'would update'],
      [...Array(5).fill('created'), 'updated'],
      Array(6).fill('unchanged'),
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
    for (const file of ['course-staff.js', 'course-staff-main.js', 'course-staff.css']) {
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
      // Hovering shows the copy button's tooltip: it names the template literally.
      assert.equal(await dialog.locator('.coursestaff-copy').getAttribute('title'), 'Copy a {{ping}} template naming every staff member');
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
    assert.equal(await page.getAttribute(`${DIALOG} .coursestaff-copy`, 'title'), 'Eine {{ping}}-Vorlage mit allen Teammitgliedern kopieren');
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
