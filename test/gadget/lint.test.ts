// Wikimedia's linters on the gadget, as `npm test` runs them: ESLint with eslint-config-wikimedia
// (source: Wikimedia style, ES5 syntax, ES2017 built-ins; built file: ES5 syntax), Stylelint with
// stylelint-config-wikimedia, banana-checker on gadget/i18n. Each also shows once that it catches
// what it is here for.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  output: string;
}

/** Runs a linter from node_modules/.bin in the repository; resolves with its exit code and output. */
function run(bin: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(join(ROOT, 'node_modules/.bin', bin), args, { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      resolve({ code, output: `${stdout}${stderr}` });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

describe('gadget lint', () => {
  it('ESLint passes the source and the built file, warnings included', async () => {
    const { code, output } = await run('eslint', ['--max-warnings', '0', 'gadget/']);
    assert.equal(code, 0, output);
  });

  for (const [what, file, snippet, rule] of [
    ['ES2015 syntax in the source', 'gadget/src/example.js', "'use strict';\nvar f = () => 1;\n", /Parsing error/],
    ['ES2015 syntax in the built file', 'gadget/dist/example.js', 'var f = `x`;\n', /Parsing error/],
    ['a post-ES2017 built-in in the source', 'gadget/src/example.js', "'use strict';\nmw.log( [ 1 ].flat() );\n", /es-x\/no-array-prototype-flat/],
  ] as const) {
    it(`ESLint rejects ${what}`, async () => {
      const { code, output } = await run('eslint', ['--stdin', '--stdin-filename', file], snippet);
      assert.notEqual(code, 0, output);
      assert.match(output, rule);
    });
  }

  it('Stylelint passes the source and the built CSS, and rejects a rule against the Wikimedia style', async () => {
    const ok = await run('stylelint', ['gadget/src/*.css', 'gadget/dist/*.css']);
    assert.equal(ok.code, 0, ok.output);
    const bad = await run('stylelint', ['--stdin-filename', 'gadget/src/example.css'], '.a { outline: none; }\n');
    assert.notEqual(bad.code, 0, bad.output);
    assert.match(bad.output, /declaration-property-value-disallowed-list/);
  });

  it('banana-checker passes gadget/i18n (every message documented in qqq.json)', async () => {
    const { code, output } = await run('banana-checker', ['gadget/i18n/']);
    assert.equal(code, 0, output);
  });

  it('banana-checker fails for a message without documentation', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'course-staff-i18n-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(join(ROOT, 'gadget/i18n'), dir, { recursive: true });
    const qqq = JSON.parse(await readFile(join(dir, 'qqq.json'), 'utf8')) as Record<string, string>;
    delete qqq['coursestaff-copy-tooltip'];
    await writeFile(join(dir, 'qqq.json'), JSON.stringify(qqq, null, '\t'));
    const { code, output } = await run('banana-checker', [dir]);
    assert.notEqual(code, 0, output);
    assert.match(output, /coursestaff-copy-tooltip/);
  });
});
