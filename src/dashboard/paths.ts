// The Dashboard's URL quirks: how a username and a slug must be written into its paths so that they
// arrive as sent (dashboard-api.md: double-decoded usernames, multi-segment slugs).

import type { Slug } from '../domain/types.js';

/**
 * The value for `/user_stats.json?username=<value>`. The Dashboard decodes it twice (Rack, then CGI.unescape),
 * so it is encoded twice; `+`, `%`, `&`, ... then arrive intact. Expects a canonical name (no `_`, which the
 * Dashboard would read as a space anyway).
 */
export function upstreamUsernameQuery(canonical: string): string {
  return encodeURIComponent(encodeURIComponent(canonical));
}

/** The slug's part of an upstream path: each segment encoded, so only the separators are real slashes. */
export function upstreamSlugPath(slug: Slug): string {
  return slug.map(encodeURIComponent).join('/');
}
