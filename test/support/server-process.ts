// The real server process (src/server.ts through tsx, or a built dist/server.js) on a free loopback
// port: for what only a separate process shows (signals, exit codes, its own memory).

import { spawn, type ChildProcess } from 'node:child_process';
import { rawGet } from './raw-http.js';
import { freePort } from './free-port.js';

const REPO = new URL('../../', import.meta.url);

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
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

/**
 * Starts the server with `env` on top of a minimal environment (no inherited REDIS_* or PORT) and
 * waits until /healthz answers. `entry`: 'src' (default, through tsx) or a path to a built server.js.
 */
export async function startServerProcess(env: Record<string, string>, entry = 'src'): Promise<ServerProcess> {
  const port = await freePort();
  const args = entry === 'src' ? ['--import', 'tsx', 'src/server.ts'] : [entry];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;

  const stop = async (graceMs = 25_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  // tsx compiles on start-up: allow a generous while on a busy machine.
  const deadline = Date.now() + 30_000;
  let running = true;
  void exited.then(() => (running = false));
  while ((await probe(url)) !== 200) {
    if (!running || Date.now() > deadline) {
      await stop(0);
      throw new Error(`the server did not become healthy on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, child, exited, output: () => output, stop };
}
