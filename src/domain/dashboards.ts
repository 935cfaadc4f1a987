// The two Dashboards the service reads: Programs & Events (`outreach`) and Wiki Education (`wikiedu`).
// They run the same code with the same JSON; slugs, course ids and rosters are per Dashboard, while one
// username is one person on both (Wikimedia's global accounts).

/** In the order every answer lists them: `outreach` first. */
export const DASHBOARDS = ['outreach', 'wikiedu'] as const;

export type DashboardId = (typeof DASHBOARDS)[number];

/** What a request may ask for: one Dashboard, or (user endpoints only) both at once. */
export type DashboardChoice = DashboardId | 'all';

/** A value of the `dashboards` status map of an `all` answer. */
export type DashboardStatus = 'ok' | 'not_found' | 'error';

/** A record with one value per Dashboard, built by `value`. */
export function byDashboard<T>(value: (id: DashboardId) => T): Record<DashboardId, T> {
  return { outreach: value('outreach'), wikiedu: value('wikiedu') };
}
