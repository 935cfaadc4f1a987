import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InvalidInput } from '../../src/domain/invalid.js';
import { canonicalUsername, decodeSegment } from '../../src/domain/names.js';

function rejects(fn: () => unknown, field: string, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InvalidInput, `expected InvalidInput, got ${String(e)}`);
    assert.equal(e.field, field);
    assert.match(e.message, pattern);
    return true;
  });
}

test('decodeSegment decodes percent-encoding exactly once', () => {
  assert.equal(decodeSegment('%C3%89milie%20Dupont', 'username'), 'Émilie Dupont');
  assert.equal(decodeSegment('100%2525', 'username'), '100%25');
  assert.equal(decodeSegment('plain', 'username'), 'plain');
});

test('decodeSegment keeps + as a plus sign (it means space only in query strings)', () => {
  assert.equal(decodeSegment('C++_Fan', 'username'), 'C++_Fan');
});

test('decodeSegment refuses broken percent-encoding and invalid UTF-8, naming the field', () => {
  rejects(() => decodeSegment('100%', 'username'), 'username', /percent-encoding/);
  rejects(() => decodeSegment('%zz', 'slug'), 'slug', /percent-encoding/);
  rejects(() => decodeSegment('%C3', 'username'), 'username', /not UTF-8/); // truncated sequence
  rejects(() => decodeSegment('%FF%FE', 'username'), 'username', /not UTF-8/);
  rejects(() => decodeSegment('%ED%A0%80', 'username'), 'username', /not UTF-8/); // encoded surrogate
  rejects(() => decodeSegment('a\uD800b', 'username'), 'username', /not valid Unicode/);
});

test('canonicalUsername applies the contract examples', () => {
  const cases: [string, string][] = [
    ['lower_first', 'Lower first'],
    [' User__With  Spaces ', 'User With Spaces'],
    ['User_With_Spaces', 'User With Spaces'],
    ['émilie_Dupont', 'Émilie Dupont'],
    ['C++ Fan', 'C++ Fan'],
    ['100% Wiki', '100% Wiki'],
    ['_Leading_and_trailing_', 'Leading and trailing'],
    ['a\u00A0\u3000b', 'A b'], // Unicode spaces collapse too
    ['ßtraße', 'ßtraße'], // upper case of ß is two letters: left alone
    ['ǆemal', 'ǅemal'], // title case, not upper case: see first-letter.test.ts
    ['élan', 'Élan'],
    ['😀 smile', '😀 smile'],
    ['𐐨lder', '𐐀lder'], // astral first letter (Deseret) upper-cased as a whole code point
  ];
  for (const [input, expected] of cases) assert.equal(canonicalUsername(input), expected, input);
});

test('canonicalUsername normalises to NFC, so composed and decomposed spellings share one key', () => {
  assert.equal(canonicalUsername('e\u0301milie'), 'Émilie');
  assert.equal(canonicalUsername('e\u0301milie'), canonicalUsername('émilie'));
});

test('canonicalUsername refuses empty names', () => {
  for (const name of ['', '   ', '___', '_ _']) rejects(() => canonicalUsername(name), 'username', /empty/);
});

test('canonicalUsername refuses control characters (C0, DEL, C1)', () => {
  for (const c of ['\u0000', '\t', '\n', '\u001F', '\u007F', '\u0080', '\u009F']) {
    rejects(() => canonicalUsername(`Bad${c}Name`), 'username', /control character/);
  }
});

test('canonicalUsername refuses characters MediaWiki titles cannot contain', () => {
  for (const c of ['#', '<', '>', '[', ']', '|', '{', '}']) {
    rejects(() => canonicalUsername(`Bad${c}Name`), 'username', new RegExp(`contains "\\${c}"`));
  }
});

test('canonicalUsername limits the canonical name to 255 UTF-8 bytes', () => {
  assert.equal(canonicalUsername('A'.repeat(255)), 'A'.repeat(255));
  rejects(() => canonicalUsername('A'.repeat(256)), 'username', /256 bytes.*limit is 255/);
  assert.equal(canonicalUsername(`É${'é'.repeat(126)}`).length, 127); // 254 bytes
  rejects(() => canonicalUsername('é'.repeat(128)), 'username', /256 bytes/);
  // Surrounding spaces do not count: the limit applies to the canonical form.
  assert.equal(canonicalUsername(`  ${'A'.repeat(255)}  `), 'A'.repeat(255));
});

test('canonicalUsername refuses lone surrogates (they cannot be sent upstream)', () => {
  rejects(() => canonicalUsername('Bad\uDC00'), 'username', /not valid Unicode/);
});

test('error messages quote a huge input only in part', () => {
  const huge = `${'x'.repeat(10_000)}#`;
  assert.throws(
    () => canonicalUsername(huge),
    (e: unknown) => e instanceof InvalidInput && e.message.length < 200 && e.message.includes('…'),
  );
});

test('canonicalUsername capitalises by MediaWiki\'s first-letter rule (Language::ucfirst), not toUpperCase', () => {
  assert.equal(canonicalUsername('ნინო'), 'ნინო'); // Georgian Mkhedruli title-cases to itself
  assert.equal(canonicalUsername('ǆuro'), 'ǅuro'); // the title-case digraph, not 'Ǆuro'
  assert.equal(canonicalUsername('Ǆuro'), 'ǅuro');
  assert.equal(canonicalUsername('ßtraße'), 'ßtraße'); // Wikimedia's $wgOverrideUcfirstCharacters
  assert.equal(canonicalUsername('ﬁsh_fan'), 'Fish fan');
});

test('canonicalUsername strips the bidirectional marks MediaWiki strips (MediaWikiTitleCodec::splitTitleString)', () => {
  for (const mark of ['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E']) {
    assert.equal(canonicalUsername(`${mark}Lena Vogel`), 'Lena Vogel', `before: ${mark}`);
    assert.equal(canonicalUsername(`Lena${mark} Vogel${mark}`), 'Lena Vogel', `inside and after: ${mark}`);
    assert.equal(canonicalUsername(`Lena${mark}Vogel`), 'LenaVogel', `between letters: ${mark}`);
  }
  assert.equal(canonicalUsername('\u202Bلينا فوغل\u202C'), 'لينا فوغل');
  assert.equal(canonicalUsername('\u200Elena'), 'Lena', 'the first letter is the one after the mark');
  rejects(() => canonicalUsername('\u200E\u200F'), 'username', /empty/);
  // Bidi isolates are not in MediaWiki's list: a name with one is another name.
  assert.equal(canonicalUsername('Lena\u2066Vogel'), 'Lena\u2066Vogel');
});

test('canonicalUsername turns exactly MediaWiki\'s whitespace into spaces (MediaWikiTitleCodec::splitTitleString)', () => {
  for (const space of ['\u00A0', '\u1680', '\u180E', '\u2000', '\u2005', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000']) {
    assert.equal(canonicalUsername(`Lena${space}_ Vogel${space}`), 'Lena Vogel', `U+${space.codePointAt(0)?.toString(16)}`);
  }
  // U+FEFF is whitespace to JavaScript's \s, but a legal title character to MediaWiki.
  assert.equal(canonicalUsername('Lena\uFEFFVogel'), 'Lena\uFEFFVogel');
});

test('canonicalUsername refuses U+FFFD and the noncharacters UtfNormal turns into it ("title-invalid-utf8")', () => {
  for (const c of ['\uFFFD', '\uFFFE', '\uFFFF']) {
    rejects(() => canonicalUsername(`Lena${c}Vogel`), 'username', new RegExp(`U\\+${c.codePointAt(0)?.toString(16).toUpperCase()}.*not UTF-8`));
  }
});

test('canonicalUsername refuses what MediaWiki\'s title parser refuses (MediaWikiTitleCodec::splitTitleString)', () => {
  const refused: [string, RegExp][] = [
    ['Lena%41Vogel', /"%41".*percent-encoding/], // getTitleInvalidRegex
    ['Lena%c3%a9', /"%c3"/],
    ['Lena&amp;Vogel', /"&amp;".*HTML entity/],
    ['Lena&eacute;', /"&eacute;"/],
    [':Lena', /starts with ":"/], // a leading colon leaves the User namespace
    [' : Lena', /starts with ":"/],
    ['.', /not a name/], // title-invalid-relative
    ['..', /not a name/],
    ['Lena~~~Vogel', /"~~~"/], // title-invalid-magic-tilde
  ];
  for (const [name, pattern] of refused) rejects(() => canonicalUsername(name), 'username', pattern);
  for (const name of ['100% Wiki', '50%', 'A&B', 'Tom & Jerry;', '&;', 'Lena:Vogel', 'Lena.', '...', 'Lena~~Vogel']) {
    assert.equal(typeof canonicalUsername(name), 'string', name);
  }
});

test('canonicalUsername refuses what UserNameUtils::isValid refuses in a username', () => {
  for (const c of ['\u200B', '\u200C', '\u200D', '\uE000', '\uF8FF']) {
    rejects(() => canonicalUsername(`Lena${c}Vogel`), 'username', /U\+[0-9A-F]{4}, which MediaWiki does not allow/);
  }
  rejects(() => canonicalUsername('Lena/Vogel'), 'username', /"\/"/);
  for (const ip of ['192.0.2.7', '1.2.3.xxx', '999.1.1.1', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', 'cafe::babe', '1::']) {
    rejects(() => canonicalUsername(ip), 'username', /IP address/);
  }
  for (const name of ['1.2.3', '1.2.3.4.5', 'Abc:Def', 'Cafe:Babe', 'Deadbeef', '1:2:3']) {
    assert.equal(typeof canonicalUsername(name), 'string', name);
  }
});

// MediaWiki's whitespace (MediaWikiTitleCodec::splitTitleString), which canonical names hold only as single spaces.
const MW_WHITESPACE = /[ _\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/u;

test('canonicalUsername is idempotent over arbitrary Unicode', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      let once: string;
      try {
        once = canonicalUsername(s);
      } catch (e) {
        if (e instanceof InvalidInput) return;
        throw e;
      }
      assert.equal(canonicalUsername(once), once);
      const notSpace = Array.from(once).some((c) => c !== ' ' && MW_WHITESPACE.test(c));
      assert.ok(!notSpace && !/ {2}|^ | $/.test(once), `not canonical: ${JSON.stringify(once)}`);
      assert.ok(!/[\u200E\u200F\u202A-\u202E\uFFFD]/.test(once), `kept a mark MediaWiki strips or refuses: ${JSON.stringify(once)}`);
      assert.equal(once, once.normalize('NFC'));
    }),
    { numRuns: 2000 },
  );
});

test('canonicalUsername is idempotent over names built from the tricky characters', () => {
  const tricky = fc.constantFrom('a', 'ß', 'ǆ', 'Ǆ', 'ı', 'i', '_', ' ', '\u00A0', '\u0301', '\u0308', '\u0345', 'é', 'e', '+', '%', 'ŉ', 'ΐ', 'ﬁ', 'ᾲ', 'ნ', '\u200E', '\u202B', '\uFEFF', ':', '.');
  fc.assert(
    fc.property(fc.array(tricky, { maxLength: 8 }), (chars) => {
      try {
        const once = canonicalUsername(chars.join(''));
        assert.equal(canonicalUsername(once), once);
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
      }
    }),
    { numRuns: 2000 },
  );
});
