// What the gadget does on a user page: GET /api/users/{u}/active-staff, here for a list of pages.

import type { Person } from './worlds.js';

/** Visits every page in order with `parallel` in flight; answers counted by status. */
export async function visitPages(serviceUrl: string, pages: readonly Person[], parallel: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  const browse = async (): Promise<void> => {
    for (let i = next++; i < pages.length; i = next++) {
      const name = (pages[i] as Person).username.replaceAll(' ', '_');
      const res = await fetch(`${serviceUrl}/api/users/${encodeURIComponent(name)}/active-staff`);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: parallel }, browse));
  return statuses;
}
