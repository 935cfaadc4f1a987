// How usernames and slugs are written into the Dashboard's URLs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { courseUrl, upstreamSlugPath, upstreamUsernameQuery } from '../../src/dashboard/paths.js';
import { parseSlug, slugFromText, slugText } from '../../src/domain/slugs.js';
import { isWellFormed } from '../../src/domain/text.js';

// The Dashboard's reading of the query value: Rack decodes it (+ is a space there), then CGI.unescape again.
function dashboardDecode(value: string): string {
  const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return formDecode(formDecode(value));
}

test('upstreamUsernameQuery survives the Dashboard decoding the value twice', () => {
  for (const name of ['Émilie Dupont', 'C++ Fan', '100% Wiki', 'A&B=C?D/E#F', 'Percent %25 literal', 'Plus+Space Name']) {
    const value = upstreamUsernameQuery(name);
    assert.match(value, /^[A-Za-z0-9%\-_.!~*'()]*$/, 'only URL-safe characters');
    assert.equal(dashboardDecode(value), name);
    assert.equal(decodeURIComponent(decodeURIComponent(value)), name);
  }
  assert.equal(upstreamUsernameQuery('C++ Fan'), 'C%252B%252B%2520Fan');
});

test('upstreamUsernameQuery round-trips arbitrary Unicode through two decodes', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (name) => {
      const value = upstreamUsernameQuery(name);
      assert.ok(!/[+&#=?/ ]/.test(value));
      assert.equal(dashboardDecode(value), name);
    }),
    { numRuns: 2000 },
  );
});

test('upstreamSlugPath encodes each segment so only separators are slashes', () => {
  assert.equal(
    upstreamSlugPath(['Université_de_Montréal', 'Histoire_des_sciences_(Automne_2026)']),
    'Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)',
  );
  assert.equal(upstreamSlugPath(["St._Mary's_College,_Lagos", 'Wikidata_101']), "St._Mary's_College%2C_Lagos/Wikidata_101");
  assert.equal(upstreamSlugPath(['What?', 'Why#', '100%', 'a b']), 'What%3F/Why%23/100%25/a%20b');
});

test('parseSlug(upstreamSlugPath(s)) gives back s for any valid slug', () => {
  const segment = fc
    .string({ unit: 'binary', minLength: 1, maxLength: 20 })
    .filter((s) => !s.includes('/') && s !== '.' && s !== '..' && !/[\u0000-\u001F\u007F-\u009F]/.test(s));
  fc.assert(
    fc.property(fc.array(segment, { minLength: 2, maxLength: 5 }), (segments) => {
      const path = upstreamSlugPath(segments);
      assert.equal(path.split('/').length, segments.length);
      assert.deepEqual(parseSlug(path), segments);
      assert.deepEqual(slugFromText(slugText(segments)), segments);
    }),
    { numRuns: 1000 },
  );
});

test('courseUrl writes a course page link as the Dashboard writes its own (enroll_url without /enroll/)', () => {
  const base = 'https://dashboard.wikiedu.org';
  assert.equal(
    courseUrl(base, 'Université_de_Montréal/Histoire_des_sciences_(Automne_2026)'),
    'https://dashboard.wikiedu.org/courses/Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)',
  );
  // The fixture's enroll_url of this course keeps `'` and `,`.
  assert.equal(courseUrl(base, "St._Mary's_College,_Lagos/Wikidata_101"), "https://dashboard.wikiedu.org/courses/St._Mary's_College,_Lagos/Wikidata_101");
  assert.equal(courseUrl(base, 'Wiki_Club/Berlin/Spring_Sprint_(2026)'), 'https://dashboard.wikiedu.org/courses/Wiki_Club/Berlin/Spring_Sprint_(2026)');
  assert.equal(courseUrl(base, 'What?/Why#/100%/a b/Ωmega'), 'https://dashboard.wikiedu.org/courses/What%3F/Why%23/100%25/a%20b/%CE%A9mega');
  // JSON may carry a lone surrogate; it cannot be UTF-8 encoded, so it is written as U+FFFD, never thrown over.
  assert.equal(courseUrl(base, 'A\uD800/B\uDC00c'), 'https://dashboard.wikiedu.org/courses/A%EF%BF%BD/B%EF%BF%BDc');
});

test('courseUrl never leaves its base URL and path prefix, and gives each segment back', () => {
  const base = 'https://outreachdashboard.wmflabs.org';
  // `.` and `..` segments are dot-segments to every URL parser, encoded or not; slugs never have them.
  const segment = fc
    .string({ unit: 'binary', minLength: 1, maxLength: 20 })
    .filter((s) => !s.includes('/') && s !== '.' && s !== '..' && isWellFormed(s));
  fc.assert(
    fc.property(fc.array(segment, { minLength: 2, maxLength: 5 }), (segments) => {
      const url = new URL(courseUrl(base, segments.join('/')));
      assert.equal(url.origin, base);
      assert.equal(url.search, '');
      assert.equal(url.hash, '');
      const parts = url.pathname.split('/').slice(2);
      assert.deepEqual(parts.map(decodeURIComponent), segments);
    }),
    { numRuns: 1000 },
  );
});
