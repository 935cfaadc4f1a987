import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EnrolmentRow } from '../../src/schemas/stored.js';
import { summariseEnrolments } from '../../src/domain/enrolments.js';

function row(course_slug: string, user_role: string, course_id = 1): EnrolmentRow {
  return { course_id, course_title: 'T', course_school: 'S', course_term: '', user_count: 3, user_role, course_slug };
}

test('no rows: no courses, neither student nor instructor', () => {
  assert.deepEqual(summariseEnrolments([]), { courses: [], is_student: false, is_instructor: false });
});

test('one entry per course in first-appearance order, from the highest role row', () => {
  const rows = [row('B/b', 'Student', 10), row('A/a', 'Instructor', 20), row('B/b', 'Instructor', 11), row('C/c', 'Student', 30)];
  const { courses, is_student, is_instructor } = summariseEnrolments(rows);
  assert.deepEqual(
    courses.map((c) => [c.course_slug, c.user_role, c.course_id]),
    [
      ['B/b', 'Instructor', 11],
      ['A/a', 'Instructor', 20],
      ['C/c', 'Student', 30],
    ],
  );
  assert.equal(is_student, true);
  assert.equal(is_instructor, true);
});

test('is_student counts a student row even where a higher role wins the merge', () => {
  const s = summariseEnrolments([row('B/b', 'Instructor'), row('B/b', 'Student')]);
  assert.equal(s.courses.length, 1);
  assert.equal(s.courses[0]?.user_role, 'Instructor');
  assert.equal(s.is_student, true);
  assert.equal(s.is_instructor, true);
});

test('volunteers and staff count as instructors; students only as students', () => {
  assert.deepEqual(
    [summariseEnrolments([row('A/a', 'Online Volunteer')]).is_instructor, summariseEnrolments([row('A/a', 'Student')]).is_instructor],
    [true, false],
  );
  assert.equal(summariseEnrolments([row('A/a', 'Wiki Education Staff')]).is_student, false);
});

test('unknown labels rank below Student and set neither flag', () => {
  const s = summariseEnrolments([row('A/a', 'Formateur'), row('A/a', 'Student'), row('B/b', 'Étudiant(e)')]);
  assert.deepEqual(
    s.courses.map((c) => c.user_role),
    ['Student', 'Étudiant(e)'],
  );
  assert.equal(s.is_student, true);
  assert.equal(s.is_instructor, false);
  assert.equal(summariseEnrolments([row('B/b', 'Étudiant(e)')]).is_student, false);
});

test('on equal roles the first row is kept', () => {
  const s = summariseEnrolments([row('A/a', 'Instructor', 1), row('A/a', 'Facilitator', 2)]);
  assert.equal(s.courses[0]?.course_id, 1);
});
