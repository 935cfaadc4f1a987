// The badges' pure part (gadget/src/badges-core.js) in Node: requests, batches, answers (garbage
// included), what the session remembers, and what a badge says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadBadgesCore, loadCore, type Answer, type Badge } from './support/core.js';

const badges = loadBadgesCore();
const config = loadCore().readConfig({ apiBase: 'https://api.example', outreachBase: 'https://dash.example', wikieduBase: 'https://edu.example' }, () => null, () => {});

const badge = (fields: Partial<Badge> = {}): Badge => ({
  dashboard: 'outreach',
  slug: 'S/C',
  url: 'https://dash.example/courses/S/C',
  title: 'Course',
  role: 0,
  staff: [],
  ...fields,
});

describe('requests', () => {
  it('posts the names as a form, separated by |, the Dashboards unless Programs & Events alone', () => {
    assert.equal(badges.requestUrl(config), 'https://api.example/api/badges');
    assert.equal(badges.requestBody(config, ['Émilie Dupont', 'C++ Fan', 'A&B=C']), 'users=%C3%89milie%20Dupont%7CC%2B%2B%20Fan%7CA%26B%3DC');
    assert.equal(badges.requestBody({ ...config, dashboards: 'all' }, ['A']), 'users=A&dashboard=all');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(badges.requestBody({ ...config, dashboards: 'wikiedu' }, ['A b', '100% Wiki']))), {
      users: 'A b|100% Wiki',
      dashboard: 'wikiedu',
    });
  });

  it('takes at most 50 names a batch off the queue, dropping those no longer wanted', () => {
    const queue = Array.from({ length: 120 }, (_, i) => `N${i}`);
    const gone = new Set(['N3', 'N60']);
    const first = badges.nextBatch(queue, (n) => !gone.has(n));
    assert.equal(first.length, 50);
    assert.equal(first.includes('N3'), false);
    assert.equal(first[49], 'N50');
    const second = badges.nextBatch(queue, (n) => !gone.has(n));
    assert.deepEqual([second.length, second.includes('N60'), second[0]], [50, false, 'N51']);
    assert.equal(badges.nextBatch(queue, (n) => !gone.has(n)).length, 18);
    assert.deepEqual(queue, []);
    assert.deepEqual(badges.nextBatch(queue, () => true), []);
  });
});

describe('answers', () => {
  it('gives each name asked its canonical name and badges, none when absent or invalid', () => {
    const answer = badges.readAnswer(
      {
        users: {
          'Lower first': [{ dashboard: 'outreach', course_slug: 'A/B', course_url: 'https://x.example/courses/A/B', course_title: 'T', role: 1, staff: ['S', '', 7] }],
          Ann: [{ dashboard: 'wikiedu', course_slug: 'U/C_(2026)', course_url: null, course_title: null, role: 9, staff: null }, 'garbage', { course_slug: '' }],
        },
        normalized: { lower_first: 'Lower first' },
        invalid: ['Bad|'],
        index: {},
      },
      ['lower_first', 'Ann', 'Nobody', 'Bad|'],
      config,
    );
    assert.deepEqual(answer, {
      partial: false,
      people: {
        lower_first: { user: 'Lower first', badges: [badge({ url: 'https://x.example/courses/A/B', slug: 'A/B', title: 'T', role: 1, staff: ['S'] })] },
        Ann: { user: 'Ann', badges: [badge({ dashboard: 'wikiedu', slug: 'U/C_(2026)', url: 'https://edu.example/courses/U/C_(2026)', title: 'U/C_(2026)', role: 0 })] },
        Nobody: { user: 'Nobody', badges: [] },
        'Bad|': { user: 'Bad|', badges: [] },
      },
    });
  });

  it('survives garbage: a wrong shape gives everyone no badge; partial is read', () => {
    for (const data of [null, 'x', [], { users: 'x' }, { users: { A: 'x' } }, { users: { toString: [badge()] } }]) {
      assert.deepEqual(badges.readAnswer(data, ['A', 'toString'], config).people, { A: { user: 'A', badges: [] }, toString: { user: 'toString', badges: [] } });
    }
    assert.equal(badges.readAnswer({ users: {}, partial: true }, ['A'], config).partial, true);
  });
});

describe('what the session remembers', () => {
  const person = { user: 'A', badges: [badge()] };
  const answer = (people: Answer['people'], partial = false): Answer => ({ people, partial });

  it('keeps each name 5 minutes, 1 for a partial answer, and forgets expired or broken rows', () => {
    const stored = badges.remember(null, answer({ A: person }), 1000);
    assert.deepEqual(stored, { A: [1300, person] });
    const more = badges.remember(stored, answer({ B: { user: 'B', badges: [] } }, true), 1100);
    assert.deepEqual(more, { A: [1300, person], B: [1160, { user: 'B', badges: [] }] });
    assert.deepEqual(Object.keys(badges.remembered(more, 1200)), ['A']);
    assert.deepEqual(badges.remembered(more, 1300), {});
    assert.deepEqual(badges.remembered({ A: [2000, { user: 'A' }], B: 'x', C: [2000, person] }, 1000), { C: person });
    assert.deepEqual(badges.remembered('garbage', 0), {});
  });

  it('holds at most 3,000 names, dropping the oldest', () => {
    let stored = {};
    for (let i = 0; i < 70; i++) {
      const people = Object.fromEntries(Array.from({ length: 50 }, (_, j) => [`N ${i * 50 + j}`, { user: `N ${i * 50 + j}`, badges: [] }]));
      stored = badges.remember(stored, answer(people), 1000 + i);
    }
    const names = Object.keys(stored);
    assert.equal(names.length, 3000);
    assert.equal(names.includes('N 0'), false);
    assert.equal(names.includes('N 3499'), true);
  });

  it('keys the entry by the service, the Dashboards and the bases', () => {
    const keys = new Set([
      badges.cacheKey(config),
      badges.cacheKey({ ...config, dashboards: 'all' }),
      badges.cacheKey({ ...config, apiBase: 'https://other.example' }),
      badges.cacheKey({ ...config, wikieduBase: 'https://w.example' }),
    ]);
    assert.equal(keys.size, 4);
    assert.equal(badges.cacheKey({ ...config, useEventDates: true, badges: false }), badges.cacheKey(config));
    for (const k of keys) assert.match(k, /^mw-coursestaff-v2:badges:/);
  });
});

describe('what a badge says', () => {
  it('the highest role, on its Dashboard, the number of courses, the title of the only one', () => {
    assert.deepEqual(badges.summary([badge({ title: 'Only' })]), { role: 0, dashboard: 'outreach', staff: false, count: 1, title: 'Only' });
    assert.deepEqual(badges.summary([badge(), badge({ dashboard: 'wikiedu', role: 4 }), badge({ role: 1 })]), {
      role: 4,
      dashboard: 'wikiedu',
      staff: true,
      count: 3,
      title: null,
    });
  });

  it("names roles in each Dashboard's words", () => {
    assert.deepEqual(
      [badges.roleMessage('outreach', 0), badges.roleMessage('wikiedu', 0), badges.roleMessage('outreach', 1), badges.roleMessage('wikiedu', 1), badges.roleMessage('wikiedu', 3)],
      ['coursestaff-role-outreach-0', 'coursestaff-role-wikiedu-0', 'coursestaff-role-outreach-1', 'coursestaff-role-wikiedu-1', 'coursestaff-role-3'],
    );
  });

  it('lists every staff member of the courses once, sorted', () => {
    assert.deepEqual(badges.allStaff([badge({ staff: ['Zoe', 'Ann'] }), badge({ staff: ['Ann', 'Émile', 'Bob'] })]), ['Ann', 'Bob', 'Zoe', 'Émile']);
  });
});
