#!/usr/bin/env node
// `npm run build`: compile src/ into a clean dist/ and record a fingerprint of what it was built from.
// `npm start` first runs this with --if-stale, which compiles only when that fingerprint no longer
// matches (or dist/ is missing), so a current build starts at once. Plain JavaScript with no
// dependencies: it must run where dev dependencies were pruned (a fresh build then needs
// TypeScript, and says so).

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = process.cwd(); // npm runs scripts from the package root
const dist = join(root, 'dist');
const stampFile = join(dist, '.build-fingerprint');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** A hash of every input's path and content: sources and compiler settings. */
function fingerprint() {
  const hash = createHash('sha256');
  const inputs = [...files(join(root, 'src')), ...INPUTS.map((f) => join(root, f)).filter(existsSync)].sort();
  for (const file of inputs) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function isCurrent(print) {
  return existsSync(join(dist, 'server.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === print;
}

function tscPath() {
  try {
    return createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    console.error('dist/ is missing or out of date, and TypeScript is not installed: run `npm ci && npm run build`.');
    process.exit(1);
  }
}

const print = fingerprint();
if (process.argv.includes('--if-stale') && isCurrent(print)) {
  console.error('dist/ is up to date.');
} else {
  const tsc = tscPath();
  rmSync(dist, { recursive: true, force: true }); // no output left from sources that are gone
  console.error('Compiling src/ into dist/...');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, print);
}
