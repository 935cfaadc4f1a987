// The logger (pino) and the access log: a line per response with its request id, route pattern
// (never the raw URL: it holds usernames), status and milliseconds, at level info.
//
// The access line is the one pino writes for `log.info({ reqId, route, status, ms }, 'request')`
// with the options below (a test holds the two equal), but written from a template: pino's general
// serialiser costs about half a microsecond more a response, 4 % of a warm answer's CPU, more than
// the benchmark's twin tells apart (BENCHMARKS.md). The template uses what the options give pino,
// not pino's insides: the time function, the base fields and the destination are ours.

import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { ResponseRecorder } from './responses.js';

/** pino's default timestamp (`,"time":<ms since the epoch>`), named so the template writes the same. */
const time = pino.stdTimeFunctions.epochTime;
/** pino's default base fields, named so the template writes the same. */
const base = { pid: process.pid, hostname: hostname() };

export interface Logging {
  logger: Logger;
  /** The access log; a no-op above level info. */
  access: ResponseRecorder;
}

/** Log lines at `level` into `destination`. */
export function createLogging(level: string, destination: DestinationStream): Logging {
  const logger = pino({ level, base, timestamp: time }, destination);
  const info = logger.levels.values.info ?? 30;
  const bindings = `,${JSON.stringify(base).slice(1, -1)}`;
  return {
    logger,
    access: (reqId, route, status, ms) => {
      if (logger.levelVal > info) return;
      destination.write(
        `{"level":${info}${time()}${bindings},"reqId":${JSON.stringify(reqId)},"route":${JSON.stringify(route)},"status":${status},"ms":${Math.round(ms)},"msg":"request"}\n`,
      );
    },
  };
}
