// Both Dashboards over real HTTP, against two fake Dashboards with different worlds (Programs & Events'
// demo world, Wiki Education's classes): each `dashboard` value on every endpoint, the merge rules of
// `all`, the same slug on both as two courses, and the course links.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import type { FakeDashboard } from '../../demo/fake-dashboard.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS, WIKIEDU_URL } from '../../demo/wikiedu-world.js';
import { startService, type Service } from '../../support/service.js';

let svc: Service;
before(async () => {
  svc = await startService();
});
after(() => svc.close());

const enc = encodeURIComponent;
const path = (slug: string): string => slug.split('/').map(enc).join('/');
const user = (name: string, rest = ''): string => `/api/users/${enc(name)}${rest}`;
const SHARED = WIKIEDU_COURSES.sameSlug; // COURSES.active's slug, another course on Wiki Education

/** Which fakes a request reached. */
async function asked(request: string): Promise<{ status: number; body: any; headers: Headers; outreach: number; wikiedu: number }> {
  svc.dashboard.reset();
  svc.wikiedu.reset();
  const r = await svc.get(request);
  return { ...r, outreach: svc.dashboard.requests.length, wikiedu: svc.wikiedu.requests.length };
}

/** The path of a course's enroll_url in a fake's world, less `/enroll/`: how the Dashboard links its own course pages. */
function ownLinkPath(fake: FakeDashboard, slug: string, base: string): string {
  const found = fake.world.courseJson(slug, Date.now());
  assert.equal(found.status, 'found', slug);
  const enroll = String(found.status === 'found' ? found.body.course['enroll_url'] : '');
  assert.ok(enroll.startsWith(`${base}/courses/`) && enroll.endsWith('/enroll/'), enroll);
  return enroll.slice(base.length, -'/enroll/'.length);
}

describe('the dashboard parameter on every endpoint', () => {
  const userEndpoints = ['', '?enrich=true', '/active-staff', '/active-staff?use_event_dates=true', '/status'];
  const sep = (rest: string): string => (rest.includes('?') ? '&' : '?');

  for (const rest of userEndpoints) {
    it(`/api/users/{u}${rest}: absent and outreach ask Programs & Events, wikiedu Wiki Education, all both`, async () => {
      const name = PERSONAS.onBoth;
      const absent = await asked(user(name, rest));
      const outreach = await asked(user(name, `${rest}${sep(rest)}dashboard=outreach`));
      const wikiedu = await asked(user(name, `${rest}${sep(rest)}dashboard=wikiedu`));
      // A new answer, built from the reads the two before it cached: all shares each Dashboard's entries.
      const all = await asked(user(name, `${rest}${sep(rest)}dashboard=all`));
      for (const r of [absent, outreach, wikiedu, all]) assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(absent.wikiedu, 0, 'no parameter: Wiki Education is not asked');
      assert.equal(outreach.wikiedu, 0);
      assert.equal(wikiedu.outreach, 0, 'wikiedu: Programs & Events is not asked');
      assert.deepEqual([all.outreach, all.wikiedu], [0, 0]);
      assert.deepEqual(absent.body, outreach.body, 'absent means outreach');
      assert.equal(absent.headers.get('etag'), outreach.headers.get('etag'));
      // An ETag names a representation of its URL: two Dashboards' answers differ, and so do their ETags
      // (but /status of a person with the same counts on both is the same body).
      assert.equal(wikiedu.headers.get('etag') === outreach.headers.get('etag'), JSON.stringify(wikiedu.body) === JSON.stringify(outreach.body));
      assert.equal(outreach.body.dashboards, undefined, 'the dashboards map is for all only');
      assert.deepEqual(all.body.dashboards, { outreach: 'ok', wikiedu: 'ok' });
      if (rest.includes('status')) {
        assert.equal(all.body.total_courses, outreach.body.total_courses + wikiedu.body.total_courses);
      } else {
        const dashboards = (r: { body: any }): string[] => r.body.courses.map((c: { dashboard: string }) => c.dashboard);
        assert.ok(dashboards(outreach).length > 0 && dashboards(outreach).every((d) => d === 'outreach'));
        assert.ok(dashboards(wikiedu).length > 0 && dashboards(wikiedu).every((d) => d === 'wikiedu'));
        assert.deepEqual(all.body.courses, [...outreach.body.courses, ...wikiedu.body.courses], 'outreach first, then wikiedu');
      }
    });
  }

  for (const suffix of ['', '/users']) {
    it(`/api/courses/{slug}${suffix}: the same slug is one course on each Dashboard`, async () => {
      const absent = await asked(`/api/courses/${path(SHARED)}${suffix}?enrich=true`);
      const outreach = await asked(`/api/courses/${path(SHARED)}${suffix}?enrich=true&dashboard=outreach`);
      const wikiedu = await asked(`/api/courses/${path(SHARED)}${suffix}?dashboard=wikiedu&enrich=true`);
      for (const r of [absent, outreach, wikiedu]) assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(absent.body, outreach.body);
      assert.deepEqual([absent.body.dashboard, wikiedu.body.dashboard], ['outreach', 'wikiedu']);
      assert.equal(wikiedu.outreach, 0, 'Programs & Events is not asked for a Wiki Education course');
      assert.equal(absent.body.slug, wikiedu.body.slug, 'the same slug');
      assert.notEqual(wikiedu.headers.get('etag'), outreach.headers.get('etag'));
      if (suffix === '') {
        assert.notEqual(wikiedu.body.id, outreach.body.id);
        assert.deepEqual([outreach.body.type, wikiedu.body.type], ['BasicCourse', 'ClassroomProgramCourse']);
        assert.ok(!wikiedu.body.staff.includes(PERSONAS.active), 'none of the Programs & Events course staff');
        assert.ok(wikiedu.body.staff.includes(WIKIEDU_PERSONAS.sameSlugInstructor));
        assert.equal(wikiedu.body.course_url, `${svc.wikiedu.url}/courses/${path(SHARED)}`);
        assert.equal(outreach.body.course_url, `${svc.dashboard.url}/courses/${path(SHARED)}`);
      } else {
        const names = (r: { body: any }): string[] => r.body.all_users.map((u: { username: string }) => u.username);
        assert.ok(names(outreach).includes(PERSONAS.active));
        assert.ok(!names(wikiedu).includes(PERSONAS.active));
        assert.ok(names(wikiedu).includes(WIKIEDU_PERSONAS.sameSlugInstructor));
        assert.equal(wikiedu.body.course_url, undefined, 'a roster carries dashboard, not course_url');
      }
    });
  }

  it('caches the two courses of one slug apart: each asked once, each answered again as its own', async () => {
    const slug = `/api/courses/${path(SHARED)}`;
    const first = [await asked(`${slug}?dashboard=outreach`), await asked(`${slug}?dashboard=wikiedu`)];
    const again = [await asked(`${slug}?dashboard=outreach`), await asked(`${slug}?dashboard=wikiedu`)];
    for (const r of again) assert.deepEqual([r.outreach, r.wikiedu], [0, 0], 'from the cache');
    assert.deepEqual(again.map((r) => r.body.id), first.map((r) => r.body.id));
    assert.notEqual(again[0]?.body.id, again[1]?.body.id);
  });
});

describe('dashboard=all: the merge rules', () => {
  it('one person on both: both lists (outreach first), roles from either, max_project outreach first', async () => {
    const r = await svc.get(user(PERSONAS.onBoth, '?dashboard=all&enrich=true'));
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.courses.map((c: { dashboard: string; course_slug: string }) => [c.dashboard, c.course_slug]),
      [
        ['outreach', COURSES.librariesSprint],
        ['wikiedu', WIKIEDU_COURSES.class],
      ],
    );
    assert.equal(r.body.is_instructor, true, 'runs the Programs & Events sprint');
    assert.equal(r.body.is_student, true, 'a student of the Wiki Education class');
    assert.equal(r.body.max_project, 'wikidata', "Programs & Events' project");
    assert.equal(r.body.partial, undefined);
    const edu = r.body.courses[1];
    assert.ok(edu.staff.includes(WIKIEDU_PERSONAS.programManager), 'the program manager (role 4) is staff');
    assert.ok(r.headers.get('cache-control')?.startsWith('public, max-age='));
  });

  it('one person on both: active staff is the union, status the sums', async () => {
    const staff = await svc.get(user(PERSONAS.onBoth, '/active-staff?dashboard=all'));
    assert.equal(staff.status, 200);
    assert.deepEqual(staff.body.all_staff, ['Levant Host', PERSONAS.onBoth, WIKIEDU_PERSONAS.instructor, WIKIEDU_PERSONAS.programManager]);
    const status = await svc.get(user(PERSONAS.onBoth, '/status?dashboard=all'));
    assert.deepEqual(status.body, {
      username: PERSONAS.onBoth,
      has_any_courses: true,
      has_active_event: true,
      has_active_tracking: true,
      active_event_count: 2,
      tracked_count: 2,
      total_courses: 2,
      dashboards: { outreach: 'ok', wikiedu: 'ok' },
    });
  });

  it('unknown on one: 200 with the other one, not_found, kept no longer than a negative entry', async () => {
    const onlyPE = await svc.get(user(PERSONAS.active, '?dashboard=all'));
    assert.equal(onlyPE.status, 200);
    assert.deepEqual(onlyPE.body.dashboards, { outreach: 'ok', wikiedu: 'not_found' });
    assert.ok(onlyPE.body.courses.length > 0 && onlyPE.body.courses.every((c: { dashboard: string }) => c.dashboard === 'outreach'));
    const onlyEdu = await svc.get(user(WIKIEDU_PERSONAS.student, '/status?dashboard=all'));
    assert.equal(onlyEdu.status, 200);
    assert.deepEqual(onlyEdu.body.dashboards, { outreach: 'not_found', wikiedu: 'ok' });
    assert.equal(onlyEdu.body.total_courses, 2);
    // max-age counts from the oldest read behind the answer (Age); what is left is the negative entry's life at most.
    const maxAge = Number(/max-age=(\d+)/.exec(onlyEdu.headers.get('cache-control') ?? '')?.[1]);
    const left = maxAge - Number(onlyEdu.headers.get('age'));
    assert.ok(left > 0 && left <= svc.config.cache.ttlMs.notFound / 1000, `max-age ${maxAge}, age ${onlyEdu.headers.get('age')}`);
    const maxProject = await svc.get(user(WIKIEDU_PERSONAS.student, '?dashboard=all'));
    assert.equal(maxProject.body.max_project, 'wikipedia', "Wiki Education's, Programs & Events having none");
  });

  it('unknown on both: a 404 problem', async () => {
    for (const rest of ['', '/active-staff', '/status']) {
      const r = await svc.get(user(PERSONAS.unknown, `${rest}?dashboard=all`));
      assert.equal(r.status, 404, rest);
      assert.equal(r.body.type, '/problems/not-found');
      assert.match(r.body.detail, /neither Dashboard/);
    }
  });

  it('one username is one person on both: every spelling of it shares each Dashboard entry', async () => {
    await svc.get(user(PERSONAS.onBoth, '/status?dashboard=all'));
    const r = await asked(user('noor_HADDAD', '/status?dashboard=all'));
    assert.equal(r.status, 200);
    assert.equal(r.body.username, 'Noor HADDAD', "the caller's canonical name");
    assert.deepEqual(r.body.dashboards, { outreach: 'ok', wikiedu: 'ok' });
    assert.deepEqual([r.outreach, r.wikiedu], [0, 0], 'each Dashboard entry found under its folded key');
  });
});

describe('course_url', () => {
  it('links every course to its page on its own Dashboard, written as the Dashboard writes its own links', async () => {
    for (const slug of [COURSES.threeSegments, COURSES.active, COURSES.oddSlug]) {
      const r = await svc.get(`/api/courses/${path(slug)}`);
      assert.equal(r.status, 200, slug);
      assert.equal(r.body.course_url, svc.dashboard.url + ownLinkPath(svc.dashboard, slug, 'https://outreachdashboard.wmflabs.org'));
    }
    assert.match(
      (await svc.get(`/api/courses/${path(COURSES.active)}`)).body.course_url,
      /\/courses\/Universit%C3%A9_de_Montr%C3%A9al\/Histoire_des_sciences_\(Automne_2026\)$/,
      'non-ASCII percent-encoded, parentheses kept',
    );
    assert.match(
      (await svc.get(`/api/courses/${path(COURSES.threeSegments)}`)).body.course_url,
      /\/courses\/Wiki_Club\/Berlin\/Spring_Sprint_\(2026\)$/,
      'each segment of a three-segment slug, real slashes between',
    );
    for (const slug of [WIKIEDU_COURSES.class, SHARED]) {
      const r = await svc.get(`/api/courses/${path(slug)}?dashboard=wikiedu`);
      assert.equal(r.body.course_url, svc.wikiedu.url + ownLinkPath(svc.wikiedu, slug, WIKIEDU_URL));
    }
  });

  it('is the same in a user answer as in the course answer', async () => {
    const r = await svc.get(user(PERSONAS.onBoth, '?dashboard=all'));
    for (const c of r.body.courses) {
      const details = await svc.get(`/api/courses/${path(c.course_slug)}?dashboard=${c.dashboard}`);
      assert.equal(c.course_url, details.body.course_url, c.course_slug);
    }
    const threeSegments = await svc.get(user(PERSONAS.threeSegmentStudent));
    assert.equal(threeSegments.body.courses[0].course_url, `${svc.dashboard.url}/courses/Wiki_Club/Berlin/Spring_Sprint_(2026)`);
  });
});
