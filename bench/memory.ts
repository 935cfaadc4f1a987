// Memory: the service while it caches many distinct users (each gadget call also caches the user's
// courses and active rosters), with the default bounds and with a small entry bound. RSS counts
// garbage too, so the JavaScript heap after a forced GC (support/heap-probe.ts) is shown beside it.

import { World } from '../demo/world.js';
import { startFakeDashboard } from '../demo/fake-dashboard.js';
import { startService } from './service.js';
import { int, mb, ratio, type Section } from './table.js';
import { visitPages } from './visit.js';
import { addPopulation } from './worlds.js';

export interface MemoryOptions {
  users: number;
  enrolledShare: number;
  /** Memory is read this many times along the way. */
  samples: number;
  /** MEMORY_CACHE_MAX_ENTRIES of the bounded run. */
  boundedEntries: number;
}

export async function memoryUse(opts: MemoryOptions): Promise<{ section: Section; data: unknown }> {
  const now = Date.now();
  const world = new World(now);
  const { people, courses, activeCourses } = addPopulation(world, now, {
    size: opts.users,
    enrolledShare: opts.enrolledShare,
    seed: 2,
    prefix: 'Memory User',
  });
  const fake = await startFakeDashboard({ world });
  const configs: { label: string; env: Record<string, string> }[] = [
    { label: 'default bounds', env: {} },
    { label: `MEMORY_CACHE_MAX_ENTRIES=${opts.boundedEntries}`, env: { MEMORY_CACHE_MAX_ENTRIES: String(opts.boundedEntries) } },
  ];
  const rows: string[][] = [];
  const data: { config: string; users: number; rss: number; heapUsed: number }[] = [];
  try {
    for (const config of configs) {
      const service = await startService({ dashboardUrl: fake.url, env: config.env, heapProbe: true });
      try {
        let startRss = 0;
        let startHeap = 0;
        const sample = async (users: number): Promise<void> => {
          const heapUsed = await service.heapAfterGc();
          const rss = service.rss();
          if (users === 0) [startRss, startHeap] = [rss, heapUsed];
          data.push({ config: config.label, users, rss, heapUsed });
          const label = `${config.label}: ${users === 0 ? 'at start' : `after ${int(users)} users`}`;
          rows.push([label, mb(rss), ratio(rss / startRss), mb(heapUsed), mb(heapUsed - startHeap)]);
        };
        await sample(0);
        const step = Math.ceil(people.length / opts.samples);
        for (let done = 0; done < people.length; done += step) {
          await visitPages(service.url, people.slice(done, done + step), 8);
          await sample(Math.min(done + step, people.length));
        }
      } finally {
        await service.stop();
      }
    }
  } finally {
    await fake.close();
  }
  const enrolled = people.filter((p) => p.kind === 'enrolled').length;
  return {
    section: {
      title: `memory (${int(opts.users)} distinct users via /active-staff)`,
      columns: ['RSS', 'RSS / start', 'heap after GC', 'heap growth'],
      rows,
      notes: [
        `${int(enrolled)} of them enrolled (1-3 of ${int(courses)} courses, ${int(activeCourses)} active): unbounded, the cache ends with ${int(people.length + courses + activeCourses)} entries (users, courses, active rosters)`,
        'default bounds: 50,000 entries and CACHE_HEAP_SHARE of the old generation; RSS also holds garbage and heap V8 has not returned, so the bound shows in the heap column',
      ],
    },
    data,
  };
}
