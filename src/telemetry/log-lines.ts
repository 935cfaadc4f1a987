// Log lines leave the process once per event-loop turn, not once each. At the default level every
// response writes an access-log line, and a busy service answers dozens of requests in one turn: a
// write to stdout per line cost a warm answer about a sixth of its CPU, and sonic-boom's asynchronous
// mode, which gathers lines while a write is out, costs more still: 2.5 µs a line against 0.7 µs here,
// the line included (BENCHMARKS.md). Lines keep their order, and a turn's lines are written before
// the next turn's I/O, so none waits for a timer or a full buffer; whatever is pending when the
// process exits is written on the way out.

/** What the lines are finally written to (pino.destination: sonic-boom, which retries EAGAIN). */
export interface LineSink {
  write(text: string): unknown;
}

export interface BatchedLines {
  /** pino's destination interface: one serialised line, newline included. */
  write(line: string): boolean;
  /** Writes what is pending, and every later line at once (the process is exiting: no turn is left). */
  end(): void;
}

export function batchedLines(sink: LineSink): BatchedLines {
  let pending = '';
  let ended = false;
  const flush = (): void => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    sink.write(text);
  };
  return {
    write(line) {
      if (ended) sink.write(line);
      else {
        if (pending === '') setImmediate(flush);
        pending += line;
      }
      return true;
    },
    end() {
      ended = true;
      flush();
    },
  };
}
