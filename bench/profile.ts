// Where a service process spent its CPU: self time per function and per area (package, node core
// module, src/ file) from a V8 .cpuprofile, as written by `node --cpu-prof`.
// Also a command: npx tsx bench/profile.ts <file.cpuprofile | dir> [top]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds since the previous sample. */
  timeDeltas: number[];
}

export interface Share {
  name: string;
  selfMs: number;
  /** Of busy time (everything but idle). */
  percent: number;
}

export interface ProfileSummary {
  file: string;
  busyMs: number;
  idleMs: number;
  functions: Share[];
  areas: Share[];
}

const ROOT = process.cwd();

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) return path.slice(inModules + '/node_modules/'.length);
  return path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : path;
}

/** node core module, package name, or file of this repository. */
function areaOf(url: string): string {
  if (url.startsWith('node:')) return `node:${url.slice(5).replace(/^internal\//, '').split('/')[0]}`;
  const short = shortUrl(url);
  if (url.includes('/node_modules/')) {
    const parts = short.split('/');
    return (short.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
  }
  return short;
}

/** The largest .cpuprofile in a directory (the main thread; loader threads write small ones too). */
export function mainProfile(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

export function summariseProfile(file: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  // Native code (no url: hashing, socket writes, JSON) counts towards the JavaScript that called it.
  const areaCache = new Map<number, string>();
  const area = (id: number): string => {
    const cached = areaCache.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const { url, functionName } = node?.callFrame ?? { url: '', functionName: '' };
    const up = parent.get(id);
    let found: string;
    if (url !== '') found = areaOf(url);
    // fast-json-stringify compiles each response schema with new Function into anonymous<n>.
    else if (/^anonymous\d+$/.test(functionName)) found = 'fast-json-stringify (compiled serialisers)';
    else found = up !== undefined && byId.get(up)?.callFrame.functionName !== '(root)' ? area(up) : functionName;
    areaCache.set(id, found);
    return found;
  };

  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    totalUs += us;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    // tsx emits each module on one line, so a line number only helps outside this repository's sources.
    const where = frame.lineNumber > 0 ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : shortUrl(frame.url);
    const name = frame.url === '' ? `${frame.functionName} (native)` : `${frame.functionName || '(anonymous)'} ${where}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const a = area(id);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const ranked = (m: Map<string, number>): Share[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: us / 1000, percent: (100 * us) / busyUs }));
  return { file, busyMs: busyUs / 1000, idleMs: idleUs / 1000, functions: ranked(functions), areas: ranked(areas) };
}

export function renderProfile(s: ProfileSummary): string {
  const list = (title: string, shares: Share[]) => [
    title,
    ...shares.map((x) => `  ${x.percent.toFixed(1).padStart(5)}%  ${x.selfMs.toFixed(0).padStart(7)} ms  ${x.name}`),
  ];
  return [
    `${shortUrl(s.file)}: busy ${(s.busyMs / 1000).toFixed(1)} s, idle ${(s.idleMs / 1000).toFixed(1)} s`,
    ...list('self time by area (native code counted to its JavaScript caller)', s.areas),
    ...list('self time by function', s.functions),
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [target, top] = process.argv.slice(2);
  if (target === undefined) throw new Error('usage: bench/profile.ts <file.cpuprofile | dir> [top]');
  const file = statSync(target).isDirectory() ? mainProfile(target) : target;
  if (file === undefined) throw new Error(`no .cpuprofile in ${target}`);
  console.log(renderProfile(summariseProfile(file, Number(top ?? 20))));
}
