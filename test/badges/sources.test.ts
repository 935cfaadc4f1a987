// Which sources a Dashboard's index reads (badges/sources.ts): Programs & Events its configured
// campaigns only (never current.json, which names the catch-all), Wiki Education its current term first
// and its configured campaigns; each an ordinary cached read; what failed leaves the index partial.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerGate } from '../../src/answers/upstream-gate.js';
import { readSources, RULES } from '../../src/badges/sources.js';
import { stubIndexes, stubCampaign } from '../../support/stub-badges.js';
import { testClock } from '../../support/stub-dashboard.js';

const gate = () => new AnswerGate(4, 10_000);

describe('readSources', () => {
  it('on Programs & Events: the configured campaigns, each limited to its listed courses; never current.json', async () => {
    const clock = testClock();
    const { stubs, reads } = stubIndexes(clock.now);
    stubs.outreach.current = 'miscellanea';
    stubCampaign(stubs.outreach, 'sprints', [{ slug: 'A/b', people: [['Ann', 1]] }]);
    const read = await readSources(reads.outreach, RULES.outreach, ['sprints'], gate());
    assert.deepEqual(stubs.outreach.calls.sort(), ['active_courses:sprints', 'campaign_users:sprints']);
    assert.equal(read.state, 'ok');
    assert.deepEqual(read.campaigns.map((c) => [c.slug, c.limitToListed, c.users?.data.courses.length, c.listed?.data.length]), [['sprints', true, 1, 1]]);
    assert.equal(read.freshUntil, clock.now() + 3_600_000, 'fresh for BADGE_SOURCE_TTL');
  });

  it('on Wiki Education: the current term first, then the configured campaigns, the term read once if configured too', async () => {
    const { stubs, reads } = stubIndexes(testClock().now);
    stubs.wikiedu.current = 'spring_2026';
    stubCampaign(stubs.wikiedu, 'spring_2026', [{ slug: 'U/Class', people: [['Bo', 0]] }]);
    stubCampaign(stubs.wikiedu, 'exchange', [{ slug: 'U/Other', people: [['Cy', 0]] }]);
    const read = await readSources(reads.wikiedu, RULES.wikiedu, ['exchange'], gate());
    assert.deepEqual(read.campaigns.map((c) => [c.slug, c.limitToListed]), [['spring_2026', false], ['exchange', false]]);
    assert.equal(read.state, 'ok');
    stubs.wikiedu.calls.length = 0;
    const again = await readSources(reads.wikiedu, RULES.wikiedu, ['spring_2026', 'exchange'], gate());
    assert.deepEqual(again.campaigns.map((c) => c.slug), ['spring_2026', 'exchange']);
    assert.deepEqual(stubs.wikiedu.calls, [], 'all cached: nothing asked again');
  });

  it('an unknown campaign is an empty one (read, nothing to index); a failing source makes the index partial, all failing an error', async () => {
    const { stubs, reads } = stubIndexes(testClock().now);
    stubCampaign(stubs.outreach, 'good', [{ slug: 'A/b', people: [['Ann', 1]] }]);
    const unknown = await readSources(reads.outreach, RULES.outreach, ['no_such'], gate());
    assert.equal(unknown.state, 'ok');
    assert.deepEqual(unknown.campaigns[0]?.users?.data.courses, []);

    stubCampaign(stubs.outreach, 'bad', [{ slug: 'A/c', people: [['Bo', 1]] }]);
    stubs.outreach.failing.add('campaign_users:bad');
    const partial = await readSources(reads.outreach, RULES.outreach, ['good', 'bad'], gate());
    assert.equal(partial.state, 'partial');
    assert.equal(partial.error?.status, 500);
    assert.equal(partial.campaigns[1]?.users, undefined, 'the failed list is left out');
    assert.equal(partial.campaigns[1]?.listed?.data.length, 1, 'the other list of the campaign stands');

    stubs.wikiedu.failing.add('current_campaign');
    const none = await readSources(reads.wikiedu, RULES.wikiedu, [], gate());
    assert.deepEqual([none.state, none.campaigns, none.error?.kind], ['error', [], 'http']);
  });
});
