// The gadget's pure core (gadget/src/core.js) in Node: the file is a classic ES5 script that
// declares the global `courseStaffCore`, so it runs as one (the very text the build puts on the
// wiki). The types mirror what core.js documents.

import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';

export const CORE_PATH = new URL('../../../gadget/src/core.js', import.meta.url);

export interface CourseStaffConfig {
  apiBase: string;
  dashboardBase: string;
  useEventDates: boolean;
}

export interface Course {
  slug: string;
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

export interface Core {
  MAX_PINGS_PER_EDIT: number;
  readConfig(globalConfig: unknown, getConfig: GetConfig): CourseStaffConfig;
  apiUrl(config: CourseStaffConfig, user: string): string;
  courseUrl(config: CourseStaffConfig, slug: string): string;
  profileUrl(config: CourseStaffConfig, user: string): string;
  cacheKey(config: CourseStaffConfig, user: string): string;
  normalise(data: unknown): { courses: Course[]; allStaff: string[] };
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
