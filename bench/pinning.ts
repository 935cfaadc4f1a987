// The server under test gets core 0, the load generator (this process) core 1, so that neither
// steals the other's time; unpinned on a single core or without taskset.

import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const CORES = availableParallelism() >= 2 ? { server: '0', load: '1' } : null;

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PINNING = CORES !== null && hasTaskset();

/** Pins every thread of this process to the load core; says why when it cannot. */
export function pinSelf(): string {
  if (CORES === null) return 'unpinned (one core)';
  if (!PINNING) return 'unpinned (no taskset)';
  execFileSync('taskset', ['-a', '-p', '-c', CORES.load, String(process.pid)], { stdio: 'ignore' });
  return `server on core ${CORES.server}, load generator on core ${CORES.load}`;
}

/** The launcher that puts a server process on the server core (taskset execs node, so the pid is node's). */
export const SERVER_CORE: readonly string[] = PINNING && CORES ? ['taskset', '-c', CORES.server] : [];
