// The kinds of cached read: the checks a cache entry read back from Redis must pass (everything
// parse.ts makes of the real Dashboard's bodies passes, wrong shapes for each kind fail), the keys, and
// the lifetimes each kind gets from the settings.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseCourse, parseRoster, parseUserStats } from '../../src/dashboard/parse.js';
import { loadConfig } from '../../src/config/config.js';
import { CACHED_KINDS, cacheKey, cacheKinds } from '../../src/reads/kinds.js';

const FIXTURES = new URL('../../demo/fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as { routes: { path: string; status: number; file: string }[] };
const bodies = (suffix: string): unknown[] =>
  manifest.routes
    .filter((r) => r.status === 200 && r.path.split('?')[0]?.endsWith(suffix))
    .map((r) => JSON.parse(readFileSync(new URL(r.file, FIXTURES), 'utf8')));

const clone = <T>(v: T): T => structuredClone(v);

const user = parseUserStats(bodies('/user_stats.json')[0]);
const course = parseCourse(bodies('/course.json')[0]);
// A roster is cached with its course's own slug and end (cached-dashboard.ts).
const withCourse = (body: unknown) => ({ ...parseRoster(body), slug: course.slug, end: course.end });
const roster = withCourse(bodies('/users.json')[0]);

describe('the checks of entries read back from Redis', () => {

  it('accept what parse.ts makes of every fixture body, after a trip through JSON', () => {
    for (const b of bodies('/user_stats.json')) assert.ok(CACHED_KINDS.user.check(JSON.parse(JSON.stringify(parseUserStats(b)))));
    for (const b of bodies('/course.json')) assert.ok(CACHED_KINDS.course.check(JSON.parse(JSON.stringify(parseCourse(b)))));
    for (const b of bodies('/users.json')) assert.ok(CACHED_KINDS.roster.check(JSON.parse(JSON.stringify(withCourse(b)))));
    assert.ok(user.courses.length > 0 && roster.users.length > 0);
  });

  it('refuse a user entry of the wrong shape', () => {
    const noSlug = clone(user);
    delete (noSlug.courses[0] as Partial<(typeof user.courses)[0]>).course_slug;
    const textId = clone(user) as unknown as { courses: { course_id: unknown }[] };
    (textId.courses[0] as { course_id: unknown }).course_id = '12';
    for (const bad of ['a string', 42, [], {}, { courses: 'x', max_project: null }, { courses: [] }, noSlug, textId]) {
      assert.equal(CACHED_KINDS.user.check(bad), false, JSON.stringify(bad).slice(0, 80));
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
      assert.equal(CACHED_KINDS.course.check(bad), false, JSON.stringify(bad).slice(0, 120));
    }
    assert.ok(CACHED_KINDS.course.check({ ...course, start: null }), 'an unknown date is null');
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
      assert.equal(CACHED_KINDS.roster.check(bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });
});

describe('cacheKey', () => {
  it("starts with the Dashboard's id and the kind, and ends with the subject folded as the Dashboard folds it", () => {
    assert.equal(cacheKey('outreach', 'user', 'Émilie Dupont'), 'outreach:user:emilie dupont');
    assert.equal(cacheKey('wikiedu', 'course', ['École', 'Cours_(2026)']), 'wikiedu:course:ecole/cours_(2026)');
    assert.equal(cacheKey('outreach', 'roster', ['École', 'Cours_(2026)']), 'outreach:roster:ecole/cours_(2026)');
  });
});

describe('cacheKinds', () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-11-26T12:00:00.000Z');
  const kinds = cacheKinds(loadConfig({}).cache, () => now);
  const ago = (days: number) => new Date(now - days * DAY).toISOString();

  it('names each kind as metrics and logs show it, with its check', () => {
    assert.deepEqual(Object.values(kinds).map((k) => k.name), ['user', 'course', 'roster', 'current_campaign', 'campaign_users', 'active_courses']);
    assert.equal(kinds.campaign_users.shape?.({ campaign: 'x', courses: [{ slug: 'A/b', users: [{ username: 'U', role: 0 }] }] }), true);
    assert.equal(kinds.campaign_users.shape?.({ campaign: 'x', courses: [{ slug: '', users: [] }] }), false, 'a course without a slug');
    assert.equal(kinds.active_courses.shape?.([{ slug: 'A/b', title: 'T' }]), true);
    assert.equal(kinds.active_courses.shape?.({ courses: [] }), false);
    assert.equal(kinds.current_campaign.shape?.({ slug: 'fall_2026' }), true);
    assert.equal(kinds.user.shape?.({ courses: [], max_project: null }), true);
    assert.equal(kinds.user.shape?.({ courses: 'x' }), false);
  });

  it('gives each kind its TTL, the stale windows and the "not found" lifetime of the settings', () => {
    assert.deepEqual(kinds.user.policy(null), { freshMs: 900_000, staleWhileRevalidateMs: 900_000, staleIfErrorMs: 7 * DAY, negativeMs: 600_000 });
    assert.equal(kinds.course.policy({ ...course, end: null }).freshMs, 6 * 3_600_000);
    assert.equal(kinds.roster.policy({ ...roster, end: null }).freshMs, 3_600_000);
    const short = cacheKinds(loadConfig({ STALE_WHILE_REVALIDATE: '30', STALE_IF_ERROR: '60' }).cache, () => now);
    assert.deepEqual(short.user.policy(null), { freshMs: 900_000, staleWhileRevalidateMs: 30_000, staleIfErrorMs: 60_000, negativeMs: 600_000 });
  });

  it('keeps the details and roster of an over course (ended more than 30 days ago) for ENDED_COURSE_CACHE_TTL, never shorter', () => {
    assert.equal(kinds.course.policy({ ...course, end: ago(31) }).freshMs, 7 * DAY);
    assert.equal(kinds.roster.policy({ ...roster, end: ago(31) }).freshMs, 7 * DAY);
    assert.equal(kinds.course.policy({ ...course, end: ago(29) }).freshMs, 6 * 3_600_000, 'still updated upstream');
    const endedShort = cacheKinds(loadConfig({ ENDED_COURSE_CACHE_TTL: '60' }).cache, () => now);
    assert.equal(endedShort.course.policy({ ...course, end: ago(31) }).freshMs, 6 * 3_600_000);
  });
});
