// The Dashboard's URL quirks: how a username and a slug must be written into its paths so that they
// arrive as sent (dashboard-api.md: double-decoded usernames, multi-segment slugs).

import { wellFormed } from '../domain/text.js';
import type { Slug } from '../domain/slugs.js';

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

// What Rails' path-segment escaping leaves alone although encodeURIComponent encodes it: the sub-delimiters
// and `:` `@` that a path segment may hold (RFC 3986 pchar). The Dashboard's own course links keep them.
const PCHAR_KEPT = /%(?:24|26|2B|2C|3A|3B|3D|40)/g;

/**
 * The course's page on its Dashboard, written as the Dashboard writes its own links (e.g. course.json's
 * `enroll_url`): `<baseUrl>/courses/` and each segment of the Dashboard's slug percent-encoded
 * (`é` -> `%C3%A9`; `( ) ' ,` kept), real slashes between them. Never throws: a lone surrogate in an
 * upstream slug (JSON can carry one) becomes U+FFFD.
 */
export function courseUrl(baseUrl: string, slug: string): string {
  const path = wellFormed(slug)
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(PCHAR_KEPT, decodeURIComponent))
    .join('/');
  return `${baseUrl}/courses/${path}`;
}
