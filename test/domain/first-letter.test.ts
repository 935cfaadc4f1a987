// MediaWiki's first-letter rule (Language::ucfirst: Wikimedia's override table, else PHP's
// mb_convert_case( $c, MB_CASE_TITLE )), as derived from Node's Unicode data. first-letter-php.test.ts
// compares it with PHP itself; these tests need nothing but Node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mediaWikiUcfirst } from '../../src/domain/first-letter.js';
import { UCFIRST_OVERRIDES } from '../../src/domain/ucfirst-overrides.js';

const OVERRIDES = Object.entries(UCFIRST_OVERRIDES);

test('ASCII: a-z become A-Z, everything else is left alone (Language::ucfirst\'s ASCII path)', () => {
  assert.equal(mediaWikiUcfirst('alice'), 'Alice');
  assert.equal(mediaWikiUcfirst('zed'), 'Zed');
  for (const s of ['Alice', '1st', ' x', '_x', '`x', '{x', '@x', '']) assert.equal(mediaWikiUcfirst(s), s);
});

test('only the first character changes', () => {
  assert.equal(mediaWikiUcfirst('élan élan'), 'Élan élan');
  assert.equal(mediaWikiUcfirst('ǆǆ'), 'ǅǆ');
  assert.equal(mediaWikiUcfirst('𐐨𐐨'), '𐐀𐐨'); // astral: one code point, not one UTF-16 unit
});

test('Georgian Mkhedruli keeps its case: Unicode title-cases it to itself (MB_CASE_TITLE), unlike toUpperCase', () => {
  assert.equal(mediaWikiUcfirst('ნინო'), 'ნინო');
  assert.notEqual('ნ'.toUpperCase(), 'ნ', 'JavaScript would give Mtavruli');
  for (let code = 0x10d0; code <= 0x10ff; code++) {
    const c = String.fromCharCode(code);
    if (/\p{Ll}/u.test(c)) assert.equal(mediaWikiUcfirst(c), c, `U+${code.toString(16)}`);
  }
});

test('letters with a title-case form take it, not the upper case (MB_CASE_TITLE)', () => {
  const cases: [string, string][] = [
    ['ǆuro', 'ǅuro'],
    ['Ǆuro', 'ǅuro'], // an all-capital digraph is title-cased too
    ['ǅuro', 'ǅuro'],
    ['ǉubica', 'ǈubica'],
    ['ǌ', 'ǋ'],
    ['ǳ', 'ǲ'],
    ['ᾳ', 'ᾼ'], // Greek ypogegrammeni: toUpperCase gives 'ΑΙ'
    ['ᾀ', 'ᾈ'],
    ['ῳ', 'ῼ'],
  ];
  for (const [input, expected] of cases) assert.equal(mediaWikiUcfirst(input), expected, input);
});

test('letters whose upper case is several characters get Unicode\'s full title case (SpecialCasing)', () => {
  const cases: [string, string][] = [
    ['ﬁsh', 'Fish'], // 'FIsh' with toUpperCase
    ['ﬀ', 'Ff'],
    ['ﬆ', 'St'],
    ['և', 'Եւ'], // Armenian ligature ech-yiwn
    ['ŉ', 'ʼN'], // the apostrophe is not cased, the n is
    ['ǰ', 'J̌'],
    ['ẖ', 'H̱'],
    ['ᾲ', 'Ὰͅ'], // base capitalised, ypogegrammeni kept (toUpperCase: 'ᾺΙ')
    ['ΐ', 'Ϊ́'.normalize('NFC')],
  ];
  for (const [input, expected] of cases) assert.equal(mediaWikiUcfirst(input), expected, input);
});

test('each entry of Wikimedia\'s override table ($wgOverrideUcfirstCharacters) wins over Unicode\'s title case', () => {
  assert.equal(UCFIRST_OVERRIDES['ß'], 'ß', 'the permanent entry (T292552)');
  for (const [c, first] of OVERRIDES) {
    // An entry that keeps its character is only there because Unicode would change it (ß would become Ss).
    if (first === c) assert.ok(/\p{Changes_When_Titlecased}/u.test(c), `${c}: an entry that changes nothing`);
    assert.equal(mediaWikiUcfirst(c), first, c);
    assert.equal(mediaWikiUcfirst(`${c}traße`), `${first}traße`, c);
    assert.equal(mediaWikiUcfirst(`${c} ${c}`), `${first} ${c}`, `${c}: the first character only`);
  }
});

test('letters whose case pair old PHP did not know are capitalised, as Wikimedia\'s servers do since 2021', () => {
  // Small Cherokee (Unicode 8), Glagolitic, Coptic, Osage, Adlam: the HHVM-era table that kept them
  // (wmf-config Php72ToUpper.php) went once the accounts concerned were renamed (T219279). Core's
  // phpCharToUpper.json, the browser's copy of that era, still keeps them; the server does not.
  const cases: [string, string][] = [
    ['ꭰyo', 'Ꭰyo'],
    ['ᏸ', 'Ᏸ'],
    ['ⰰ', 'Ⰰ'],
    ['ⲁ', 'Ⲁ'],
    ['𐓘', '𐒰'],
    ['𞤢', '𞤀'],
  ];
  for (const [input, expected] of cases) assert.equal(mediaWikiUcfirst(input), expected, input);
});

test('i becomes I in every language: the Turkic rule (LanguageTr::ucfirst) is a per-wiki one', () => {
  assert.equal(mediaWikiUcfirst('iris'), 'Iris');
  assert.equal(mediaWikiUcfirst('ıris'), 'Iris');
});

test('the result stays NFC when the capital composes with a following mark', () => {
  assert.equal('ı\u0307'.normalize('NFC'), 'ı\u0307', 'dotless i and a dot above do not compose');
  assert.equal(mediaWikiUcfirst('ı\u0307x'), 'İx', 'but I and a dot above do');
});

// Data-free properties of the rule, over every code point that can start an NFC name.
const everyStart = function* (): Generator<string> {
  for (let code = 0x80; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCodePoint(code);
    if (/\p{Assigned}/u.test(c) && c.normalize('NFC') === c) yield c;
  }
};

test('for every character: the result is a case variant of it, NFC, and capitalised once for all', () => {
  let changed = 0;
  for (const c of everyStart()) {
    const t = mediaWikiUcfirst(c);
    const where = `U+${(c.codePointAt(0) ?? 0).toString(16)} ${c} -> ${t}`;
    assert.equal(t, t.normalize('NFC'), where);
    assert.equal(mediaWikiUcfirst(t), t, `idempotent: ${where}`);
    // The rule only ever picks another case of the same letters: the same upper case ('ﬁ' -> 'Fi') or,
    // where upper-casing reorders marks ('ᾷ' -> 'ᾼ͂'), the same lower case.
    const same = (f: (s: string) => string) => f(t).normalize('NFC') === f(c).normalize('NFC');
    assert.ok(same((s) => s.toUpperCase()) || same((s) => s.toLowerCase()), `a case variant: ${where}`);
    if (t === c) continue;
    changed++;
    assert.ok(/\p{Changes_When_Titlecased}/u.test(c), `Unicode says it changes: ${where}`);
    // Its first cased character is a capital (upper or title case): 'ŉ' -> 'ʼN'.
    const firstCased = Array.from(t).find((ch) => /\p{Cased}/u.test(ch)) ?? '';
    assert.match(firstCased, /^[\p{Uppercase}\p{Lt}]$/u, where);
  }
  assert.ok(changed > 1400, `capitalised ${changed} characters`);
});

test('for every character Unicode leaves unchanged by title-casing, the rule does too', () => {
  for (const c of everyStart()) {
    if (!/\p{Changes_When_Titlecased}/u.test(c)) assert.equal(mediaWikiUcfirst(c), UCFIRST_OVERRIDES[c] ?? c, c);
  }
});

test('every title-case letter (Lt) is the first letter for its lower- and upper-case partners', () => {
  let seen = 0;
  for (const c of everyStart()) {
    if (!/\p{Lt}/u.test(c)) continue;
    seen++;
    assert.equal(mediaWikiUcfirst(c), c);
    assert.equal(mediaWikiUcfirst(c.toLowerCase()), c);
    const upper = c.toUpperCase();
    if (Array.from(upper).length === 1) assert.equal(mediaWikiUcfirst(upper), c);
  }
  assert.ok(seen >= 31, `${seen} Lt letters`);
});
