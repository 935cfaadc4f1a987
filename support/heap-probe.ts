// Preloaded into a service process started with `heapProbe: true` (support/node-process.ts; node
// --expose-gc --import support/heap-probe.ts): on SIGWINCH it collects garbage and writes
// process.memoryUsage() to $HEAP_PROBE_FILE, so what the process retains can be told apart from
// garbage, which RSS and an ordinary heapUsed also count.

import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.HEAP_PROBE_FILE;
const collect = (globalThis as { gc?: () => void }).gc;
if (file === undefined || collect === undefined) throw new Error('heap-probe needs --expose-gc and HEAP_PROBE_FILE');
let seq = 0;
process.on('SIGWINCH', () => {
  collect();
  // FinalizationRegistry callbacks run as tasks after a GC and release more (e.g. the timers of
  // expired AbortSignal.timeout deadlines): a second collection after them counts that too.
  setTimeout(() => {
    collect();
    // Written aside, then renamed: the reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify({ seq: ++seq, ...process.memoryUsage() }));
    renameSync(`${file}.tmp`, file);
  }, 20);
});
