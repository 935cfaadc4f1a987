// The gadget's pure parts in Node: gadget/src/settings.js (`courseStaffSettings`), core.js
// (`courseStaffCore`), badges-core.js (`courseStaffBadgesCore`) and languages.js
// (`courseStaffLanguages`) are classic ES5 scripts that declare their globals, so they run as such
// (the very text the build puts on the wiki). The types mirror what the files document.

import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';

const SOURCE = new URL('../../../gadget/src/', import.meta.url);

export type DashboardId = 'outreach' | 'wikiedu';

export interface CourseStaffConfig {
  apiBase: string;
  dashboards: DashboardId | 'all';
  outreachBase: string;
  wikieduBase: string;
  useEventDates: boolean;
  badges: boolean;
}

export interface Course {
  dashboard: DashboardId;
  slug: string;
  url: string;
  title: string;
  school: string;
  term: string;
  role: string;
  staff: string[];
  start: string | null;
  end: string | null;
  timelineStart: string | null;
  timelineEnd: string | null;
}

export interface Util {
  isIPAddress(name: string, allowBlock?: boolean): boolean;
  isTemporaryUser?(name: string): boolean;
}

type GetConfig = (key: string) => unknown;

export interface Normalised {
  courses: Course[];
  allStaff: string[];
  profiles: Array<{ dashboard: DashboardId; url: string }>;
  unreachable: DashboardId[];
  partial: boolean;
}

export interface PageWork {
  user: string | null;
  list: string | null;
}

/** settings.js and core.js, as one: the tab's pure part. */
export interface Core {
  MAX_PINGS_PER_EDIT: number;
  readConfig(globalConfig: unknown, getConfig: GetConfig, warn: (message: string) => void): CourseStaffConfig;
  isIgnoredUser(name: unknown, util: Util): boolean;
  listPage(getConfig: GetConfig): string | null;
  pageWork(getConfig: GetConfig, util: Util, config: CourseStaffConfig): PageWork | null;
  apiUrl(config: CourseStaffConfig, user: string): string;
  courseUrl(config: CourseStaffConfig, dashboard: DashboardId, slug: string): string;
  profileUrl(config: CourseStaffConfig, dashboard: DashboardId, user: string): string;
  cacheKey(config: CourseStaffConfig, user: string): string;
  normalise(data: unknown, config: CourseStaffConfig, user: string): Normalised;
  cacheSeconds(result: Normalised): number;
  template(name: string, params: string[]): string;
  pingTemplates(names: string[]): string[];
  pageUser(getConfig: GetConfig, util: Util): string | null;
  roleOf(label: string): number | null;
  formatDate(iso: string, locales: string[]): string;
}

export interface Badge {
  dashboard: DashboardId;
  slug: string;
  url: string;
  title: string;
  role: number;
  staff: string[];
}

export interface Person {
  user: string;
  badges: Badge[];
}

export interface Answer {
  people: Record<string, Person>;
  partial: boolean;
}

export type Remembered = Record<string, [number, Person]>;

export interface BadgesCore {
  MAX_NAMES: number;
  CACHE_SECONDS: number;
  requestUrl(config: CourseStaffConfig): string;
  requestBody(config: CourseStaffConfig, names: string[]): string;
  nextBatch(queue: string[], wanted: (name: string) => boolean): string[];
  readAnswer(data: unknown, asked: string[], config: CourseStaffConfig): Answer;
  cacheKey(config: CourseStaffConfig): string;
  remembered(stored: unknown, now: number): Record<string, Person>;
  remember(stored: unknown, answer: Answer, now: number): Remembered;
  summary(badges: Badge[]): { role: number; dashboard: DashboardId; staff: boolean; count: number; title: string | null };
  roleMessage(dashboard: DashboardId, role: number): string;
  allStaff(badges: Badge[]): string[];
}

export type Tables = Record<string, Record<string, string>>;

/** languages.js: the reader's chain, what to load, which language each message comes from. */
export interface Languages {
  SOURCE: string;
  chain(mwChain: string[]): string[];
  toLoad(languages: string[], available: Record<string, { complete: boolean }>): string[];
  resolve(languages: string[], tables: Tables): { messages: Record<string, string>; languages: Record<string, string>; language: string };
  merge(base: Tables, over: Tables): Tables;
  readLocal(data: unknown, keys: string[]): { messages: Tables; problems: string[] };
  direction(code: string): 'rtl' | 'ltr';
}

/** Runs the files in this realm (so that their arrays and objects compare as plain ones); returns the globals. */
function run(files: string[]): Record<string, unknown> {
  for (const file of files) {
    const url = new URL(file, SOURCE);
    new Script(readFileSync(url, 'utf8'), { filename: url.pathname }).runInThisContext();
  }
  return globalThis as Record<string, unknown>;
}

/** A fresh copy of settings.js and core.js, as one object. */
export function loadCore(): Core {
  const globals = run(['settings.js', 'core.js']);
  return { ...(globals.courseStaffSettings as object), ...(globals.courseStaffCore as object) } as Core;
}

/** A fresh copy of badges-core.js (with the files it needs). */
export function loadBadgesCore(): BadgesCore {
  return run(['settings.js', 'core.js', 'badges-core.js']).courseStaffBadgesCore as BadgesCore;
}

/** A fresh copy of languages.js. */
export function loadLanguages(): Languages {
  return run(['languages.js']).courseStaffLanguages as Languages;
}
