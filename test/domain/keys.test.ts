// Cache keys fold what the Dashboard's collation (MySQL utf8mb4_unicode_ci: UCA 4.0.0, primary level,
// PAD SPACE) folds, and never what it tells apart. ICU's root collation (Intl.Collator at base strength)
// stands in for the UCA here: every fold must be a primary-level equality there too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InvalidInput } from '../../src/domain/invalid.js';
import { foldForKey } from '../../src/domain/keys.js';
import { canonicalUsername } from '../../src/domain/names.js';

const primary = new Intl.Collator('und', { sensitivity: 'base' });
const userKey = (name: string) => foldForKey(canonicalUsername(name));

function oneKey(spellings: string[], key: (s: string) => string): void {
  const keys = new Set(spellings.map(key));
  assert.equal(keys.size, 1, `one key for ${JSON.stringify(spellings)}, got ${JSON.stringify([...keys])}`);
}

function twoKeys(a: string, b: string, key: (s: string) => string = foldForKey): void {
  assert.notEqual(key(a), key(b), `${JSON.stringify(a)} and ${JSON.stringify(b)} must stay apart`);
}

test('usernames: case spellings share one key', () => {
  oneKey(['Lena Vogel', 'Lena vogel', 'Lena VOGEL', 'lena_vogel', 'LENA VOGEL', ' lena  Vogel_'], userKey);
});

test('usernames: accents fold away as the collation folds them ("Café" = "Cafe" in utf8mb4_unicode_ci)', () => {
  oneKey(['Léna Vogel', 'Lena Vogel', 'LÉNA VOGEL'], userKey);
  oneKey(['Émilie Dupont', 'émilie dupont', 'Emilie Dupont'], userKey);
  oneKey(['Nguyễn Thị Ánh', 'Nguyen Thi Anh', 'NGUYỄN THỊ ÁNH'], userKey); // Vietnamese: stacked marks, horn
  oneKey(['Ǻsa', 'Asa', 'ǻsa'], userKey);
  oneKey(['Γιώργος', 'Γιωργος', 'ΓΙΏΡΓΟς'], userKey);
  oneKey(['İlker', 'Ilker', 'ilker'], userKey); // İ is I with a dot above (a secondary difference)
});

test('usernames: an NFD spelling of a non-ASCII name shares the key of its NFC spelling', () => {
  oneKey(['E\u0301milie Dupont', 'Émilie Dupont', 'e\u0301milie_dupont'], userKey);
  oneKey(['ნინო', 'ნინო'.normalize('NFD')], userKey);
  oneKey(['Nguye\u0302\u0303n', 'Nguyễn'], userKey);
});

test('usernames: title-case digraphs share a key with their other cases', () => {
  oneKey(['ǅuro', 'ǆuro', 'Ǆuro', 'ǄURO'], userKey);
});

test('slugs: case and accent spellings share one key; `_` and space do not', () => {
  oneKey(['Wikimedia_UK/Edit-a-thon_(2026)', 'wikimedia_uk/EDIT-A-THON_(2026)', 'WIKIMEDIA_uk/edit-a-thon_(2026)'], foldForKey);
  oneKey(['Université_de_Montréal/Histoire_(Automne_2026)', 'universite_de_montreal/HISTOIRE_(automne_2026)'], foldForKey);
  twoKeys('Wikimedia_UK/Edit-a-thon', 'Wikimedia UK/Edit-a-thon');
});

test('trailing spaces are ignored (PAD SPACE), other spaces are not', () => {
  oneKey(['School/Title', 'School/Title ', 'School/Title   '], foldForKey);
  twoKeys('School/Title', ' School/Title');
  twoKeys('School/Title', 'School/Title\u00A0');
  twoKeys('School/Ti tle', 'School/Title');
});

test('pairs the collation tells apart keep apart keys', () => {
  const apart: [string, string][] = [
    ['कि', 'क'], // Devanagari vowel sign I: a primary weight
    ['क्', 'क'], // virama
    ['ਕੁ', 'ਕ'], // Gurmukhi vowel sign U
    ['கு', 'க'], // Tamil
    ['กิ', 'ก'], // Thai
    ['أحمد', 'احمد'], // Arabic alef with hamza: a letter of its own
    ['Йосиф', 'Иосиф'], // Cyrillic short i: a letter of its own in later UCA versions
    ['ẞ', 'ß'], // capital sharp s is Unicode 5.1: an implicit weight of its own in UCA 4.0.0
    ['Ა', 'ა'], // Georgian Mtavruli is Unicode 11
    ['ı', 'i'], // dotless i
    ['ø', 'o'], // no canonical decomposition: not an accent to Unicode normalisation
    ['Lena_Vogel', 'Lena Vogel'],
    ['Lena-Vogel', 'Lena Vogel'],
  ];
  for (const [a, b] of apart) twoKeys(a, b);
});

test('pairs the collation may merge but this fold keeps apart (a missed merge costs one cache entry)', () => {
  const conservative: [string, string][] = [
    ['Straße', 'Strasse'], // ß = ss in utf8mb4_unicode_ci, ß = s in utf8_general_ci
    ['ﬁsh', 'fish'],
    ['Æsa', 'Aesa'],
    ['Ọ́la', 'Ọla'], // a combining mark standing alone (MySQL: not the same as a precomposed letter)
    ['שָׁלוֹם', 'שלום'], // Hebrew points
    ['كَتَبَ', 'كتب'], // Arabic harakat
    ['ёлка', 'елка'], // Cyrillic diacritics are left alone
    ['🍣 fan', '🍺 fan'], // utf8mb4_unicode_ci weighs all supplementary characters alike
    ['Lena\u00ADVogel', 'LenaVogel'], // soft hyphen: ignorable
  ];
  for (const [a, b] of conservative) twoKeys(a, b);
});

test('ASCII text is just lower-cased', () => {
  assert.equal(foldForKey('Lena Vogel'), 'lena vogel');
  assert.equal(foldForKey('A_B/C-(D)'), 'a_b/c-(d)');
});

test('every character that folds folds to one the UCA (ICU root collation) weighs the same at the primary level', () => {
  let folded = 0;
  for (let code = 0x80; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCharCode(code);
    const f = foldForKey(c);
    if (f === c) continue;
    folded++;
    assert.equal(primary.compare(c, f), 0, `U+${code.toString(16)} ${c} -> ${f}`);
    assert.equal(Array.from(f).length, 1, `one character for one: ${c} -> ${f}`);
    assert.equal(foldForKey(f), f);
  }
  assert.ok(folded > 900, `${folded} characters fold`);
  // Supplementary characters never fold (Deseret has case, and UCA 4.0.0 a single weight for all of them).
  assert.equal(foldForKey('𐐀𐐨'), '𐐀𐐨');
});

const textWithoutTrailingSpace = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/ +$/, ''));

test('property: the fold is idempotent', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
      const once = foldForKey(s);
      assert.equal(foldForKey(once), once);
    }),
    { numRuns: 3000 },
  );
});

test('property: a key is primary-equal to its text, so two texts that share a key are primary-equal', () => {
  fc.assert(
    fc.property(textWithoutTrailingSpace, (s) => {
      assert.equal(primary.compare(s, foldForKey(s)), 0, JSON.stringify(s));
    }),
    { numRuns: 3000 },
  );
});

// Letters whose case and accents fold: spellings of one name built from them share one key.
const LETTERS = Array.from('abcdeéèêëfghiíïjklmnñoóôöpqrstuúüvwxyzçåæøłđþαάεέηήιίοόυύωώ');
const STRIP = /[\u0300-\u036F]/g;

test('property: case and accent spellings of a canonical username share its key', () => {
  const name = fc
    .array(fc.oneof(fc.constantFrom(...LETTERS), fc.constant(' ')), { minLength: 1, maxLength: 16 })
    .map((cs) => cs.join(''))
    .filter((s) => s.trim() !== '');
  fc.assert(
    fc.property(name, fc.array(fc.boolean(), { maxLength: 16 }), (s, upper) => {
      const key = userKey(s);
      const mixed = Array.from(s).map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
      assert.equal(userKey(mixed), key, `case: ${mixed}`);
      assert.equal(userKey(s.normalize('NFD').replace(STRIP, '')), key, 'accents');
      assert.equal(userKey(s.normalize('NFD').replace(/ /g, '_')), key, 'NFD and underscores');
      assert.equal(foldForKey(canonicalUsername(canonicalUsername(s))), key, 'canonical spellings are stable');
    }),
    { numRuns: 2000 },
  );
});

test('property: the key of any valid username is stable across its spellings of `_`, spaces and NFD', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
      let key: string;
      try {
        key = userKey(s);
      } catch (e) {
        if (e instanceof InvalidInput) return;
        throw e;
      }
      assert.equal(userKey(`_${s.normalize('NFD').replace(/ /g, '_')} `), key);
    }),
    { numRuns: 2000 },
  );
});
