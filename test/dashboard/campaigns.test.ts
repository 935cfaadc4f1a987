// The program-wide sources of badges on the wire: paths, and lenient, safe parsing (dashboard-api.md section 10).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  campaignActiveCoursesPath,
  campaignUsersPath,
  CURRENT_CAMPAIGN_PATH,
  isCampaignSlug,
  parseActiveCourses,
  parseCampaignUsers,
  parseCurrentCampaign,
} from '../../src/dashboard/campaigns.js';
import { UpstreamError } from '../../src/dashboard/types.js';

const fixture = (file: string): string => readFileSync(new URL(`../../demo/fixtures/campaigns/${file}`, import.meta.url), 'utf8');
const MAX = 100_000;

function refusedAsPayload(run: () => unknown, message?: RegExp): void {
  assert.throws(run, (err: unknown) => err instanceof UpstreamError && err.kind === 'payload' && (message === undefined || message.test(err.message)));
}

describe('campaign paths', () => {
  test('the current campaign, and a campaign\'s users and active courses', () => {
    assert.equal(CURRENT_CAMPAIGN_PATH, '/campaigns/current.json');
    assert.equal(campaignUsersPath('fall_2026'), '/campaigns/fall_2026/users.json');
    assert.equal(campaignActiveCoursesPath('miscellanea'), '/campaigns/miscellanea/active_courses.json');
    assert.equal(campaignUsersPath('été_2026'), '/campaigns/%C3%A9t%C3%A9_2026/users.json');
  });

  test('campaign slugs: lower case letters, digits and "_" only', () => {
    for (const ok of ['miscellanea', 'fall_2026', '2026', '_', 'été_2026', 'кампания', '維基']) assert.ok(isCampaignSlug(ok), ok);
    for (const bad of ['', 'Fall_2026', 'fall-2026', 'a b', 'a/b', '..', '.', 'a%2Fb', 'x?y', 'x#y', 'a.json', 'ǅ', 'x'.repeat(256)]) {
      assert.equal(isCampaignSlug(bad), false, bad);
      assert.throws(() => campaignUsersPath(bad), TypeError, bad);
      assert.throws(() => campaignActiveCoursesPath(bad), TypeError, bad);
    }
  });

  test('nothing in a campaign slug changes the path: one segment, decoding to the slug', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (slug) => {
        if (!isCampaignSlug(slug)) return;
        const path = campaignUsersPath(slug);
        const [, campaigns, segment, file, ...rest] = path.split('/');
        assert.deepEqual([campaigns, file, rest], ['campaigns', 'users.json', []]);
        assert.equal(decodeURIComponent(segment ?? ''), slug);
        assert.match(segment ?? '', /^[A-Za-z0-9_%]+$/);
      }),
    );
  });
});

describe('parseCurrentCampaign', () => {
  test('the default campaign\'s slug, from the Dashboard\'s campaign body', () => {
    assert.deepEqual(parseCurrentCampaign(JSON.parse(fixture('miscellanea.json'))), { slug: 'miscellanea' });
    assert.deepEqual(parseCurrentCampaign({ campaign: { slug: 'fall_2026', title: 'Fall 2026' } }), { slug: 'fall_2026' });
  });

  test('anything else is a bad payload, a slug that could change a path included', () => {
    for (const body of [null, [], 'x', {}, { campaign: null }, { campaign: [] }, { campaign: {} }, { campaign: { slug: 7 } }]) {
      refusedAsPayload(() => parseCurrentCampaign(body));
    }
    for (const slug of ['', '../users', 'Fall_2026', 'a/b']) refusedAsPayload(() => parseCurrentCampaign({ campaign: { slug } }), /campaign slug/);
  });
});

const row = (course: unknown, role: unknown, username: unknown) => ({ course, role, username });
const usersBody = (users: unknown[], campaign = 'c'): string => JSON.stringify({ campaign, users });

describe('parseCampaignUsers', () => {
  test("the fixture: every row, grouped by course in first-appearance order, labels as role numbers", () => {
    const parsed = parseCampaignUsers(fixture('miscellanea/users.json'), MAX);
    const raw = (JSON.parse(fixture('miscellanea/users.json')) as { users: { course: string; role: string; username: string }[] }).users;
    assert.equal(parsed.campaign, 'miscellanea');
    assert.deepEqual(parsed.courses.map((c) => c.slug), [...new Set(raw.map((r) => r.course))]);
    assert.equal(parsed.courses.reduce((n, c) => n + c.users.length, 0), raw.length);
    const lena = parsed.courses.find((c) => c.slug.startsWith('Wikimedia_Deutschland/'))?.users.filter((u) => u.username === 'Lena Vogel');
    assert.deepEqual(lena, [{ username: 'Lena Vogel', role: 1 }, { username: 'Lena Vogel', role: 0 }], 'one row per enrolment per role');
  });

  test('role labels: Editor 0, Facilitator 1, Campus Volunteer 2, Online Volunteer 3, Wiki Education Staff 4', () => {
    const labels = ['Editor', 'Facilitator', 'Campus Volunteer', 'Online Volunteer', 'Wiki Education Staff'];
    const parsed = parseCampaignUsers(usersBody(labels.map((label, i) => row('S/C', label, `User ${i}`))), MAX);
    assert.deepEqual(parsed.courses[0]?.users.map((u) => u.role), [0, 1, 2, 3, 4]);
  });

  test('an unknown, localised or missing role counts as the least privileged; the row is kept', () => {
    const parsed = parseCampaignUsers(usersBody([row('S/C', 'Wizard', 'A'), row('S/C', 'Redakteur', 'B'), row('S/C', null, 'C'), { course: 'S/C', username: 'D' }, row('S/C', 3, 'E'), row('S/C', -1, 'F')]), MAX);
    assert.deepEqual(parsed.courses[0]?.users.map((u) => `${u.username}:${u.role}`), ['A:0', 'B:0', 'C:0', 'D:0', 'E:3', 'F:0']);
  });

  test('malformed rows are dropped, the rest kept', () => {
    const parsed = parseCampaignUsers(
      usersBody([null, 7, 'x', [], {}, row('', 'Editor', 'A'), row('S/C', 'Editor', ''), row('S/C', 'Editor', 5), row(5, 'Editor', 'B'), row('S/C', 'Editor', '  '), row('S/C', 'Editor', 'Kept')]),
      MAX,
    );
    assert.deepEqual(parsed.courses, [{ slug: 'S/C', users: [{ username: 'Kept', role: 0 }] }]);
  });

  test('junk is a bad payload', () => {
    for (const junk of ['', 'not json', '<!DOCTYPE html><html></html>', '[]', 'null', '{"users": {}}', '{"campaign": "c"}', '{"users": "x"}', '{"users": [1, 2'])
      refusedAsPayload(() => parseCampaignUsers(junk, MAX));
  });

  test('more than maxRows rows is refused, before JSON.parse builds them', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => row('S/C', 'Editor', `U${i}`));
    assert.equal(parseCampaignUsers(usersBody(rows(1000)), 1000).courses[0]?.users.length, 1000);
    refusedAsPayload(() => parseCampaignUsers(usersBody(rows(1001)), 1000), /more than 1000 rows/);
    // Cut short, the body is not JSON either: refused for its size, so JSON.parse never saw it.
    refusedAsPayload(() => parseCampaignUsers(usersBody(rows(1001)).slice(0, -10), 1000), /more than 1000 rows/);
    // Keys written with escapes are not counted in the text, but the parsed list is checked too.
    const escaped = `{"users":[${Array.from({ length: 1001 }, (_, i) => `{"course":"S/C","role":"Editor","user\\u006eame":"U${i}"}`).join(',')}]}`;
    refusedAsPayload(() => parseCampaignUsers(escaped, 1000), /more than 1000 rows/);
  });
});

describe('parseActiveCourses', () => {
  test('the fixture: slug and title of each listed course', () => {
    const parsed = parseActiveCourses(fixture('miscellanea/active_courses.json'), MAX);
    assert.equal(parsed.length, 6);
    assert.deepEqual(parsed[0], { slug: 'Wikimedians_of_Nigeria/Wiki_Loves_Women_Writing_Drive_2026', title: 'Wiki Loves Women Writing Drive 2026' });
  });

  test('entries without a slug are dropped; a missing title is ""', () => {
    const body = JSON.stringify({ courses: [null, {}, { slug: '' }, { title: 'No slug' }, { slug: 'A/B', title: null }, { slug: 'C/D', title: 'T' }] });
    assert.deepEqual(parseActiveCourses(body, MAX), [
      { slug: 'A/B', title: '' },
      { slug: 'C/D', title: 'T' },
    ]);
  });

  test('junk and oversized lists are bad payloads', () => {
    for (const junk of ['', 'nope', '{"courses": null}', '[]', '{}']) refusedAsPayload(() => parseActiveCourses(junk, MAX));
    const body = JSON.stringify({ courses: Array.from({ length: 11 }, (_, i) => ({ slug: `S/${i}`, title: 't' })) });
    refusedAsPayload(() => parseActiveCourses(body, 10), /more than 10 rows/);
    assert.equal(parseActiveCourses(body, 11).length, 11);
  });
});
