// `/api/badges` without I/O: the `users` parameter and the answer assembled from the indexes
// (api-contract.md v1.2, "Badges").

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBadgeIndex, type BadgeIndex } from '../../src/domain/badge-index.js';
import type { CampaignSource, Enrolment } from '../../src/domain/badge-sources.js';
import { badgesAnswer, parseBadgeNames, type DashboardIndexView } from '../../src/domain/badges.js';
import { InvalidInput } from '../../src/domain/invalid.js';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

describe('parseBadgeNames', () => {
  const refused = (value: unknown, limit: number, message: RegExp) =>
    assert.throws(() => parseBadgeNames(value, limit), (err: unknown) => err instanceof InvalidInput && err.field === 'users' && message.test(err.message));

  test('names separated by "|", canonicalised, in the order given', () => {
    assert.deepEqual(parseBadgeNames('Alice|bob_smith| Carol ', 50), {
      names: ['Alice', 'Bob smith', 'Carol'],
      normalized: { bob_smith: 'Bob smith', ' Carol ': 'Carol' },
      invalid: [],
    });
  });

  test('spellings of one canonical name count once; normalized lists each changed spelling', () => {
    const parsed = parseBadgeNames('alice|Alice|alice_|Alice|E\u0301mile|Émile', 2);
    assert.deepEqual(parsed.names, ['Alice', 'Émile']);
    assert.deepEqual(parsed.normalized, { alice: 'Alice', alice_: 'Alice', 'E\u0301mile': 'Émile' });
  });

  test('empty items are ignored', () => {
    assert.deepEqual(parseBadgeNames('|A||B|', 2).names, ['A', 'B']);
  });

  test('a name that breaks the rules is listed in invalid as given, once, and does not fail the request', () => {
    const parsed = parseBadgeNames('Good|Bad#Name|<script>|Bad#Name| |127.0.0.1|Good', 50);
    assert.deepEqual(parsed.names, ['Good']);
    assert.deepEqual(parsed.invalid, ['Bad#Name', '<script>', ' ', '127.0.0.1']);
    assert.deepEqual(parseBadgeNames('only#invalid', 1), { names: [], normalized: {}, invalid: ['only#invalid'] });
  });

  test('the limit counts the names as given, invalid ones included', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `User ${i}`);
    assert.equal(parseBadgeNames(fifty.join('|'), 50).names.length, 50);
    refused([...fifty, 'One more'].join('|'), 50, /more than 50 names/);
    refused([...fifty, 'In#valid'].join('|'), 50, /more than 50 names/);
    assert.equal(parseBadgeNames([...fifty, ...fifty.map((n) => n.toLowerCase().replace(' ', '_'))].join('|'), 50).names.length, 50);
  });

  test('a huge list is refused (at its 501st name: the rest is not canonicalised)', () => {
    const list = [...Array.from({ length: 600 }, (_, i) => `U${i}`), 'Bad#'.repeat(10_000)].join('|');
    refused(list, 500, /more than 500 names/);
    assert.equal(parseBadgeNames('x|'.repeat(30_000), 500).names.length, 1, 'one name 30,000 times is one name');
  });

  test('no name, a repeated parameter or a value that is not text -> InvalidInput', () => {
    for (const value of [undefined, '', '|', '|||']) refused(value, 50, /needs 1 to 50 usernames/);
    refused(['A', 'B'], 50, /more than once/);
    refused(42, 50, /must be text/);
    refused({ a: 1 }, 50, /must be text/);
  });

  test('names that are Object.prototype members stay ordinary keys', () => {
    const parsed = parseBadgeNames('__proto__|constructor|toString', 50);
    assert.deepEqual(parsed.names, ['Proto', 'Constructor', 'ToString']);
    assert.equal(Object.getPrototypeOf(parsed.normalized), Object.prototype);
    assert.ok(Object.hasOwn(parsed.normalized, '__proto__'));
    assert.equal(JSON.stringify(parsed.normalized), '{"__proto__":"Proto","constructor":"Constructor","toString":"ToString"}');
  });
});

const editor = (username: string): Enrolment => ({ username, role: 0 });
const staff = (username: string, role = 1): Enrolment => ({ username, role });

function indexOf(dashboard: string, courses: Record<string, Enrolment[]>, details: { slug: string; startDays: number; endDays: number; event?: [number, number] }[] = []): BadgeIndex {
  const campaign: CampaignSource = {
    slug: 'c',
    limitToListed: false,
    users: { fetched_at: NOW, data: { campaign: 'c', courses: Object.entries(courses).map(([slug, users]) => ({ slug, users })) } },
    listed: undefined,
  };
  const facts = details.map(({ slug, startDays, endDays, event = [startDays, endDays] }) => ({
    fetched_at: NOW,
    data: {
      slug,
      title: `Title of ${slug}`,
      start: iso(NOW + startDays * DAY),
      end: iso(NOW + endDays * DAY),
      timeline_start: iso(NOW + event[0] * DAY),
      timeline_end: iso(NOW + event[1] * DAY),
    },
  }));
  return buildBadgeIndex({ campaigns: [campaign], organic: [], details: facts }, NOW, (slug) => `https://${dashboard}.test/courses/${slug}`);
}

const view = (dashboard: 'outreach' | 'wikiedu', index: BadgeIndex | null, state: DashboardIndexView['state'] = 'ok'): DashboardIndexView => ({
  dashboard,
  index,
  state,
  built_at: index === null ? null : iso(index.builtAt),
});

describe('badgesAnswer', () => {
  const outreach = indexOf(
    'outreach',
    { 'Org/Zeta': [staff('Host'), editor('Ann')], 'Org/Alpha': [editor('Ann'), staff('Ann'), staff('Co Host', 2)], 'Org/Dated': [editor('Bo'), staff('Host')] },
    [{ slug: 'Org/Dated', startDays: -3, endDays: 3, event: [1, 2] }],
  );
  const wikiedu = indexOf('wikiedu', { 'Uni/Class_(Fall_2026)': [editor('Ann'), staff('Prof'), staff('Sage', 4)] });

  test('users holds only names with badges, each badge in full', () => {
    const answer = badgesAnswer(parseBadgeNames('Bo|Nobody', 50), [view('outreach', outreach)], NOW);
    assert.deepEqual(answer.users, {
      Bo: [
        {
          dashboard: 'outreach',
          course_slug: 'Org/Dated',
          course_url: 'https://outreach.test/courses/Org/Dated',
          course_title: 'Title of Org/Dated',
          role: 0,
          staff: ['Host'],
          active_tracking: true,
          active_event: false,
        },
      ],
    });
  });

  test('a course whose details are not known yet: title and activity null', () => {
    const [badge] = badgesAnswer(parseBadgeNames('Host', 50), [view('outreach', outreach)], NOW).users['Host'] ?? [];
    assert.equal(badge?.course_slug, 'Org/Dated');
    const [, zeta] = badgesAnswer(parseBadgeNames('Host', 50), [view('outreach', outreach)], NOW).users['Host'] ?? [];
    assert.deepEqual([zeta?.course_slug, zeta?.course_title, zeta?.active_tracking, zeta?.active_event], ['Org/Zeta', null, null, null]);
  });

  test('activity is computed at the time asked, from the known dates (inclusive)', () => {
    const at = (now: number) => badgesAnswer(parseBadgeNames('Bo', 50), [view('outreach', outreach)], now).users['Bo']?.[0];
    assert.deepEqual([at(NOW + 1.5 * DAY)?.active_tracking, at(NOW + 1.5 * DAY)?.active_event], [true, true]);
    assert.deepEqual([at(NOW + 3 * DAY)?.active_tracking, at(NOW + 3 * DAY)?.active_event], [true, false]);
  });

  test('badges: outreach first, then by course_slug; the role is the highest in that course', () => {
    const answer = badgesAnswer(parseBadgeNames('ann', 50), [view('wikiedu', wikiedu), view('outreach', outreach)], NOW);
    assert.deepEqual(
      answer.users['Ann']?.map((b) => [b.dashboard, b.course_slug, b.role, b.staff]),
      [
        ['outreach', 'Org/Alpha', 1, ['Ann', 'Co Host']],
        ['outreach', 'Org/Zeta', 0, ['Host']],
        ['wikiedu', 'Uni/Class_(Fall_2026)', 0, ['Prof', 'Sage']],
      ],
    );
    assert.deepEqual(answer.normalized, { ann: 'Ann' }, 'keyed by the canonical name; the spelling given in normalized');
  });

  test('only the Dashboards asked', () => {
    const answer = badgesAnswer(parseBadgeNames('Ann', 50), [view('wikiedu', wikiedu)], NOW);
    assert.deepEqual(answer.users['Ann']?.map((b) => b.dashboard), ['wikiedu']);
    assert.deepEqual(Object.keys(answer.index), ['wikiedu']);
  });

  test('index: per Dashboard asked, its state, built_at, current courses and distinct people', () => {
    const answer = badgesAnswer(parseBadgeNames('Ann', 50), [view('outreach', outreach), view('wikiedu', wikiedu)], NOW);
    assert.deepEqual(answer.index, {
      outreach: { state: 'ok', built_at: iso(NOW), courses: 3, users: 4 },
      wikiedu: { state: 'ok', built_at: iso(NOW), courses: 1, users: 3 },
    });
    assert.equal('partial' in answer, false);
  });

  test('partial: true when a Dashboard asked is not "ok"; a failed one adds no badges and counts nothing', () => {
    const partial = badgesAnswer(parseBadgeNames('Ann', 50), [view('outreach', outreach, 'partial'), view('wikiedu', wikiedu)], NOW);
    assert.equal(partial.partial, true);
    const failed = badgesAnswer(parseBadgeNames('Ann', 50), [view('outreach', outreach), view('wikiedu', null, 'error')], NOW);
    assert.equal(failed.partial, true);
    assert.deepEqual(failed.index.wikiedu, { state: 'error', built_at: null, courses: 0, users: 0 });
    assert.deepEqual(failed.users['Ann']?.map((b) => b.dashboard), ['outreach', 'outreach'], "the other Dashboard's badges stand");
  });

  test('normalized and invalid pass through', () => {
    const answer = badgesAnswer(parseBadgeNames('bo|Bad#|Bo', 50), [view('outreach', outreach)], NOW);
    assert.deepEqual(Object.keys(answer.users), ['Bo']);
    assert.deepEqual(answer.normalized, { bo: 'Bo' });
    assert.deepEqual(answer.invalid, ['Bad#']);
  });
});
