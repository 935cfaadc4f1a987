// The /api/badges answer from the indexes alone (badges/answer.ts): how long it holds, when it is partial,
// and the error when no Dashboard asked could read any source.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badgesFor } from '../../src/badges/answer.js';
import { UpstreamError } from '../../src/dashboard/types.js';
import { parseBadgeNames } from '../../src/domain/badges.js';
import { stubCampaign, stubIndexes } from '../../support/stub-badges.js';
import { courseDetails, testClock } from '../../support/stub-dashboard.js';

const DAY = 86_400_000;
const names = (value: string) => parseBadgeNames(value, 50);

function world() {
  const clock = testClock();
  const env = { OUTREACH_BADGE_CAMPAIGNS: 'sprints' };
  const stubbed = stubIndexes(clock.now, env);
  const iso = (ms: number) => new Date(ms).toISOString();
  stubCampaign(stubbed.stubs.outreach, 'sprints', [{ slug: 'A/b', people: [['Ann', 1], ['Bo', 0]] }]);
  stubbed.stubs.outreach.courses.set('A/b', courseDetails('A/b', { start: iso(clock.now() - DAY), end: iso(clock.now() + 10 * DAY) }));
  stubbed.stubs.wikiedu.current = 'fall_2026';
  stubCampaign(stubbed.stubs.wikiedu, 'fall_2026', [{ slug: 'U/c', people: [['Bo', 0]] }]);
  stubbed.stubs.wikiedu.courses.set('U/c', courseDetails('U/c', { start: iso(clock.now() - DAY), end: iso(clock.now() + 10 * DAY) }));
  return { clock, ...stubbed };
}

describe('badgesFor', () => {
  it('holds at most 300 s, and not at all while a badge waits for its course details', async () => {
    const { clock, deps, indexes } = world();
    const cold = await badgesFor(deps, indexes, 'all', names('Bo|Nobody'), 0);
    assert.deepEqual(Object.keys(cold.body.users), ['Bo']);
    assert.deepEqual(cold.body.users['Bo']?.map((b) => [b.dashboard, b.course_slug, b.active_tracking]), [['outreach', 'A/b', null], ['wikiedu', 'U/c', null]]);
    assert.equal(cold.freshness.freshUntil, clock.now(), 'the details are loading: a later answer says more');
    await Promise.all([indexes.outreach.settle(), indexes.wikiedu.settle()]);
    const warm = await badgesFor(deps, indexes, 'all', names('Bo|Nobody'), 0);
    assert.deepEqual(warm.body.users['Bo']?.map((b) => b.active_tracking), [true, true]);
    assert.equal(warm.freshness.oldestFetchedAt, clock.now());
    assert.equal(warm.freshness.freshUntil, clock.now() + 300_000);
    assert.equal(warm.body.partial, undefined);
  });

  it('is partial (at most 60 s) when a Dashboard asked is not "ok", with its state; the other\'s badges stand', async () => {
    const { clock, deps, indexes, stubs } = world();
    stubs.wikiedu.failing.add('current_campaign');
    const answer = await badgesFor(deps, indexes, 'all', names('Ann|Bo'), 0);
    assert.equal(answer.body.partial, true);
    assert.deepEqual(answer.body.index.wikiedu?.state, 'error');
    assert.deepEqual(answer.body.index.outreach?.state, 'ok');
    assert.deepEqual(Object.keys(answer.body.users), ['Ann', 'Bo']);
    assert.ok(answer.freshness.freshUntil <= clock.now() + 60_000);
  });

  it("is the first Dashboard's error when every one asked could read no source", async () => {
    const { deps, indexes, stubs } = world();
    stubs.outreach.failing.add('campaign_users:sprints');
    stubs.outreach.failing.add('active_courses:sprints');
    stubs.wikiedu.failing.add('current_campaign');
    await assert.rejects(badgesFor(deps, indexes, 'outreach', names('Ann'), 0), (err) => err instanceof UpstreamError && err.status === 500);
    await assert.rejects(badgesFor(deps, indexes, 'all', names('Ann'), 0), (err) => err instanceof UpstreamError && err.message.startsWith('outreach: '));
    const other = await badgesFor(deps, indexes, 'outreach', names('Ann'), 0).catch((err: unknown) => err);
    assert.ok(other instanceof UpstreamError, 'the failure is remembered a moment: the same error again');
  });
});
