import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInput } from '../../src/domain/invalid.js';
import { parseBoolean } from '../../src/domain/query.js';

test('absent means false', () => {
  assert.equal(parseBoolean(undefined, 'enrich'), false);
});

test('accepts the documented spellings in any case', () => {
  for (const v of ['true', 'TRUE', 'True', '1', 'yes', 'YES', 'on', 'On']) assert.equal(parseBoolean(v, 'enrich'), true, v);
  for (const v of ['false', 'FALSE', '0', 'no', 'No', 'off', 'OFF']) assert.equal(parseBoolean(v, 'enrich'), false, v);
});

test('a bare flag (?enrich, empty value) means true', () => {
  assert.equal(parseBoolean('', 'enrich'), true);
});

test('a value already coerced by a schema passes through', () => {
  assert.equal(parseBoolean(true, 'enrich'), true);
  assert.equal(parseBoolean(false, 'enrich'), false);
});

test('anything else is InvalidInput naming the parameter', () => {
  for (const v of ['2', 'y', 'truee', ' true', 'null', {}, 1, null]) {
    assert.throws(
      () => parseBoolean(v, 'use_event_dates'),
      (e: unknown) => e instanceof InvalidInput && e.field === 'use_event_dates' && /"use_event_dates" must be one of/.test(e.message),
      String(v),
    );
  }
});

test('a repeated parameter (an array) is InvalidInput', () => {
  assert.throws(
    () => parseBoolean(['true', 'false'], 'enrich'),
    (e: unknown) => e instanceof InvalidInput && e.field === 'enrich' && /more than once/.test(e.message),
  );
});

test('a long bad value is not echoed whole', () => {
  assert.throws(
    () => parseBoolean('x'.repeat(5000), 'enrich'),
    (e: unknown) => e instanceof InvalidInput && e.message.length < 200,
  );
});
