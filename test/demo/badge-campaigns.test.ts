// The demo's badge campaigns (demo/badge-campaigns.ts), as the service will index them: the fake
// Dashboards' campaign endpoints read over HTTP, parsed by the service's parsers and indexed by its pure
// index. The agreement with the gadget's browser tests: every persona with a course whose tracking
// window has not ended gets a badge for it on that Dashboard, nobody gets any other, and the badges are
// the same before and after the courses' details are loaded.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_BADGE_CAMPAIGNS, DEMO_CAMPAIGNS } from '../../demo/badge-campaigns.js';
import { COURSES, demoWorld, MANY_STAFF, PERSONAS } from '../../demo/demo-world.js';
import { startFakeDashboard, type FakeDashboard } from '../../demo/fake-dashboard.js';
import type { UserStatsBody } from '../../demo/wire.js';
import { WIKIEDU_COURSES, WIKIEDU_PERSONAS, wikieduWorld } from '../../demo/wikiedu-world.js';
import {
  campaignActiveCoursesPath,
  campaignUsersPath,
  CURRENT_CAMPAIGN_PATH,
  parseActiveCourses,
  parseCampaignUsers,
  parseCurrentCampaign,
} from '../../src/dashboard/campaigns.js';
import { parseCourse } from '../../src/dashboard/parse.js';
import { courseUrl, upstreamSlugPath, upstreamUsernameQuery } from '../../src/dashboard/paths.js';
import { buildBadgeIndex, type BadgeIndex } from '../../src/domain/badge-index.js';
import type { CampaignSource, CourseFacts, Stamped } from '../../src/domain/badge-sources.js';
import { badgesAnswer, parseBadgeNames, type BadgesAnswer } from '../../src/domain/badges.js';
import type { DashboardId } from '../../src/domain/dashboards.js';
import { slugFromText } from '../../src/domain/slugs.js';
import { rawRequest } from '../../support/raw-http.js';

const MAX_ROWS = 100_000;

async function body(fake: FakeDashboard, path: string): Promise<string> {
  const r = await rawRequest(fake.url, path);
  assert.equal(r.status, 200, path);
  return r.body;
}

/** A Dashboard's index as the service builds it: its campaigns' sources, then (a second build) the details of its courses. */
async function indexOf(fake: FakeDashboard, campaigns: readonly string[], limitToListed: boolean, now: number): Promise<{ before: BadgeIndex; after: BadgeIndex }> {
  const stamp = <T>(data: T): Stamped<T> => ({ fetched_at: now, data });
  const sources: CampaignSource[] = [];
  for (const slug of campaigns) {
    const users = parseCampaignUsers(await body(fake, campaignUsersPath(slug)), MAX_ROWS);
    const listed = parseActiveCourses(await body(fake, campaignActiveCoursesPath(slug)), MAX_ROWS);
    sources.push({ slug, limitToListed, users: stamp(users), listed: stamp(listed) });
  }
  const url = (slug: string): string => courseUrl(fake.url, slug);
  const first = buildBadgeIndex({ campaigns: sources, organic: [], details: [] }, now, url);
  const details: Stamped<CourseFacts>[] = [];
  for (const slug of first.missingDetails) {
    details.push(stamp(parseCourse(JSON.parse(await body(fake, `/courses/${upstreamSlugPath(slugFromText(slug))}/course.json`)))));
  }
  return { before: first, after: buildBadgeIndex({ campaigns: sources, organic: [], details }, now, url) };
}

/** The courses of a user whose tracking window has not ended, as the Dashboard itself shows them. */
async function unendedCourses(fake: FakeDashboard, username: string, now: number): Promise<string[]> {
  const r = await rawRequest(fake.url, `/user_stats.json?username=${upstreamUsernameQuery(username)}`);
  if (r.status === 404) return [];
  const slugs = [...new Set((JSON.parse(r.body) as UserStatsBody).courses_details.map((d) => d.course_slug))];
  const open: string[] = [];
  for (const slug of slugs) {
    const course = parseCourse(JSON.parse(await body(fake, `/courses/${upstreamSlugPath(slugFromText(slug))}/course.json`)));
    if (course.end === null || Date.parse(course.end) >= now) open.push(course.slug);
  }
  return open.sort();
}

const EVERYONE = [...new Set<string>([...Object.values(PERSONAS), ...Object.values(WIKIEDU_PERSONAS), 'Brian Ssenyonga', 'Mariana López', 'Jonas Becker (WMDE)'])];

describe('the demo badge campaigns', () => {
  let outreach: FakeDashboard;
  let wikiedu: FakeDashboard;
  const now = Date.now();
  const indexes = new Map<DashboardId, { before: BadgeIndex; after: BadgeIndex }>();
  const answer = (when: 'before' | 'after', names: readonly string[]): BadgesAnswer =>
    badgesAnswer(
      parseBadgeNames(names.join('|'), 500),
      [...indexes].map(([dashboard, built]) => ({ dashboard, index: built[when], state: 'ok', built_at: null })),
      now,
    );
  const badges = (name: string): [DashboardId, string, number][] =>
    (answer('after', [name]).users[name] ?? []).map((b) => [b.dashboard, b.course_slug, b.role]);

  before(async () => {
    [outreach, wikiedu] = await Promise.all([startFakeDashboard({ world: demoWorld(now) }), startFakeDashboard({ world: wikieduWorld(now) })]);
    const term = parseCurrentCampaign(JSON.parse(await body(wikiedu, CURRENT_CAMPAIGN_PATH))).slug;
    assert.equal(term, DEMO_CAMPAIGNS.currentTerm);
    indexes.set('outreach', await indexOf(outreach, DEMO_BADGE_CAMPAIGNS.outreach, true, now));
    indexes.set('wikiedu', await indexOf(wikiedu, [term, ...DEMO_BADGE_CAMPAIGNS.wikiedu], false, now));
  });
  after(() => Promise.all([outreach.close(), wikiedu.close()]));

  test("Programs & Events' catch-all is not among the campaigns a demo indexes", async () => {
    const current = parseCurrentCampaign(JSON.parse(await body(outreach, CURRENT_CAMPAIGN_PATH))).slug;
    assert.equal(current, DEMO_CAMPAIGNS.miscellanea);
    assert.ok(!(DEMO_BADGE_CAMPAIGNS.outreach as readonly string[]).includes(current));
  });

  test('every persona gets a badge for each course whose tracking window has not ended, on its Dashboard, and for no other', async () => {
    for (const [dashboard, fake] of [['outreach', outreach], ['wikiedu', wikiedu]] as const) {
      for (const name of EVERYONE) {
        const got = badges(name).filter(([d]) => d === dashboard).map(([, slug]) => slug).sort();
        assert.deepEqual(got, await unendedCourses(fake, name, now), `${name} on ${dashboard}`);
      }
    }
  });

  test('the badges of the personas the gadget tests use', () => {
    const expected: Record<string, [DashboardId, string, number][]> = {
      [PERSONAS.active]: [['outreach', COURSES.active, 1], ['outreach', COURSES.eventAhead, 0]],
      [PERSONAS.multiRole]: [['outreach', COURSES.articleScoped, 0], ['outreach', COURSES.large, 1]],
      [PERSONAS.withSpaces]: [['outreach', COURSES.large, 0]],
      [PERSONAS.twiceInOneCourse]: [['outreach', COURSES.eventAhead, 1]],
      [PERSONAS.lowerFirst]: [['outreach', COURSES.threeSegments, 0]],
      [PERSONAS.plusSigns]: [['outreach', COURSES.threeSegments, 0]],
      [PERSONAS.percent]: [['outreach', COURSES.threeSegments, 0]],
      [PERSONAS.threeSegmentStudent]: [['outreach', COURSES.threeSegments, 0]],
      [PERSONAS.bigCourseStudent]: [['outreach', COURSES.manyStaff, 0]],
      [PERSONAS.xssStaff]: [], // not a valid username (`<`, `>`): listed in `invalid`; shown only in staff lists
      [PERSONAS.xssTarget]: [['outreach', COURSES.xss, 0]],
      [PERSONAS.onBoth]: [['outreach', COURSES.librariesSprint, 1], ['wikiedu', WIKIEDU_COURSES.class, 0]],
      [PERSONAS.noCourses]: [],
      [PERSONAS.unknown]: [],
      [PERSONAS.pastOnly]: [],
      [PERSONAS.privateOnly]: [],
      [WIKIEDU_PERSONAS.instructor]: [['wikiedu', WIKIEDU_COURSES.class, 1]],
      [WIKIEDU_PERSONAS.student]: [['wikiedu', WIKIEDU_COURSES.class, 0]],
      [WIKIEDU_PERSONAS.programManager]: [['wikiedu', WIKIEDU_COURSES.class, 4], ['wikiedu', WIKIEDU_COURSES.sameSlug, 4]],
      [WIKIEDU_PERSONAS.sameSlugInstructor]: [['wikiedu', WIKIEDU_COURSES.sameSlug, 1]],
      'Brian Ssenyonga': [['outreach', COURSES.future, 1], ['outreach', COURSES.large, 1]],
      [MANY_STAFF[0] ?? '']: [['outreach', COURSES.manyStaff, 1]],
    };
    for (const [name, want] of Object.entries(expected)) assert.deepEqual(badges(name), want, name);
    const xss = answer('after', [PERSONAS.xssTarget]).users[PERSONAS.xssTarget]?.[0];
    assert.deepEqual(xss?.staff, [PERSONAS.xssStaff, 'Honest Host']);
  });

  test('the same badges before and after the courses\' details are loaded; titles and dates come with the details', () => {
    const [before, later] = [answer('before', EVERYONE), answer('after', EVERYONE)];
    const shape = (a: BadgesAnswer) => Object.entries(a.users).map(([name, list]) => [name, list.map((b) => [b.dashboard, b.course_slug, b.role, b.staff])]);
    assert.deepEqual(shape(before), shape(later));
    const wikieduClass = (a: BadgesAnswer) => a.users[WIKIEDU_PERSONAS.student]?.[0];
    assert.deepEqual([wikieduClass(before)?.course_title, wikieduClass(before)?.active_tracking], ['Environmental Science', null], 'a title from active_courses.json');
    assert.deepEqual([wikieduClass(later)?.course_title, wikieduClass(later)?.active_tracking], ['Environmental Science', true]);
    const future = later.users['Brian Ssenyonga']?.find((b) => b.course_slug === COURSES.future);
    assert.deepEqual([future?.active_tracking, future?.active_event], [false, false], 'not started yet, yet current');
    const eventAhead = later.users[PERSONAS.twiceInOneCourse]?.[0];
    assert.deepEqual([eventAhead?.active_tracking, eventAhead?.active_event], [true, false]);
  });

  test('the index sizes of the demo', () => {
    const outreachIndex = indexes.get('outreach')?.after;
    const wikieduIndex = indexes.get('wikiedu')?.after;
    assert.equal(outreachIndex?.courses.length, 9);
    assert.equal(wikieduIndex?.courses.length, 2);
    assert.deepEqual(outreachIndex?.missingDetails, []);
  });
});
