// The server's own limits on slow and idle clients, over raw sockets: a head that trickles in
// (slowloris), a body that never arrives and an idle keep-alive connection are all closed within
// their limits. Small limits via config keep the test quick; the defaults are the contract's.

import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { startService, type Service } from '../../support/service.js';

const HEADERS_MS = 400;
const REQUEST_MS = 800;
const KEEP_ALIVE_MS = 300;
/** Node keeps an idle socket one second past keepAliveTimeout, against a client reusing it as the limit passes. */
const NODE_KEEP_ALIVE_BUFFER_MS = 1_000;
/** Slack for a loaded machine: Node checks the deadlines on a timer, and the test process is busy too. */
const SLACK_MS = 700;

interface Closed {
  /** ms from the connection until the server closed it. */
  afterMs: number;
  /** Whatever the server wrote before closing. */
  received: string;
}

/** Connects, runs `talk` on the socket, and resolves when the server closes it (or fails after `giveUpMs`). */
function untilClosed(url: string, talk: (socket: Socket) => void, giveUpMs: number): Promise<Closed> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const started = Date.now();
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server still held the connection after ${giveUpMs} ms; it had sent: ${JSON.stringify(received)}`));
    }, giveUpMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => {}); // a reset is a close too
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ afterMs: Date.now() - started, received });
    });
    socket.on('connect', () => talk(socket));
  });
}

describe('server limits', () => {
  let svc: Service;
  before(async () => {
    svc = await startService({
      env: {
        SERVER_HEADERS_TIMEOUT: String(HEADERS_MS / 1000),
        SERVER_REQUEST_TIMEOUT: String(REQUEST_MS / 1000),
        SERVER_KEEP_ALIVE_TIMEOUT: String(KEEP_ALIVE_MS / 1000),
      },
    });
  });
  after(() => svc.close());

  it('closes a connection whose request head trickles in (slowloris) once the head deadline passes', async () => {
    let drip: NodeJS.Timeout | undefined;
    const closed = await untilClosed(
      svc.url,
      (socket) => {
        socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
        // One header byte every 50 ms: never idle, never finished.
        drip = setInterval(() => socket.writable && socket.write('X'), 50);
      },
      HEADERS_MS + SLACK_MS * 3,
    ).finally(() => clearInterval(drip));
    assert.ok(closed.afterMs >= HEADERS_MS - 50, `closed after ${closed.afterMs} ms, before the head deadline`);
    assert.ok(closed.afterMs <= HEADERS_MS + SLACK_MS, `closed after ${closed.afterMs} ms (head deadline ${HEADERS_MS} ms)`);
    assert.match(closed.received, /^HTTP\/1\.1 408 /, 'told why');
  });

  it('closes a connection that opens and sends nothing within the head deadline', async () => {
    const closed = await untilClosed(svc.url, () => {}, HEADERS_MS + SLACK_MS * 3);
    assert.ok(closed.afterMs <= HEADERS_MS + SLACK_MS, `closed after ${closed.afterMs} ms (head deadline ${HEADERS_MS} ms)`);
  });

  for (const method of ['GET', 'POST']) {
    it(`closes a connection whose ${method} request body never arrives once the request deadline passes`, async () => {
      const closed = await untilClosed(
        svc.url,
        (socket) => socket.write(`${method} /api/users/Someone HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`),
        REQUEST_MS + SLACK_MS * 3,
      );
      assert.ok(closed.afterMs <= REQUEST_MS + SLACK_MS, `closed after ${closed.afterMs} ms (request deadline ${REQUEST_MS} ms)`);
    });
  }

  it('closes an idle keep-alive connection after the keep-alive limit, not before', async () => {
    let answeredAt = 0;
    const closed = await untilClosed(
      svc.url,
      (socket) => {
        socket.on('data', () => (answeredAt ||= Date.now()));
        socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
      },
      KEEP_ALIVE_MS + NODE_KEEP_ALIVE_BUFFER_MS + SLACK_MS * 3,
    );
    assert.match(closed.received, /^HTTP\/1\.1 200 /);
    assert.match(closed.received, /keep-alive: timeout=0/i, 'the limit is announced (in whole seconds)');
    const idleMs = Date.now() - answeredAt;
    assert.ok(idleMs >= KEEP_ALIVE_MS - 50, `closed ${idleMs} ms after the answer, before the keep-alive limit`);
    const limit = KEEP_ALIVE_MS + NODE_KEEP_ALIVE_BUFFER_MS;
    assert.ok(idleMs <= limit + SLACK_MS, `closed ${idleMs} ms after the answer (limit ${KEEP_ALIVE_MS} ms + Node's ${NODE_KEEP_ALIVE_BUFFER_MS} ms)`);
  });
});

describe('server limits by default', () => {
  it("are the contract's: head within 10 s, whole request within 30 s, idle keep-alive closed within 75 s (72 s + Node's 1 s)", async () => {
    assert.deepEqual(loadConfig({}).http.limits, { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 72_000 });
    const svc = await startService();
    try {
      const server = svc.app.server;
      assert.equal(server.headersTimeout, 10_000);
      assert.equal(server.requestTimeout, 30_000);
      assert.equal(server.keepAliveTimeout, 72_000);
    } finally {
      await svc.close();
    }
  });
});
