// A Node.js child process that serves HTTP (the service from src/ or dist/, the benchmarks' ceiling
// server): started on a free loopback port with a minimal environment, ready once GET /healthz
// answers 200, stopped with SIGTERM (so a --cpu-prof profile gets written on the way out).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { rawRequest } from './raw-http.js';

const REPO = new URL('../', import.meta.url);
const HEAP_PROBE = fileURLToPath(new URL('./heap-probe.ts', import.meta.url));

export interface NodeProcessOptions {
  /** Environment on top of PATH, HOST, PORT and LOG_LEVEL=warn: nothing else is inherited (no REDIS_*). */
  env?: Record<string, string>;
  args?: readonly string[];
  /** More node flags (after tsx is loaded for a .ts entry, before the entry: they may preload TypeScript). */
  nodeFlags?: readonly string[];
  /** Write a V8 CPU profile here on exit. */
  profileDir?: string;
  /** A command that runs node for us and execs it (so the pid stays node's), e.g. taskset. */
  launcher?: readonly string[];
  /** 'pipe' (default): kept for output(); 'inherit': written to ours; 'ignore': to /dev/null. */
  stdio?: 'pipe' | 'inherit' | 'ignore';
  /** Preload support/heap-probe.ts (with --expose-gc), for heapAfterGc(). */
  heapProbe?: boolean;
}

export interface NodeProcess {
  url: string;
  port: number;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether it is still running. */
  alive(): boolean;
  /** Sends a signal (e.g. SIGTERM to test a graceful shutdown). */
  kill(signal: NodeJS.Signals): void;
  /** Everything it wrote to stdout and stderr so far (with stdio 'pipe'). */
  output(): string;
  /** Resident set size in bytes (from /proc). */
  rss(): number;
  /** heapUsed after a forced full GC, in bytes (needs `heapProbe`; waits at most 5 s). */
  heapAfterGc(): Promise<number>;
  /** SIGTERM, then SIGKILL if it is still running after `graceMs`; resolves on exit. */
  stop(graceMs?: number): Promise<void>;
}

/** One GET on a fresh connection: the status, or the connection error's code (e.g. ECONNREFUSED). */
export function probe(url: string, path = '/healthz'): Promise<number | string> {
  return rawRequest(url, path).then(
    (reply) => reply.status,
    (err: NodeJS.ErrnoException) => err.code ?? err.message,
  );
}

/** Starts `entry` (a path relative to the repository, or absolute; .ts through tsx) and waits until it is healthy. */
export async function startNodeProcess(entry: string, opts: NodeProcessOptions = {}): Promise<NodeProcess> {
  const port = await freePort();
  const probeDir = opts.heapProbe === true ? mkdtempSync(join(tmpdir(), 'heap-probe-')) : undefined;
  const probeFile = probeDir === undefined ? undefined : join(probeDir, 'heap.json');
  const nodeFlags = [...(opts.nodeFlags ?? []), ...(probeFile === undefined ? [] : ['--expose-gc', '--import', HEAP_PROBE])];
  const nodeArgs = [
    ...(opts.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`]),
    ...([entry, ...nodeFlags].some((f) => f.endsWith('.ts')) ? ['--import', 'tsx'] : []),
    ...nodeFlags,
    entry,
    ...(opts.args ?? []),
  ];
  const [command, ...argv] = [...(opts.launcher ?? []), process.execPath, ...nodeArgs] as [string, ...string[]];
  const child = spawn(command, argv, {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      ...opts.env,
      ...(probeFile !== undefined && { HEAP_PROBE_FILE: probeFile }),
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', opts.stdio ?? 'pipe', opts.stdio ?? 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // Never leave a child behind, even when the caller crashes.
  const kill = (): void => void child.kill('SIGKILL');
  process.once('exit', kill);
  const url = `http://127.0.0.1:${port}`;

  const stop = async (graceMs = 25_000): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, graceMs);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', kill);
    if (probeDir !== undefined) rmSync(probeDir, { recursive: true, force: true });
  };

  let probes = 0;
  const heapAfterGc = async (): Promise<number> => {
    if (probeFile === undefined) throw new Error(`${entry} was not started with heapProbe`);
    const seq = ++probes;
    // SIGWINCH: ignored by default, and unlike SIGUSR1/2 not taken by the inspector or close-with-grace.
    child.kill('SIGWINCH');
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      if (!existsSync(probeFile)) continue;
      const usage = JSON.parse(readFileSync(probeFile, 'utf8')) as { seq: number; heapUsed: number };
      if (usage.seq === seq) return usage.heapUsed;
    }
    throw new Error('the heap probe did not answer within 5 s');
  };

  // tsx compiles on start-up: allow a generous while on a busy machine.
  const deadline = Date.now() + 30_000;
  let running = true;
  void exited.then(() => (running = false));
  while ((await probe(url)) !== 200) {
    if (!running || Date.now() > deadline) {
      await stop(0);
      throw new Error(`${entry} did not become healthy on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid ?? 0;
  return {
    url,
    port,
    pid,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: (signal) => void child.kill(signal),
    output: () => output,
    rss: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) * 1024;
    },
    heapAfterGc,
    stop,
  };
}
