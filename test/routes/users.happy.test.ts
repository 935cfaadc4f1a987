// /api/users/... against the real fake Dashboard over HTTP: names, merging, enrichment, windows.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import { useService } from '../../support/service.js';

const svc = useService();

const enc = encodeURIComponent;

describe('usernames', () => {
  it('canonicalises lower_first and answers in canonical form', async () => {
    const r = await svc.get('/api/users/lower_first');
    assert.equal(r.status, 200);
    assert.equal(r.body.username, 'Lower first');
    assert.equal(r.body.courses.length, 1);
  });

  for (const name of [PERSONAS.plusSigns, PERSONAS.percent, PERSONAS.unicode]) {
    it(`finds ${JSON.stringify(name)} (the name survives double decoding upstream)`, async () => {
      const r = await svc.get(`/api/users/${enc(name)}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.username, name);
      assert.ok(r.body.courses.length >= 1);
    });
  }

  it('shares one cache entry (one upstream request) between spellings of one name', async () => {
    svc.dashboard.reset();
    const spellings = ['User_With_Spaces', 'User%20With%20Spaces', 'user_With__Spaces', '%20User_With_Spaces%20'];
    for (const s of spellings) {
      const r = await svc.get(`/api/users/${s}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.username, 'User With Spaces');
    }
    assert.equal(svc.dashboard.count(/^\/user_stats\.json/), 1);
  });
});

describe('courses of a user', () => {
  it('merges one row per role into one entry with the highest role', async () => {
    const r = await svc.get(`/api/users/${enc(PERSONAS.twiceInOneCourse)}`);
    assert.equal(r.status, 200);
    const slugs = r.body.courses.map((c: { course_slug: string }) => c.course_slug);
    assert.equal(new Set(slugs).size, slugs.length, 'each course once');
    const b = r.body.courses.find((c: { course_slug: string }) => c.course_slug === COURSES.eventAhead);
    assert.equal(b.user_role, 'Instructor');
    assert.equal(r.body.is_instructor, true);
    assert.equal(r.body.is_student, true, 'a student row counts even where a higher role wins the merge');
  });

  it('keeps the upstream fields and types', async () => {
    const r = await svc.get(`/api/users/${enc(PERSONAS.multiRole)}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.courses.length, 3);
    assert.deepEqual(new Set(r.body.courses.map((c: { user_role: string }) => c.user_role)), new Set(['Instructor', 'Student', 'Online Volunteer']));
    for (const c of r.body.courses) {
      assert.deepEqual(Object.keys(c).sort(), [
        'course_id', 'course_school', 'course_slug', 'course_term', 'course_title', 'course_url', 'dashboard', 'user_count', 'user_role',
      ]);
      assert.equal(c.dashboard, 'outreach');
      assert.equal(typeof c.course_id, 'number');
      assert.equal(typeof c.user_count, 'number');
    }
    assert.equal(r.body.max_project, 'wikipedia');
  });

  it('answers 200 with no courses for a user who exists but is enrolled nowhere', async () => {
    const r = await svc.get(`/api/users/${enc(PERSONAS.noCourses)}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { username: PERSONAS.noCourses, courses: [], is_instructor: false, is_student: false, max_project: null });
  });

  it('enriches each course with dates, both windows and staff', async () => {
    const r = await svc.get(`/api/users/${enc(PERSONAS.active)}?enrich=true`);
    assert.equal(r.status, 200);
    const bySlug = new Map(r.body.courses.map((c: { course_slug: string }) => [c.course_slug, c]));
    const a: any = bySlug.get(COURSES.active);
    assert.equal(a.active_tracking, true);
    assert.equal(a.active_event, true);
    assert.ok(a.staff.includes(PERSONAS.active));
    const b: any = bySlug.get(COURSES.eventAhead);
    assert.equal(b.active_tracking, true, 'tracking window is open');
    assert.equal(b.active_event, false, 'the event weekend has not started');
    assert.deepEqual(b.staff, [...b.staff].sort(), 'staff sorted');
    assert.ok(b.staff.includes('Jonas Becker (WMDE)') && b.staff.includes('Lena Vogel'));
    const c: any = bySlug.get(COURSES.past);
    assert.equal(c.active_tracking, false);
    assert.ok(Array.isArray(c.staff) && c.staff.length > 0, 'an over course has its staff too');
    for (const course of [a, b, c]) assert.match(course.start, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(r.body.partial, undefined);
  });

  it('gives the staff of over and future courses too, and the Dashboard spelling of each slug', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
    const name = 'Staff Everywhere';
    const over = 'Old_School/Finished_Long_Ago_(2026)';
    const future = 'New_School/Starts_Later_(2027)';
    svc.dashboard.world.addCourse({
      slug: over, title: 'Finished', school: 'Old School', start: day(-120), end: day(-60),
      roster: [{ username: 'Old Host', role: 1 }, { username: name, role: 0 }],
    });
    svc.dashboard.world.addCourse({
      slug: future, title: 'Later', school: 'New School', start: day(10), end: day(40),
      roster: [{ username: 'New Host', role: 1 }, { username: 'Co Host', role: 3 }, { username: name, role: 0 }],
    });
    const r = await svc.get(`/api/users/${enc(name)}?enrich=true`);
    assert.equal(r.status, 200);
    const bySlug = new Map(r.body.courses.map((c: { course_slug: string }) => [c.course_slug, c]));
    const o: any = bySlug.get(over);
    const f: any = bySlug.get(future);
    assert.deepEqual([o.active_tracking, o.staff], [false, ['Old Host']]);
    assert.deepEqual([f.active_tracking, f.staff], [false, ['Co Host', 'New Host']]);
    const active = await svc.get(`/api/users/${enc(name)}/active-staff`);
    assert.deepEqual(active.body, { username: name, all_staff: [], courses: [] }, 'active-staff still lists active courses only');
  });
});

describe('active-staff and status', () => {
  it('lists only courses active in the tracking window by default', async () => {
    const r = await svc.get(`/api/users/${enc(PERSONAS.active)}/active-staff`);
    assert.equal(r.status, 200);
    const slugs = r.body.courses.map((c: { course_slug: string }) => c.course_slug).sort();
    assert.deepEqual(slugs, [COURSES.active, COURSES.eventAhead].sort());
    assert.deepEqual(r.body.all_staff, [...new Set(r.body.courses.flatMap((c: { staff: string[] }) => c.staff))].sort());
  });

  it('uses the event window with use_event_dates', async () => {
    const r = await svc.get(`/api/users/${enc(PERSONAS.active)}/active-staff?use_event_dates=yes`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.courses.map((c: { course_slug: string }) => c.course_slug), [COURSES.active]);
  });

  it('is empty for a user whose courses are all over', async () => {
    const r = await svc.get(`/api/users/${enc(PERSONAS.pastOnly)}/active-staff`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { username: PERSONAS.pastOnly, all_staff: [], courses: [] });
  });

  it('counts courses per window in /status', async () => {
    const r = await svc.get(`/api/users/${enc(PERSONAS.active)}/status`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, {
      username: PERSONAS.active,
      has_any_courses: true,
      has_active_event: true,
      has_active_tracking: true,
      active_event_count: 1,
      tracked_count: 2,
      total_courses: 3,
    });
  });
});

describe('HTTP caching headers', () => {
  it('sends CORS without credentials, a bounded max-age, Age and an ETag that yields 304', async () => {
    const r = await svc.get('/api/users/lower_first');
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(r.headers.get('access-control-allow-credentials'), null);
    const maxAge = Number(/max-age=(\d+)/.exec(r.headers.get('cache-control') ?? '')?.[1]);
    assert.ok(maxAge > 0 && maxAge <= 86_400, `max-age ${maxAge}`);
    assert.match(r.headers.get('age') ?? '', /^\d+$/);
    const etag = r.headers.get('etag');
    assert.ok(etag);
    const again = await svc.get('/api/users/lower_first', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
  });
});
