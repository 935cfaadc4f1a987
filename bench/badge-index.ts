// The index of current courses built from a Wiki Education-size source (dashboard-api.md section 10: a term
// of about 370 classes and 7,500 enrolment rows), against JSON.parse of the same body alone: CPU time of
// each step (parseCampaignUsers, buildBadgeIndex first without and then with every course's details, the
// rebuild when one more course's details arrive, one request's answer) and the heap each result keeps.
// Measured in a child process of its own (bench/gc-child.ts); the body is the fake Dashboard's own.

import { fileURLToPath } from 'node:url';
import { parseCampaignUsers } from '../src/dashboard/campaigns.js';
import type { BadgeSources, CampaignUsers, CourseFacts, Stamped } from '../src/domain/badge-sources.js';
import { buildBadgeIndex, updateBadgeIndex } from '../src/domain/badge-index.js';
import { badgesAnswer, parseBadgeNames } from '../src/domain/badges.js';
import { railsJson } from '../demo/fake-dashboard.js';
import { campaignUsersBody, NameDrawer, pageOfNames, WIKIEDU_TERM, wikieduTerm } from './badge-worlds.js';
import { inGcChild } from './gc-child.js';
import { median } from './stats.js';
import { int, mb, ratio, type Section } from './table.js';
import { random } from './worlds.js';

export interface BadgeIndexOptions {
  courses: number;
  rows: number;
  /** Timed rounds of every step (after WARM_UP_CALLS untimed calls each); the median is reported. */
  repetitions: number;
}

interface Step {
  label: string;
  /** CPU time of one run, ms (median). */
  cpuMs: number;
  /** Heap its result keeps, bytes (after a full GC), or null where nothing is kept. */
  heap: number | null;
}

interface Measured {
  bodyBytes: number;
  rows: number;
  courses: number;
  people: number;
  steps: Step[];
}

const WARM_UP_CALLS = 10;
// One answer takes about a hundredth of a build: timed in batches, above process.cpuUsage()'s resolution.
const ANSWER_CALLS = 20;
const MAX_ROWS = 100_000; // BADGE_SOURCE_MAX_ROWS's default
const courseUrl = (slug: string): string => `https://dashboard.wikiedu.org/courses/${slug}`;

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('bench/badge-index.ts runs with --expose-gc');
  collect();
  collect();
};

/**
 * CPU time (user + system) of one call of each function, ms: each called WARM_UP_CALLS times untimed, then
 * `repetitions` rounds calling each once in turn (so that a busy spell of the machine touches every one
 * alike), `times[k]` calls of function k timed together; the median round.
 */
function cpuMs<K extends string>(fns: Record<K, () => unknown>, repetitions: number, times: Partial<Record<K, number>> = {}): Record<K, number> {
  const entries = Object.entries(fns) as [K, () => unknown][];
  for (const [, fn] of entries) for (let i = 0; i < WARM_UP_CALLS; i++) fn();
  const rounds = new Map<K, number[]>(entries.map(([k]) => [k, []]));
  for (let round = 0; round < repetitions; round++) {
    for (const [k, fn] of entries) {
      const n = times[k] ?? 1;
      const before = process.cpuUsage();
      for (let i = 0; i < n; i++) fn();
      const used = process.cpuUsage(before);
      rounds.get(k)?.push((used.user + used.system) / 1000 / n);
    }
  }
  return Object.fromEntries(entries.map(([k]) => [k, median(rounds.get(k) ?? [])])) as Record<K, number>;
}

/** What `make()`'s result keeps on the heap, beyond what was there before (everything it shares included). */
function kept<T>(make: () => T): { value: T; bytes: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  gc();
  return { value, bytes: process.memoryUsage().heapUsed - before };
}

function measure(opts: BadgeIndexOptions): Measured {
  const now = Date.now();
  const names = new NameDrawer(11);
  const term = wikieduTerm(now, names, { courses: opts.courses, rows: opts.rows, seed: 12 });
  const wire = campaignUsersBody(term.world, WIKIEDU_TERM);
  const body = railsJson(wire);
  const details: Stamped<CourseFacts>[] = term.current.map((slug, i) => {
    const found = term.world.courseJson(slug, now);
    if (found.status !== 'found') throw new Error(`no course ${slug}`);
    const { title, start, end, timeline_start, timeline_end } = found.body.course;
    return { fetched_at: now + i, data: { slug, title, start, end, timeline_start: String(timeline_start), timeline_end: String(timeline_end) } };
  });
  const others = Array.from({ length: 5_000 }, () => names.next());
  const page = pageOfNames(random(13), term.holders, others, 50, 12).join('|');

  // The current term: every course of it is current (no active_courses.json limit on Wiki Education).
  const sourcesOf = (rows: CampaignUsers, d: readonly Stamped<CourseFacts>[]): BadgeSources => ({
    campaigns: [{ slug: WIKIEDU_TERM, limitToListed: false, users: { fetched_at: now, data: rows }, listed: undefined }],
    organic: [],
    details: d,
  });
  const rows = parseCampaignUsers(body, MAX_ROWS);
  const previous = buildBadgeIndex(sourcesOf(rows, details.slice(1)), now, courseUrl);
  const index = buildBadgeIndex(sourcesOf(rows, details), now, courseUrl);
  const asked = parseBadgeNames(page, 50);
  const view = [{ dashboard: 'wikiedu' as const, index, state: 'ok' as const, built_at: new Date(now).toISOString() }];
  const holders = Object.keys(badgesAnswer(asked, view, now).users).length;
  if (holders !== 12) throw new Error(`expected 12 of the 50 names with badges, got ${holders}`);

  // CPU first: the calls warm the code up, so that the heap figures after them hold data, not compiled code.
  const r = opts.repetitions;
  const cpu = cpuMs(
    {
      json: () => JSON.parse(body),
      rows: () => parseCampaignUsers(body, MAX_ROWS),
      bare: () => buildBadgeIndex(sourcesOf(rows, []), now, courseUrl),
      full: () => buildBadgeIndex(sourcesOf(rows, details), now, courseUrl),
      // What each background load of a course's details costs once it lands: the parts are reused.
      update: () => updateBadgeIndex(previous, sourcesOf(rows, details), now, courseUrl),
      both: () => buildBadgeIndex(sourcesOf(parseCampaignUsers(body, MAX_ROWS), details), now, courseUrl),
      answer: () => badgesAnswer(parseBadgeNames(page, 50), view, now),
    },
    opts.repetitions,
    { answer: ANSWER_CALLS },
  );
  const parsedJson = kept(() => JSON.parse(body) as unknown);
  const keptRows = kept(() => parseCampaignUsers(body, MAX_ROWS));
  const bare = kept(() => buildBadgeIndex(sourcesOf(keptRows.value, []), now, courseUrl));
  const full = kept(() => buildBadgeIndex(sourcesOf(keptRows.value, details), now, courseUrl));
  const steps: Step[] = [
    { label: 'JSON.parse of the body alone (baseline)', cpuMs: cpu.json, heap: parsedJson.bytes },
    { label: 'parseCampaignUsers: body -> rows by course (what is cached)', cpuMs: cpu.rows, heap: keptRows.bytes },
    { label: 'buildBadgeIndex from those rows, no course details yet', cpuMs: cpu.bare, heap: bare.bytes },
    { label: `buildBadgeIndex from those rows and ${int(details.length)} courses' details`, cpuMs: cpu.full, heap: full.bytes },
    { label: "  rebuilt when one more course's details arrive (parts reused)", cpuMs: cpu.update, heap: null },
    { label: 'body -> index (parseCampaignUsers + buildBadgeIndex with details)', cpuMs: cpu.both, heap: keptRows.bytes + full.bytes },
    { label: '  one answer: 50 names parsed and looked up (badgesAnswer)', cpuMs: cpu.answer, heap: null },
  ];
  // Every measured result held until here, so that each heap figure stays what it measured.
  if ([parsedJson.value, bare.value, full.value].some((v) => v === undefined)) throw new Error('unreachable');
  return { bodyBytes: Buffer.byteLength(body), rows: wire.users.length, courses: rows.courses.length, people: index.users, steps };
}

export function badgeIndexCost(opts: BadgeIndexOptions): { section: Section; data: unknown } {
  const m = inGcChild<Measured>(fileURLToPath(import.meta.url), [JSON.stringify(opts)]);
  const [base] = m.steps;
  const cpu = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
  return {
    section: {
      title: `badge index from a Wiki Education term (${int(m.rows)} rows, ${int(m.courses)} courses, ${int(m.people)} people)`,
      columns: ['CPU', 'CPU / JSON.parse', 'heap kept', 'heap / JSON.parse'],
      rows: m.steps.map((s) => [
        s.label,
        cpu(s.cpuMs),
        ratio(s.cpuMs / (base?.cpuMs ?? NaN)),
        s.heap === null ? '–' : mb(s.heap),
        s.heap === null ? '–' : ratio(s.heap / (base?.heap ?? NaN)),
      ]),
      notes: [
        `the campaign's users.json as the fake Dashboard sends it: ${int(m.bodyBytes)} bytes; one row per person per class (1-2 instructors, Wiki Education staff, students; 2 % of students in two classes)`,
        `CPU: process.cpuUsage() around one call (the answer: ${ANSWER_CALLS}), the median of ${opts.repetitions} rounds of every step in turn, after ${WARM_UP_CALLS} untimed calls each; heap kept: heapUsed after a full GC with the result held, minus before (--single-threaded-gc, a fresh process)`,
        "the index's heap is on top of the rows it was built from (it shares their slug and staff strings); body -> index counts both",
      ],
    },
    data: m,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const opts = JSON.parse(process.argv[2] ?? '') as BadgeIndexOptions;
  process.stdout.write(JSON.stringify(measure(opts)));
}
