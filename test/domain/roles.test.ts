import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CAMPUS_VOLUNTEER_ROLE,
  INSTRUCTOR_ROLE,
  isStaffRole,
  ONLINE_VOLUNTEER_ROLE,
  roleFromLabel,
  STUDENT_ROLE,
  WIKI_ED_STAFF_ROLE,
} from '../../src/domain/roles.js';

test('role numbers follow CoursesUsers::Roles', () => {
  assert.deepEqual(
    [STUDENT_ROLE, INSTRUCTOR_ROLE, CAMPUS_VOLUNTEER_ROLE, ONLINE_VOLUNTEER_ROLE, WIKI_ED_STAFF_ROLE],
    [0, 1, 2, 3, 4],
  );
});

test('roleFromLabel reads both the Wiki Ed and the P&E wording', () => {
  const cases: [string, number][] = [
    ['Student', 0],
    ['Editor', 0],
    ['Instructor', 1],
    ['Facilitator', 1],
    ['Campus Volunteer', 2],
    ['Online Volunteer', 3],
    ['Wiki Education Staff', 4],
  ];
  for (const [label, role] of cases) assert.equal(roleFromLabel(label), role, label);
});

test('roleFromLabel is trimmed and case-insensitive', () => {
  assert.equal(roleFromLabel('  student '), 0);
  assert.equal(roleFromLabel('INSTRUCTOR'), 1);
  assert.equal(roleFromLabel('online  volunteer'), 3);
  assert.equal(roleFromLabel('wiki education STAFF'), 4);
});

test('roleFromLabel answers null for unknown or localised labels', () => {
  for (const label of ['', 'Étudiant(e)', 'Formateur', 'Visitor', 'Students', 'Instructor 1']) {
    assert.equal(roleFromLabel(label), null, label);
  }
});

test('isStaffRole: every role from Instructor up', () => {
  assert.equal(isStaffRole(0), false);
  assert.equal(isStaffRole(-1), false);
  for (const r of [1, 2, 3, 4]) assert.equal(isStaffRole(r), true);
});
