// The tab's place and the panel's look in every skin, light and night, with screenshots of the open
// panel (a person on both Dashboards, on a page of English Wikipedia) under test-results/screenshots/
// for a human to look at.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PERSONAS } from '../../demo/demo-world.js';
import { openPage, serviceAndBrowser, screenshotPath } from '../../support/browser.js';
import { SKINS, testPageUrl, type Scenario, type Skin } from './scenario.js';
import { TAB } from './support/page-parts.js';

/** Where each skin's first matching portlet is (see the gadget's PORTLETS order). */
const EXPECTED_PORTLET: Record<Skin, string> = {
  'vector-2022': 'p-associated-pages',
  vector: 'p-associated-pages',
  monobook: 'p-cactions',
  timeless: 'p-associated-pages',
  minerva: 'p-associated-pages',
};
/** Skins with night mode (Codex tokens); the others stay light whatever the preference. */
const NIGHT_SKINS: readonly Skin[] = ['vector-2022', 'minerva'];

/** Relative luminance (0 black .. 1 white) of a computed `rgb(...)` colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  assert.ok(r !== undefined && g !== undefined && b !== undefined, `not a colour: ${css}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function panelColours(page: Page): Promise<{ background: number; text: number }> {
  const [background, text] = await page
    .locator('.coursestaff-panel')
    .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  return { background: luminance(background!), text: luminance(text!) };
}

describe('course staff gadget in every skin', () => {
  const env = serviceAndBrowser();

  async function openPanel(s: Scenario, colorScheme: 'light' | 'dark' = 'light') {
    const { context, page, errors } = await openPage(env.browser, { colorScheme });
    await page.goto(testPageUrl(env.svc.url, s));
    await page.click(TAB);
    await page.waitForSelector('[role="dialog"]');
    return { context, page, errors };
  }

  for (const skin of SKINS) {
    for (const theme of ['light', 'night'] as const) {
      it(`${skin}, ${theme}: tab in ${EXPECTED_PORTLET[skin]}, panel readable`, async (t) => {
        const { context, page, errors } = await openPanel({ user: PERSONAS.onBoth, dbname: 'enwiki', skin, theme });
        t.after(() => context.close());
        const portlet = await page.evaluate(() => document.getElementById('ca-coursestaff')?.closest('[id^="p-"]')?.id);
        assert.equal(portlet, EXPECTED_PORTLET[skin]);
        assert.deepEqual(await page.locator('.coursestaff-dashboard:visible').allTextContents(), [
          'Programs & Events Dashboard',
          'Wiki Education Dashboard',
        ]);
        await page.screenshot({ path: await screenshotPath(`${skin}-${theme}`) });

        const { background, text } = await panelColours(page);
        const dark = theme === 'night' && NIGHT_SKINS.includes(skin);
        if (dark) assert.ok(background < 0.05 && text > 0.6, `night: background ${background}, text ${text}`);
        else assert.ok(background > 0.9 && text < 0.05, `light: background ${background}, text ${text}`);
        assert.deepEqual(errors, []);
      });
    }
  }

  it('follows the OS preference with skin-theme-clientpref-os', async (t) => {
    const { context, page } = await openPanel({ user: PERSONAS.active, theme: 'os' }, 'dark');
    t.after(() => context.close());
    const { background, text } = await panelColours(page);
    assert.ok(background < 0.05 && text > 0.6, `os/dark: background ${background}, text ${text}`);
  });

  it('gives Minerva special pages, which have no tabs and no p-tb, a tab bar of their own under the heading', async (t) => {
    const { context, page } = await openPage(env.browser);
    t.after(() => context.close());
    await page.goto(testPageUrl(env.svc.url, { user: PERSONAS.active, skin: 'minerva', page: 'contributions' }));
    const tab = page.locator(TAB);
    await tab.waitFor({ state: 'visible' });
    assert.equal(await tab.evaluate((a) => a.parentElement?.matches('.heading-holder > .minerva__tab-container')), true);
  });
});
