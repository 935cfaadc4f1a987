// /api/badges against the real fake Dashboards over HTTP, with the demo campaigns indexed
// (demo/badge-campaigns.ts): badges of the demo personas on both Dashboards, their fields and order, the
// names as given, the index summary, course details that arrive in the background, GET and POST alike,
// and what it costs the Dashboards: never a user_stats, never a course roster.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COURSES, PERSONAS } from '../../demo/demo-world.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS } from '../../demo/wikiedu-world.js';
import type { Badge } from '../../src/domain/badges.js';
import { rawRequest } from '../../support/raw-http.js';
import { useService, type Reply } from '../../support/service.js';

const svc = useService();

const badgesUrl = (names: readonly string[], dashboard?: string) =>
  `/api/badges?users=${names.map(encodeURIComponent).join('|')}${dashboard === undefined ? '' : `&dashboard=${dashboard}`}`;

const maxAge = (r: Reply): number => Number(/max-age=(\d+)/.exec(r.headers.get('cache-control') ?? '')?.[1]);

/** Asks until `done` holds of the answer (the background loads take a moment), at most 2 s. */
async function askUntil(url: string, done: (r: Reply) => boolean): Promise<Reply> {
  for (let i = 0; ; i++) {
    const r = await svc.get(url);
    if (done(r) || i >= 100) return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /api/badges', () => {
  const both = [PERSONAS.onBoth, WIKIEDU_PERSONAS.student, PERSONAS.twiceInOneCourse, PERSONAS.noCourses];
  let cold: Reply;

  it('answers a cold request once the sources are read: badges on both Dashboards, Programs & Events first', async () => {
    cold = await svc.get(badgesUrl(both, 'all'));
    assert.equal(cold.status, 200, JSON.stringify(cold.body));
    assert.deepEqual(Object.keys(cold.body.users), [PERSONAS.onBoth, WIKIEDU_PERSONAS.student, PERSONAS.twiceInOneCourse], 'only names with a badge, in the order asked');
    const noor = cold.body.users[PERSONAS.onBoth] as Badge[];
    assert.deepEqual(noor.map((b) => [b.dashboard, b.course_slug, b.role]), [['outreach', COURSES.librariesSprint, 1], ['wikiedu', WIKIEDU_COURSES.class, 0]]);
    assert.equal(noor[0]?.course_url, `${svc.dashboard.url}/courses/Wikimedia_Levant/Wikidata_Libraries_Sprint`);
    assert.equal(noor[1]?.course_url.startsWith(`${svc.wikiedu.url}/courses/`), true);
    assert.ok(noor[0]?.staff.includes(PERSONAS.onBoth), 'staff: role >= 1 in that course');
    assert.deepEqual(cold.body.index.outreach.state, 'ok');
    assert.deepEqual([cold.body.index.outreach.courses, cold.body.index.wikiedu.courses], [9, 2], 'the demo indexes');
    assert.ok(cold.body.index.outreach.users > 0 && cold.body.index.wikiedu.users > 0);
    assert.ok(!Number.isNaN(Date.parse(cold.body.index.wikiedu.built_at)));
    assert.equal(cold.body.partial, undefined);
    assert.deepEqual(cold.body.invalid, []);
  });

  it("carries a course's title and activity once its details, loaded in the background, have arrived", async () => {
    const taylor = (r: Reply) => (r.body.users[WIKIEDU_PERSONAS.student] as Badge[])[0];
    assert.equal(taylor(cold)?.active_tracking, null, 'the first answer did not wait for the details');
    assert.equal(taylor(cold)?.course_title, 'Environmental Science', "active_courses.json's title meanwhile");
    assert.equal(maxAge(cold), 0, 'not kept while details are loading');
    // Kept (max-age > 0) once no badge of the answer waits for its course's details.
    const later = await askUntil(badgesUrl(both, 'all'), (r) => maxAge(r) > 0);
    assert.deepEqual([taylor(later)?.active_tracking, taylor(later)?.active_event], [true, true]);
    const lena = (later.body.users[PERSONAS.twiceInOneCourse] as Badge[])[0];
    assert.deepEqual([lena?.course_slug, lena?.role, lena?.active_tracking, lena?.active_event], [COURSES.eventAhead, 1, true, false]);
    assert.equal(lena?.course_title, 'Frauen in der Wissenschaft Edit-a-thon');
    assert.ok(svc.dashboard.count(/\/course\.json$/) >= 9, 'the indexed courses were read, as ordinary course reads');
  });

  it('is cacheable: public, max-age at most 300, with an ETag and 304', async () => {
    const r = await svc.get(badgesUrl(both, 'all'));
    assert.match(r.headers.get('cache-control') ?? '', /^public, max-age=\d+$/);
    assert.ok(maxAge(r) > 0 && maxAge(r) <= 300, r.headers.get('cache-control') ?? '');
    const etag = r.headers.get('etag') ?? '';
    assert.match(etag, /^W\/"/);
    const again = await svc.get(badgesUrl(both, 'all'), { 'if-none-match': etag });
    assert.equal(again.status, 304);
  });

  it("lists each person's badges by course slug, with the highest role and the course's sorted staff", async () => {
    const r = await askUntil(badgesUrl([PERSONAS.active, PERSONAS.multiRole, 'Brian Ssenyonga']), (r) => maxAge(r) > 0);
    const of = (name: string) => (r.body.users[name] as Badge[]).map((b) => [b.course_slug, b.role]);
    assert.deepEqual(of(PERSONAS.active), [[COURSES.active, 1], [COURSES.eventAhead, 0]]);
    assert.deepEqual(of(PERSONAS.multiRole), [[COURSES.articleScoped, 0], [COURSES.large, 1]]);
    assert.deepEqual(of('Brian Ssenyonga'), [[COURSES.future, 1], [COURSES.large, 1]]);
    const future = (r.body.users['Brian Ssenyonga'] as Badge[])[0];
    assert.deepEqual([future?.active_tracking, future?.active_event], [false, false], 'not started yet, yet current');
    for (const badge of Object.values(r.body.users).flat() as Badge[]) {
      assert.deepEqual(badge.staff, [...new Set(badge.staff)].sort(), `${badge.course_slug}: sorted, unique`);
      assert.deepEqual(Object.keys(badge).sort(), ['active_event', 'active_tracking', 'course_slug', 'course_title', 'course_url', 'dashboard', 'role', 'staff']);
    }
    assert.deepEqual(Object.keys(r.body.index), ['outreach'], 'the default Dashboard only');
  });

  it('gives nobody a badge for a course that is over, private, or on the Dashboard not asked', async () => {
    const r = await svc.get(badgesUrl([PERSONAS.pastOnly, PERSONAS.privateOnly, WIKIEDU_PERSONAS.instructor, PERSONAS.unknown]));
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.users, {});
    const wikiedu = await svc.get(badgesUrl([WIKIEDU_PERSONAS.programManager, PERSONAS.active], 'wikiedu'));
    assert.deepEqual((wikiedu.body.users[WIKIEDU_PERSONAS.programManager] as Badge[]).map((b) => [b.course_slug, b.role]), [
      [WIKIEDU_COURSES.class, 4],
      [WIKIEDU_COURSES.sameSlug, 4],
    ]);
    assert.equal(wikiedu.body.users[PERSONAS.active], undefined);
    assert.deepEqual(Object.keys(wikiedu.body.index), ['wikiedu']);
  });

  it('reads the names as the MediaWiki API does: normalized spellings, each name once, empty items ignored, invalid ones listed', async () => {
    const r = await svc.get(`/api/badges?users=${encodeURIComponent('lena_Vogel||Lena Vogel|A<B|lena Vogel')}`);
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body.users), [PERSONAS.twiceInOneCourse]);
    assert.deepEqual(r.body.normalized, { lena_Vogel: 'Lena Vogel', 'lena Vogel': 'Lena Vogel' });
    assert.deepEqual(r.body.invalid, ['A<B']);
    const names = Array.from({ length: 51 }, (_, i) => `Person ${i}`);
    assert.equal((await svc.get(badgesUrl(names))).status, 400, 'more than 50');
    assert.equal((await svc.get('/api/badges?users=||')).status, 400, 'no name');
  });
});

describe('POST /api/badges', () => {
  const post = (form: string, contentType = 'application/x-www-form-urlencoded') =>
    rawRequest(svc.url, '/api/badges', { method: 'POST', body: form, headers: { 'content-type': contentType } });

  it('answers a form of up to 500 names as the GET does, never cached', async () => {
    const names = [...Array.from({ length: 450 }, (_, i) => `Person ${i}`), PERSONAS.active, WIKIEDU_PERSONAS.student];
    const r = await post(new URLSearchParams({ users: names.join('|'), dashboard: 'all' }).toString());
    assert.equal(r.status, 200, r.body);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['etag'], undefined);
    const body = JSON.parse(r.body) as { users: Record<string, Badge[]>; index: object };
    assert.deepEqual(Object.keys(body.users), [PERSONAS.active, WIKIEDU_PERSONAS.student]);
    const get = await svc.get(badgesUrl([PERSONAS.active, WIKIEDU_PERSONAS.student], 'all'));
    assert.deepEqual(body.users, get.body.users, 'the same badges as the GET');
    assert.deepEqual(Object.keys(body.index), ['outreach', 'wikiedu']);
  });

  it('ignores unknown fields, as the GET ignores unknown query parameters; a charset parameter is fine', async () => {
    const r = await post(`users=${encodeURIComponent(PERSONAS.active)}&foo=1`, 'application/x-www-form-urlencoded; charset=UTF-8');
    assert.equal(r.status, 200, r.body);
    assert.deepEqual(Object.keys((JSON.parse(r.body) as { users: object }).users), [PERSONAS.active]);
  });
});

describe('what badges cost the Dashboards', () => {
  it('never a user_stats request, nor a course users.json; the campaign lists once each; never current.json on Programs & Events', () => {
    for (const fake of [svc.dashboard, svc.wikiedu]) {
      assert.equal(fake.count(/^\/user_stats\.json/), 0);
      assert.equal(fake.count(/^\/courses\/.*\/users\.json/), 0);
    }
    assert.equal(svc.dashboard.count(/^\/campaigns\/current\.json/), 0, "Programs & Events' current campaign is the catch-all");
    assert.equal(svc.wikiedu.count(/^\/campaigns\/current\.json/), 1);
    assert.equal(svc.dashboard.count(/^\/campaigns\/community_programs_2026\/users\.json/), 1, 'fresh for BADGE_SOURCE_TTL: read once');
    assert.equal(svc.wikiedu.count(/^\/campaigns\/spring_2026\/users\.json/), 1);
  });

  it('shows in the metrics: the indexes, the requests and the background detail loads', async () => {
    const text = (await svc.get('/metrics')).body as string;
    assert.match(text, /^badge_index_courses\{dashboard="outreach"\} 9$/m);
    assert.match(text, /^badge_index_courses\{dashboard="wikiedu"\} 2$/m);
    assert.match(text, /^badge_index_users\{dashboard="wikiedu"\} [1-9]\d*$/m);
    assert.match(text, /^badge_index_age_seconds\{dashboard="outreach"\} [\d.]+$/m);
    assert.match(text, /^badge_requests_total\{method="POST",dashboard="all"\} 1$/m);
    assert.match(text, /^badge_detail_loads_total\{dashboard="outreach",outcome="loaded"\} 9$/m);
    assert.match(text, /^cache_memory_bytes\{cache="badges"\} [1-9]\d*$/m);
    assert.match(text, /^upstream_requests_total\{dashboard="wikiedu",endpoint="campaign_users",status="200"\} 2$/m);
  });
});
