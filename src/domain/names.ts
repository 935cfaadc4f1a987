// Usernames: from a URL path segment to the canonical MediaWiki form.

import { InvalidInput } from './invalid.js';
import { hasControl, isWellFormed, quote, utf8Length } from './text.js';

const MAX_USERNAME_BYTES = 255; // MediaWiki's limit for a title
const FORBIDDEN = /[#<>[\]|{}]/; // characters MediaWiki does not allow in a title

/** Percent-decodes one raw URL path segment, once (`+` stays `+`: it means space only in query strings). */
export function decodeSegment(raw: string, field: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new InvalidInput(field, `${field} ${quote(raw)} has invalid percent-encoding or is not UTF-8`);
  }
  if (!isWellFormed(decoded)) throw new InvalidInput(field, `${field} ${quote(raw)} is not valid Unicode text`);
  return decoded;
}

/**
 * The canonical form: NFC, `_` as space, whitespace runs collapsed, trimmed, first character upper-cased
 * (when its upper case is one character: `ß` stays). Throws InvalidInput for a name MediaWiki would refuse.
 * Idempotent, so every spelling of a name maps to one cache key.
 */
export function canonicalUsername(name: string): string {
  if (!isWellFormed(name)) throw new InvalidInput('username', `username ${quote(name)} is not valid Unicode text`);
  if (hasControl(name)) throw new InvalidInput('username', `username ${quote(name)} contains a control character`);
  const spaced = name.normalize('NFC').replace(/[_\s]+/g, ' ').trim();
  if (spaced === '') throw new InvalidInput('username', 'username is empty');
  const first = String.fromCodePoint(spaced.codePointAt(0) ?? 0);
  const upper = first.toUpperCase();
  // NFC again: an upper-cased letter may compose with a following combining mark.
  const canonical = (Array.from(upper).length === 1 ? upper + spaced.slice(first.length) : spaced).normalize('NFC');
  const bad = FORBIDDEN.exec(canonical);
  if (bad) throw new InvalidInput('username', `username ${quote(canonical)} contains "${bad[0]}", which usernames cannot contain`);
  const bytes = utf8Length(canonical);
  if (bytes > MAX_USERNAME_BYTES) {
    throw new InvalidInput('username', `username is ${bytes} bytes long in UTF-8; the limit is ${MAX_USERNAME_BYTES}`);
  }
  return canonical;
}
