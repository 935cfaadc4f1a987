import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitRoster, staffNames, unionStaff } from '../../src/domain/staff.js';

const roster = [
  { username: 'Lena Vogel', role: 1 },
  { username: 'Jonas Becker (WMDE)', role: 1 },
  { username: 'Lena Vogel', role: 0 },
  { username: 'zoe', role: 0 },
  { username: 'Émilie Dupont', role: 3 },
  { username: 'Adaeze Okafor', role: 0 },
  { username: 'Adaeze Okafor', role: 4 },
];

test('staffNames: role >= 1, unique, in code-point order', () => {
  assert.deepEqual(staffNames(roster), ['Adaeze Okafor', 'Jonas Becker (WMDE)', 'Lena Vogel', 'Émilie Dupont']);
  assert.deepEqual(staffNames([{ username: 'a', role: 0 }]), []);
  assert.deepEqual(staffNames([]), []);
});

test('code-point order puts upper case before lower case and accents last', () => {
  assert.deepEqual(
    staffNames(['b', 'B', 'É', 'E', 'a'].map((username) => ({ username, role: 1 }))),
    ['B', 'E', 'a', 'b', 'É'],
  );
});

test('splitRoster keeps one row per username with its highest role, in first-appearance order', () => {
  const { all_users, facilitators, participants } = splitRoster(roster);
  assert.deepEqual(all_users, [
    { username: 'Lena Vogel', role: 1 },
    { username: 'Jonas Becker (WMDE)', role: 1 },
    { username: 'zoe', role: 0 },
    { username: 'Émilie Dupont', role: 3 },
    { username: 'Adaeze Okafor', role: 4 },
  ]);
  assert.deepEqual(
    facilitators.map((r) => r.username),
    ['Lena Vogel', 'Jonas Becker (WMDE)', 'Émilie Dupont', 'Adaeze Okafor'],
  );
  assert.deepEqual(participants, [{ username: 'zoe', role: 0 }]);
});

test('splitRoster of an empty roster is empty', () => {
  assert.deepEqual(splitRoster([]), { facilitators: [], participants: [], all_users: [] });
});

test('unionStaff is the sorted unique union', () => {
  assert.deepEqual(unionStaff([['b', 'a'], [], ['c', 'a'], ['b']]), ['a', 'b', 'c']);
  assert.deepEqual(unionStaff([]), []);
});
