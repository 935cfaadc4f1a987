// The fake Dashboards' campaign endpoints over HTTP (dashboard-api.md sections 4 and 10): the current
// campaign, a campaign's users and active courses, an unknown campaign, computed from the world at
// request time.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DEMO_CAMPAIGNS } from '../../demo/badge-campaigns.js';
import { COURSES, demoWorld, PERSONAS } from '../../demo/demo-world.js';
import { startFakeDashboard, type FakeDashboard } from '../../demo/fake-dashboard.js';
import { GeneratedWorld, GENERATED_CAMPAIGN } from '../../demo/generated-world.js';
import type { CampaignUsersBody } from '../../demo/wire.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS, wikieduWorld } from '../../demo/wikiedu-world.js';
import { SNAPSHOT_AT, World } from '../../demo/world.js';
import { rawRequest } from '../../support/raw-http.js';

const DAY = 86_400_000;
const fixture = (file: string): string => readFileSync(new URL(`../../demo/fixtures/campaigns/${file}`, import.meta.url), 'utf8');

async function get(fake: FakeDashboard, path: string): Promise<{ status: number; body: string; json: unknown; type: string }> {
  const r = await rawRequest(fake.url, path);
  return { status: r.status, body: r.body, json: JSON.parse(r.body) as unknown, type: String(r.headers['content-type']) };
}

interface Listed {
  slug: string;
  title: string;
  recent_revision_count: number;
}

describe('the fixture world at the snapshot instant answers exactly the fixture files', () => {
  let fake: FakeDashboard;
  before(async () => {
    fake = await startFakeDashboard({ world: new World(Date.parse(SNAPSHOT_AT)), now: () => Date.parse(SNAPSHOT_AT) });
  });
  after(() => fake.close());

  test('current.json (miscellanea), its users.json and its active_courses.json, byte for byte', async () => {
    const cases = [
      ['/campaigns/current.json', 'miscellanea.json'],
      ['/campaigns/miscellanea.json', 'miscellanea.json'],
      ['/campaigns/miscellanea/users.json', 'miscellanea/users.json'],
      ['/campaigns/miscellanea/active_courses.json', 'miscellanea/active_courses.json'],
    ];
    for (const [path, file] of cases) {
      const r = await get(fake, path ?? '');
      assert.equal(r.status, 200, path);
      assert.equal(r.type, 'application/json; charset=utf-8');
      assert.equal(r.body, fixture(file ?? ''), path);
    }
  });
});

describe('the demo worlds\' campaigns over HTTP', () => {
  let outreach: FakeDashboard;
  let wikiedu: FakeDashboard;
  before(async () => {
    [outreach, wikiedu] = await Promise.all([startFakeDashboard({ world: demoWorld() }), startFakeDashboard({ world: wikieduWorld() })]);
  });
  after(() => Promise.all([outreach.close(), wikiedu.close()]));
  beforeEach(() => {
    outreach.reset();
    wikiedu.reset();
  });

  test('current.json names the catch-all on Programs & Events and the current term on Wiki Education', async () => {
    const slug = async (fake: FakeDashboard) => ((await get(fake, '/campaigns/current.json')).json as { campaign: { slug: string } }).campaign.slug;
    assert.equal(await slug(outreach), DEMO_CAMPAIGNS.miscellanea);
    assert.equal(await slug(wikiedu), DEMO_CAMPAIGNS.currentTerm);
    const term = (await get(wikiedu, `/campaigns/${DEMO_CAMPAIGNS.currentTerm}.json`)).json as { campaign: Record<string, unknown> };
    assert.deepEqual(Object.keys(term.campaign), Object.keys((JSON.parse(fixture('miscellanea.json')) as { campaign: object }).campaign));
    assert.deepEqual([term.campaign['courses_count'], term.campaign['title']], ['1', 'Spring 2026']);
  });

  test('users.json: one row per enrolment per role, with the campaign labels; private courses left out, ended ones kept', async () => {
    const r = await get(outreach, `/campaigns/${DEMO_CAMPAIGNS.editathons}/users.json`);
    assert.equal(r.status, 200);
    const body = r.json as CampaignUsersBody;
    assert.equal(body.campaign, DEMO_CAMPAIGNS.editathons);
    const courses = new Set(body.users.map((u) => u.course));
    assert.deepEqual([...courses].sort(), [COURSES.librariesSprint, COURSES.manyStaff, COURSES.pastOnly, COURSES.threeSegments, COURSES.xss].sort());
    assert.ok(!body.users.some((u) => u.username === PERSONAS.privateOnly));
    assert.deepEqual(body.users.filter((u) => u.course === COURSES.pastOnly), [
      { course: COURSES.pastOnly, role: 'Facilitator', username: 'Archive Host' },
      { course: COURSES.pastOnly, role: 'Editor', username: PERSONAS.pastOnly },
    ]);
    assert.equal(body.users.filter((u) => u.course === COURSES.manyStaff && u.role === 'Facilitator').length, 60);

    const community = (await get(outreach, `/campaigns/${DEMO_CAMPAIGNS.communityPrograms}/users.json`)).json as CampaignUsersBody;
    const lena = community.users.filter((u) => u.username === PERSONAS.twiceInOneCourse).map((u) => [u.course, u.role]);
    assert.deepEqual(lena, [[COURSES.eventAhead, 'Facilitator'], [COURSES.eventAhead, 'Editor']], 'twice in B; F is in no configured campaign');
    const adaeze = community.users.filter((u) => u.username === PERSONAS.multiRole).map((u) => u.role).sort();
    assert.deepEqual(adaeze, ['Editor', 'Facilitator', 'Online Volunteer']);

    const term = (await get(wikiedu, `/campaigns/${DEMO_CAMPAIGNS.currentTerm}/users.json`)).json as CampaignUsersBody;
    assert.deepEqual(term.users.find((u) => u.username === WIKIEDU_PERSONAS.programManager), {
      course: WIKIEDU_COURSES.class,
      role: 'Wiki Education Staff',
      username: WIKIEDU_PERSONAS.programManager,
    });
  });

  test('active_courses.json: non-private courses ending later than 30 days ago, future ones too, most edited first', async () => {
    const listed = async (fake: FakeDashboard, campaign: string) => ((await get(fake, `/campaigns/${campaign}/active_courses.json`)).json as { courses: Listed[] }).courses;
    const community = await listed(outreach, DEMO_CAMPAIGNS.communityPrograms);
    assert.deepEqual(community.map((c) => c.slug), [COURSES.large, COURSES.articleScoped, COURSES.active, COURSES.eventAhead, COURSES.future]);
    const counts = community.map((c) => c.recent_revision_count);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    const keys = Object.keys((JSON.parse(fixture('miscellanea/active_courses.json')) as { courses: object[] }).courses[0] ?? {});
    for (const c of community) assert.deepEqual(Object.keys(c), keys, 'the list entry shape, without dates');

    const editathons = await listed(outreach, DEMO_CAMPAIGNS.editathons);
    assert.deepEqual(new Set(editathons.map((c) => c.slug)), new Set([COURSES.threeSegments, COURSES.manyStaff, COURSES.xss, COURSES.librariesSprint]));
    const catchAll = (await listed(outreach, DEMO_CAMPAIGNS.miscellanea)).map((c) => c.slug);
    assert.ok(catchAll.includes(COURSES.recentlyEnded), 'ended less than 30 days ago: still listed');
    assert.ok(!catchAll.includes(COURSES.private) && !catchAll.includes(COURSES.pastOnly));
    assert.deepEqual((await listed(wikiedu, DEMO_CAMPAIGNS.pastTerm)).map((c) => c.slug), [], 'ended months ago');
  });

  test('an unknown campaign: 404 {"message":"Campaign does not exist"}; slugs are matched case-insensitively', async () => {
    for (const path of ['/campaigns/no_such_campaign/users.json', '/campaigns/no_such_campaign/active_courses.json', '/campaigns/no_such_campaign.json', '/campaigns/current/users.json']) {
      const r = await get(outreach, path);
      assert.equal(r.status, 404, path);
      assert.deepEqual(r.json, { message: 'Campaign does not exist' }, path);
    }
    assert.equal((await get(wikiedu, '/campaigns/SPRING_2026/users.json')).status, 200);
    assert.equal((await get(outreach, `/campaigns/${DEMO_CAMPAIGNS.currentTerm}/users.json`)).status, 404, "the other Dashboard's campaign");
    assert.equal((await get(outreach, '/campaigns/a/b/users.json')).status, 404, 'a slug is one segment');
  });

  test('requests are recorded by path, so tests can count them', async () => {
    await get(outreach, '/campaigns/current.json');
    await get(outreach, `/campaigns/${DEMO_CAMPAIGNS.communityPrograms}/users.json`);
    await get(outreach, `/campaigns/${DEMO_CAMPAIGNS.communityPrograms}/active_courses.json`);
    assert.equal(outreach.count(/^\/campaigns\//), 3);
    assert.equal(outreach.count(/\/users\.json$/), 1);
    assert.equal(outreach.requests.at(-1)?.path, `/campaigns/${DEMO_CAMPAIGNS.communityPrograms}/active_courses.json`);
  });
});

test('campaigns follow the world: dates relative to now, courses added later', () => {
  const now = Date.now() + 400 * DAY;
  const world = wikieduWorld(now);
  const listed = world.campaigns.activeCourses(DEMO_CAMPAIGNS.currentTerm, now);
  assert.deepEqual(listed.status === 'found' && listed.body.courses.map((c) => c['slug']), [WIKIEDU_COURSES.class]);
  const later = world.campaigns.activeCourses(DEMO_CAMPAIGNS.currentTerm, now + 91 * DAY);
  assert.deepEqual(later.status === 'found' && later.body.courses, [], 'more than 30 days after its end');

  const pe = demoWorld(now);
  const start = new Date(now - DAY).toISOString();
  pe.addCourse({ slug: 'New_Org/Late_Course', title: 'Late', school: 'New Org', start, end: start, roster: [{ username: 'Late Joiner', role: 0 }] });
  const all = pe.campaigns.users(DEMO_CAMPAIGNS.miscellanea);
  assert.ok(all.status === 'found' && all.body.users.some((u) => u.username === 'Late Joiner'), 'the catch-all holds every course');
  assert.throws(() => pe.campaigns.add({ slug: 'Upper_Case', title: 'x', courses: [] }), /lower case/);
  assert.throws(() => pe.campaigns.add({ slug: 'x', title: 'x', courses: ['No/Such_Course'] }), /no such course/);
  assert.throws(() => pe.campaigns.add({ slug: DEMO_CAMPAIGNS.editathons, title: 'x', courses: [] }), /already exists/);
});

test('a generated world\'s campaign holds the courses of its first users, as many rows as asked', () => {
  const world = new GeneratedWorld({ now: Date.now(), coursesPerUser: 2, rosterSize: 3, titleLength: 20, script: 'latin', campaignUsers: 4 });
  const users = world.campaigns.users(GENERATED_CAMPAIGN);
  assert.equal(users.status === 'found' && users.body.users.length, 4 * 2 * (3 + 2));
  assert.deepEqual(users.status === 'found' && users.body.users.slice(0, 2), [
    { course: 'Gen_School/U1_C1', role: 'Facilitator', username: 'Gen Host 1.1' },
    { course: 'Gen_School/U1_C1', role: 'Editor', username: 'Gen User 1' },
  ]);
  const listed = world.campaigns.activeCourses(GENERATED_CAMPAIGN, Date.now());
  assert.equal(listed.status === 'found' && listed.body.courses.length, 8);
  const current = world.campaigns.show('current');
  assert.equal(current.status === 'found' && current.body.campaign['slug'], GENERATED_CAMPAIGN);
  assert.equal(world.campaigns.users('other').status, 'missing');
});
