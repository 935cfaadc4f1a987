// The layout's rules, checked on the sources: domain/ is pure vocabulary and rules (it imports
// nothing outside itself), and no two parts of src/ depend on each other in a circle.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of a file, as paths relative to src/ (`.js` written for `.ts`). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s.replace(/\.js$/, '.ts'))));
}

/** A part of src/: its folder, or the file itself for files at the top (server.ts, app.ts). */
function part(path: string): string {
  return path.includes('/') ? (path.split('/')[0] ?? path) : path;
}

const files = sources(SRC).map((f) => ({ path: relative(SRC, f), imports: localImports(f) }));

describe('layout of src/', () => {
  it('finds the sources and their imports', () => {
    assert.ok(files.length > 20);
    assert.ok(files.some((f) => f.imports.includes('config/config.ts')));
  });

  it('domain/ imports nothing outside domain/', () => {
    const outside = files
      .filter((f) => f.path.startsWith('domain/'))
      .flatMap((f) => f.imports.filter((i) => !i.startsWith('domain/')).map((i) => `${f.path} -> ${i}`));
    assert.deepEqual(outside, []);
  });

  it('has no import cycle between its parts', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of files) {
      for (const i of f.imports) {
        const [from, to] = [part(f.path), part(i)];
        if (from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]): void => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    assert.deepEqual(cycles, []);
  });
});
