// /api/courses/{slug...} and /users against the real fake Dashboard over HTTP.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COURSES, MANY_STAFF, PERSONAS } from '../../demo/demo-world.js';
import { useService } from '../../support/service.js';

const svc = useService();

/** The slug as a client puts it in a URL: each segment percent-encoded, real slashes between. */
const path = (slug: string): string => slug.split('/').map(encodeURIComponent).join('/');

describe('course details', () => {
  it('answers the contract fields only, with their types', async () => {
    const r = await svc.get(`/api/courses/${path(COURSES.active)}`);
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body).sort(), [
      'closed', 'course_url', 'dashboard', 'description', 'end', 'ended', 'id', 'private', 'published', 'school', 'slug', 'start',
      'student_count', 'term', 'timeline_end', 'timeline_start', 'title', 'type',
    ]);
    assert.equal(r.body.dashboard, 'outreach', 'no dashboard parameter: Programs & Events');
    assert.equal(r.body.course_url, `${svc.dashboard.url}/courses/${path(COURSES.active)}`);
    assert.equal(r.body.slug, COURSES.active);
    assert.equal(typeof r.body.id, 'number');
    assert.equal(r.body.ended, false);
  });

  it('serves a slug with three segments and a term-less slug', async () => {
    for (const slug of [COURSES.threeSegments, COURSES.large, COURSES.oddSlug]) {
      const r = await svc.get(`/api/courses/${path(slug)}`);
      assert.equal(r.status, 200, `${slug}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.slug, slug);
    }
    const large = await svc.get(`/api/courses/${path(COURSES.large)}`);
    assert.equal(large.body.term, '');
  });

  it('enriches with both windows and the staff', async () => {
    const r = await svc.get(`/api/courses/${path(COURSES.eventAhead)}?enrich=1`);
    assert.equal(r.status, 200);
    assert.equal(r.body.active_tracking, true);
    assert.equal(r.body.active_event, false);
    assert.deepEqual(r.body.staff, ['Jonas Becker (WMDE)', 'Lena Vogel']);
  });

  it('finds a course whatever the case of the slug, as the Dashboard does', async () => {
    const r = await svc.get(`/api/courses/${path(COURSES.active.toLowerCase())}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.slug, COURSES.active, 'the canonical slug comes back');
  });

  it("passes the Dashboard's null description on as null, and a description as it is", async () => {
    const slug = 'Plain_School/No_Description_(2026)';
    const now = Date.now();
    svc.dashboard.world.addCourse({
      slug,
      title: 'No Description',
      school: 'Plain School',
      description: null,
      start: new Date(now - 86_400_000).toISOString(),
      end: new Date(now + 86_400_000).toISOString(),
      roster: [{ username: 'Plain Host', role: 1 }],
    });
    const r = await svc.get(`/api/courses/${path(slug)}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.description, null);
    const described = await svc.get(`/api/courses/${path(COURSES.active)}`);
    assert.equal(typeof described.body.description, 'string');
    assert.notEqual(described.body.description, '');
  });
});

describe('course roster', () => {
  it('splits facilitators and participants, one row per person with the highest role', async () => {
    const r = await svc.get(`/api/courses/${path(COURSES.eventAhead)}/users`);
    assert.equal(r.status, 200);
    assert.equal(r.body.slug, COURSES.eventAhead);
    const names = r.body.all_users.map((u: { username: string }) => u.username);
    assert.equal(new Set(names).size, names.length, 'deduplicated');
    const lena = r.body.all_users.find((u: { username: string }) => u.username === 'Lena Vogel');
    assert.equal(lena.role, 1);
    assert.ok(r.body.facilitators.every((u: { role: number }) => u.role >= 1));
    assert.ok(r.body.participants.every((u: { role: number }) => u.role === 0));
    assert.equal(r.body.facilitators.length + r.body.participants.length, r.body.all_users.length);
    assert.equal(r.body.active_tracking, undefined, 'activity only with enrich');
  });

  it("answers the Dashboard's own slug, whatever the case of the request's", async () => {
    for (const spelling of [COURSES.eventAhead.toLowerCase(), COURSES.eventAhead.toUpperCase()]) {
      for (const query of ['', '?enrich=true']) {
        const r = await svc.get(`/api/courses/${path(spelling)}/users${query}`);
        assert.equal(r.status, 200, `${spelling}${query}`);
        assert.equal(r.body.slug, COURSES.eventAhead, `${spelling}${query}`);
      }
      const details = await svc.get(`/api/courses/${path(spelling)}?enrich=true`);
      assert.equal(details.body.slug, COURSES.eventAhead);
    }
  });

  it('serves a course with 60 staff and adds activity with enrich', async () => {
    const r = await svc.get(`/api/courses/${path(COURSES.manyStaff)}/users?enrich=true`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.facilitators.map((u: { username: string }) => u.username).sort(), [...MANY_STAFF].sort());
    assert.ok(r.body.participants.some((u: { username: string }) => u.username === PERSONAS.bigCourseStudent));
    assert.equal(r.body.active_tracking, true);
  });
});
