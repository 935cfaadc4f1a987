// A benchmark module run in a child process of its own (a fresh heap), with --expose-gc and
// --single-threaded-gc: with concurrent sweeping, heapUsed right after a GC still counts dead objects on
// pages not yet swept, and varies by ±10 % from run to run. The child prints its figures as JSON.

import { execFileSync } from 'node:child_process';

/** Runs `module` (a file: URL or path of a .ts module) with `args`; what it printed, parsed. */
export function inGcChild<T>(module: string, args: readonly string[]): T {
  const out = execFileSync(process.execPath, ['--expose-gc', '--single-threaded-gc', '--import', 'tsx', module, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as T;
}
