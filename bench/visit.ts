// What the gadget does on a user page: GET /api/users/{u}/active-staff, here for a list of pages
// (or what a tool does: another suffix, such as `?enrich=true`).

import type { Person } from './worlds.js';

export interface VisitOptions {
  /** After /api/users/{u}; the gadget's `/active-staff` by default. */
  suffix?: string;
  /** Runs before page i is visited (e.g. moves a simulated clock). */
  before?: (i: number) => Promise<void>;
}

/** Visits every page in order with `parallel` in flight; answers counted by status. */
export async function visitPages(
  serviceUrl: string,
  pages: readonly Person[],
  parallel: number,
  { suffix = '/active-staff', before }: VisitOptions = {},
): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  const browse = async (): Promise<void> => {
    for (let i = next++; i < pages.length; i = next++) {
      await before?.(i);
      const name = (pages[i] as Person).username.replaceAll(' ', '_');
      const res = await fetch(`${serviceUrl}/api/users/${encodeURIComponent(name)}${suffix}`);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: parallel }, browse));
  return statuses;
}
