// The Wiki Education fake world: what the Dashboard keeps for a class (one row per person, the program
// manager added as role 4, a term with a year, the on-wiki course page), dates relative to now, and
// what it shares with the Programs & Events world (a person, a slug) and what not.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COURSES, demoWorld, PERSONAS } from '../../demo/demo-world.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS, WIKIEDU_URL, wikieduWorld } from '../../demo/wikiedu-world.js';
import { World } from '../../demo/world.js';

const DAY = 86_400_000;

function course(world: World, slug: string) {
  const found = world.courseJson(slug, world.now);
  return found.status === 'found' ? found.body.course : assert.fail(`${slug}: ${found.status}`);
}

function rows(world: World, slug: string) {
  const found = world.usersJson(slug);
  return found.status === 'found' ? found.body.course.users : assert.fail(`${slug}: ${found.status}`);
}

test('a class: ClassroomProgramCourse, a term with a year, its on-wiki page, its own Dashboard in its links', () => {
  const world = wikieduWorld();
  const c = course(world, WIKIEDU_COURSES.class);
  assert.equal(c['type'], 'ClassroomProgramCourse');
  assert.match(WIKIEDU_COURSES.class, /^[^/]+\/.+_\((Spring|Summer|Fall|Autumn|Winter)_\d{4}\)$/);
  assert.equal(c.term, 'Spring 2026');
  assert.equal(c['url'], `https://en.wikipedia.org/wiki/Wikipedia:Wiki_Ed/${WIKIEDU_COURSES.class}`);
  assert.equal(c['enroll_url'], `${WIKIEDU_URL}/courses/Riverside_University/Environmental_Science_(Spring_2026)/enroll/`);
});

test('every class has one row per person and the program manager added as role 4', () => {
  const world = wikieduWorld();
  for (const slug of Object.values(WIKIEDU_COURSES)) {
    const users = rows(world, slug);
    assert.equal(new Set(users.map((u) => u.username)).size, users.length, `${slug}: one row per person`);
    const pm = users.filter((u) => u['program_manager'] === true);
    assert.deepEqual(pm.map((u) => [u.username, u.role]), [[WIKIEDU_PERSONAS.programManager, 4]], slug);
  }
  assert.throws(
    () =>
      world.addCourse({
        slug: 'X/Y_(Fall_2026)',
        title: 'Y',
        school: 'X',
        type: 'ClassroomProgramCourse',
        start: new Date().toISOString(),
        end: new Date().toISOString(),
        roster: [
          { username: 'Twice', role: 1 },
          { username: 'twice', role: 0 },
        ],
      }),
    /one row per person/,
  );
});

test('dates are relative to now: the class runs now, the past one ended months ago', () => {
  const now = Date.now() + 500 * DAY;
  const world = wikieduWorld(now);
  const active = course(world, WIKIEDU_COURSES.class);
  assert.ok(Date.parse(active.start) < now && now < Date.parse(active.end));
  assert.equal(active['ended'], false);
  const past = course(world, WIKIEDU_COURSES.past);
  assert.ok(Date.parse(past.end) < now - 90 * DAY);
  assert.equal(past['ended'], true);
});

test('shares one person and one slug with the Programs & Events world, and nothing else', () => {
  const edu = wikieduWorld();
  const pe = demoWorld();
  assert.ok(pe.userStats(PERSONAS.onBoth)?.courses_details.length);
  assert.deepEqual(edu.userStats(PERSONAS.onBoth)?.courses_details.map((d) => [d.course_slug, d.user_role]), [[WIKIEDU_COURSES.class, 'Student']]);
  assert.equal(edu.userStats(PERSONAS.active), undefined, 'a Programs & Events persona is unknown here');
  assert.equal(pe.userStats(WIKIEDU_PERSONAS.student), undefined, 'and the other way round');
  const [here, there] = [course(edu, WIKIEDU_COURSES.sameSlug), course(pe, COURSES.active)];
  assert.equal(here.slug, there.slug);
  assert.notEqual(here.id, there.id);
  assert.notDeepEqual(rows(edu, here.slug).map((u) => u.username), rows(pe, there.slug).map((u) => u.username));
  assert.equal(edu.courseJson(COURSES.past, edu.now).status, 'missing', 'no Programs & Events fixtures');
});
