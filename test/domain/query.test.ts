import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInput } from '../../src/domain/invalid.js';
import { parseBoolean, parseDashboard } from '../../src/domain/query.js';

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

describe('parseDashboard', () => {
  test('absent means outreach (v1 clients see the answers they always had)', () => {
    assert.equal(parseDashboard(undefined, true), 'outreach');
    assert.equal(parseDashboard(undefined, false), 'outreach');
  });

  test('takes each Dashboard, and all where it is allowed', () => {
    assert.equal(parseDashboard('outreach', false), 'outreach');
    assert.equal(parseDashboard('wikiedu', false), 'wikiedu');
    assert.equal(parseDashboard('all', true), 'all');
  });

  test('all where it is not allowed is InvalidInput that says where it is', () => {
    assert.throws(
      () => parseDashboard('all', false),
      (e: unknown) => e instanceof InvalidInput && e.field === 'dashboard' && /\/api\/users\//.test(e.message),
    );
  });

  test('empty, other case, unknown or odd values are InvalidInput naming the parameter', () => {
    for (const v of ['', 'Outreach', 'WIKIEDU', 'All', 'both', ' outreach', 'outreach ', 'wiki edu', {}, 1, null, true]) {
      for (const allowAll of [true, false]) {
        assert.throws(
          () => parseDashboard(v, allowAll),
          (e: unknown) => e instanceof InvalidInput && e.field === 'dashboard' && /"dashboard" must be/.test(e.message),
          `${JSON.stringify(v)} (allowAll ${allowAll})`,
        );
      }
    }
  });

  test('a repeated parameter is InvalidInput, even when each value is good', () => {
    for (const v of [['outreach', 'outreach'], ['outreach', 'wikiedu'], ['all']]) {
      assert.throws(
        () => parseDashboard(v, true),
        (e: unknown) => e instanceof InvalidInput && e.field === 'dashboard' && /more than once/.test(e.message),
      );
    }
  });
});
