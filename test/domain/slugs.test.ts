import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInput } from '../../src/domain/invalid.js';
import { parseSlug, slugFromText, slugText } from '../../src/domain/slugs.js';

function rejects(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InvalidInput, `expected InvalidInput, got ${String(e)}`);
    assert.equal(e.field, 'slug');
    assert.match(e.message, pattern);
    return true;
  });
}

const MONTREAL = 'Université_de_Montréal/Histoire_des_sciences_(Automne_2026)';

test('parseSlug decodes each segment once', () => {
  assert.deepEqual(parseSlug('Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)'), [
    'Université_de_Montréal',
    'Histoire_des_sciences_(Automne_2026)',
  ]);
  assert.deepEqual(parseSlug('A/100%2525'), ['A', '100%25']);
  assert.deepEqual(parseSlug('A+B/C'), ['A+B', 'C']);
});

test('parseSlug accepts odd but legal characters and more than two segments', () => {
  assert.deepEqual(parseSlug("St._Mary's_College,_Lagos/Wikidata_101"), ["St._Mary's_College,_Lagos", 'Wikidata_101']);
  assert.deepEqual(parseSlug('A/B/C'), ['A', 'B', 'C']);
  assert.deepEqual(parseSlug('What%3F/Why%23/100%25/.hidden/...'), ['What?', 'Why#', '100%', '.hidden', '...']);
  assert.deepEqual(parseSlug('%E5%AD%A6%E6%A0%A1/%F0%9F%98%80'), ['学校', '😀']);
});

test('parseSlug refuses fewer than two segments and empty segments', () => {
  rejects(() => parseSlug('OnlyOne'), /at least two parts/);
  rejects(() => parseSlug(''), /at least two parts/);
  rejects(() => parseSlug('a//b'), /empty part/);
  rejects(() => parseSlug('/a/b'), /empty part/);
  rejects(() => parseSlug('a/b/'), /empty part/);
  rejects(() => parseSlug('a/'), /empty part/);
});

test('parseSlug refuses dot segments, encoded or not, that a URL builder would normalise away', () => {
  for (const raw of ['a/..', '../b', 'a/./b', 'a/%2E%2E', '%2e/b']) rejects(() => parseSlug(raw), /"\." or "\.\." part/);
});

test('parseSlug refuses an encoded slash inside a segment', () => {
  rejects(() => parseSlug('a%2Fb/c'), /encoded "\/"/);
  rejects(() => parseSlug('a/b%2fc'), /encoded "\/"/);
});

test('parseSlug refuses control characters and broken encoding', () => {
  rejects(() => parseSlug('a/b%0Ac'), /control character/);
  rejects(() => parseSlug('a/b%00'), /control character/);
  rejects(() => parseSlug('a/b%C2%85'), /control character/); // C1 NEL
  rejects(() => parseSlug('a/b%'), /percent-encoding/);
  rejects(() => parseSlug('a/%C3%28'), /not UTF-8/);
});

test('parseSlug limits the decoded slug to 1,000 UTF-8 bytes', () => {
  const ok = `a/${'b'.repeat(998)}`;
  assert.equal(slugText(parseSlug(ok)), ok);
  rejects(() => parseSlug(`a/${'b'.repeat(999)}`), /1001 bytes.*limit is 1000/);
  // Measured after decoding: 499 é are 998 bytes but 2,994 characters encoded.
  assert.equal(parseSlug(`a/${'%C3%A9'.repeat(499)}`)[1]?.length, 499); // exactly 1,000 bytes
  rejects(() => parseSlug(`a/${'%C3%A9'.repeat(500)}`), /1002 bytes/);
});

test('a huge slug is quoted only in part in the message', () => {
  assert.throws(
    () => parseSlug(`a/${'b'.repeat(50_000)}`),
    (e: unknown) => e instanceof InvalidInput && e.message.length < 200,
  );
});

test('slugText joins segments with "/" (the Dashboard course_slug form)', () => {
  assert.equal(slugText(['Université_de_Montréal', 'Histoire_des_sciences_(Automne_2026)']), MONTREAL);
});

test('slugFromText splits a Dashboard course_slug and applies the same rules', () => {
  assert.deepEqual(slugFromText(MONTREAL), ['Université_de_Montréal', 'Histoire_des_sciences_(Automne_2026)']);
  assert.deepEqual(slugFromText('100%25/x'), ['100%25', 'x']); // already decoded: not decoded again
  rejects(() => slugFromText('NoSlash'), /at least two parts/);
  rejects(() => slugFromText('a//b'), /empty part/);
  rejects(() => slugFromText('a/../b'), /"\." or "\.\." part/);
  rejects(() => slugFromText('a/b\u0007'), /control character/);
  rejects(() => slugFromText('a/\uD800'), /not valid Unicode/);
  rejects(() => slugFromText(`a/${'b'.repeat(1000)}`), /limit is 1000/);
});
