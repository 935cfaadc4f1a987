// scripts/build.mjs: `npm run build` always compiles; `npm start` (--if-stale) only when dist/ is
// missing or older than its sources, and then needs no TypeScript. Tried on a small project of its own.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(REPO, 'scripts', 'build.mjs');

function project(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', type: 'module' }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', target: 'ES2022', strict: true, types: [] } }));
  writeFileSync(
    join(dir, 'tsconfig.build.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
  );
  writeFileSync(join(dir, 'src', 'server.ts'), 'export const answer: number = 1;\n');
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function build(dir: string, ...args: string[]): { status: number | null; said: string } {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, said: run.stderr + run.stdout };
}

describe('scripts/build.mjs', () => {
  it('with --if-stale compiles a missing or stale dist/ and leaves a current one alone', (t) => {
    const dir = project(t);
    const server = join(dir, 'dist', 'server.js');
    assert.match(build(dir, '--if-stale').said, /Compiling/);
    assert.match(readFileSync(server, 'utf8'), /answer = 1/);
    const builtAt = statSync(server).mtimeMs;
    assert.match(build(dir, '--if-stale').said, /up to date/);
    assert.equal(statSync(server).mtimeMs, builtAt, 'not compiled again');

    writeFileSync(join(dir, 'src', 'server.ts'), 'export const answer: number = 2;\n');
    build(dir, '--if-stale');
    assert.match(readFileSync(server, 'utf8'), /answer = 2/, 'a changed source makes it stale');

    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', target: 'ES2017', strict: true, types: [] } }));
    assert.match(build(dir, '--if-stale').said, /Compiling/, 'so do changed compiler settings');
    unlinkSync(server);
    assert.match(build(dir, '--if-stale').said, /Compiling/, 'and a missing server.js');
  });

  it('without --if-stale always compiles, into a clean dist/', (t) => {
    const dir = project(t);
    writeFileSync(join(dir, 'src', 'old.ts'), 'export const old = 1;\n');
    build(dir);
    assert.ok(existsSync(join(dir, 'dist', 'old.js')));
    unlinkSync(join(dir, 'src', 'old.ts'));
    assert.match(build(dir).said, /Compiling/);
    assert.ok(!existsSync(join(dir, 'dist', 'old.js')), 'no output of a removed source is left');
  });

  it('after the dev dependencies are pruned: a current build starts, a stale one says what to run', (t) => {
    const dir = project(t);
    build(dir);
    unlinkSync(join(dir, 'node_modules')); // `npm prune --omit=dev` takes TypeScript away
    assert.deepEqual(build(dir, '--if-stale').status, 0);
    writeFileSync(join(dir, 'src', 'server.ts'), 'export const answer: number = 3;\n');
    const stale = build(dir, '--if-stale');
    assert.equal(stale.status, 1);
    assert.match(stale.said, /TypeScript is not installed: run `npm ci && npm run build`/);
  });
});
