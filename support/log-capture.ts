// The service's real log output (pino, as Fastify builds it) written into memory, for tests that read
// what an operator would read.

import { Writable } from 'node:stream';

export interface LogRecord {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface LogCapture {
  /** buildApp's logger: lines at this level, written to the capture. */
  logger: { level: string; stream: Writable };
  /** Every line written so far, as written. */
  text(): string;
  records(): LogRecord[];
}

export const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 } as const;

export function captureLogs(level = 'debug'): LogCapture {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  return {
    logger: { level, stream },
    text: () => written,
    records: () =>
      written
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as LogRecord),
  };
}
