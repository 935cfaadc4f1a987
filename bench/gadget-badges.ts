// The gadget's own main-thread work on a list of 500 user links, in Chromium: the stand-in page's Recent
// changes with 500 rows (about 250 people, a few with current courses), first view of the session (nothing
// remembered, so every name is asked: the most the gadget ever does on one page view).
//
// How: Chrome's sampling CPU profiler (the DevTools Protocol's Profiler domain, one sample every 50 µs)
// runs while the page loads and the gadget asks and marks; a sample counts as the gadget's when its stack
// holds a frame of the gadget's scripts (gadget/dist/course-staff*.js) — so the DOM calls, forced layouts
// and mw.* functions the gadget calls count as its own — and as the page's own when it holds a frame of
// the page's scripts (the MediaWiki stand-in and the list it renders) and none of the gadget's. The
// page's own scripting time, measured in the same run, is the baseline: a real wiki's page does more.
// Waiting for the service is not main-thread work and is not counted. Besides, the page's whole
// main-thread time (the Performance domain's TaskDuration: scripts, style, layout, paint) with badges on
// and off shows the gadget's total cost, rendering of the badges included.
// Run: `npm run bench -- --only=gadget`, or alone: `tsx bench/gadget-badges.ts`.

import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startService } from '../support/service.js';
import { testPageUrl } from '../test/gadget/scenario.js';
import { median } from './stats.js';
import { ms, target, type Section } from './table.js';

export interface GadgetBenchOptions {
  links: number;
  runs: number;
  /** The figure the issue sets: the gadget's main-thread work stays under it. */
  budgetMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const GADGET = /\/gadget\/course-staff[^/]*\.js/;
const PAGE = /\/test-gadget(\.html|\/)/;

/** Milliseconds of samples whose stack holds a gadget frame, and of those with a page frame only. */
export function attribute(profile: Profile): { gadget: number; page: number } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const owner = new Map<number, 'gadget' | 'page' | null>();
  const ownerOf = (id: number): 'gadget' | 'page' | null => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    let found: 'gadget' | 'page' | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      if (GADGET.test(url)) {
        found = 'gadget';
        break;
      }
      if (found === null && PAGE.test(url)) found = 'page';
    }
    owner.set(id, found);
    return found;
  };
  const totals = { gadget: 0, page: 0 };
  // A sample's time is the gap to the next one (as DevTools counts it).
  profile.samples.forEach((id, i) => {
    const who = ownerOf(id);
    if (who !== null) totals[who] += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  });
  return totals;
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** One page view: the CPU profile's attribution and the page's whole main-thread time. */
async function view(browser: Browser, url: string, links: number): Promise<{ gadget: number; page: number; task: number }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  try {
    const page = await context.newPage();
    // A first page of the same origin, so that the profiler runs in the renderer that loads the list.
    await page.goto(new URL('/test-gadget.html?page=article', url).href);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('a.mw-userlink').length === n, links);
    await page.waitForLoadState('networkidle');
    // Let the last answer's marks land, and the browser lay out what changed.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const cpu = attribute(profile);
    // The same view again, in a fresh session of the same page, for the whole main-thread time.
    await cdp.send('Performance.enable');
    const before = await taskMs(cdp);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    return { ...cpu, task: (await taskMs(cdp)) - before };
  } finally {
    await context.close();
  }
}

/**
 * Chromium runs several processes (browser, renderer, GPU, network) beside the service: let them use
 * every core, whatever pinning `npm run bench` set for the service phases before this one.
 */
function unpin(): void {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', `0-${cpus().length - 1}`, String(process.pid)], { stdio: 'ignore' });
  } catch {
    // No taskset: nothing was pinned either.
  }
}

export async function gadgetBadges(opts: GadgetBenchOptions): Promise<{ section: Section; data: unknown }> {
  unpin();
  // The service lives as long as this run: closed at its end.
  const closing: Array<() => unknown> = [];
  const svc = await startService({ after: (close) => closing.push(close) });
  const browser = await launchBrowser();
  try {
    const url = (badges: boolean) => testPageUrl(svc.url, { page: 'recentchanges', rows: opts.links, dbname: 'enwiki', badges });
    // A first view warms the service's caches (the names' Dashboard reads), which are not the gadget's work.
    await view(browser, url(true), opts.links);
    const on: Array<{ gadget: number; page: number; task: number }> = [];
    const off: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      on.push(await view(browser, url(true), opts.links));
      off.push((await view(browser, url(false), opts.links)).task);
    }
    const gadget = median(on.map((r) => r.gadget));
    const page = median(on.map((r) => r.page));
    // On a busy machine a sample lands in whatever the thread was doing when the core was taken away:
    // the least of the runs is the least disturbed.
    const gadgetMin = Math.min(...on.map((r) => r.gadget));
    const pageMin = Math.min(...on.map((r) => r.page));
    const taskOn = median(on.map((r) => r.task));
    const taskOff = median(off);
    const badged = await (async () => {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(url(true));
      await p.waitForLoadState('networkidle');
      const n = await p.locator('.coursestaff-badge').count();
      await context.close();
      return n;
    })();
    return {
      section: {
        title: `Gadget badges: ${opts.links} user links, first view (median of ${opts.runs}, least in brackets)`,
        columns: ['gadget', "page's own", 'target'],
        rows: [
          ['scripting (CPU profile samples)', `${ms(gadget)} (${ms(gadgetMin)})`, `${ms(page)} (${ms(pageMin)})`, target(gadget < opts.budgetMs, `< ${opts.budgetMs} ms`)],
          ['main thread, badges on / off (TaskDuration)', ms(taskOn), ms(taskOff), `+${ms(taskOn - taskOff)}`],
        ],
        notes: [
          `Stand-in page's Recent changes (vector-2022), ${opts.links} rows, ${badged} badges; every name asked (${Math.ceil(opts.links / 2)} people, 50 a request).`,
          "Scripting: 50 µs samples whose stack holds a gadget frame (DOM calls and mw.* it makes included) vs. the page's own scripts.",
          'Main thread: the page view\'s whole TaskDuration (scripts, style, layout, paint) with badges on and with `badges: false`.',
        ],
      },
      data: { links: opts.links, runs: opts.runs, badged, gadgetMs: on.map((r) => r.gadget), pageMs: on.map((r) => r.page), taskOnMs: on.map((r) => r.task), taskOffMs: off },
    };
  } finally {
    await browser.close();
    for (const close of closing) await close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { render } = await import('./table.js');
  console.log(render((await gadgetBadges({ links: 500, runs: 5, budgetMs: 50 })).section));
}
