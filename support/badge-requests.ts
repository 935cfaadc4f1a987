// Asking a service for badges (api-contract.md v1.2, "Badges"): GET /api/badges with names joined by `|`,
// POST with a form body, and reading the answers.

import { rawRequest, type RawOptions } from './raw-http.js';
import { replyOf, type Reply } from './service.js';

export const FORM = 'application/x-www-form-urlencoded';

/** `/api/badges?users=A|B` (each name percent-encoded, the separators as written), with `dashboard` when given. */
export function badgesPath(names: readonly string[], dashboard?: string): string {
  return `/api/badges?users=${names.map(encodeURIComponent).join('|')}${dashboard === undefined ? '' : `&dashboard=${dashboard}`}`;
}

/** A form body of these fields, in this order (a field may repeat). */
export function formBody(fields: readonly (readonly [string, string])[]): string {
  return new URLSearchParams(fields.map(([k, v]) => [k, v])).toString();
}

/** The form body of a badge request: `users` joined by `|`, and `dashboard` when given. */
export function badgesForm(names: readonly string[], dashboard?: string): string {
  return formBody([['users', names.join('|')], ...(dashboard === undefined ? [] : [['dashboard', dashboard] as const])]);
}

/** POST `body` to `path` of the service at `base`, as a form unless the headers say otherwise. */
export async function post(base: string, path: string, body: string, headers: Record<string, string> = {}, agent?: RawOptions['agent']): Promise<Reply> {
  return replyOf(await rawRequest(base, path, { method: 'POST', body, headers: { 'content-type': FORM, ...headers }, agent }));
}

/** `max-age` of a Cache-Control header (NaN when it has none). */
export function maxAge(reply: Reply): number {
  return Number(/max-age=(\d+)/.exec(reply.headers.get('cache-control') ?? '')?.[1] ?? NaN);
}

/** The (dashboard, course_slug, role) of each badge of `name` in an answer. */
export function badgesOf(body: { users: Record<string, { dashboard: string; course_slug: string; role: number }[]> }, name: string): [string, string, number][] {
  return (body.users[name] ?? []).map((b) => [b.dashboard, b.course_slug, b.role]);
}
