// Usernames: from a URL path segment to the canonical MediaWiki form.

import { mediaWikiUcfirst } from './first-letter.js';
import { InvalidInput } from './invalid.js';
import { hasControl, isWellFormed, quote, utf8Length } from './text.js';

const MAX_USERNAME_BYTES = 255; // MediaWiki's limit for a title ($wgMaxNameChars is 255 too)

// The rules below are MediaWiki's, as UserNameUtils::getCanonical( $name, RIGOR_VALID ) applies them: the
// title parser (MediaWikiTitleCodec::splitTitleString) cleans the name up and refuses what no title may
// hold, then UserNameUtils::isValid refuses what no username may hold. MediaWiki's input (WebRequest, via
// UtfNormal\Validator::cleanUp) is NFC, and bytes that are not UTF-8 become U+FFFD.

const NOT_ASCII = /[^\u0000-\u007F]/;
/** U+FFFD, and U+FFFE/U+FFFF, which UtfNormal turns into U+FFFD: the title parser's "title-invalid-utf8". */
const REPLACEMENT = /[\uFFFD\uFFFE\uFFFF]/;
/** Bidirectional marks and overrides, which splitTitleString strips ("slip into cut-n-pasted titles"). */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E]+/g;
/** splitTitleString's whitespace, which becomes `_` (shown as a space); JavaScript's \s is another set. */
const WHITESPACE_RUN = /[ _\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const EDGE_SPACES = /^ | $/g;
/** Characters outside $wgLegalTitleChars (controls are refused before this), and `/` (UserNameUtils::isValid). */
const FORBIDDEN = /[#<>[\]|{}/]/;
/** getTitleInvalidRegex: percent-encoding and HTML entities, which cannot be linked to consistently. */
const ESCAPE_SEQUENCE = /%[0-9A-Fa-f]{2}|&[A-Za-z0-9\u0080-\uFFFF]+;/;
/** UserNameUtils::isValid's "troublemaker characters" left after clean-up: zero-width ones, private use. */
const TROUBLEMAKER = /[\u200B-\u200D\uE000-\uF8FF]/;
/** Anything the refusals in `explainRefusal` are about: one test, so that a plain name passes quickly. */
const SUSPECT = new RegExp(`${FORBIDDEN.source}|${ESCAPE_SEQUENCE.source}|${TROUBLEMAKER.source}|~~~|^[:.]`);
/** UserNameUtils::isIP: an IPv4 address, or MediaWiki's "1.2.3.xxx" form of a range. */
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.(?:xxx|\d{1,3})$/;

function refuse(why: string): never {
  throw new InvalidInput('username', why);
}

function codePointName(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** An IPv6 address (hex groups, at most one `::`), which IPUtils::isValid accepts and no account can have. */
function isIPv6(name: string): boolean {
  if (!/^[0-9A-Fa-f:]+$/.test(name) || !name.includes(':')) return false;
  const halves = name.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

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
 * The canonical form, as MediaWiki makes a username (UserNameUtils::getCanonical, RIGOR_VALID): NFC;
 * bidirectional marks stripped; MediaWiki's whitespace characters and `_` as one space, trimmed; the first
 * letter capitalised by MediaWiki's rule (mediaWikiUcfirst: `ǆuro` -> `ǅuro`, Georgian unchanged). Throws
 * InvalidInput for a name MediaWiki refuses, so it never reaches the Dashboard. Idempotent. This is the name
 * answers show; the cache key is `foldForKey` of it (keys.ts), which also merges case and accent spellings.
 */
export function canonicalUsername(name: string): string {
  if (!isWellFormed(name)) refuse(`username ${quote(name)} is not valid Unicode text`);
  if (hasControl(name)) refuse(`username ${quote(name)} contains a control character`);
  let text = name;
  if (NOT_ASCII.test(name)) {
    const bad = REPLACEMENT.exec(name);
    if (bad) refuse(`username ${quote(name)} contains ${codePointName(bad[0])}, the mark of text that was not UTF-8; MediaWiki refuses it`);
    // NFC after stripping, so that letters a mark separated compose (MediaWiki strips after its NFC).
    text = name.replace(BIDI_MARKS, '').normalize('NFC');
  }
  text = text.replace(WHITESPACE_RUN, ' ').replace(EDGE_SPACES, '');
  if (text === '') refuse('username is empty');
  const canonical = mediaWikiUcfirst(text);
  checkValid(canonical);
  return canonical;
}

/** The refusals of MediaWiki's title parser and of UserNameUtils::isValid, on the canonical form. */
function checkValid(name: string): void {
  if (SUSPECT.test(name)) explainRefusal(name);
  if (IPV4.test(name) || isIPv6(name)) refuse(`username ${quote(name)} is an IP address, not an account`);
  const bytes = utf8Length(name);
  if (bytes > MAX_USERNAME_BYTES) {
    refuse(`username is ${bytes} bytes long in UTF-8; the limit is ${MAX_USERNAME_BYTES}`);
  }
}

/** Throws the refusal that applies to a SUSPECT name, if one does (`.x` is suspect but fine). */
function explainRefusal(name: string): void {
  const fail = (why: string): never => refuse(`username ${quote(name)} ${why}`);
  const forbidden = FORBIDDEN.exec(name);
  if (forbidden) fail(`contains "${forbidden[0]}", which usernames cannot contain`);
  const escape = ESCAPE_SEQUENCE.exec(name);
  if (escape) fail(`contains "${escape[0]}", which MediaWiki refuses in names (percent-encoding or an HTML entity: decode it first)`);
  if (name.startsWith(':')) fail('starts with ":", which usernames cannot');
  if (name === '.' || name === '..') fail('is not a name');
  if (name.includes('~~~')) fail('contains "~~~", which usernames cannot contain');
  const trouble = TROUBLEMAKER.exec(name);
  if (trouble) fail(`contains ${codePointName(trouble[0])}, which MediaWiki does not allow in usernames`);
}
