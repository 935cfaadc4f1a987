import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COURSES, demoWorld, MANY_STAFF, PERSONAS } from '../../demo/demo-world.js';
import { ROLE_LABELS, type CourseBody, type RosterRowBody } from '../../demo/wire.js';
import { SNAPSHOT_AT, type World } from '../../demo/world.js';

const DAY = 86_400_000;

function course(world: World, slug: string, now = world.now): CourseBody {
  const l = world.courseJson(slug, now);
  assert.equal(l.status, 'found', slug);
  return l.status === 'found' ? l.body.course : assert.fail();
}

function roster(world: World, slug: string): RosterRowBody[] {
  const l = world.usersJson(slug);
  return l.status === 'found' ? l.body.course.users : assert.fail(`${slug}: ${l.status}`);
}

/** Both windows contain `now`: active however a client reads "active". */
function activeAt(c: CourseBody, now: number): boolean {
  const within = (a: unknown, b: unknown): boolean => Date.parse(String(a)) <= now && now <= Date.parse(String(b));
  return within(c.start, c.end) && within(c['timeline_start'], c['timeline_end']);
}

test('every Dashboard date moves by (now - snapshot) in whole seconds, keeping its form', () => {
  const now = Date.now() + 400 * DAY + 1234; // any instant; the 1234 ms are rounded away
  const delta = Math.round((now - Date.parse(SNAPSHOT_AT)) / 1000) * 1000;
  const world = demoWorld(now);
  const a = course(world, COURSES.active);
  const shifted = (iso: string): string => new Date(Date.parse(iso) + delta).toISOString();
  assert.equal(a.start, shifted('2026-09-02T04:00:00.000Z'));
  assert.equal(a.end, shifted('2026-12-19T04:59:00.000Z'));
  assert.equal(a['update_until'], shifted('2027-01-18T04:59:00.000Z'));
  assert.equal(a['created_at'], shifted('2026-08-14T15:22:07.000Z'));
  const lastUpdate = (a['updates'] as { last_update: { start_time: string } }).last_update;
  assert.equal(lastUpdate.start_time, shifted('2026-11-26T10:29:51.669Z').replace('Z', '+00:00'));
  const emilie = roster(world, COURSES.active).find((u) => u.username === PERSONAS.active);
  assert.equal(emilie?.['enrolled_at'], shifted('2026-08-14T15:22:08.000Z'));
  const uploads = world.userStats(PERSONAS.active)?.user_recent_uploads as { uploaded_at: string }[];
  assert.equal(uploads[0]?.uploaded_at, shifted('2026-10-03T15:41:09.000Z'));
  // What was active at the snapshot is active at `now`; what had ended has ended.
  assert.equal(activeAt(a, now), true);
  assert.equal(a['ended'], false);
  assert.equal(course(world, COURSES.past)['ended'], true);
  assert.equal(course(world, COURSES.recentlyEnded)['ended'], true);
  assert.ok(Date.parse(String(course(world, COURSES.future).start)) > now);
});

test('addCourse builds a full course.json and roster from the template', () => {
  const now = Date.now();
  const world = demoWorld(now);
  const start = new Date(now - 2 * DAY).toISOString();
  const end = new Date(now - DAY).toISOString();
  world.addCourse({
    slug: 'Test_School/Ended_Yesterday_(Now)',
    title: 'Ended Yesterday',
    school: 'Test School',
    term: 'Now',
    type: 'Editathon',
    start,
    end,
    roster: [
      { username: 'New Host', role: 1 },
      { username: 'New One', role: 0 },
      { username: 'New Two', role: 0 },
      { username: 'new one', role: 1 },
    ],
  });
  const c = course(world, 'test_school/ended_yesterday_(now)', now);
  assert.equal(c.slug, 'Test_School/Ended_Yesterday_(Now)');
  assert.equal(c.title, 'Ended Yesterday');
  assert.equal(c.term, 'Now');
  assert.equal(c['type'], 'Editathon');
  assert.equal(c['student_count'], 2);
  assert.equal(c['ended'], true);
  assert.equal(c['timeline_start'], start);
  assert.equal(c['timeline_end'], end);
  assert.equal(c['update_until'], new Date(Date.parse(end) + 30 * DAY).toISOString());
  assert.equal(c['enroll_url'], 'https://outreachdashboard.wmflabs.org/courses/Test_School/Ended_Yesterday_(Now)/enroll/');
  // The upstream shape is kept whole: same keys, same order, as a fixture course.
  assert.deepEqual(Object.keys(c), Object.keys(course(world, COURSES.active)));
  const rows = roster(world, c.slug);
  assert.deepEqual(
    rows.map((r) => [r.username, r.role]),
    [
      ['New Host', 1],
      ['New One', 0],
      ['New Two', 0],
      ['New One', 1], // the canonical name, one row per role
    ],
  );
  assert.deepEqual(Object.keys(rows[0] ?? {}), Object.keys(roster(world, COURSES.active)[0] ?? {}));
  assert.equal(rows[1]?.id, rows[3]?.id);
  assert.equal(rows[1]?.['contribution_url'], 'https://en.wikipedia.org/wiki/Special:Contributions/New_One');
  assert.throws(() => world.addCourse({ slug: 'TEST_SCHOOL/Ended_Yesterday_(Now)', title: 'x', school: 'y', start, end, roster: [] }));
});

test('user_stats are derived from the rosters: newest enrolment first, one row per role, private left out', () => {
  const now = Date.now();
  const world = demoWorld(now);
  const start = new Date(now - DAY).toISOString();
  const end = new Date(now + DAY).toISOString();
  world.addCourse({ slug: 'Open/Later', title: 'Later', school: 'Open', start, end, roster: [{ username: 'Joiner', role: 0 }] });
  world.addCourse({
    slug: 'Closed/Pilot',
    title: 'Pilot',
    school: 'Closed',
    start,
    end,
    private: true,
    roster: [{ username: 'Joiner', role: 1 }],
  });
  world.addCourse({
    slug: 'Open/Latest',
    title: 'Latest',
    school: 'Open',
    start,
    end,
    homeWiki: { id: 15, language: null, project: 'wikidata' },
    roster: [
      { username: 'Joiner', role: 3 },
      { username: 'Someone', role: 0 },
      { username: 'Else', role: 0 },
    ],
  });
  const stats = world.userStats('joiner');
  assert.deepEqual(
    stats?.courses_details.map((d) => [d.course_slug, d.user_role, d.user_count]),
    [
      ['Open/Latest', 'Online Volunteer', 2],
      ['Open/Later', 'Student', 1],
    ],
  );
  const ids = stats?.courses_details.map((d) => d.course_id) ?? [];
  assert.ok((ids[0] ?? 0) > (ids[1] ?? 0));
  // An enrolment id, not the course id.
  assert.notEqual(ids[0], course(world, 'Open/Latest').id);
  // as_instructor counts the private course (upstream filters only courses_details).
  assert.deepEqual(stats?.['as_instructor'], { course_string_prefix: 'courses_generic', courses_count: 1, user_count: 0, trained_percent: '0' });
  assert.equal((stats?.['as_student'] as { individual_courses_count: number }).individual_courses_count, 1);
  assert.equal(stats?.max_project, 'wikipedia'); // one wikidata, one wikipedia: the tie goes to wikipedia
  assert.deepEqual(Object.keys(stats ?? {}), ['user_recent_uploads', 'courses_details', 'as_instructor', 'by_students', 'as_student', 'max_project']);

  world.addUser('Lurker');
  assert.deepEqual(world.userStats('Lurker'), { user_recent_uploads: [], courses_details: [], max_project: null });
  assert.equal(world.userStats('Nobody At All'), undefined);
});

test('every enrolment row of every persona matches the course rosters', () => {
  const world = demoWorld();
  for (const name of Object.values(PERSONAS).filter((n) => n !== PERSONAS.unknown)) {
    const stats = world.userStats(name);
    assert.ok(stats, name);
    for (const d of stats.courses_details) {
      const rows = roster(world, d.course_slug);
      assert.equal(d.user_count, rows.filter((r) => r.role === 0).length, `${name} in ${d.course_slug}`);
      assert.ok(rows.some((r) => r.username === name && ROLE_LABELS[r.role as 0] === d.user_role), `${name} ${d.user_role}`);
    }
    const ids = stats.courses_details.map((d) => d.course_id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), name);
  }
  assert.equal(world.userStats(PERSONAS.unknown), undefined);
  const adaeze = world.userStats(PERSONAS.multiRole)?.courses_details.map((d) => d.user_role);
  assert.deepEqual(adaeze, ['Student', 'Instructor', 'Online Volunteer']);
  const lena = world.userStats(PERSONAS.twiceInOneCourse)?.courses_details.filter((d) => d.course_slug === COURSES.eventAhead);
  assert.deepEqual(lena?.map((d) => d.user_role), ['Student', 'Instructor']);
  assert.deepEqual(world.userStats(PERSONAS.privateOnly)?.courses_details, []);
});

test('the personas are placed where the tests need them, relative to now', () => {
  const now = Date.now();
  const world = demoWorld(now);
  const activeStudentIn = (name: string): CourseBody[] =>
    (world.userStats(name)?.courses_details ?? [])
      .filter((d) => d.user_role === 'Student')
      .map((d) => course(world, d.course_slug, now))
      .filter((c) => activeAt(c, now));
  for (const name of [PERSONAS.lowerFirst, PERSONAS.plusSigns, PERSONAS.percent, PERSONAS.threeSegmentStudent, PERSONAS.bigCourseStudent, PERSONAS.xssTarget]) {
    assert.ok(activeStudentIn(name).length > 0, `${name} is a student in an active course`);
  }
  // Émilie is a student in B, whose tracking window is open while its event weekend is still ahead.
  const b = course(world, COURSES.eventAhead, now);
  assert.ok(Date.parse(b.start) <= now && now <= Date.parse(b.end));
  assert.ok(Date.parse(String(b['timeline_start'])) > now);
  assert.ok(activeAt(course(world, COURSES.active, now), now));

  const past = world.userStats(PERSONAS.pastOnly)?.courses_details ?? [];
  assert.ok(past.length > 0);
  for (const d of past) {
    const c = course(world, d.course_slug, now);
    assert.ok(Date.parse(c.end) < now && Date.parse(String(c['timeline_end'])) < now, d.course_slug);
  }

  assert.equal(COURSES.threeSegments.split('/').length, 3);
  assert.ok(activeAt(course(world, COURSES.threeSegments, now), now));
  const many = roster(world, COURSES.manyStaff);
  assert.deepEqual(many.filter((r) => r.role === 1).map((r) => r.username), MANY_STAFF);
  assert.equal(MANY_STAFF.length, 60);
  assert.ok(many.some((r) => r.role === 0 && r.username === PERSONAS.bigCourseStudent));
  const xss = roster(world, COURSES.xss);
  assert.ok(xss.some((r) => r.role === 1 && r.username === PERSONAS.xssStaff));
  assert.match(PERSONAS.xssStaff, /<img[^>]+onerror=/);
  assert.equal(world.courseJson(COURSES.private, now).status, 'private');
});
