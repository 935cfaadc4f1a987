// Badges in lists on the stand-in page (/test-gadget.html, gadget/test-page/lists.js) in headless
// Chromium, against the real service (its /api/badges indexing the demo campaigns) and the fake Dashboards.
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PERSONAS } from '../../demo/demo-world.js';
import { WIKIEDU_PERSONAS } from '../../demo/wikiedu-world.js';
import { launchBrowser, openPage, screenshotPath, type PageOptions } from '../../support/browser.js';
import { useService, type Service } from '../../support/service.js';
import { SKINS, testPageUrl, type Scenario } from './scenario.js';
import { RECORDING_CLIPBOARD, TAB } from './support/page-parts.js';
import {
  BADGE,
  CARD,
  askedNames,
  assertBadges,
  assertRequestPattern,
  badgesOf,
  linkStates,
  settleBadges,
  until,
  watchBadgeRequests,
} from './support/badges.js';

/** By the agreement with the demo worlds: personas with a course whose tracking window is open, and some without. */
const CURRENT = [PERSONAS.active, PERSONAS.onBoth, WIKIEDU_PERSONAS.student, PERSONAS.multiRole, WIKIEDU_PERSONAS.programManager];
const NOT_CURRENT = [PERSONAS.pastOnly, PERSONAS.noCourses, PERSONAS.unknown];
const IGNORED = ['192.0.2.7', '2001:db8::7', '~2026-12345-6'];
/** The part of MediaWiki's client API the tests call in the page. */
declare const mw: { util: { getUrl(title: string): string } };

const LISTS = ['recentchanges', 'recentchangeslinked', 'watchlist', 'history', 'diff', 'log', 'newpages', 'listusers'] as const;

describe('badges in lists on the stand-in page', () => {
  const svc = useService();
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function view(t: TestContext, s: Scenario, opts: PageOptions = {}) {
    const { context, page, errors } = await openPage(browser, opts);
    t.after(() => context.close());
    page.setDefaultTimeout(10_000);
    const watch = watchBadgeRequests(page);
    await page.goto(testPageUrl(svc.url, { dbname: 'enwiki', ...s }));
    return { context, page, errors, watch };
  }

  /** Until the gadget ran and its requests (if any) are answered. */
  async function settle(page: Page): Promise<void> {
    await page.waitForFunction(() => (window as { courseStaffGadgetLoaded?: boolean }).courseStaffGadgetLoaded);
    await page.waitForLoadState('networkidle');
  }




  it('the service follows the demo campaigns: a badge for personas with a current course, none for the others', async () => {
    const users = await badgesOf(svc.url, [...CURRENT, ...NOT_CURRENT]);
    assert.deepEqual(Object.keys(users).sort(), [...CURRENT].sort());
    assert.deepEqual(
      users[PERSONAS.onBoth]?.map((b) => b.dashboard),
      ['outreach', 'wikiedu'],
    );
  });

  for (const list of LISTS) {
    it(`${list}: one badge after each link of a person in a current course, none after anyone else, after one request`, async (t) => {
      const { page, errors, watch } = await view(t, { page: list });
      const users = await settleBadges(page, watch, svc.url);
      const links = await linkStates(page);
      assertBadges(links, users);
      // The link is as MediaWiki made it: the badge is beside it, not in it.
      for (const link of links) assert.match(link.classes, /^mw-userlink( mw-anonuserlink| mw-tempuserlink)?$/);
      for (const link of links) assert.ok(link.title === `User:${link.name}` || link.title?.startsWith('Special:Contributions/'), link.title ?? '');
      assert.ok(links.some((l) => l.badge !== null), 'nobody badged');
      assert.equal(watch.requests.length, 1);
      assert.equal(watch.requests[0]?.method, 'POST');
      assert.equal(watch.requests[0]?.dashboard, 'all');
      assert.deepEqual(askedNames(watch.requests).sort(), [...new Set(links.map((l) => l.name).filter((n) => !IGNORED.includes(n)))].sort());
      assertRequestPattern(watch);
      assert.deepEqual(errors, []);
    });
  }

  it('recentchanges: the personas with a current course have a badge, the others and IP addresses none', async (t) => {
    const { page, watch } = await view(t, { page: 'recentchanges' });
    await settleBadges(page, watch, svc.url);
    const badged = new Set((await linkStates(page)).filter((l) => l.badge).map((l) => l.name));
    for (const name of CURRENT) assert.ok(badged.has(name), name);
    for (const name of [...NOT_CURRENT, ...IGNORED]) assert.ok(!badged.has(name), name);
  });

  it("contributions: one badge after the page user's link in the subtitle, the tab as before", async (t) => {
    const { page, watch, errors } = await view(t, { page: 'contributions', user: PERSONAS.onBoth });
    await page.locator(TAB).waitFor();
    await page.locator(BADGE).waitFor();
    await until(() => watch.events.length === 2);
    const subtitle = await linkStates(page, '#contentSub a');
    assert.deepEqual(subtitle.filter((l) => l.badge).map((l) => [l.name, l.badge?.role]), [[PERSONAS.onBoth, '1']]);
    assert.deepEqual(askedNames(watch.requests), [PERSONAS.onBoth]);
    const past = await view(t, { page: 'contributions', user: PERSONAS.pastOnly });
    await until(() => past.watch.events.length === 2);
    await settle(past.page);
    assert.equal(await past.page.locator(BADGE).count(), 0);
    assert.deepEqual(errors, []);
  });

  it('badges: false asks nothing and marks nothing; the tab stays', async (t) => {
    const { page, watch } = await view(t, { page: 'recentchanges', badges: false });
    await settle(page);
    assert.equal(watch.requests.length, 0);
    assert.equal(await page.locator(BADGE).count(), 0);
    // Nothing to do on the page: the main module is not even loaded.
    assert.equal(await page.evaluate(() => Boolean((window as { mw?: { libs: { courseStaff?: unknown } } }).mw?.libs.courseStaff)), false);
    const contributions = await view(t, { page: 'contributions', user: PERSONAS.active, badges: false });
    await contributions.page.locator(TAB).waitFor();
    await settle(contributions.page);
    assert.equal(contributions.watch.requests.length, 0);
  });

  it('an article: the loader alone, no request, no main module', async (t) => {
    const { page, watch } = await view(t, { page: 'article' });
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await settle(page);
    await page.reload();
    await settle(page);
    assert.equal(watch.requests.length, 0);
    assert.deepEqual(loaded.filter((p) => p.startsWith('/gadget/')), ['/gadget/course-staff.js']);
  });

  it('live updates and changed filters: scanned again, only new names asked, every new link marked', async (t) => {
    const { page, watch, errors } = await view(t, { page: 'recentchanges' });
    await settleBadges(page, watch, svc.url);
    const first = askedNames(watch.requests);
    await page.click('#testpage-live-update');
    await page.waitForFunction(() => document.querySelector('[data-generation="1"]'));
    const users = await settleBadges(page, watch, svc.url);
    assert.equal(watch.requests.length, 2);
    const second = watch.requests[1]?.names ?? [];
    const shown = (await linkStates(page)).map((l) => l.name).filter((n) => !IGNORED.includes(n));
    assert.deepEqual(second.sort(), [...new Set(shown.filter((n) => !first.includes(n)))].sort());
    assertBadges(await linkStates(page), users);
    // A narrower filter shows nobody new: nothing to ask; the links it shows are new elements, marked.
    await page.click('#testpage-filter');
    await page.waitForFunction(() => document.querySelector('[data-generation="2"]'));
    const narrowed = await settleBadges(page, watch, svc.url);
    assertBadges(await linkStates(page), narrowed);
    assert.equal(watch.requests.length, 2);
    assertRequestPattern(watch);
    assert.deepEqual(errors, []);
  });

  it('a list replaced while its names are being asked: what was not sent yet is dropped, answers mark only the new list', async (t) => {
    const { context, page, errors } = await openPage(browser);
    t.after(() => context.close());
    const watch = watchBadgeRequests(page);
    // Hold the first answer until the list has been replaced.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let first = true;
    await page.route('**/api/badges', async (route) => {
      if (first) {
        first = false;
        await held;
      }
      await route.continue();
    });
    await page.goto(testPageUrl(svc.url, { page: 'recentchanges', rows: 240, dbname: 'enwiki' }));
    await until(() => watch.requests.length === 1);
    const old = (await linkStates(page)).map((l) => l.name);
    await page.click('#testpage-live-update');
    release();
    await page.waitForFunction(() => document.querySelector('[data-generation="1"]'));
    const users = await settleBadges(page, watch, svc.url);
    const shown = (await linkStates(page)).map((l) => l.name);
    const sentFirst = watch.requests[0]?.names ?? [];
    const later = askedNames(watch.requests.slice(1));
    // Old names beyond the first request were never asked: only the new list's.
    for (const name of later) assert.ok(shown.includes(name), `${name} is not in the new list`);
    assert.ok(old.some((n) => !sentFirst.includes(n) && !shown.includes(n) && !IGNORED.includes(n)), 'the old list had names left to ask');
    assertBadges(await linkStates(page), users);
    assertRequestPattern(watch);
    assert.deepEqual(errors, []);
  });

  it('500 user links: at most 50 names a request, one request at a time, no name twice, all marked; a reload asks nothing', async (t) => {
    const { page, watch, errors } = await view(t, { page: 'recentchanges', rows: 500 });
    await page.waitForFunction((n) => document.querySelectorAll('a.mw-userlink').length === n, 500);
    const users = await settleBadges(page, watch, svc.url);
    const links = await linkStates(page);
    assert.equal(links.length, 500);
    const distinct = new Set(links.map((l) => l.name).filter((n) => !IGNORED.includes(n)));
    assert.deepEqual(new Set(askedNames(watch.requests)), distinct);
    assert.equal(watch.requests.length, Math.ceil(distinct.size / 50));
    assertRequestPattern(watch);
    assertBadges(links, users);
    // Remembered for the session, like the tab's answers.
    await page.reload();
    await settle(page);
    const remembered = await settleBadges(page, watch, svc.url, { remembered: true });
    assertBadges(await linkStates(page), remembered);
    assert.equal(watch.requests.length, Math.ceil(distinct.size / 50));
    assert.deepEqual(errors, []);
  });

  it('the card by mouse: hover opens it and leaving closes it; click keeps it; an outside click closes it; one at a time', async (t) => {
    const { page, errors, watch } = await view(t, { page: 'recentchanges' }, { initScript: RECORDING_CLIPBOARD });
    const users = await settleBadges(page, watch, svc.url);
    const badge = page.locator(`${BADGE}[data-user="${PERSONAS.onBoth}"]`).first();
    await badge.hover();
    await page.locator(CARD).waitFor();
    assert.equal(await badge.getAttribute('aria-expanded'), 'true');
    await page.mouse.move(5, 5);
    await page.locator(CARD).waitFor({ state: 'detached' });
    assert.equal(await badge.getAttribute('aria-expanded'), 'false');

    await badge.click();
    const card = page.locator(CARD);
    await card.waitFor();
    assert.equal(await card.getAttribute('role'), 'dialog');
    assert.equal(await card.locator('h2').textContent(), `Current courses of ${PERSONAS.onBoth}`);
    const badges = users[PERSONAS.onBoth] ?? [];
    assert.deepEqual(await card.locator('.coursestaff-course h3 a').allTextContents(), badges.map((b) => b.course_title ?? b.course_slug));
    assert.deepEqual(await card.locator('.coursestaff-course h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), badges.map((b) => b.course_url));
    assert.deepEqual(await card.locator('.coursestaff-dashboard').allTextContents(), ['Programs & Events Dashboard', 'Wiki Education Dashboard']);
    assert.deepEqual(await card.locator('.coursestaff-card-role').allTextContents(), ['Facilitator', 'Student']);
    assert.deepEqual(await card.locator('.coursestaff-staff a').allTextContents(), badges.flatMap((b) => b.staff));
    assert.deepEqual(
      await card.locator('.coursestaff-staff a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      await page.evaluate((names) => names.map((n) => mw.util.getUrl(`User talk:${n}`)), badges.flatMap((b) => b.staff)),
    );
    // The mouse leaving does not close a clicked card.
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    assert.equal(await card.count(), 1);
    // The same ping as the tab's.
    await card.locator('.coursestaff-copy').click();
    const staff = [...new Set(badges.flatMap((b) => b.staff))].sort();
    assert.equal(await page.evaluate(() => (window as { __copied?: string }).__copied), `{{ping|${staff.join('|')}}}`);
    // Another badge: its card replaces this one.
    await page.locator(`${BADGE}[data-user="${WIKIEDU_PERSONAS.student}"]`).first().click();
    await page.waitForFunction((name) => document.querySelector('.coursestaff-card h2')?.textContent?.endsWith(name), WIKIEDU_PERSONAS.student);
    assert.equal(await page.locator(CARD).count(), 1);
    await page.mouse.click(5, 5);
    await page.locator(CARD).waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  });

  it('the card by keyboard: Tab reaches a badge, Enter opens it with focus inside, Escape closes it back to the badge, Tab past its end closes it', async (t) => {
    const { page, errors, watch } = await view(t, { page: 'history' });
    await settleBadges(page, watch, svc.url);
    const first = page.locator(BADGE).first();
    await first.focus();
    assert.equal(await first.getAttribute('role'), 'button');
    assert.equal(await first.getAttribute('tabindex'), '0');
    assert.equal(await page.locator(CARD).count(), 0, 'focus alone opens nothing');
    await page.keyboard.press('Enter');
    const card = page.locator(CARD);
    await card.waitFor();
    assert.equal(await card.evaluate((c) => c.contains(document.activeElement)), true);
    assert.equal(await first.getAttribute('aria-controls'), await card.getAttribute('id'));
    assert.equal(await card.getAttribute('aria-labelledby'), await card.locator('h2').getAttribute('id'));
    await page.keyboard.press('Tab');
    assert.equal(await card.evaluate((c) => c.contains(document.activeElement)), true);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    assert.equal(await first.evaluate((b) => b === document.activeElement), true);
    await page.keyboard.press(' ');
    await card.waitFor();
    const stops = await card.locator('a[href], button:not([disabled])').count();
    for (let i = 0; i < stops + 1; i++) await page.keyboard.press('Tab');
    await card.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  });

  it('says the role and the course in the badge\'s accessible name, in German too', async (t) => {
    const { page, watch } = await view(t, { page: 'recentchanges' });
    await settleBadges(page, watch, svc.url);
    const label = (name: string) => page.locator(`${BADGE}[data-user="${name}"]`).first().getAttribute('aria-label');
    // The course's title sits between Unicode isolates (FSI, PDI): it keeps its own direction.
    assert.equal(await label(WIKIEDU_PERSONAS.student), 'Student, current course: \u2068Environmental Science\u2069');
    assert.match((await label(PERSONAS.onBoth)) ?? '', /^Facilitator, 2 current courses$/);
    const de = await view(t, { page: 'recentchanges', lang: 'de' });
    await settleBadges(de.page, de.watch, svc.url);
    assert.equal(
      await de.page.locator(`${BADGE}[data-user="${WIKIEDU_PERSONAS.student}"]`).first().getAttribute('aria-label'),
      'Studierende Person, aktueller Kurs: \u2068Environmental Science\u2069',
    );
  });

  it('in Arabic: the accessible name in Arabic with its lang, the card in Arabic, right to left, under the badge by its right edge', async (t) => {
    const { page, watch, errors } = await view(t, { page: 'log', lang: 'ar' });
    await settleBadges(page, watch, svc.url);
    const badge = page.locator(`${BADGE}[data-user="${WIKIEDU_PERSONAS.student}"]`).first();
    assert.equal(await badge.getAttribute('lang'), 'ar');
    assert.equal(await badge.getAttribute('aria-label'), 'طالب، الدورة الحالية: \u2068Environmental Science\u2069');
    // The badge has no direction of its own: the page's.
    assert.equal(await badge.evaluate((b) => getComputedStyle(b).direction), 'rtl');
    await badge.click();
    const card = page.locator(CARD);
    await card.waitFor();
    assert.deepEqual(await card.evaluate((c) => [c.getAttribute('lang'), c.getAttribute('dir'), getComputedStyle(c).direction]), ['ar', 'rtl', 'rtl']);
    assert.equal(await card.locator('h2').textContent(), `دورات ${WIKIEDU_PERSONAS.student} الحالية`);
    assert.equal(await card.locator('h2 > bdi').textContent(), WIKIEDU_PERSONAS.student);
    assert.deepEqual(await card.locator('.coursestaff-card-role').allTextContents(), ['طالب']);
    const box = await badge.boundingBox();
    const cardBox = await card.boundingBox();
    assert.ok(box && cardBox);
    assert.ok(Math.abs(cardBox.x + cardBox.width - (box.x + box.width)) < 2 || cardBox.x === 0, `card ${JSON.stringify(cardBox)} badge ${JSON.stringify(box)}`);
    assert.ok(cardBox.y >= box.y + box.height);
    await page.screenshot({ path: await screenshotPath('badges-ar-card') });
    assert.deepEqual(errors, []);
  });

  it('right to left: the card opens under the badge, right edges aligned', async (t) => {
    const { page, watch } = await view(t, { page: 'log' });
    await settleBadges(page, watch, svc.url);
    await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
    const badge = page.locator(BADGE).nth(2);
    await badge.click();
    const card = await page.locator(CARD).boundingBox();
    const box = await badge.boundingBox();
    assert.ok(card && box);
    assert.ok(Math.abs(card.x + card.width - (box.x + box.width)) < 2 || card.x === 0, `card ${JSON.stringify(card)} badge ${JSON.stringify(box)}`);
    assert.ok(card.y >= box.y + box.height);
  });

  it('installed as a personal script: loads the main module and styles from next to the loader', async (t) => {
    const { context, page, errors } = await openPage(browser);
    t.after(() => context.close());
    const watch = watchBadgeRequests(page);
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto(testPageUrl(svc.url, { page: 'newpages', install: 'script', dbname: 'enwiki' }));
    const users = await settleBadges(page, watch, svc.url);
    assert.deepEqual(loaded.filter((p) => p.startsWith('/gadget/')).sort(), ['/gadget/course-staff-main.js', '/gadget/course-staff.css', '/gadget/course-staff.js']);
    assertBadges(await linkStates(page), users);
    const shape = await page.locator(BADGE).first().evaluate((b) => getComputedStyle(b, '::before').position);
    assert.equal(shape, 'absolute', 'the styles are loaded');
    assert.deepEqual(errors, []);
  });

  it('a failing service: one warning, no badge, no page error, and no more requests on this page', async (t) => {
    const { context, page, errors } = await openPage(browser);
    t.after(() => context.close());
    const watch = watchBadgeRequests(page);
    await page.route('**/api/badges', (route) => route.fulfill({ status: 503, body: 'down', headers: { 'access-control-allow-origin': '*' } }));
    await page.goto(testPageUrl(svc.url, { page: 'recentchanges', rows: 200 }));
    await settle(page);
    await page.click('#testpage-live-update');
    await settle(page);
    assert.equal(watch.requests.length, 1);
    assert.equal(await page.locator(BADGE).count(), 0);
    assert.equal(errors.filter((e) => e.includes('[course-staff]')).length, 1, errors.join('\n'));
    assert.ok(!errors.some((e) => /Uncaught|TypeError/.test(e)), errors.join('\n'));
  });

  for (const skin of SKINS) {
    for (const theme of skin === 'vector-2022' || skin === 'minerva' ? (['light', 'night'] as const) : (['light'] as const)) {
      it(`${skin}, ${theme}: badges in Recent changes and an open card, readable (screenshots)`, async (t) => {
        const { page, errors, watch } = await view(t, { page: 'recentchanges', skin, theme });
        const users = await settleBadges(page, watch, svc.url);
        assertBadges(await linkStates(page), users);
        await page.screenshot({ path: await screenshotPath(`badges-${skin}-${theme}-recentchanges`) });
        await page.locator(`${BADGE}[data-user="${PERSONAS.active}"]`).first().click();
        const card = page.locator(CARD);
        await card.waitFor();
        const [background, color] = await card.evaluate((c) => [getComputedStyle(c).backgroundColor, getComputedStyle(c).color]);
        const dark = theme === 'night';
        assert.equal(background === 'rgb(255, 255, 255)', !dark, `${theme}: background ${background}, text ${color}`);
        await page.screenshot({ path: await screenshotPath(`badges-${skin}-${theme}-card`) });
        assert.deepEqual(errors, []);
      });
    }
  }
});
