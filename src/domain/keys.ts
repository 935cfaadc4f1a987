// Cache keys for usernames and slugs: the text folded the way the Dashboard's MySQL collation compares it,
// so that every spelling the Dashboard treats as one person or one course shares one cache entry (and one
// upstream request), and never two spellings it tells apart (that would serve one person's answer for
// another's).
//
// The Dashboard's tables use utf8mb4_unicode_ci: the weights of UCA 4.0.0 (Unicode 4.0), compared at the
// primary level (case- and accent-insensitive), PAD SPACE (trailing spaces ignored). This fold is a safe
// subset of that equivalence:
// - letter case, for the Latin, Greek, Cyrillic and Armenian letters that Unicode 4.0 already had in both
//   cases (a case pair completed later, such as `ẞ`/`ß` or Georgian Mtavruli, has no weight in UCA 4.0.0
//   but an implicit one of its own, so the two differ there);
// - diacritics of precomposed Latin and Greek letters whose marks are from the combining diacritics of
//   Unicode 3.2 (U+0300-U+034E, U+0360-U+036F, secondary weights only): `é` -> `e`, `ǻ` -> `a`, `ώ` -> `ω`.
//   Cyrillic letters keep theirs (`й` has had a primary weight of its own in later UCA versions);
// - trailing spaces (PAD SPACE).
// Left apart although the collation may merge them (a missed merge costs one cache entry, a wrong one a
// wrong answer): `ß` and `ss`, ligatures and `ae`, combining marks standing alone (MySQL documents that it
// does not treat a letter plus a combining mark as the precomposed letter), Indic vowel signs and viramas
// (primary weights), Hebrew and Arabic points, ignorable characters, supplementary characters (which
// utf8mb4_unicode_ci compares as all equal), and `_` versus space (different characters).
// test/domain/keys.test.ts checks every folded character against ICU's root collation at primary strength.

const NOT_ASCII = /[^\u0000-\u007F]/;
const TRAILING_SPACES = / +$/;

/** Code points in Unicode 4.0 (UCA 4.0.0) whose case is folded; [first, last, diacritics folded too]. */
const FOLDED_LETTERS: readonly (readonly [number, number, boolean])[] = [
  [0x0041, 0x005a, true], // Basic Latin
  [0x0061, 0x007a, true],
  [0x00c0, 0x00d6, true], // Latin-1 letters
  [0x00d8, 0x00f6, true],
  [0x00f8, 0x00ff, true],
  [0x0100, 0x0233, true], // Latin Extended-A, and Extended-B up to Unicode 3.2
  [0x0250, 0x02ad, true], // IPA Extensions
  [0x0386, 0x0386, true], // Greek
  [0x0388, 0x038a, true],
  [0x038c, 0x038c, true],
  [0x038e, 0x03a1, true],
  [0x03a3, 0x03ce, true],
  [0x0400, 0x04ce, false], // Cyrillic
  [0x04d0, 0x04f5, false],
  [0x04f8, 0x04f9, false],
  [0x0500, 0x050f, false], // Cyrillic Supplement (Unicode 3.2)
  [0x0531, 0x0556, false], // Armenian
  [0x0561, 0x0586, false],
  [0x1e00, 0x1e9b, true], // Latin Extended Additional, up to Unicode 4.0
  [0x1ea0, 0x1ef9, true],
  [0x1f00, 0x1ffc, true], // Greek Extended
  [0xff21, 0xff3a, true], // Fullwidth Latin
  [0xff41, 0xff5a, true],
];
/** Marks with secondary weights only, from Unicode 3.2's combining diacritics. */
const DIACRITIC = /^[\u0300-\u034E\u0360-\u036F]+$/;

interface Folds {
  table: Map<string, string>;
  /** Matches every character of the table (a character class of them). */
  pattern: RegExp;
}
let folds: Folds | undefined;

function foldedRange(code: number): (readonly [number, number, boolean]) | undefined {
  return FOLDED_LETTERS.find(([first, last]) => code >= first && code <= last);
}

/** The fold of each character that has one, built once (about a thousand characters) on first use. */
function foldTable(): Folds {
  if (folds !== undefined) return folds;
  const table = new Map<string, string>();
  for (const [first, last, diacritics] of FOLDED_LETTERS) {
    for (let code = first; code <= last; code++) {
      const c = String.fromCharCode(code);
      if (c.normalize('NFC') !== c) continue; // never in canonical text; left as it is
      let base = c;
      const decomposed = c.normalize('NFD');
      if (diacritics && decomposed !== c) {
        const head = decomposed.charAt(0);
        if (DIACRITIC.test(decomposed.slice(1)) && foldedRange(head.charCodeAt(0))) base = head;
      }
      const lower = base.toLowerCase();
      const folded = lower.length === 1 && foldedRange(lower.charCodeAt(0)) ? lower : base;
      if (folded !== c) table.set(c, folded);
    }
  }
  const escaped = [...table.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  folds = { table, pattern: new RegExp(`[${escaped.join('')}]`, 'g') };
  return folds;
}

/**
 * The cache-key form of a canonical username (canonicalUsername's result) or of a slug (slugText's
 * result, `_` kept: the Dashboard does not equate it with a space): case, the diacritics above and trailing
 * spaces folded away. Use it for the cache key and the single-flight key of a lookup, never for display or
 * for the upstream request. Idempotent; ASCII text is just lower-cased.
 */
export function foldForKey(text: string): string {
  const trimmed = text.replace(TRAILING_SPACES, '');
  if (!NOT_ASCII.test(trimmed)) return trimmed.toLowerCase();
  const { table, pattern } = foldTable();
  return trimmed.replace(pattern, (c) => table.get(c) ?? c);
}
