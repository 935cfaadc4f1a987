// Over courses are kept longer, seen from outside with an injected clock: the details and roster of a
// course that ended more than 30 days ago are not asked for again after their usual TTL, those of a
// running course are; after ENDED_COURSE_CACHE_TTL the over course's are asked for again too.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { useService } from '../../support/service.js';

const DAY = 86_400_000;
const clock = { t: Date.now() };
// No stale-while-revalidate window: an entry past its freshness is refreshed before answering.
const svc = useService({
  now: () => clock.t,
  env: { COURSE_CACHE_TTL: '600', COURSE_USERS_CACHE_TTL: '600', USER_CACHE_TTL: '600', STALE_WHILE_REVALIDATE: '0' },
});

const day = (n: number) => new Date(clock.t + n * DAY).toISOString();
const OVER = 'Lifetime_School/Over_Course_(2026)';
const RECENT = 'Lifetime_School/Ended_Last_Week_(2026)';
const RUNNING = 'Lifetime_School/Running_Course_(2026)';
const NAME = 'Lifetime Person';
const path = (slug: string) => slug.split('/').map(encodeURIComponent).join('/');
/** Upstream requests so far for a course's details and for its roster. */
function asked(slug: string): [number, number] {
  const upstream = (file: string) => svc.dashboard.requests.filter((r) => r.path === `/courses/${slug}/${file}`).length;
  return [upstream('course.json'), upstream('users.json')];
}

describe('over courses', () => {
  before(() => {
    const course = (slug: string, start: number, end: number) =>
      svc.dashboard.world.addCourse({
        slug, title: slug, school: 'Lifetime School', start: day(start), end: day(end),
        roster: [{ username: `Host of ${slug}`, role: 1 }, { username: NAME, role: 0 }],
      });
    course(OVER, -100, -40); // over: ended more than 30 days ago
    course(RECENT, -20, -7); // ended, but the Dashboard still updates it
    course(RUNNING, -5, 60);
  });

  it('keeps the details and roster of an over course for ENDED_COURSE_CACHE_TTL, not their usual TTL', async () => {
    const everything = async () => {
      for (const slug of [OVER, RECENT, RUNNING]) {
        assert.equal((await svc.get(`/api/courses/${path(slug)}?enrich=true`)).status, 200);
        assert.equal((await svc.get(`/api/courses/${path(slug)}/users`)).status, 200);
      }
      const user = await svc.get(`/api/users/${encodeURIComponent(NAME)}?enrich=true`);
      assert.equal(user.status, 200);
      assert.equal(user.body.courses.length, 3);
      assert.ok(user.body.courses.every((c: { staff: string[] | null }) => c.staff?.length === 1));
    };
    await everything();
    for (const slug of [OVER, RECENT, RUNNING]) assert.deepEqual(asked(slug), [1, 1], `${slug}: each read once`);

    clock.t += 601_000; // past the usual TTLs (10 min)
    await everything();
    assert.deepEqual(asked(OVER), [1, 1], 'the over course is still fresh');
    assert.deepEqual(asked(RECENT), [2, 2], 'a course that ended a week ago is refreshed as usual');
    assert.deepEqual(asked(RUNNING), [2, 2], 'a running course is refreshed as usual');

    clock.t += 6 * DAY; // nearly seven days after the first read
    await everything();
    assert.deepEqual(asked(OVER), [1, 1]);

    clock.t += DAY; // past ENDED_COURSE_CACHE_TTL (7 days)
    await everything();
    assert.deepEqual(asked(OVER), [2, 2], 'refreshed once its longer lifetime ended');
  });

  it("says so in the answers' max-age: an over course's details stay true for days", async () => {
    const r = await svc.get(`/api/courses/${path(OVER)}`);
    const maxAge = Number(/max-age=(\d+)/.exec(r.headers.get('cache-control') ?? '')?.[1]);
    const age = Number(r.headers.get('age'));
    assert.ok(maxAge - age > 600, `max-age ${maxAge}, Age ${age}`);
    assert.ok(maxAge <= 86_400, 'at most a day, as ever');
  });
});
