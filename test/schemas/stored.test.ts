// The shapes a cache entry read back from Redis must have: everything parse.ts makes of the real
// Dashboard's bodies passes, and wrong shapes for each kind fail.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseCourse, parseRoster, parseUserStats } from '../../src/dashboard/parse.js';
import { CACHED_SHAPES } from '../../src/schemas/stored.js';

const FIXTURES = new URL('../../demo/fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as { routes: { path: string; status: number; file: string }[] };
const bodies = (suffix: string): unknown[] =>
  manifest.routes
    .filter((r) => r.status === 200 && r.path.split('?')[0]?.endsWith(suffix))
    .map((r) => JSON.parse(readFileSync(new URL(r.file, FIXTURES), 'utf8')));

const clone = <T>(v: T): T => structuredClone(v);

describe('CACHED_SHAPES', () => {
  const user = parseUserStats(bodies('/user_stats.json')[0]);
  const course = parseCourse(bodies('/course.json')[0]);
  // A roster is cached with its course's own slug and end (reads.ts).
  const withCourse = (body: unknown) => ({ ...parseRoster(body), slug: course.slug, end: course.end });
  const roster = withCourse(bodies('/users.json')[0]);

  it('accept what parse.ts makes of every fixture body, after a trip through JSON', () => {
    for (const b of bodies('/user_stats.json')) assert.ok(CACHED_SHAPES.user(JSON.parse(JSON.stringify(parseUserStats(b)))));
    for (const b of bodies('/course.json')) assert.ok(CACHED_SHAPES.course(JSON.parse(JSON.stringify(parseCourse(b)))));
    for (const b of bodies('/users.json')) assert.ok(CACHED_SHAPES.roster(JSON.parse(JSON.stringify(withCourse(b)))));
    assert.ok(user.courses.length > 0 && roster.users.length > 0);
  });

  it('refuse a user entry of the wrong shape', () => {
    const noSlug = clone(user);
    delete (noSlug.courses[0] as Partial<(typeof user.courses)[0]>).course_slug;
    const textId = clone(user) as unknown as { courses: { course_id: unknown }[] };
    (textId.courses[0] as { course_id: unknown }).course_id = '12';
    for (const bad of ['a string', 42, [], {}, { courses: 'x', max_project: null }, { courses: [] }, noSlug, textId]) {
      assert.equal(CACHED_SHAPES.user(bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('refuse course details of the wrong shape, dates included', () => {
    const { title: _title, ...noTitle } = course;
    for (const bad of [
      'a string',
      noTitle,
      { ...course, id: 1.5 },
      { ...course, slug: '' },
      { ...course, start: 'yesterday' },
      { ...course, end: '2026-11-26' },
      { ...course, published: 'yes' },
    ]) {
      assert.equal(CACHED_SHAPES.course(bad), false, JSON.stringify(bad).slice(0, 120));
    }
    assert.ok(CACHED_SHAPES.course({ ...course, start: null }), 'an unknown date is null');
  });

  it('refuse a roster of the wrong shape: rows without usernames, roles that are not roles, no slug or end', () => {
    const { slug: _slug, ...noSlug } = roster;
    const { end: _end, ...noEnd } = roster;
    for (const bad of [
      'a string',
      { ...roster, users: 'x' },
      { ...roster, users: [{ role: 1 }] },
      { ...roster, users: [{ username: '', role: 1 }] },
      { ...roster, users: [{ username: 'A', role: -1 }] },
      { ...roster, users: [{ username: 'A', role: '1' }] },
      { ...roster, users: [...roster.users, null] },
      { users: roster.users },
      noSlug,
      noEnd,
      { ...roster, end: '2026-11-26' },
    ]) {
      assert.equal(CACHED_SHAPES.roster(bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });
});
