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
    ['ǆemal', 'Ǆemal'],
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
      assert.ok(!/[_\s]{2}|^\s|\s$|_/.test(once), `not canonical: ${JSON.stringify(once)}`);
    }),
    { numRuns: 2000 },
  );
});

test('canonicalUsername is idempotent over names built from the tricky characters', () => {
  const tricky = fc.constantFrom('a', 'ß', 'ǆ', 'ı', 'i', '_', ' ', '\u00A0', '\u0301', '\u0308', 'é', 'e', '+', '%', 'ŉ', 'ΐ');
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
