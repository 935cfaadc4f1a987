// MediaWiki's first-letter rule for titles and usernames, from the Unicode properties that Node knows.
//
// MediaWiki (Language::ucfirst, since the PHP 7.4 title-case migration, T292552) changes a title's first
// character to `$wgOverrideUcfirstCharacters[$c] ?? mb_convert_case($c, MB_CASE_TITLE)`; Wikimedia's
// override table is in ucfirst-overrides.ts. MB_CASE_TITLE is Unicode's full title-case
// mapping, which differs from the upper case that JavaScript's toUpperCase gives in three ways:
// - Georgian Mkhedruli letters title-case to themselves (their upper case, Mtavruli, is not used for
//   capitalising): `ნინო` stays `ნინო`;
// - digraphs and Greek letters with a title-case form (general category Lt) take it: `ǆ` -> `ǅ`, `Ǆ` -> `ǅ`,
//   `ᾳ` -> `ᾼ` (upper case would give `Ǆ`, `ΑΙ`);
// - letters whose upper case is several characters (SpecialCasing) keep only the first upper-cased:
//   `ﬁ` -> `Fi`, `և` -> `Եւ`, `ŉ` -> `ʼN`, and a precomposed letter upper-cases its base: `ᾲ` -> `Ὰͅ`.
// Node has no title-case function, so it is derived here: Changes_When_Titlecased says whether a character
// changes at all, the Lt letters are found by their property, and the rest follows from toUpperCase,
// toLowerCase and canonical decomposition. test/domain/first-letter-php.test.ts compares the result with
// PHP's own mb_convert_case for every code point. Where they differ it is Unicode versions: Node's is newer
// than the PHP that Wikimedia runs, and a letter whose case pair is newer than PHP's Unicode (`ƛ`/`Ƛ`, both
// in 16.0, Garay) is capitalised here but left alone by MediaWiki. The one other difference is deliberate:
// for the Greek letters whose title case ends in several combining marks (`ΐ`, `ᾷ`), PHP's result is not in
// NFC and ours is (names are NFC throughout, and the two are canonically equivalent).

import { UCFIRST_OVERRIDES } from './ucfirst-overrides.js';

const CHANGES_WHEN_TITLECASED = /\p{Changes_When_Titlecased}/u;
const TITLECASE_LETTER = /\p{Lt}/u;
const CASED = /\p{Cased}/u;

// A Map: a lookup in the plain object would also find Object.prototype's members.
const OVERRIDES: ReadonlyMap<string, string> = new Map(Object.entries(UCFIRST_OVERRIDES));

let titlecaseLetters: Map<string, string> | undefined;

/**
 * The Lt letter for each character whose title case is one: the Lt letter itself, its lower case and its
 * (single-character) upper case. All Lt letters are in the BMP; found once, on the first non-ASCII name.
 */
function titlecaseLetterOf(c: string): string | undefined {
  if (titlecaseLetters === undefined) {
    titlecaseLetters = new Map();
    for (let code = 0x80; code <= 0xffff; code++) {
      const t = String.fromCharCode(code);
      if (!TITLECASE_LETTER.test(t)) continue;
      titlecaseLetters.set(t, t);
      titlecaseLetters.set(t.toLowerCase(), t);
      const upper = t.toUpperCase();
      if (isOneCodePoint(upper)) titlecaseLetters.set(upper, t);
    }
  }
  return titlecaseLetters.get(c);
}

function isOneCodePoint(s: string): boolean {
  return s.length === 1 || (s.length === 2 && (s.codePointAt(0) ?? 0) > 0xffff);
}

/** Unicode's full title case of one code point (`c`), with Wikimedia's override. */
function titlecase(c: string): string {
  const override = OVERRIDES.get(c);
  if (override !== undefined) return override;
  if (!CHANGES_WHEN_TITLECASED.test(c)) return c; // uncased, already title case, or Georgian Mkhedruli
  const letter = titlecaseLetterOf(c);
  if (letter !== undefined) return letter;
  const upper = c.toUpperCase();
  if (isOneCodePoint(upper)) return upper;
  // Several characters (SpecialCasing). A precomposed letter: title-case its base, keep its marks.
  const decomposed = c.normalize('NFD');
  if (decomposed !== c) {
    const base = String.fromCodePoint(decomposed.codePointAt(0) ?? 0);
    return (titlecase(base) + decomposed.slice(base.length)).normalize('NFC');
  }
  // A ligature or the like: the first cased character upper case, the rest lower case.
  const parts = Array.from(upper);
  const first = parts.findIndex((p) => CASED.test(p));
  return parts.slice(0, first + 1).join('') + parts.slice(first + 1).join('').toLowerCase();
}

/**
 * `text` with its first character capitalised as MediaWiki capitalises the first letter of a title or a
 * username (Language::ucfirst). Expects NFC text; returns NFC text.
 */
export function mediaWikiUcfirst(text: string): string {
  const code = text.charCodeAt(0);
  if (text === '' || code < 0x80) {
    // ASCII: only a-z change (MediaWiki's own fast path does the same).
    return code >= 0x61 && code <= 0x7a ? String.fromCharCode(code - 0x20) + text.slice(1) : text;
  }
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  const title = titlecase(first);
  if (title === first) return text;
  const rest = text.slice(first.length);
  // NFC again: a capital may compose with a combining mark that follows it (never with ASCII).
  return rest === '' || rest.charCodeAt(0) < 0x80 ? title + rest : (title + rest).normalize('NFC');
}
