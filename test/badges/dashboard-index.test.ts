// One Dashboard's index as the service holds it (badges/dashboard-index.ts): rebuilt only when a source
// changes, rosters and details other answers read join it, and the details it lacks are loaded in the
// background (course reads at background priority, a few per request), never a user_stats or a roster.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerGate } from '../../src/answers/upstream-gate.js';
import { slugFromText } from '../../src/domain/slugs.js';
import { stubCampaign, stubIndexes } from '../../support/stub-badges.js';
import { courseDetails, roster, testClock } from '../../support/stub-dashboard.js';

const DAY = 86_400_000;
const gate = () => new AnswerGate(4, 10_000);

describe('DashboardIndex', () => {
  it('is the same index while its sources are unchanged, and is rebuilt when one is refreshed', async () => {
    const clock = testClock();
    const { stubs, indexes } = stubIndexes(clock.now, { OUTREACH_BADGE_CAMPAIGNS: 'sprints', BADGE_SOURCE_TTL: '60' });
    stubCampaign(stubs.outreach, 'sprints', [{ slug: 'A/b', title: 'Listed', people: [['Ann', 1], ['Bo', 0]] }]);
    stubs.outreach.courses.set('A/b', courseDetails('A/b', { start: null, end: null }));
    const first = await indexes.outreach.read(gate());
    await indexes.outreach.settle(); // the background load of A/b's details
    const withDetails = await indexes.outreach.read(gate());
    assert.notEqual(withDetails.view.index, first.view.index, 'the details came: a new index');
    const again = await indexes.outreach.read(gate());
    assert.equal(again.view.index, withDetails.view.index, 'nothing changed: the same index, not rebuilt');
    assert.equal(again.view.built_at, withDetails.view.built_at);
    assert.deepEqual([again.view.state, again.view.index?.courses.length, again.view.index?.users], ['ok', 1, 2]);
    assert.deepEqual(indexes.outreach.use.courses, 1);
    assert.ok(indexes.outreach.use.bytes > 0, 'its heap is estimated');

    stubCampaign(stubs.outreach, 'sprints', [{ slug: 'A/b', people: [['Ann', 1], ['Bo', 0], ['Cy', 0]] }]);
    clock.advance(61_000); // the lists are stale: served at once, refreshed in the background
    await indexes.outreach.read(gate());
    await new Promise((resolve) => setTimeout(resolve, 10));
    const refreshed = await indexes.outreach.read(gate());
    assert.notEqual(refreshed.view.index, again.view.index);
    assert.equal(refreshed.view.index?.users, 3);
  });

  it("reads a current course's details again once they are older than COURSE_CACHE_TTL: a changed title reaches badges", async () => {
    const clock = testClock();
    const { stubs, indexes } = stubIndexes(clock.now, { OUTREACH_BADGE_CAMPAIGNS: 'sprints', COURSE_CACHE_TTL: '600', BADGE_SOURCE_TTL: '86400' });
    const dates = { start: new Date(clock.now() - DAY).toISOString(), end: new Date(clock.now() + 7 * DAY).toISOString() };
    stubCampaign(stubs.outreach, 'sprints', [{ slug: 'A/b', people: [['Ann', 0]] }]);
    stubs.outreach.courses.set('A/b', { ...courseDetails('A/b', dates), title: 'Old title' });
    await indexes.outreach.read(gate());
    await indexes.outreach.settle();
    assert.equal((await indexes.outreach.read(gate())).view.index?.courses[0]?.title, 'Old title');
    const asked = () => stubs.outreach.calls.filter((c) => c.startsWith('course:')).length;
    const before = asked();
    stubs.outreach.courses.set('A/b', { ...courseDetails('A/b', dates), title: 'New title' });
    clock.advance(300_000);
    await indexes.outreach.read(gate());
    await indexes.outreach.settle();
    assert.equal(asked(), before, 'fresh details are not read again');
    clock.advance(301_000); // older than the TTL: read again in the background (served stale at first, then refreshed)
    for (let i = 0; i < 4; i++) {
      await indexes.outreach.read(gate());
      await indexes.outreach.settle();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.equal((await indexes.outreach.read(gate())).view.index?.courses[0]?.title, 'New title');
  });

  it("loads the details it lacks in the background, a few per request: the later index has the course's title and dates", async () => {
    const clock = testClock();
    const { stubs, indexes, loads } = stubIndexes(clock.now, { OUTREACH_BADGE_CAMPAIGNS: 'many' });
    const slugs = Array.from({ length: 12 }, (_, i) => `School/Course_${String(i).padStart(2, '0')}`);
    stubCampaign(stubs.outreach, 'many', slugs.map((slug) => ({ slug, people: [['Ann', 0]] })));
    for (const slug of slugs) stubs.outreach.courses.set(slug, courseDetails(slug, { start: new Date(clock.now() - DAY).toISOString(), end: new Date(clock.now() + DAY).toISOString() }));
    stubs.outreach.latencyMs = 20;
    const first = await indexes.outreach.read(gate());
    await new Promise((resolve) => setTimeout(resolve, 5)); // the loads have asked the Dashboard, which takes 20 ms
    assert.equal(first.view.index?.courses[0]?.title, 'Listed School/Course_00', "active_courses.json's title meanwhile");
    assert.equal(first.view.index?.courses[0]?.start, null);
    assert.equal(stubs.outreach.calls.filter((c) => c.startsWith('course:')).length, 8, 'at most 8 started by one request, none awaited');
    await indexes.outreach.settle();
    await indexes.outreach.read(gate());
    await indexes.outreach.settle();
    const later = await indexes.outreach.read(gate());
    assert.deepEqual(later.view.index?.missingDetails, []);
    assert.equal(later.view.index?.courses[0]?.title, 'Title of School/Course_00');
    assert.equal(loads.filter(([, outcome]) => outcome === 'loaded').length, 12);
    assert.deepEqual(stubs.outreach.calls.filter((c) => c.startsWith('user:') || c.startsWith('roster:')), [], 'never a user_stats or a roster');
  });

  it("takes the rosters other answers read while their course's tracking window is open, and its details", async () => {
    const clock = testClock();
    const { stubs, reads, indexes } = stubIndexes(clock.now);
    const iso = (ms: number) => new Date(ms).toISOString();
    stubs.outreach.courses.set('Org/Open', courseDetails('Org/Open', { start: iso(clock.now() - DAY), end: iso(clock.now() + DAY) }));
    stubs.outreach.rosters.set('Org/Open', roster({ username: 'Dee', role: 0 }, { username: 'Host', role: 1 }));
    stubs.outreach.courses.set('Org/Later', courseDetails('Org/Later', { start: iso(clock.now() + DAY), end: iso(clock.now() + 2 * DAY) }));
    stubs.outreach.rosters.set('Org/Later', roster({ username: 'Eve', role: 0 }));
    await reads.outreach.roster(slugFromText('Org/Open'));
    await reads.outreach.roster(slugFromText('Org/Later'));
    const read = await indexes.outreach.read(gate());
    assert.equal(read.view.state, 'ok', 'no campaign configured: nothing to fail');
    assert.deepEqual(read.view.index?.courses.map((c) => [c.slug, c.staff]), [['Org/Open', ['Host']]], 'the one not open yet is not current');
    assert.equal(read.freshUntil, clock.now() + DAY - 1, 'until the other opens');
    clock.advance(DAY + 1);
    const later = await indexes.outreach.read(gate());
    assert.deepEqual(later.view.index?.courses.map((c) => c.slug), ['Org/Later']);
  });
});
