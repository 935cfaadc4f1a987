// The answer cache's keys: one per distinct answer, whatever the username or slug holds.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerKey } from '../../src/answers/answer-key.js';

describe('answerKey', () => {
  it('names the endpoint, the Dashboard choice and the options, then the subject', () => {
    assert.equal(answerKey('user', 'all', 'Émilie Dupont', true), 'user|all|true|Émilie Dupont');
    assert.equal(answerKey('status', 'outreach', 'Ada'), 'status|outreach|Ada');
    assert.equal(answerKey('roster', 'wikiedu', 'School/Course_(2026)', false), 'roster|wikiedu|false|School/Course_(2026)');
  });

  it('gives different answers different keys, also for subjects that hold the separator', () => {
    const subjects = ['Ada', 'true|Ada', 'Ada|true', 'outreach|Ada', '|', ''];
    const keys = subjects.flatMap((s) => [
      answerKey('user', 'outreach', s, true),
      answerKey('user', 'outreach', s, false),
      answerKey('user', 'all', s, true),
      answerKey('active-staff', 'outreach', s, true),
      answerKey('status', 'outreach', s),
      answerKey('course', 'outreach', s, true),
      answerKey('roster', 'outreach', s, true),
    ]);
    assert.equal(new Set(keys).size, keys.length);
  });
});
