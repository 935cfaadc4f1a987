// Preloaded into the service for the memory benchmark (node --expose-gc --import bench/heap-probe.ts):
// on SIGWINCH it collects garbage and writes process.memoryUsage() to $HEAP_PROBE_FILE, so what the
// cache retains can be told apart from garbage that RSS also counts.

import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.HEAP_PROBE_FILE;
const collect = (globalThis as { gc?: () => void }).gc;
if (file === undefined || collect === undefined) throw new Error('heap-probe needs --expose-gc and HEAP_PROBE_FILE');
let seq = 0;
process.on('SIGWINCH', () => {
  collect();
  // Written aside, then renamed: the reader never sees half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify({ seq: ++seq, ...process.memoryUsage() }));
  renameSync(`${file}.tmp`, file);
});
