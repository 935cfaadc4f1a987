// The gadget in headless Chromium against the real service and the fake Dashboard (demo world).
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { MANY_STAFF, PERSONAS } from '../../demo/demo-world.js';
import { WIKIEDU_PERSONAS } from '../../demo/wikiedu-world.js';
import { openPage, serviceAndBrowser, type PageOptions } from '../../support/browser.js';
import { testPageUrl, type Scenario } from './scenario.js';
import { TAB, DIALOG, RECORDING_CLIPBOARD, REFUSING_CLIPBOARD, NO_CLIPBOARD } from './support/page-parts.js';

/** The Dashboards' real hosts: the gadget's defaults for profile links. */
const OUTREACH = 'https://outreachdashboard.wmflabs.org';
const WIKIEDU = 'https://dashboard.wikiedu.org';

interface ActiveStaff {
  username: string;
  all_staff: string[];
  courses: Array<{ course_slug: string; course_title: string; course_url: string; dashboard: string; staff: string[]; start: string | null; user_role: string }>;
}

const hrefs = (page: Page, sel: string) => page.locator(`${DIALOG} ${sel}`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));

describe('course staff gadget in the browser', () => {
  const env = serviceAndBrowser();

  /** Opens the test page; `api` collects "METHOD url" of every active-staff request. */
  async function view(t: TestContext, s: Scenario, opts: PageOptions = {}) {
    const { context, page, errors } = await openPage(env.browser, opts);
    t.after(() => context.close());
    const api: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/active-staff')) api.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(testPageUrl(env.svc.url, s));
    return { page, errors, api };
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForFunction(() => (window as { courseStaffGadgetLoaded?: boolean }).courseStaffGadgetLoaded);
    await page.waitForLoadState('networkidle');
  }

  /** The service's answer, as the gadget asks for it. */
  async function activeStaff(user: string, query = ''): Promise<ActiveStaff> {
    const res = await env.svc.get(`/api/users/${encodeURIComponent(user)}/active-staff${query}`);
    assert.equal(res.status, 200);
    return res.body as ActiveStaff;
  }

  async function openPanel(page: Page): Promise<void> {
    await page.click(TAB);
    await page.waitForSelector(DIALOG);
  }

  it('adds the tab for a user with an active course, after one plain GET', async (t) => {
    const { page, api, errors } = await view(t, { user: PERSONAS.active });
    await page.waitForSelector(TAB);
    assert.equal(await page.textContent(TAB), 'Course staff');
    assert.equal(await page.getAttribute(TAB, 'aria-haspopup'), 'dialog');
    await settle(page);
    assert.deepEqual(api, [`GET ${env.svc.url}/api/users/%C3%89milie%20Dupont/active-staff`]);
    assert.deepEqual(errors, []);
  });

  for (const page of ['usertalk', 'contributions'] as const) {
    it(`adds the tab on the ${page} page too`, async (t) => {
      const v = await view(t, { user: PERSONAS.active, page });
      await v.page.waitForSelector(TAB);
    });
  }

  for (const [what, user] of [
    ['only past courses', PERSONAS.pastOnly],
    ['no courses', PERSONAS.noCourses],
    ['an unknown user (404)', PERSONAS.unknown],
  ] as const) {
    it(`adds nothing for ${what}, after asking once`, async (t) => {
      const { page, api } = await view(t, { user });
      await settle(page);
      assert.equal(api.length, 1);
      assert.equal(await page.locator('#ca-coursestaff').count(), 0);
    });
  }

  for (const [what, s] of [
    ['an IPv4 address', { user: '192.0.2.7' }],
    ['an IPv6 address', { user: '2001:db8::7' }],
    ['a temporary account', { user: '~2026-12345-6' }],
    ['an article page', { user: PERSONAS.active, page: 'article' }],
  ] as const) {
    it(`neither asks nor adds anything for ${what}`, async (t) => {
      const { page, api } = await view(t, s);
      await settle(page);
      assert.deepEqual(api, []);
      assert.equal(await page.locator('#ca-coursestaff').count(), 0);
    });
  }

  it('fails quietly when the service errs: no tab, no page error, the page intact', async (t) => {
    const { context, page, errors } = await openPage(env.browser);
    t.after(() => context.close());
    await page.route('**/active-staff*', (route) => route.fulfill({ status: 500, body: 'oops' }));
    await page.goto(testPageUrl(env.svc.url, { user: PERSONAS.active }));
    await settle(page);
    assert.equal(await page.locator('#ca-coursestaff').count(), 0);
    assert.ok(errors.some((e) => e.includes('[course-staff]')), errors.join('\n'));
    assert.ok(!errors.some((e) => /Uncaught|TypeError/.test(e)), errors.join('\n'));
    assert.equal(await page.textContent('#firstHeading'), `User:${PERSONAS.active}`);
  });

  it('calls a service on another origin without a preflight, sending no cookies or custom headers', async (t) => {
    const { context, page } = await openPage(env.browser);
    t.after(() => context.close());
    const requests: Array<{ method: string; headers: Record<string, string> }> = [];
    page.on('request', (r) => {
      if (r.url().includes('/active-staff')) requests.push({ method: r.method(), headers: r.headers() });
    });
    const pageOrigin = env.svc.url.replace('127.0.0.1', 'localhost');
    await page.goto(testPageUrl(pageOrigin, { user: PERSONAS.active, api: env.svc.url }));
    await page.waitForSelector(TAB);
    assert.deepEqual(requests.map((r) => r.method), ['GET']);
    const headers = Object.keys(requests[0]?.headers ?? {}).filter((h) => !/^(sec-|accept|referer|user-agent|origin)/.test(h));
    assert.deepEqual(headers, []);
  });

  it('lists each active course with its Dashboard, link, dates, role, staff talk links and the profile link', async (t) => {
    const expected = await activeStaff(PERSONAS.active);
    const { page } = await view(t, { user: PERSONAS.active });
    await openPanel(page);
    const dialog = page.locator(DIALOG);
    assert.equal(await dialog.locator('h2').textContent(), `Course staff of ${PERSONAS.active}`);
    const titles = await dialog.locator('.coursestaff-course h3 a').allTextContents();
    assert.deepEqual(titles, expected.courses.map((c) => c.course_title));
    assert.deepEqual(
      await dialog.locator('.coursestaff-dashboard').allTextContents(),
      expected.courses.map(() => 'Programs & Events Dashboard'),
    );

    // Each course links to the page the service names (here on the fake Dashboard).
    const courseLinks = await hrefs(page, '.coursestaff-course h3 a');
    assert.deepEqual(courseLinks, expected.courses.map((c) => c.course_url));
    assert.ok(
      courseLinks.includes(`${env.svc.dashboard.url}/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)`),
      courseLinks.join('\n'),
    );
    const first = dialog.locator('.coursestaff-course').first();
    const details = await first.locator('dd').allTextContents();
    // The Dashboard's English name of the role, in the gadget's words for a Programs & Events course.
    const role = { Student: 'Participant', Instructor: 'Facilitator' }[expected.courses[0]?.user_role ?? ''];
    assert.ok(role && details.includes(role), `${expected.courses[0]?.user_role}: ${details.join(' | ')}`);
    // Dates are shown readably ("Nov 22, 2026 – Dec 6, 2026"), never as ISO strings.
    const dates = details.filter((d) => / – /.test(d));
    assert.equal(dates.length, 2, details.join(' | '));
    for (const d of dates) assert.match(d, /^[A-Z][a-z]{2} \d{1,2}, \d{4} – [A-Z][a-z]{2} \d{1,2}, \d{4}$/);

    const talk = await first.locator('.coursestaff-staff a').evaluateAll((as) =>
      as.map((a) => [a.textContent, a.getAttribute('href')]),
    );
    assert.deepEqual(
      talk,
      expected.courses[0]?.staff.map((n) => [n, `/wiki/User_talk:${encodeURIComponent(n.replace(/ /g, '_')).replace(/%2F/g, '/')}`]),
    );
    assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), [`${OUTREACH}/users/%C3%89milie%20Dupont`]);
    assert.equal(await dialog.locator('a.coursestaff-profile').textContent(), `Profile of ${PERSONAS.active} on the Programs & Events Dashboard`);
    assert.equal(
      await dialog.locator('.coursestaff-summary').textContent(),
      `${expected.courses.length} active courses, ${expected.all_staff.length} staff members`,
    );
  });

  it('uses the event window and a configured Programs & Events base for the profile link when asked', async (t) => {
    const expected = await activeStaff(PERSONAS.active, '?use_event_dates=true');
    const { page, api } = await view(t, { user: PERSONAS.active, events: true, outreachBase: 'https://dash.example.org/' });
    await openPanel(page);
    assert.deepEqual(api, [`GET ${env.svc.url}/api/users/%C3%89milie%20Dupont/active-staff?use_event_dates=true`]);
    assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), expected.courses.map((c) => c.course_url));
    assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), ['https://dash.example.org/users/%C3%89milie%20Dupont']);
  });

  it('asks Programs & Events alone by default, and both Dashboards where wgDBname is enwiki', async (t) => {
    const user = `GET ${env.svc.url}/api/users/Noor%20Haddad/active-staff`;
    const elsewhere = await view(t, { user: PERSONAS.onBoth, dbname: 'dewiki' });
    await openPanel(elsewhere.page);
    assert.deepEqual(elsewhere.api, [user]);
    assert.deepEqual(await elsewhere.page.locator(`${DIALOG} .coursestaff-dashboard`).allTextContents(), ['Programs & Events Dashboard']);
    const enwiki = await view(t, { user: PERSONAS.onBoth, dbname: 'enwiki' });
    await openPanel(enwiki.page);
    assert.deepEqual(enwiki.api, [`${user}?dashboard=all`]);
    assert.deepEqual(await enwiki.page.locator(`${DIALOG} .coursestaff-dashboard`).allTextContents(), [
      'Programs & Events Dashboard',
      'Wiki Education Dashboard',
    ]);
  });

  it("shows a person on both Dashboards with both Dashboards' courses, each linked to its course page, and a profile link on each", async (t) => {
    const expected = await activeStaff(PERSONAS.onBoth, '?dashboard=all');
    assert.deepEqual(expected.courses.map((c) => c.dashboard), ['outreach', 'wikiedu']);
    const { page, errors } = await view(t, { user: PERSONAS.onBoth, dbname: 'enwiki' });
    await openPanel(page);
    const dialog = page.locator(DIALOG);
    assert.deepEqual(await dialog.locator('.coursestaff-course h3 a').allTextContents(), expected.courses.map((c) => c.course_title));
    assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), [
      `${env.svc.dashboard.url}/courses/Wikimedia_Levant/Wikidata_Libraries_Sprint`,
      `${env.svc.wikiedu.url}/courses/Riverside_University/Environmental_Science_(Spring_2026)`,
    ]);
    assert.deepEqual(await dialog.locator('.coursestaff-staff a').allTextContents(), expected.courses.flatMap((c) => c.staff));
    assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), [`${OUTREACH}/users/Noor%20Haddad`, `${WIKIEDU}/users/Noor%20Haddad`]);
    assert.deepEqual(await dialog.locator('a.coursestaff-profile').allTextContents(), [
      'Profile of Noor Haddad on the Programs & Events Dashboard',
      'Profile of Noor Haddad on the Wiki Education Dashboard',
    ]);
    assert.equal(await dialog.locator('.coursestaff-unreachable').count(), 0);
    assert.equal(await dialog.locator('.coursestaff-summary').textContent(), `2 active courses, ${expected.all_staff.length} staff members`);
    assert.deepEqual(errors, []);
  });

  it('asks Wiki Education alone when set so, with its base for the profile link', async (t) => {
    const { page, api } = await view(t, { user: PERSONAS.onBoth, dashboards: 'wikiedu', wikieduBase: 'https://edu.example.org' });
    await openPanel(page);
    assert.deepEqual(api, [`GET ${env.svc.url}/api/users/Noor%20Haddad/active-staff?dashboard=wikiedu`]);
    assert.deepEqual(await page.locator(`${DIALOG} .coursestaff-dashboard`).allTextContents(), ['Wiki Education Dashboard']);
    assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), ['https://edu.example.org/users/Noor%20Haddad']);
  });

  it('shows a Wiki Education student on English Wikipedia, and not where only Programs & Events is asked', async (t) => {
    const enwiki = await view(t, { user: WIKIEDU_PERSONAS.student, dbname: 'enwiki' });
    await openPanel(enwiki.page);
    assert.deepEqual(await hrefs(enwiki.page, 'a.coursestaff-profile'), [`${WIKIEDU}/users/Taylor%20Brooks`]);
    const elsewhere = await view(t, { user: WIKIEDU_PERSONAS.student });
    await settle(elsewhere.page);
    assert.equal(elsewhere.api.length, 1);
    assert.equal(await elsewhere.page.locator('#ca-coursestaff').count(), 0);
  });

  it('passes over a Dashboard choice it does not know with one console warning, and asks as by default', async (t) => {
    const { page, api, errors } = await view(t, { user: PERSONAS.onBoth, dbname: 'enwiki', dashboards: 'both' });
    await openPanel(page);
    assert.deepEqual(api, [`GET ${env.svc.url}/api/users/Noor%20Haddad/active-staff?dashboard=all`]);
    assert.deepEqual(errors, ['[course-staff] window.courseStaffConfig.dashboards: "both" is not one of outreach, wikiedu, all; using "all"']);
  });

  it('notes quietly that a Dashboard could not be reached, shows the other one\'s courses, and keeps that answer a minute only', async (t) => {
    // A user no other test here asks Wiki Education about, so that the service has nothing cached for it.
    const user = PERSONAS.multiRole;
    env.svc.wikiedu.setFaults([{ match: /^\/user_stats\.json\?username=Adaeze/, status: 503 }]);
    t.after(() => env.svc.wikiedu.setFaults([]));
    const { page, errors } = await view(t, { user, dbname: 'enwiki' });
    await openPanel(page);
    const dialog = page.locator(DIALOG);
    assert.equal(
      await dialog.locator('.coursestaff-unreachable').textContent(),
      'The Wiki Education Dashboard could not be reached, so courses there may be missing. Try again in a minute.',
    );
    const expected = await activeStaff(user);
    assert.deepEqual(await hrefs(page, '.coursestaff-course h3 a'), expected.courses.map((c) => c.course_url));
    assert.deepEqual(await hrefs(page, 'a.coursestaff-profile'), [`${OUTREACH}/users/Adaeze%20Okafor`]);
    const lifetimes = await page.evaluate(() =>
      Object.keys(sessionStorage).filter((k) => k.startsWith('_EXPIRY_mw-coursestaff-')).map((k) => Number(sessionStorage.getItem(k)) - Date.now() / 1000),
    );
    assert.equal(lifetimes.length, 1);
    assert.ok(lifetimes[0]! > 50 && lifetimes[0]! <= 60, String(lifetimes));
    assert.deepEqual(errors, []);
  });

  it('speaks German with proper plurals', async (t) => {
    const { page } = await view(t, { user: PERSONAS.xssTarget, lang: 'de' });
    await page.waitForSelector(TAB);
    assert.equal(await page.textContent(TAB), 'Kursteam');
    await openPanel(page);
    assert.equal(await page.textContent(`${DIALOG} .coursestaff-summary`), '1 aktiver Kurs, 2 Teammitglieder');
    assert.equal(await page.getAttribute(`${DIALOG} .coursestaff-close`, 'aria-label'), 'Schließen');
  });

  describe("the reader's language", () => {
    /** The gadget's translation files the page asked for. */
    function translationRequests(page: Page): string[] {
      const asked: string[] = [];
      page.on('request', (r) => {
        const m = /\/gadget\/(course-staff-i18n-[a-z-]+\.js)\?(?:.*&)?version=[0-9a-f]{10}$/.exec(r.url());
        if (m) asked.push(m[1] as string);
      });
      return asked;
    }

    async function panelIn(t: TestContext, lang: string, opts: PageOptions = {}) {
      const { context, page, errors } = await openPage(env.browser, opts);
      t.after(() => context.close());
      const asked = translationRequests(page);
      await page.goto(testPageUrl(env.svc.url, { user: PERSONAS.xssTarget, lang }));
      await openPanel(page);
      const panel = page.locator(DIALOG);
      const attrs = await panel.evaluate((p) => [p.getAttribute('lang'), p.getAttribute('dir'), getComputedStyle(p).direction]);
      return { page, errors, asked, panel, attrs };
    }

    for (const [lang, file, summary, panelLang, dir] of [
      ['ar', 'course-staff-i18n-ar.js', 'دورة نشطة واحدة، عضوان في الفريق', 'ar', 'rtl'],
      ['he', 'course-staff-i18n-he.js', 'קורס פעיל אחד, שני חברי צוות', 'he', 'rtl'],
      ['ru', 'course-staff-i18n-ru.js', '1 активный курс, 2 члена команды', 'ru', 'ltr'],
      ['pt-br', 'course-staff-i18n-pt-br.js', '1 curso ativo, 2 membros da equipe', 'pt-BR', 'ltr'],
      ['de-at', 'course-staff-i18n-de.js', '1 aktiver Kurs, 2 Teammitglieder', 'de', 'ltr'],
      ['arz', 'course-staff-i18n-ar.js', 'دورة نشطة واحدة، عضوان في الفريق', 'ar', 'rtl'],
    ] as const) {
      it(`${lang}: loads ${file} alone, and the panel speaks its language in its direction`, async (t) => {
        const { errors, asked, panel, attrs } = await panelIn(t, lang);
        assert.deepEqual(asked, [file]);
        assert.deepEqual(attrs, [panelLang, dir, dir]);
        assert.equal(await panel.locator('.coursestaff-summary').textContent(), summary);
        assert.deepEqual(errors, []);
      });
    }

    it('ur (right to left, no translation): English, itself left to right, inside the right-to-left page; nothing loaded', async (t) => {
      const { page, errors, asked, panel, attrs } = await panelIn(t, 'ur');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
      assert.deepEqual(asked, []);
      assert.deepEqual(attrs, ['en', 'ltr', 'ltr']);
      assert.equal(await panel.locator('.coursestaff-summary').textContent(), '1 active course, 2 staff members');
      assert.deepEqual(await page.locator(TAB).evaluate((a) => [a.getAttribute('lang'), a.getAttribute('dir')]), ['en', 'ltr']);
      assert.deepEqual(errors, []);
    });

    it('a translation that cannot be loaded: one warning naming it, English, nothing broken', async (t) => {
      const { context, page, errors } = await openPage(env.browser);
      t.after(() => context.close());
      await page.route('**/gadget/course-staff-i18n-fr.js*', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
      await page.goto(testPageUrl(env.svc.url, { user: PERSONAS.xssTarget, lang: 'fr' }));
      await openPanel(page);
      assert.deepEqual(await page.locator(DIALOG).evaluate((p) => [p.getAttribute('lang'), p.getAttribute('dir')]), ['en', 'ltr']);
      assert.equal(await page.textContent(TAB), 'Course staff');
      const warnings = errors.filter((e) => !/Failed to load resource/.test(e));
      assert.equal(warnings.length, 1, errors.join('\n'));
      assert.match(warnings[0] ?? '', /^\[course-staff\] .*course-staff-i18n-fr\.js/);
    });

    it('installed as a personal script: the translation comes from next to the loader', async (t) => {
      const { context, page, errors } = await openPage(env.browser);
      t.after(() => context.close());
      const asked = translationRequests(page);
      await page.goto(testPageUrl(env.svc.url, { user: PERSONAS.xssTarget, lang: 'de', install: 'script' }));
      await page.locator(TAB).waitFor();
      assert.equal(await page.textContent(TAB), 'Kursteam');
      assert.deepEqual(asked, ['course-staff-i18n-de.js']);
      assert.deepEqual(errors, []);
    });

    it('isolates the names and titles the Dashboards hold, whatever their direction', async (t) => {
      const { panel } = await panelIn(t, 'ar');
      // The heading's name, the course titles, the staff and the Dashboard names are each a <bdi>.
      assert.equal(await panel.locator('h2 > bdi').textContent(), PERSONAS.xssTarget);
      for (const sel of ['.coursestaff-course h3 a', '.coursestaff-staff a', '.coursestaff-dashboard']) {
        const kids = await panel.locator(sel).evaluateAll((els) => els.map((e) => [...e.childNodes].map((n) => n.nodeName).join(',')));
        assert.ok(kids.length > 0 && kids.every((k) => k === 'BDI'), `${sel}: ${kids.join(' | ')}`);
      }
      // A tooltip cannot hold elements: the name sits between Unicode isolates there.
      const title = await panel.locator('.coursestaff-staff a').first().getAttribute('title');
      assert.match(title ?? '', /^صفحة نقاش \u2068[^\u2068\u2069]+\u2069$/);
    });
  });

  it('renders a staff name carrying HTML as text and runs nothing', async (t) => {
    const { page } = await view(t, { user: PERSONAS.xssTarget }, { initScript: RECORDING_CLIPBOARD });
    await openPanel(page);
    const names = await page.locator(`${DIALOG} .coursestaff-staff a`).allTextContents();
    assert.ok(names.includes(PERSONAS.xssStaff), names.join('\n'));
    assert.equal(await page.locator(`${DIALOG} img`).count(), 0);
    await page.getByText(PERSONAS.xssStaff, { exact: true }).waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => (window as { __xss?: unknown }).__xss), undefined);
    // The name holds "=", so every parameter is numbered and the template still works; underscores
    // are spaces in usernames.
    await page.click(`${DIALOG} .coursestaff-copy`);
    await page.waitForFunction(() => (window as { __copied?: string }).__copied !== undefined);
    assert.equal(
      await page.evaluate(() => (window as { __copied?: string }).__copied),
      `{{ping|1=${PERSONAS.xssStaff.replace(/_/g, ' ')}|2=Honest Host}}`,
    );
  });

  it('copies one {{ping}} naming all staff, with feedback', async (t) => {
    const expected = await activeStaff(PERSONAS.active);
    const { page } = await view(t, { user: PERSONAS.active }, { initScript: RECORDING_CLIPBOARD });
    await openPanel(page);
    await page.click(`${DIALOG} .coursestaff-copy`);
    await page.waitForSelector(`${DIALOG} .coursestaff-status:not(:empty)`);
    assert.equal(await page.evaluate(() => (window as { __copied?: string }).__copied), `{{ping|${expected.all_staff.join('|')}}}`);
    assert.equal(await page.textContent(`${DIALOG} .coursestaff-status`), `Copied a ping for ${expected.all_staff.length} users.`);
    assert.equal(await page.locator(`${DIALOG} .coursestaff-split-note`).count(), 0);
  });

  it('splits more than 50 names into templates of 50 and says each needs its own signed edit', async (t) => {
    const { page } = await view(t, { user: PERSONAS.bigCourseStudent }, { initScript: RECORDING_CLIPBOARD });
    await openPanel(page);
    const note = await page.textContent(`${DIALOG} .coursestaff-split-note`);
    assert.match(note ?? '', /More than 50 names: the ping is split into 2 templates\. Post each one in a separate signed edit/);
    await page.click(`${DIALOG} .coursestaff-copy`);
    await page.waitForFunction(() => (window as { __copied?: string }).__copied !== undefined);
    const copied = await page.evaluate(() => (window as { __copied?: string }).__copied);
    const sorted = [...MANY_STAFF].sort();
    assert.equal(copied, `{{ping|${sorted.slice(0, 50).join('|')}}}\n{{ping|${sorted.slice(50).join('|')}}}`);
  });

  for (const [what, script] of [
    ['unavailable', NO_CLIPBOARD],
    ['refused', REFUSING_CLIPBOARD],
  ] as const) {
    it(`offers a selected read-only field when the clipboard is ${what}`, async (t) => {
      const expected = await activeStaff(PERSONAS.active);
      const { page } = await view(t, { user: PERSONAS.active }, { initScript: script });
      await openPanel(page);
      const field = page.locator(`${DIALOG} textarea.coursestaff-ping-field`);
      assert.equal(await field.isVisible(), false);
      await page.click(`${DIALOG} .coursestaff-copy`);
      await field.waitFor({ state: 'visible' });
      assert.equal(await field.inputValue(), `{{ping|${expected.all_staff.join('|')}}}`);
      assert.equal(await field.evaluate((f) => (f as HTMLTextAreaElement).readOnly), true);
      assert.equal(await field.evaluate((f) => f === document.activeElement), true);
      assert.equal(
        await field.evaluate((f) => (f as HTMLTextAreaElement).selectionEnd - (f as HTMLTextAreaElement).selectionStart),
        (await field.inputValue()).length,
      );
      assert.match((await page.textContent(`${DIALOG} .coursestaff-status`)) ?? '', /select the text below/);
    });
  }

  it('works by keyboard: Enter opens, focus stays inside on Tab, Escape closes back to the tab', async (t) => {
    const { page } = await view(t, { user: PERSONAS.xssTarget });
    await page.waitForSelector(TAB);
    await page.focus(TAB);
    await page.keyboard.press('Enter');
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    const labelledBy = await dialog.getAttribute('aria-labelledby');
    assert.equal(await page.textContent(`#${labelledBy}`), `Course staff of ${PERSONAS.xssTarget}`);
    const inside = () => page.evaluate((sel) => document.querySelector(sel)!.contains(document.activeElement), DIALOG);
    assert.equal(await inside(), true);

    const stops = await dialog.locator('a[href], button:not([disabled])').count();
    const seen = new Set<string>();
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press('Tab');
      assert.equal(await inside(), true, `focus left the dialog after ${i + 1} Tab presses`);
      seen.add(await page.evaluate(() => document.activeElement!.outerHTML));
    }
    assert.equal(seen.size, stops, 'Tab cycles through every control');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await inside(), true);

    await page.keyboard.press('Escape');
    assert.equal(await dialog.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#ca-coursestaff') !== null), true);
  });

  it('closes with the close button and returns focus to the tab', async (t) => {
    const { page } = await view(t, { user: PERSONAS.xssTarget });
    await openPanel(page);
    await page.click(`${DIALOG} .coursestaff-close`);
    assert.equal(await page.locator(DIALOG).count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#ca-coursestaff') !== null), true);
  });

  it('caches the answer in session storage: a second page view makes no second request', async (t) => {
    const { page, api } = await view(t, { user: PERSONAS.active });
    await page.waitForSelector(TAB);
    // Routing bypasses the HTTP cache, so only the gadget's own cache can spare a request.
    await page.route('**/active-staff*', (route) => route.continue());
    await page.reload();
    await page.waitForSelector(TAB);
    await settle(page);
    assert.equal(api.length, 1, api.join('\n'));
    const keys = await page.evaluate(() => Object.keys(sessionStorage));
    assert.ok(keys.some((k) => k.startsWith('mw-coursestaff-')), keys.join());
    // A whole answer is kept five minutes.
    const lifetime = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('_EXPIRY_mw-coursestaff-'));
      return Number(sessionStorage.getItem(key ?? '')) - Date.now() / 1000;
    });
    assert.ok(lifetime > 290 && lifetime <= 300, String(lifetime));

    // Another user is another entry, and so is another Dashboards setting.
    await page.goto(testPageUrl(env.svc.url, { user: PERSONAS.xssTarget }));
    await page.waitForSelector(TAB);
    assert.equal(api.length, 2);
    await page.goto(testPageUrl(env.svc.url, { user: PERSONAS.active, dbname: 'enwiki' }));
    await page.waitForSelector(TAB);
    assert.equal(api.length, 3, api.join('\n'));
    assert.match(api[2] ?? '', /\?dashboard=all$/);
  });

  it("links the demo world's personas from the test page", async (t) => {
    const { page } = await view(t, {});
    const users = await page.locator('#testpage-controls a[data-user]').evaluateAll((as) => as.map((a) => a.getAttribute('data-user')));
    for (const p of [
      PERSONAS.active,
      PERSONAS.multiRole,
      PERSONAS.bigCourseStudent,
      PERSONAS.xssTarget,
      PERSONAS.pastOnly,
      PERSONAS.unknown,
      PERSONAS.onBoth,
      WIKIEDU_PERSONAS.student,
    ]) {
      assert.ok(users.includes(p), `${p} missing from ${users.join(', ')}`);
    }
  });
});
