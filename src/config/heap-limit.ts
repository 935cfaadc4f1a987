// How much room V8 gives long-lived data in this process: the default memory budget of the caches
// is a share of it (config.ts).

import { getHeapStatistics } from 'node:v8';
import { MB } from './env-values.js';

/**
 * The largest V8 semi-space when none is set (MB): 16 before V8 13 (Node 20, 22), 64 from V8 13 (Node
 * 24), measured. An upper bound: V8 may pick less on a small machine, which only makes the old
 * generation look smaller than it is.
 */
const DEFAULT_MAX_SEMI_SPACE_MB = Number(process.versions.v8.split('.')[0]) >= 13 ? 64 : 16;

/** The last value of V8's --max-semi-space-size (or --max_semi_space_size) in node's options, in MB. */
function maxSemiSpaceMb(args: readonly string[]): number | undefined {
  let value: number | undefined;
  args.forEach((arg, i) => {
    const m = /^--max[-_]semi[-_]space[-_]size(?:=(\d+))?$/.exec(arg);
    if (m !== null) value = Number(m[1] ?? args[i + 1]);
  });
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/**
 * The limit of V8's old generation, where everything long-lived (the caches) ends up: V8's
 * heap_size_limit (--max-old-space-size, or what V8 chose) less the young generation, three
 * semi-spaces: 48 MB on Node 20 and 22 but 192 MB on Node 24, where heap_size_limit alone would
 * overstate the room by 144 MB.
 */
export function oldGenerationLimit(
  heapSizeLimit = getHeapStatistics().heap_size_limit,
  // The command line wins over NODE_OPTIONS.
  nodeArgs: readonly string[] = [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv],
): number {
  return heapSizeLimit - 3 * (maxSemiSpaceMb(nodeArgs) ?? DEFAULT_MAX_SEMI_SPACE_MB) * MB;
}

