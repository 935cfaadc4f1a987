// Course slugs: `School/Title_(Term)`, possibly with more `/`. Validated as segments so that nothing in a
// slug can change the upstream host or path prefix.

import { InvalidInput } from './invalid.js';
import { decodeSegment } from './names.js';
import { hasControl, isWellFormed, quote, utf8Length } from './text.js';

const MAX_SLUG_BYTES = 1000;

/** A course slug split into its decoded, validated segments (at least two, none empty). */
export type Slug = readonly string[];

/** Parses the still percent-encoded path after `/api/courses/` (a trailing `/users` already removed). */
export function parseSlug(rawPath: string): Slug {
  return checkSegments(rawPath.split('/').map((raw) => decodeSegment(raw, 'slug')));
}

/** The Dashboard's `course_slug` form: segments joined with `/`. */
export function slugText(slug: Slug): string {
  return slug.join('/');
}

/** Splits a Dashboard `course_slug` (decoded text); InvalidInput when parseSlug would refuse it. */
export function slugFromText(text: string): Slug {
  return checkSegments(text.split('/'));
}

function checkSegments(segments: string[]): Slug {
  const text = slugText(segments);
  const fail = (why: string): never => {
    throw new InvalidInput('slug', `course slug ${quote(text)} ${why}`);
  };
  if (segments.length < 2) fail('needs at least two parts separated by "/"');
  if (segments.some((s) => s === '')) fail('has an empty part (a leading, trailing or doubled "/")');
  if (segments.some((s) => s === '.' || s === '..')) fail('has a "." or ".." part');
  // Only from an encoded %2F: two spellings must not map to one upstream path.
  if (segments.some((s) => s.includes('/'))) fail('contains an encoded "/" (%2F); use a real "/"');
  if (hasControl(text)) fail('contains a control character');
  if (!isWellFormed(text)) fail('is not valid Unicode text');
  const bytes = utf8Length(text);
  if (bytes > MAX_SLUG_BYTES) fail(`is ${bytes} bytes long in UTF-8; the limit is ${MAX_SLUG_BYTES}`);
  return segments;
}
