// URLs of the local test page (/test-gadget.html) for one scenario.

export const SKINS = ['vector-2022', 'vector', 'monobook', 'timeless', 'minerva'] as const;
export type Skin = (typeof SKINS)[number];

export interface Scenario {
  user?: string;
  page?: 'user' | 'usertalk' | 'contributions' | 'article';
  skin?: Skin;
  theme?: 'light' | 'night' | 'os';
  lang?: 'en' | 'de';
  /** wgDBname; testwiki by default. */
  dbname?: string;
  /** The gadget's `dashboards` setting (any string, to try refused ones too); unset by default. */
  dashboards?: string;
  events?: boolean;
  outreachBase?: string;
  wikieduBase?: string;
  api?: string;
}

export function testPageUrl(base: string, s: Scenario): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) {
    if (v === undefined) continue;
    q.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : v);
  }
  return `${base}/test-gadget.html?${q}`;
}
