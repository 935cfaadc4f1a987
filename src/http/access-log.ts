// The access log: a line per response with its request id, route pattern (never the raw URL: it
// holds usernames), status and milliseconds, at level info. The line is the one pino would write for
// `log.info({ reqId, route, status, ms }, 'request')`, the same fields in the same order to the same
// destination, but from a template: pino's general serialiser cost a warm answer about a twentieth
// of its CPU (BENCHMARKS.md), and these four fields never need it.

import pino, { type DestinationStream, type Logger } from 'pino';
import type { ResponseRecorder } from './remembered.js';

interface PinoInternals {
  /** The logger's bindings as written in every line: `,"pid":…,"hostname":…`. */
  [pino.symbols.chindingsSym]: string;
  [pino.symbols.streamSym]: DestinationStream;
}

export function accessLog(log: Logger): ResponseRecorder {
  const internals = log as unknown as PinoInternals;
  const bindings = internals[pino.symbols.chindingsSym];
  const stream = internals[pino.symbols.streamSym];
  const info = log.levels.values.info ?? 30;
  return (reqId, route, status, ms) => {
    if (log.levelVal > info) return;
    stream.write(
      `{"level":${info},"time":${Date.now()}${bindings},"reqId":${JSON.stringify(reqId)},"route":${JSON.stringify(route)},"status":${status},"ms":${Math.round(ms)},"msg":"request"}\n`,
    );
  };
}
