import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCourse, parseRoster, parseUserStats } from '../../src/dashboard/parse.js';
import { UpstreamError } from '../../src/dashboard/types.js';

const FIXTURES = fileURLToPath(new URL('../../demo/fixtures/', import.meta.url));

interface Route {
  path: string;
  status: number;
  file: string;
}

function fixture(file: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
}

const routes = (fixture('manifest.json') as { routes: Route[] }).routes.filter((r) => r.status === 200);
const courseRoutes = routes.filter((r) => /^\/courses\/.+\/course\.json$/.test(r.path));
const rosterRoutes = routes.filter((r) => /^\/courses\/.+\/users\.json$/.test(r.path));
const statsRoutes = routes.filter((r) => r.path === '/user_stats.json');

const COURSE_KEYS = [
  'id', 'title', 'description', 'school', 'slug', 'start', 'end', 'timeline_start', 'timeline_end',
  'published', 'private', 'ended', 'closed', 'type', 'term', 'student_count',
].sort();
const ENROLMENT_KEYS = ['course_id', 'course_title', 'course_school', 'course_term', 'user_count', 'user_role', 'course_slug'].sort();

function isPayloadError(e: unknown): boolean {
  return e instanceof UpstreamError && e.kind === 'payload';
}

test('the fixture set has the payloads these tests read', () => {
  assert.equal(courseRoutes.length, 8);
  assert.equal(rosterRoutes.length, 8);
  assert.equal(statsRoutes.length, 7);
});

test('parseCourse keeps exactly the served fields of every fixture course, unchanged', () => {
  for (const route of courseRoutes) {
    const raw = (fixture(route.file) as { course: Record<string, unknown> }).course;
    const c = parseCourse({ course: raw });
    assert.deepEqual(Object.keys(c).sort(), COURSE_KEYS, route.path);
    for (const k of COURSE_KEYS) assert.deepEqual(c[k as keyof typeof c], raw[k], `${route.path} ${k}`);
    assert.equal(`/courses/${c.slug}/course.json`, route.path);
  }
});

test('parseCourse on the Edit-a-thon keeps its two windows apart', () => {
  const c = parseCourse(fixture('courses/Wikimedia_Deutschland/Frauen_in_der_Wissenschaft_Edit-a-thon_(November_2026)/course.json'));
  assert.deepEqual(
    [c.id, c.type, c.start, c.end, c.timeline_start, c.timeline_end, c.student_count],
    [32107, 'Editathon', '2026-11-22T23:00:00.000Z', '2026-12-06T22:59:00.000Z', '2026-11-28T09:00:00.000Z', '2026-11-29T17:00:00.000Z', 12],
  );
});

test('parseRoster keeps every fixture row as {username, role}', () => {
  for (const route of rosterRoutes) {
    const raw = (fixture(route.file) as { course: { users: { username: string; role: number }[] } }).course.users;
    const { users } = parseRoster(fixture(route.file));
    assert.deepEqual(users, raw.map((u) => ({ username: u.username, role: u.role })), route.path);
  }
});

test('parseRoster keeps the repeated rows of a person with two roles (merging is the domain’s job)', () => {
  const { users } = parseRoster(fixture('courses/Wikimedia_Deutschland/Frauen_in_der_Wissenschaft_Edit-a-thon_(November_2026)/users.json'));
  assert.deepEqual(users.filter((u) => u.username === 'Lena Vogel').map((u) => u.role).sort(), [0, 1]);
  assert.equal(users.length, 14);
});

test('parseUserStats keeps every fixture enrolment row with only the served fields', () => {
  for (const route of statsRoutes) {
    const raw = fixture(route.file) as { courses_details: Record<string, unknown>[]; max_project: string | null };
    const stats = parseUserStats(raw);
    assert.deepEqual(Object.keys(stats).sort(), ['courses', 'max_project'], route.file);
    assert.equal(stats.max_project, raw.max_project);
    assert.equal(stats.courses.length, raw.courses_details.length, route.file);
    stats.courses.forEach((row, i) => {
      assert.deepEqual(Object.keys(row).sort(), ENROLMENT_KEYS);
      for (const k of ENROLMENT_KEYS) assert.deepEqual(row[k as keyof typeof row], raw.courses_details[i]?.[k]);
    });
  }
});

test('parseUserStats on fixtures: unicode slugs, a course listed twice, a user without courses', () => {
  const emilie = parseUserStats(fixture('user_stats/Émilie_Dupont.json'));
  assert.equal(emilie.courses[1]?.course_slug, 'Université_de_Montréal/Histoire_des_sciences_(Automne_2026)');
  assert.equal(emilie.max_project, 'wikipedia');
  const lena = parseUserStats(fixture('user_stats/Lena_Vogel.json'));
  assert.deepEqual(
    lena.courses.map((c) => c.user_role),
    ['Student', 'Instructor', 'Instructor'],
  );
  assert.deepEqual(parseUserStats(fixture('user_stats/Quiet_Reader.json')), { courses: [], max_project: null });
});

test('the Dashboard’s error bodies are payload errors, not empty answers', () => {
  assert.throws(() => parseUserStats(fixture('_errors/user_not_found.json')), isPayloadError);
  assert.throws(() => parseCourse(fixture('_errors/course_not_found_example.json')), isPayloadError);
  assert.throws(() => parseRoster(fixture('_errors/private_course.json')), isPayloadError);
  assert.throws(() => parseCourse(fixture('_errors/internal_server_error.json')), isPayloadError);
});

const GARBAGE: unknown[] = [
  '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>',
  '{"course": {"id": 1, "slu',
  '',
  null,
  undefined,
  0,
  true,
  [],
  [{ course: { id: 1, slug: 'a/b', users: [] } }],
  {},
];

test('parseUserStats refuses bodies of the wrong shape', () => {
  for (const body of [...GARBAGE, { courses_details: null }, { courses_details: {} }, { courses_details: 'x' }]) {
    assert.throws(() => parseUserStats(body), isPayloadError, JSON.stringify(body));
  }
});

test('parseCourse refuses bodies of the wrong shape or without a slug and numeric id', () => {
  const bodies = [
    ...GARBAGE,
    { course: null },
    { course: [] },
    { course: 'x' },
    { course: { id: 1 } },
    { course: { id: 1, slug: null } },
    { course: { id: 1, slug: '' } },
    { course: { id: 1, slug: 42 } },
    { course: { slug: 'a/b' } },
    { course: { id: null, slug: 'a/b' } },
    { course: { id: 'abc', slug: 'a/b' } },
    { course: { id: 1.5, slug: 'a/b' } },
    { course: { id: 1e300, slug: 'a/b' } },
  ];
  for (const body of bodies) assert.throws(() => parseCourse(body), isPayloadError, JSON.stringify(body));
});

test('parseRoster refuses bodies of the wrong shape', () => {
  for (const body of [...GARBAGE, { course: {} }, { course: { users: null } }, { course: { users: {} } }, { users: [] }]) {
    assert.throws(() => parseRoster(body), isPayloadError, JSON.stringify(body));
  }
});

test('payload error messages say what was wrong', () => {
  assert.throws(() => parseUserStats('<html>'), /user_stats: expected an object, got string/);
  assert.throws(() => parseCourse({ course: [] }), /course\.json: expected a "course" object, got an array/);
  assert.throws(() => parseRoster({ course: { users: null } }), /users\.json: expected a "users" array, got null/);
});

test('parseCourse gives safe defaults for null, missing and mistyped fields', () => {
  const nulls = {
    id: 7, slug: 'a/b', title: null, description: null, school: null, start: null, end: null, timeline_start: null,
    timeline_end: null, published: null, private: null, ended: null, closed: null, type: null, term: null, student_count: null,
  };
  assert.deepEqual(parseCourse({ course: nulls }), {
    id: 7, title: '', description: null, school: '', slug: 'a/b', start: null, end: null, timeline_start: null,
    timeline_end: null, published: false, private: false, ended: false, closed: false, type: '', term: '', student_count: 0,
  });
  assert.deepEqual(parseCourse({ course: { id: 7, slug: 'a/b' } }), parseCourse({ course: nulls }));
  const wrong = parseCourse({
    course: {
      id: '31842', slug: 'a/b', title: 2026, description: { html: 'x' }, school: ['S'], published: 'true', private: 1,
      ended: 'yes', type: false, term: [], student_count: '24',
    },
  });
  assert.deepEqual(
    [wrong.id, wrong.title, wrong.description, wrong.school, wrong.type, wrong.term, wrong.student_count],
    [31842, '2026', null, '', '', '', 24],
  );
  assert.deepEqual([wrong.published, wrong.private, wrong.ended], [false, false, false]);
});

test('parseCourse treats huge, fractional and non-finite counts as unknown (0)', () => {
  for (const student_count of [1e400, 2 ** 53, -1.5, '1e3', '12abc', NaN, Infinity, '99999999999999999999']) {
    assert.equal(parseCourse({ course: { id: 1, slug: 'a/b', student_count } }).student_count, 0, String(student_count));
  }
});

test('parseCourse reads closed, falling back to the "closed?" key', () => {
  const closed = (course: Record<string, unknown>) => parseCourse({ course: { id: 1, slug: 'a/b', ...course } }).closed;
  assert.equal(closed({ closed: true, 'closed?': false }), true);
  assert.equal(closed({ closed: false, 'closed?': true }), false);
  assert.equal(closed({ 'closed?': true }), true);
  assert.equal(closed({ closed: null, 'closed?': true }), true);
  assert.equal(closed({}), false);
});

const DATE_FIELDS = ['start', 'end', 'timeline_start', 'timeline_end'] as const;
const withDate = (field: string, value: unknown) => ({ course: { id: 1, slug: 'a/b', [field]: value } });

test('parseCourse normalises dates to the Dashboard’s own form', () => {
  const cases: [string, string][] = [
    ['2026-11-26T12:00:00.000Z', '2026-11-26T12:00:00.000Z'],
    ['2026-11-26T12:00:00Z', '2026-11-26T12:00:00.000Z'],
    ['2026-11-26T13:00:00.482+01:00', '2026-11-26T12:00:00.482Z'],
    ['2026-11-26T12:00:00-0530', '2026-11-26T17:30:00.000Z'],
    ['2026-11-26T01:00:00+05', '2026-11-25T20:00:00.000Z'],
    ['2026-11-26 12:00', '2026-11-26T12:00:00.000Z'], // no offset: the Dashboard's time zone, UTC
    ['2026-11-26', '2026-11-26T00:00:00.000Z'],
    ['  2026-11-26T12:00:00.000Z ', '2026-11-26T12:00:00.000Z'],
    ['2028-02-29T23:59:59Z', '2028-02-29T23:59:59.000Z'], // a leap year
    ['2000-02-29', '2000-02-29T00:00:00.000Z'], // divisible by 400: leap
    ['2026-12-31T23:59:59.999Z', '2026-12-31T23:59:59.999Z'],
  ];
  for (const field of DATE_FIELDS) {
    for (const [value, expected] of cases) assert.equal(parseCourse(withDate(field, value))[field], expected, `${field} ${value}`);
  }
});

test('parseCourse: a missing or null date is null', () => {
  for (const field of DATE_FIELDS) {
    assert.equal(parseCourse(withDate(field, null))[field], null);
    assert.equal(parseCourse({ course: { id: 1, slug: 'a/b' } })[field], null);
  }
});

test('parseCourse: a date that is not on the calendar or not ISO 8601 makes the payload bad (nothing is cached)', () => {
  const bad: unknown[] = [
    '2026-02-30', // Date would serve it as March 2nd
    '2026-02-29T00:00:00Z', // 2026 is not a leap year
    '1900-02-29', // divisible by 100 but not by 400
    '2026-04-31T00:00:00.000Z',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-26T24:00:00Z',
    '2026-11-26T12:60:00Z',
    '2026-11-26T12:00:60Z', // no leap seconds
    '2026-11-26T12:00:00+24:00',
    '2026-11-26T12:00:00+05:60',
    '2026-02-30T25:00:00Z',
    '26/11/2026',
    'Thursday',
    'soon',
    '1', // Date would read this as a year in local time
    '',
    '   ',
    '2026-11-26T12:00:00.000Z trailing',
    1764158400000,
    20261126,
    true,
    {},
    [],
  ];
  for (const field of DATE_FIELDS) {
    for (const value of bad) {
      assert.throws(() => parseCourse(withDate(field, value)), (e: unknown) => {
        assert.ok(isPayloadError(e), `${field} ${JSON.stringify(value)}: ${String(e)}`);
        assert.match((e as Error).message, new RegExp(`course\\.json: ${field}: expected a real date`));
        return true;
      });
    }
  }
});

test('parseCourse: the payload error quotes a bad date, cut short', () => {
  assert.throws(() => parseCourse(withDate('end', '2026-02-30')), /end: expected a real date in ISO 8601 form, got "2026-02-30"$/);
  assert.throws(() => parseCourse(withDate('start', 'x'.repeat(5000))), (e: unknown) => (e as Error).message.length < 200);
  assert.throws(() => parseCourse(withDate('start', 42)), /got number$/);
});

test('parseUserStats drops unusable rows and fills defaults in the rest', () => {
  const stats = parseUserStats({
    courses_details: [
      null,
      'Wikimedia_UK/x',
      [],
      { course_title: 'no slug' },
      { course_slug: '' },
      { course_slug: '   ' },
      { course_slug: 42 },
      { course_slug: 'A/b', course_id: null, course_title: null, course_school: null, course_term: null, user_count: null, user_role: null },
      { course_slug: 'C/d', course_id: '2100478', course_title: 'T', user_count: 2 ** 60, user_role: 'Student', extra: { big: 'x'.repeat(1000) } },
    ],
    max_project: 42,
    user_recent_uploads: [{ id: 1 }],
    as_instructor: {},
  });
  assert.deepEqual(stats, {
    courses: [
      { course_id: 0, course_title: '', course_school: '', course_term: '', user_count: 0, user_role: '', course_slug: 'A/b' },
      { course_id: 2100478, course_title: 'T', course_school: '', course_term: '', user_count: 0, user_role: 'Student', course_slug: 'C/d' },
    ],
    max_project: null,
  });
});

test('parseUserStats: max_project missing or empty is null', () => {
  assert.equal(parseUserStats({ courses_details: [] }).max_project, null);
  assert.equal(parseUserStats({ courses_details: [], max_project: '' }).max_project, null);
  assert.equal(parseUserStats({ courses_details: [], max_project: 'wikidata' }).max_project, 'wikidata');
});

test('parseRoster drops rows without a username and treats odd roles as participants', () => {
  const { users } = parseRoster({
    course: {
      users: [
        null,
        7,
        { role: 1 },
        { username: '', role: 1 },
        { username: null, role: 1 },
        { username: 'A', role: '1' },
        { username: 'B', role: null },
        { username: 'C', role: -1 },
        { username: 'D', role: 1e400 },
        { username: 'E', role: 'Facilitator' },
        { username: 'F', role: 4, email: 'x@example.org', real_name: 'X' },
      ],
    },
  });
  assert.deepEqual(users, [
    { username: 'A', role: 1 },
    { username: 'B', role: 0 },
    { username: 'C', role: 0 },
    { username: 'D', role: 0 },
    { username: 'E', role: 0 },
    { username: 'F', role: 4 },
  ]);
});

test('parsing a large roster stays linear and keeps every row', () => {
  const users = Array.from({ length: 50_000 }, (_, i) => ({ username: `U${i}`, role: i % 7 === 0 ? 1 : 0, id: i }));
  const parsed = parseRoster({ course: { users } });
  assert.equal(parsed.users.length, 50_000);
  assert.deepEqual(parsed.users[49_999], { username: 'U49999', role: 0 });
});
