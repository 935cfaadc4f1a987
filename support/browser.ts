// Headless Chromium for the gadget tests: Debian's /usr/bin/chromium driven by playwright-core (never
// a browser download). One browser per test file; each test opens its own context (fresh storage).

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { useService, type Service } from './service.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = new URL('../test-results/screenshots/', import.meta.url);

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  /** Script run in the page before any of its own (e.g. to replace navigator.clipboard). */
  initScript?: string;
}

/** A fresh context and page; page errors and console errors are collected for assertions. */
export async function openPage(
  browser: Browser,
  opts: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 800 },
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  if (opts.initScript) await context.addInitScript(opts.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
  });
  return { context, page, errors };
}

export async function screenshotPath(name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return new URL(`${name}.png`, SCREENSHOT_DIR).pathname;
}

/** The service (useService) and one browser for the enclosing file: `.svc` and `.browser` inside the tests. */
export function serviceAndBrowser(): { svc: Service; browser: Browser } {
  const env = { svc: useService() } as { svc: Service; browser: Browser };
  before(async () => {
    env.browser = await launchBrowser();
  });
  after(() => env.browser?.close());
  return env;
}
