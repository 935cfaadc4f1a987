// What the badge tests share, on the stand-in page and the real wiki alike: the requests the gadget
// makes to /api/badges, the endpoint's own answer for the names on a page, and what the page shows.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export const BADGE = '.coursestaff-badge';
export const CARD = '.coursestaff-card';

export interface BadgeRequest {
  method: string;
  names: string[];
  dashboard: string | null;
}

/**
 * Records the gadget's /api/badges requests and the order in which they start and end, so that a
 * test can tell they were one at a time: `events` alternates "start" and "end" when they were.
 */
export function watchBadgeRequests(page: Page): { requests: BadgeRequest[]; events: string[] } {
  const requests: BadgeRequest[] = [];
  const events: string[] = [];
  const isBadges = (url: string) => new URL(url).pathname === '/api/badges';
  page.on('request', (r) => {
    if (!isBadges(r.url())) return;
    const params = new URLSearchParams(r.method() === 'POST' ? (r.postData() ?? '') : new URL(r.url()).search);
    requests.push({ method: r.method(), names: (params.get('users') ?? '').split('|'), dashboard: params.get('dashboard') });
    events.push('start');
  });
  const ended = (r: { url(): string }) => {
    if (isBadges(r.url())) events.push('end');
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return { requests, events };
}

/** Every name asked, in order. */
export const askedNames = (requests: BadgeRequest[]): string[] => requests.flatMap((r) => r.names);

/** The contract's request pattern: at most 50 names a request, one request at a time, no name twice. */
export function assertRequestPattern(watch: { requests: BadgeRequest[]; events: string[] }): void {
  for (const r of watch.requests) assert.ok(r.names.length >= 1 && r.names.length <= 50, `${r.names.length} names in one request`);
  const names = askedNames(watch.requests);
  assert.equal(new Set(names).size, names.length, `a name asked twice: ${names.join('|')}`);
  assert.deepEqual(watch.events, watch.requests.flatMap(() => ['start', 'end']), 'requests overlapped');
}

export interface BadgeOf {
  dashboard: string;
  course_slug: string;
  course_url: string;
  course_title: string | null;
  role: number;
  staff: string[];
}

/** The endpoint's own answer for these names: canonical name -> badges (only people with some). */
export async function badgesOf(base: string, names: string[], dashboard = 'all'): Promise<Record<string, BadgeOf[]>> {
  const users: Record<string, BadgeOf[]> = {};
  const unique = [...new Set(names)];
  for (let i = 0; i < unique.length; i += 50) {
    const res = await fetch(`${base}/api/badges`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ users: unique.slice(i, i + 50).join('|'), dashboard }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    Object.assign(users, ((await res.json()) as { users: Record<string, BadgeOf[]> }).users);
  }
  return users;
}

export interface LinkState {
  name: string;
  classes: string;
  title: string | null;
  /** The badge right after the link (only whitespace between), if any. */
  badge: { user: string | null; role: string | null; label: string | null } | null;
  /** Badges inside the link, or a second one after the first. */
  extra: number;
}

// In the page, as text: tsx would wrap the inner functions of a compiled callback in a helper the page lacks.
const LINK_STATES = `(sel) => {
  const isBadge = (n) => n instanceof Element && n.classList.contains('coursestaff-badge');
  const after = (n) => {
    let next = n.nextSibling;
    while (next && next.nodeType === Node.TEXT_NODE && (next.textContent || '').trim() === '') next = next.nextSibling;
    return next;
  };
  return [...document.querySelectorAll(sel)]
    .filter((a) => !a.closest('#testpage-controls'))
    .map((a) => {
      const next = after(a);
      const badge = isBadge(next) ? next : null;
      return {
        name: (a.textContent || '').trim(),
        classes: a.className,
        title: a.getAttribute('title'),
        badge: badge && { user: badge.getAttribute('data-user'), role: badge.getAttribute('data-role'), label: badge.getAttribute('aria-label') },
        extra: a.querySelectorAll('.coursestaff-badge').length + (badge && isBadge(after(badge)) ? 1 : 0),
      };
    });
}`;

/** Each user link on the page (but the test page's own controls) and the badge after it. */
export function linkStates(page: Page, selector = 'a.mw-userlink'): Promise<LinkState[]> {
  return page.evaluate(`(${LINK_STATES})(${JSON.stringify(selector)})`);
}

const isIp = (name: string) => /^\d+\.\d+\.\d+\.\d+$/.test(name) || name.includes(':');
/** Names the gadget asks about: not IP addresses, not temporary accounts. */
export const isAsked = (name: string): boolean => !isIp(name) && !name.startsWith('~');

/** Until `condition` holds (checked every 20 ms, for at most 10 s). */
export async function until(condition: () => boolean, what = 'a condition'): Promise<void> {
  for (const end = Date.now() + 10_000; !condition(); ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Until the gadget is done with the page's links: every name asked and answered (unless they are all
 * remembered from an earlier view), and a badge after each link of a person with badges; then the
 * endpoint's answer for them. 'networkidle' cannot tell: it is reached once per page load, and on a
 * busy machine a gap of half a second between the gadget's requests ends it early.
 */
export async function settleBadges(
  page: Page,
  watch: { requests: BadgeRequest[]; events: string[] },
  base: string,
  opts: { dashboard?: string; remembered?: boolean } = {},
): Promise<Record<string, BadgeOf[]>> {
  const names = [...new Set((await linkStates(page)).map((l) => l.name).filter(isAsked))];
  if (!opts.remembered) {
    await until(() => {
      const asked = new Set(askedNames(watch.requests));
      return names.every((n) => asked.has(n)) && watch.events.length === 2 * watch.requests.length;
    }, 'every name to be asked and answered');
  }
  const users = await badgesOf(base, names, opts.dashboard);
  await page.waitForFunction(
    (badged) =>
      [...document.querySelectorAll('a.mw-userlink')].every(
        (a) => !badged.includes((a.textContent ?? '').trim()) || (a.nextSibling as Element | null)?.classList?.contains('coursestaff-badge'),
      ),
    Object.keys(users),
  );
  return users;
}

/**
 * Exactly one badge after each link of a person with badges, with their canonical name and highest
 * role, and none after anyone else (IP addresses and temporary accounts included).
 */
export function assertBadges(links: LinkState[], users: Record<string, BadgeOf[]>): void {
  assert.ok(links.length > 0, 'no user links on the page');
  for (const link of links) {
    assert.equal(link.extra, 0, `${link.name}: more than one badge, or one inside the link`);
    const badges = isIp(link.name) || link.name.startsWith('~') ? undefined : users[link.name];
    if (badges === undefined) {
      assert.equal(link.badge, null, `${link.name} has a badge but no current course`);
      continue;
    }
    assert.ok(link.badge, `${link.name} has current courses but no badge`);
    assert.equal(link.badge.user, link.name);
    assert.equal(link.badge.role, String(Math.max(...badges.map((b) => b.role))), `${link.name}: role`);
    assert.ok((link.badge.label ?? '').length > 0, `${link.name}: no accessible name`);
  }
}
