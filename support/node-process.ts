// A Node.js child process that serves HTTP (the service from src/ or dist/, the benchmarks' ceiling
// server): started on a free loopback port with a minimal environment, ready once GET /healthz
// answers 200, stopped with SIGTERM (so a --cpu-prof profile gets written on the way out).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from './free-port.js';
import { rawGet } from './raw-http.js';

const REPO = new URL('../', import.meta.url);

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
  /** 'pipe' (default): kept for output(); 'inherit': written to ours. */
  stdio?: 'pipe' | 'inherit';
}

export interface NodeProcess {
  url: string;
  port: number;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal (e.g. SIGTERM to test a graceful shutdown). */
  kill(signal: NodeJS.Signals): void;
  /** Everything it wrote to stdout and stderr so far (with stdio 'pipe'). */
  output(): string;
  /** Resident set size in bytes (from /proc). */
  rss(): number;
  /** SIGTERM, then SIGKILL if it is still running after `graceMs`; resolves on exit. */
  stop(graceMs?: number): Promise<void>;
}

/** One GET on a fresh connection: the status, or the connection error's code (e.g. ECONNREFUSED). */
export function probe(url: string, path = '/healthz'): Promise<number | string> {
  return rawGet(url, path).then(
    (reply) => reply.status,
    (err: NodeJS.ErrnoException) => err.code ?? err.message,
  );
}

/** Starts `entry` (a path relative to the repository, or absolute; .ts through tsx) and waits until it is healthy. */
export async function startNodeProcess(entry: string, opts: NodeProcessOptions = {}): Promise<NodeProcess> {
  const port = await freePort();
  const nodeArgs = [
    ...(opts.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`]),
    ...([entry, ...(opts.nodeFlags ?? [])].some((f) => f.endsWith('.ts')) ? ['--import', 'tsx'] : []),
    ...(opts.nodeFlags ?? []),
    entry,
    ...(opts.args ?? []),
  ];
  const [command, ...argv] = [...(opts.launcher ?? []), process.execPath, ...nodeArgs] as [string, ...string[]];
  const child = spawn(command, argv, {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...opts.env, HOST: '127.0.0.1', PORT: String(port) },
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
    kill: (signal) => void child.kill(signal),
    output: () => output,
    rss: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) * 1024;
    },
    stop,
  };
}
