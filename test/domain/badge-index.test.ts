// The index of current courses (api-contract.md v1.2, "Which courses are current"), from sources as the
// cache holds them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBadgeIndex, enrolmentsOf, updateBadgeIndex, type BadgeIndex } from '../../src/domain/badge-index.js';
import type { BadgeSources, CampaignSource, CourseFacts, Enrolment, Stamped } from '../../src/domain/badge-sources.js';
import { foldForKey } from '../../src/domain/keys.js';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const url = (slug: string): string => `https://dashboard.test/courses/${slug}`;
const stamped = <T>(data: T, fetched_at = NOW - 60_000): Stamped<T> => ({ fetched_at, data });

const editor = (username: string): Enrolment => ({ username, role: 0 });
const staff = (username: string, role = 1): Enrolment => ({ username, role });

/** A Wiki Education-style campaign: every course of it counts. */
function term(slug: string, courses: Record<string, Enrolment[]>, fetched_at?: number): CampaignSource {
  return {
    slug,
    limitToListed: false,
    users: stamped({ campaign: slug, courses: Object.entries(courses).map(([s, users]) => ({ slug: s, users })) }, fetched_at),
    listed: undefined,
  };
}

/** A Programs & Events-style campaign: only the courses of its active_courses.json count. */
function programme(slug: string, courses: Record<string, Enrolment[]>, listed: string[] | undefined): CampaignSource {
  return {
    ...term(slug, courses),
    limitToListed: true,
    listed: listed && stamped(listed.map((s) => ({ slug: s, title: `Listed ${s}` }))),
  };
}

function facts(slug: string, startDays: number, endDays: number, title = `Title of ${slug}`): Stamped<CourseFacts> {
  return stamped({
    slug,
    title,
    start: iso(NOW + startDays * DAY),
    end: iso(NOW + endDays * DAY),
    timeline_start: iso(NOW + startDays * DAY),
    timeline_end: iso(NOW + endDays * DAY),
  });
}

function build(sources: Partial<BadgeSources>, now = NOW): BadgeIndex {
  return buildBadgeIndex({ campaigns: [], organic: [], details: [], ...sources }, now, url);
}

const slugs = (index: BadgeIndex): string[] => index.courses.map((c) => c.slug);
const of = (index: BadgeIndex, name: string): [string, number][] =>
  enrolmentsOf(index, foldForKey(name)).map((e) => [e.course.slug, e.role]);

test('Wiki Education: every course of an indexed campaign is current, before any details are known', () => {
  const index = build({ campaigns: [term('fall_2026', { 'U/A_(Fall_2026)': [staff('Prof'), editor('Ann')], 'U/B_(Fall_2026)': [editor('Bo')] })] });
  assert.deepEqual(slugs(index), ['U/A_(Fall_2026)', 'U/B_(Fall_2026)']);
  assert.deepEqual(of(index, 'Ann'), [['U/A_(Fall_2026)', 0]]);
  assert.deepEqual(index.missingDetails, ['U/A_(Fall_2026)', 'U/B_(Fall_2026)']);
  assert.equal(index.courses[0]?.title, null, 'no title until the details are read');
  assert.equal(index.courses[0]?.url, url('U/A_(Fall_2026)'));
});

test('Programs & Events: a campaign counts only the courses its active_courses.json lists, and none before that list is read', () => {
  const rows = { 'Org/Listed': [editor('Ann')], 'Org/Archived': [editor('Old Timer')] };
  const index = build({ campaigns: [programme('spring', rows, ['Org/Listed', 'Org/Listed_but_nobody'])] });
  assert.deepEqual(slugs(index), ['Org/Listed'], 'rows of unlisted courses are ignored; listed courses nobody is in are left out');
  assert.deepEqual(of(index, 'Old Timer'), []);
  assert.equal(index.courses[0]?.title, 'Listed Org/Listed', 'the title from active_courses.json before the details are read');

  const unlisted = build({ campaigns: [programme('spring', rows, undefined)] });
  assert.deepEqual(slugs(unlisted), []);
  assert.equal(unlisted.users, 0);
});

test('a campaign course whose known dates show its tracking window ended is not current; one not started yet is', () => {
  const campaign = term('t', { 'U/Ended': [editor('Ann')], 'U/Future': [editor('Bo')], 'U/Running': [editor('Cy')], 'U/Edge': [editor('Di')] });
  const index = build({
    campaigns: [campaign],
    details: [facts('U/Ended', -60, -1), facts('U/Future', 10, 90), facts('U/Running', -10, 10), facts('U/Edge', -10, 0)],
  });
  assert.deepEqual(slugs(index), ['U/Edge', 'U/Future', 'U/Running'], 'its end is inclusive');
  assert.deepEqual(index.missingDetails, []);
  assert.equal(index.courses.find((c) => c.slug === 'U/Future')?.title, 'Title of U/Future', "the details' title");
});

test('a held roster makes its course current while its tracking window is open, and only then', () => {
  const roster = (slug: string) => stamped({ slug, users: [staff('Host'), editor(`In ${slug}`)] });
  const index = build({
    organic: [roster('O/Open'), roster('O/Ended'), roster('O/NotYet'), roster('O/NoDates')],
    details: [facts('O/Open', -1, 1), facts('O/Ended', -9, -1), facts('O/NotYet', 1, 9)],
  });
  assert.deepEqual(slugs(index), ['O/Open']);
  assert.deepEqual(of(index, 'Host'), [['O/Open', 1]]);
});

test('a course in a campaign and held as a roster is current by either rule, with the rows of both', () => {
  const index = build({
    campaigns: [term('t', { 'U/Both': [editor('Ann'), staff('Prof')] })],
    organic: [stamped({ slug: 'U/Both', users: [staff('Ann'), staff('Helper', 2)] })],
    details: [facts('U/Both', 5, 50)], // not started: current through the campaign, not through the roster
  });
  assert.deepEqual(slugs(index), ['U/Both']);
  assert.deepEqual(of(index, 'Ann'), [['U/Both', 1]], 'the highest role over every source');
  assert.deepEqual(index.courses[0]?.staff, ['Ann', 'Helper', 'Prof']);
});

test('one person, several rows in one course (one per role): one enrolment with the highest role', () => {
  const index = build({ campaigns: [term('t', { 'B/Editathon': [staff('Lena Vogel'), editor('Lena Vogel'), editor('Lena Vogel')] })] });
  assert.deepEqual(of(index, 'Lena Vogel'), [['B/Editathon', 1]]);
  const later = build({ campaigns: [term('t', { 'B/Editathon': [editor('Lena Vogel'), staff('Lena Vogel', 4)] })] });
  assert.deepEqual(of(later, 'Lena Vogel'), [['B/Editathon', 4]]);
});

test("staff: the sorted unique usernames with a role >= 1, over the course's rows", () => {
  const rows = [staff('Zoë'), editor('Ann'), staff('Bob', 2), staff('Bob'), staff('Ed', 3), staff('Al', 4), editor('Zed')];
  const index = build({ campaigns: [term('t', { 'C/Course': rows })] });
  assert.deepEqual(index.courses[0]?.staff, ['Al', 'Bob', 'Ed', 'Zoë']);
});

test("a person's courses come in slug order, over campaigns and rosters, each once", () => {
  const index = build({
    campaigns: [
      term('one', { 'Z/Last': [editor('Ann')], 'M/Middle': [staff('Ann')] }),
      term('two', { 'A/First': [editor('Ann')], 'M/Middle': [editor('Ann')] }), // one course in two campaigns
    ],
  });
  assert.deepEqual(of(index, 'Ann'), [['A/First', 0], ['M/Middle', 1], ['Z/Last', 0]]);
  assert.equal(index.courses.length, 3);
  assert.equal(index.users, 1);
});

test('people are found by the name folded as the Dashboard folds it (case, accents)', () => {
  const index = build({ campaigns: [term('t', { 'U/A': [editor('Émilie Dupont')] })] });
  for (const spelling of ['Émilie Dupont', 'emilie dupont', 'EMILIE DUPONT', 'Émilie Dupont  ']) {
    assert.deepEqual(of(index, spelling), [['U/A', 0]], spelling);
  }
  assert.deepEqual(of(index, 'Emilie_Dupont'), [], '`_` and space stay apart in a fold (canonical names have no `_`)');
  assert.deepEqual(of(index, 'Nobody'), []);
});

test('slugs of one course in different sources are matched as the Dashboard matches them', () => {
  const index = build({
    campaigns: [programme('p', { 'Université/Cours': [editor('Ann')] }, ['UNIVERSITE/cours'])],
    details: [facts('universite/COURS', -1, 1, 'From the details')],
  });
  assert.deepEqual(slugs(index), ['Université/Cours'], "the campaign rows' spelling");
  assert.equal(index.courses[0]?.title, 'From the details');
});

test('the newest details of a course win', () => {
  const older = { ...facts('U/A', -9, -1, 'Old'), fetched_at: NOW - 9_000 };
  const newer = { ...facts('U/A', -9, 9, 'New'), fetched_at: NOW - 1_000 };
  const index = build({ campaigns: [term('t', { 'U/A': [editor('Ann')] })], details: [newer, older] });
  assert.equal(index.courses[0]?.title, 'New');
});

test('the newest held roster of a course wins', () => {
  const older = stamped({ slug: 'O/A', users: [editor('Gone')] }, NOW - 9_000);
  const newer = stamped({ slug: 'o/a', users: [editor('Stays')] }, NOW - 1_000);
  const index = build({ organic: [newer, older], details: [facts('O/A', -1, 1)] });
  assert.deepEqual([of(index, 'Stays'), of(index, 'Gone')], [[['o/a', 0]], []]);
});

test('courses nobody is enrolled in are left out; the counts are of current courses and of distinct people', () => {
  const index = build({
    campaigns: [term('t', { 'U/A': [editor('Ann'), editor('Bo')], 'U/B': [editor('ann'), staff('Cy')] })],
    organic: [stamped({ slug: 'U/Empty', users: [] })],
    details: [facts('U/Empty', -1, 1)],
  });
  assert.deepEqual(slugs(index), ['U/A', 'U/B']);
  assert.equal(index.users, 3, 'Ann and ann are one person');
});

test('an unknown or odd role number keeps its place; never another course', () => {
  const index = build({ campaigns: [term('t', { 'U/A': [{ username: 'Odd', role: 99 }], 'U/B': [{ username: 'Odd', role: -3 }] })] });
  assert.deepEqual(of(index, 'Odd'), [['U/A', 7], ['U/B', 0]]);
});

test('updateBadgeIndex keeps the index while its sources are the same, whatever the order of rosters and details', () => {
  const details = [facts('U/A', -1, 1), facts('U/B', -1, 1)];
  const organic = [stamped({ slug: 'U/A', users: [editor('Ann')] }), stamped({ slug: 'U/B', users: [editor('Bo')] }, NOW - 5)];
  const base: BadgeSources = { campaigns: [term('t', { 'U/C': [editor('Cy')] }, NOW - 100)], organic, details };
  const index = buildBadgeIndex(base, NOW, url);
  assert.equal(updateBadgeIndex(index, base, NOW + 1000, url), index);
  assert.equal(updateBadgeIndex(index, { ...base, details: [...details].reverse(), organic: [...organic].reverse() }, NOW, url), index);
  const changed: BadgeSources[] = [
    { ...base, campaigns: [term('t', { 'U/C': [editor('Cy')] }, NOW - 99)] }, // refreshed
    { ...base, campaigns: [term('u', { 'U/C': [editor('Cy')] }, NOW - 100)] }, // another campaign
    { ...base, campaigns: [{ ...term('t', {}, NOW - 100), limitToListed: true }] },
    { ...base, campaigns: [{ ...term('t', {}, NOW - 100), listed: stamped([]) }] },
    { ...base, campaigns: [] },
    { ...base, details: details.slice(1) }, // removed
    { ...base, details: [...details, facts('U/C', -1, 1)] }, // added
    { ...base, details: [details[0]!, { ...details[1]!, fetched_at: NOW }] }, // refreshed
    { ...base, organic: [organic[0]!] },
  ];
  for (const [i, sources] of changed.entries()) assert.notEqual(updateBadgeIndex(index, sources, NOW, url), index, `change ${i}`);
});

test('a change rebuilds only the part of its source: details and rosters never re-read a campaign\'s rows', () => {
  const campaigns = [term('big', { 'U/A': [editor('Ann')] }), term('small', { 'U/B': [editor('Bo')] })];
  const index = buildBadgeIndex({ campaigns, organic: [], details: [] }, NOW, url);
  const withDetails = updateBadgeIndex(index, { campaigns, organic: [], details: [facts('U/A', -9, -1)] }, NOW, url);
  assert.notEqual(withDetails, index);
  assert.deepEqual(slugs(withDetails), ['U/B'], 'the details ended U/A');
  assert.equal(withDetails.parts[0], index.parts[0], "the campaign's part is reused");
  assert.equal(withDetails.parts[1], index.parts[1]);
  const refreshed = [campaigns[0]!, term('small', { 'U/B': [editor('Bo'), editor('Di')] }, NOW)];
  const next = updateBadgeIndex(withDetails, { campaigns: refreshed, organic: [stamped({ slug: 'O/X', users: [] })], details: [] }, NOW, url);
  assert.equal(next.parts[0], index.parts[0], 'unchanged campaign: same part');
  assert.notEqual(next.parts[1], index.parts[1]);
  assert.notEqual(next.parts[2], index.parts[2], 'the rosters changed');
  assert.deepEqual(of(next, 'Di'), [['U/B', 0]]);
});

test('the index says until when it holds: the first end of a current course, or the opening of a held roster', () => {
  const sources: BadgeSources = {
    campaigns: [term('t', { 'U/Running': [editor('Ann')], 'U/NoDates': [editor('Bo')] })],
    organic: [stamped({ slug: 'O/Soon', users: [editor('Cy')] })],
    details: [facts('U/Running', -5, 5), facts('O/Soon', 2, 9)],
  };
  const index = buildBadgeIndex(sources, NOW, url);
  assert.equal(index.validUntil, NOW + 2 * DAY - 1, 'O/Soon opens first');
  assert.equal(updateBadgeIndex(index, sources, NOW + 2 * DAY - 1, url), index);
  const later = updateBadgeIndex(index, sources, NOW + 2 * DAY, url);
  assert.notEqual(later, index);
  assert.equal(later.parts[0], index.parts[0], 'time passing rebuilds no part');
  assert.deepEqual(slugs(later), ['O/Soon', 'U/NoDates', 'U/Running']);
  assert.equal(later.validUntil, NOW + 5 * DAY, 'U/Running ends first');
  const after = updateBadgeIndex(later, sources, NOW + 5 * DAY + 1, url);
  assert.deepEqual(slugs(after), ['O/Soon', 'U/NoDates']);
  assert.equal(after.validUntil, NOW + 9 * DAY);
  assert.equal(build({ campaigns: [term('t', { 'U/NoDates': [editor('Bo')] })] }).validUntil, Infinity);
});

test('distinct people are counted once over every source, and only for current courses', () => {
  const index = build({
    campaigns: [term('one', { 'U/A': [editor('Ann'), editor('Bo')] }), term('two', { 'U/B': [editor('ANN'), editor('Cy')], 'U/Old': [editor('Old')] })],
    organic: [stamped({ slug: 'O/Open', users: [editor('Bo'), editor('Di')] })],
    details: [facts('O/Open', -1, 1), facts('U/Old', -9, -1)],
  });
  assert.equal(index.users, 4, 'Ann, Bo, Cy, Di');
  assert.equal(index.courses.length, 3);
});

test('details of courses that are not candidates change nothing but the stamp', () => {
  const campaigns = [term('t', { 'U/A': [editor('Ann')] })];
  const index = build({ campaigns, details: [facts('X/Unrelated', -1, 1)] });
  assert.deepEqual(slugs(index), ['U/A']);
  assert.deepEqual(index.missingDetails, ['U/A']);
});

test('a refresh that brings the same content keeps builtAt; one that changes it moves builtAt', () => {
  const rows = { 'U/A_(Fall_2026)': [staff('Prof'), editor('Ann')] };
  const first = updateBadgeIndex(undefined, { campaigns: [term('fall_2026', rows)], organic: [], details: [] }, NOW, url);
  const refetched = updateBadgeIndex(first, { campaigns: [term('fall_2026', structuredClone(rows), NOW + 1_000)], organic: [], details: [] }, NOW + 2_000, url);
  assert.notEqual(refetched.stamp, first.stamp, 'the refetch is a new source');
  assert.equal(refetched.builtAt, first.builtAt, 'with the same content');
  const changed = { 'U/A_(Fall_2026)': [staff('Prof'), editor('Ann'), editor('Bo')] };
  const grown = updateBadgeIndex(refetched, { campaigns: [term('fall_2026', changed, NOW + 3_000)], organic: [], details: [] }, NOW + 4_000, url);
  assert.equal(grown.builtAt, NOW + 4_000);
  const promoted = { 'U/A_(Fall_2026)': [staff('Prof'), staff('Ann'), editor('Bo')] };
  const roles = updateBadgeIndex(grown, { campaigns: [term('fall_2026', promoted, NOW + 5_000)], organic: [], details: [] }, NOW + 6_000, url);
  assert.equal(roles.builtAt, NOW + 6_000, 'a changed role is a change');
});
