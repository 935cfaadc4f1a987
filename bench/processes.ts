// Child processes under test (the service, the ceiling server): each pinned to the server core,
// started on a port checked free, ready once /healthz answers, stopped with SIGTERM so that a
// --cpu-prof profile gets written on the way out.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { freePort } from '../test/support/free-port.js';

/** The server gets core 0, the load generator (this process) core 1; null on a single core. */
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

export interface Child {
  url: string;
  pid: number;
  /** Resident set size in bytes (from /proc). */
  rss(): number;
  /** SIGTERM, then SIGKILL if it is still there after 15 s. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  env: Record<string, string>;
  /** Write a V8 CPU profile here on exit. */
  profileDir?: string;
  /** More node flags (after tsx is loaded, before the entry). */
  nodeFlags?: readonly string[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs a TypeScript entry (through tsx) on the server core and waits for GET /healthz. */
export async function spawnNode(entry: string, args: readonly string[], opts: SpawnOptions): Promise<Child> {
  const port = await freePort();
  const nodeArgs = [
    ...(opts.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`]),
    '--import',
    'tsx',
    ...(opts.nodeFlags ?? []), // after tsx: they may preload TypeScript
    entry,
    ...args,
  ];
  const [command, argv] = PINNING && CORES ? ['taskset', ['-c', CORES.server, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  // taskset execs node, so the pid is node's (needed for /proc RSS).
  const child: ChildProcess = spawn(command, argv, {
    env: { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      kill();
      throw new Error(`${entry} did not answer /healthz within 20 s`);
    }
    await sleep(50);
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    rss: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) * 1024;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(kill, 15_000);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener('exit', kill);
    },
  };
}
