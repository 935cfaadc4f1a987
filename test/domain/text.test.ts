import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasControl, isWellFormed, quote, utf8Length, wellFormed } from '../../src/domain/text.js';

test('quote: short text as a JSON literal, control characters escaped', () => {
  assert.equal(quote('a"b'), '"a\\"b"');
  assert.equal(quote('a\nb'), '"a\\nb"');
});

test('quote cuts long text at 60 code points without splitting a surrogate pair', () => {
  assert.equal(quote('x'.repeat(60)), JSON.stringify('x'.repeat(60)));
  assert.equal(quote('x'.repeat(61)), `${JSON.stringify('x'.repeat(60))}…`);
  assert.equal(quote('😀'.repeat(60)), JSON.stringify('😀'.repeat(60))); // 120 code units, 60 code points
  assert.equal(quote('😀'.repeat(61)), `${JSON.stringify('😀'.repeat(60))}…`);
});

test('hasControl: C0, DEL and C1, not ordinary text', () => {
  assert.deepEqual(['\u0000', '\u001F', '\u007F', '\u0080', '\u009F'].map(hasControl), [true, true, true, true, true]);
  assert.deepEqual([' ', '~', '\u00A0', 'é', ''].map(hasControl), [false, false, false, false, false]);
});

test('isWellFormed: lone surrogates are not', () => {
  assert.equal(isWellFormed('😀'), true);
  assert.equal(isWellFormed('\uD83D'), false);
  assert.equal(isWellFormed('a\uDE00'), false);
  assert.equal(isWellFormed('\uDE00\uD83D'), false); // reversed pair
});

test('wellFormed replaces each lone surrogate with U+FFFD and keeps pairs', () => {
  assert.equal(wellFormed('😀 é'), '😀 é');
  assert.equal(wellFormed('a\uD83Db\uDE00'), 'a\uFFFDb\uFFFD');
  assert.equal(wellFormed('\uDE00\uD83D😀'), '\uFFFD\uFFFD😀');
});

test('utf8Length counts bytes', () => {
  assert.deepEqual(['a', 'é', '€', '😀'].map(utf8Length), [1, 2, 3, 4]);
});
