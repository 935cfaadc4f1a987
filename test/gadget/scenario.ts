// URLs of the local test page (/test-gadget.html) for one scenario.

export const SKINS = ['vector-2022', 'vector', 'monobook', 'timeless', 'minerva'] as const;
export type Skin = (typeof SKINS)[number];

/** The stand-in's list pages (gadget/test-page/lists.js), contributions included. */
export const LIST_PAGES = ['recentchanges', 'recentchangeslinked', 'watchlist', 'history', 'diff', 'log', 'newpages', 'listusers', 'contributions'] as const;
export type ListPage = (typeof LIST_PAGES)[number];

export interface Scenario {
  user?: string;
  page?: 'user' | 'usertalk' | 'article' | ListPage;
  skin?: Skin;
  theme?: 'light' | 'night' | 'os';
  /** wgUserLanguage: the gadget's languages, de-at and arz (falling back to one), ur and nl (to English). */
  lang?: string;
  /** wgDBname; testwiki by default. */
  dbname?: string;
  /** The gadget's `dashboards` setting (any string, to try refused ones too); unset by default. */
  dashboards?: string;
  events?: boolean;
  /** The gadget's `badges` setting; unset by default. */
  badges?: boolean;
  /** How many rows a list page shows (its own short list by default). */
  rows?: number;
  /** How the main module is loaded: as a gadget's module (default) or from next to the loader. */
  install?: 'gadget' | 'script';
  outreachBase?: string;
  wikieduBase?: string;
  api?: string;
}

export function testPageUrl(base: string, s: Scenario): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) {
    if (v === undefined) continue;
    q.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return `${base}/test-gadget.html?${q}`;
}
