// A private, throw-away redis-server for one test file: its own free port on 127.0.0.1, no
// persistence. Tests never touch a shared Redis (6379).

import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export interface TestRedis {
  port: number;
  url: string;
  /** SIGKILL: connections are refused until restart(). */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers (a hung server). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** A new empty server on the same port (kills the old one first if it still runs). */
  restart(): Promise<void>;
}

const INSTALL_HINT = 'redis-server is not on PATH; install it with `apt-get install -y redis-server`';

/** One PING over a raw socket: true when the server answers PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(200, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (buf) => done(buf.toString().startsWith('+PONG')));
  });
}

function launch(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(err);
    };
    child.once('error', (err: NodeJS.ErrnoException) => fail(err.code === 'ENOENT' ? new Error(INSTALL_HINT) : err));
    child.once('exit', (code, signal) => fail(new Error(`redis-server on port ${port} exited early (${code ?? signal})`)));
    const started = Date.now();
    const poll = async () => {
      while (!settled && Date.now() - started < 5_000) {
        if (await ping(port)) {
          settled = true;
          resolve(child);
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      fail(new Error(`redis-server on port ${port} did not answer PING within 5 s`));
    };
    void poll();
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGCONT'); // a paused server must be able to die
    child.kill('SIGKILL');
  });
}

export async function startRedis(): Promise<TestRedis> {
  let child: ChildProcess | undefined;
  let port = 0;
  // The free port can be taken between probing and binding by someone else: try a few.
  for (let attempt = 0; child === undefined; attempt++) {
    port = await freePort();
    try {
      child = await launch(port);
    } catch (err) {
      if (attempt >= 2 || (err instanceof Error && err.message === INSTALL_HINT)) throw err;
    }
  }
  let current: ChildProcess = child;
  // Never leave a server behind, even when a test crashes.
  const onExit = () => current.kill('SIGKILL');
  process.once('exit', onExit);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: async () => {
      await stop(current);
      process.removeListener('exit', onExit);
    },
    pause: () => current.kill('SIGSTOP'),
    resume: () => current.kill('SIGCONT'),
    restart: async () => {
      await stop(current);
      current = await launch(port);
      process.removeListener('exit', onExit);
      process.once('exit', onExit);
    },
  };
}

/**
 * A plain client for a test to look at its private server directly. It keeps reconnecting quickly
 * and ignores connection errors, since tests kill and restart the server.
 */
export function inspectorClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  client.on('error', () => {});
  return client;
}
