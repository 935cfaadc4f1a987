// The gadget's pure core (gadget/src/core.js) in Node: the file is a classic ES5 script that
// declares the global `courseStaffCore`, so it runs as one (the very text the build puts on the
// wiki). The types mirror what core.js documents.

import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';

export const CORE_PATH = new URL('../../../gadget/src/core.js', import.meta.url);

export type DashboardId = 'outreach' | 'wikiedu';

export interface CourseStaffConfig {
  apiBase: string;
  dashboards: DashboardId | 'all';
  outreachBase: string;
  wikieduBase: string;
  useEventDates: boolean;
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

export interface Core {
  MAX_PINGS_PER_EDIT: number;
  readConfig(globalConfig: unknown, getConfig: GetConfig, warn: (message: string) => void): CourseStaffConfig;
  apiUrl(config: CourseStaffConfig, user: string): string;
  courseUrl(config: CourseStaffConfig, dashboard: DashboardId, slug: string): string;
  profileUrl(config: CourseStaffConfig, dashboard: DashboardId, user: string): string;
  cacheKey(config: CourseStaffConfig, user: string): string;
  normalise(data: unknown, config: CourseStaffConfig, user: string): Normalised;
  cacheSeconds(result: Normalised): number;
  template(name: string, params: string[]): string;
  pingTemplates(names: string[]): string[];
  pageUser(getConfig: GetConfig, util: Util): string | null;
  messagesFor(byLanguage: Record<string, Record<string, string>>, language: string | null): Record<string, string>;
  formatDate(iso: string, language: string | null): string;
}

/** A fresh copy of the core. In this realm, so that its arrays and objects compare as plain ones. */
export function loadCore(): Core {
  new Script(readFileSync(CORE_PATH, 'utf8'), { filename: CORE_PATH.pathname }).runInThisContext();
  const core = (globalThis as { courseStaffCore?: Core }).courseStaffCore;
  if (core === undefined) throw new Error(`${CORE_PATH.pathname} did not define courseStaffCore`);
  return core;
}
