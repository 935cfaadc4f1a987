// The name of an answer in the answer cache: which endpoint, for which Dashboard choice, with which
// options, about whom. Every part but the last comes from a fixed set without `|`, and the canonical
// username or slug comes last, so no input can make two different answers share a key.

import type { DashboardChoice } from '../domain/dashboards.js';

/** Each endpoint's options, in the order they stand in its key. */
interface Options {
  user: [enrich: boolean];
  'active-staff': [useEventDates: boolean];
  status: [];
  course: [enrich: boolean];
  roster: [enrich: boolean];
  /** The subject: the `users` value as given. */
  badges: [];
}

export function answerKey<E extends keyof Options>(endpoint: E, dashboard: DashboardChoice, subject: string, ...options: Options[E]): string {
  return [endpoint, dashboard, ...options, subject].join('|');
}
