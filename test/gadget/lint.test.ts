// Wikimedia's linters on the gadget, as `npm test` runs them: ESLint with eslint-config-wikimedia
// (source: Wikimedia style, ES5 syntax, ES2017 built-ins; built file: ES5 syntax), Stylelint with
// stylelint-config-wikimedia plus logical properties only (gadget/.stylelintrc.json), banana-checker on
// gadget/i18n. Each also shows once that it catches what it is here for.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * banana-checker as GADGET.md runs it: besides its defaults (every message documented in qqq.json,
 * no documentation of a message that does not exist), no translation of a message that does not
 * exist, every parameter used, the gadget's prefix. A message missing in a translation is no error:
 * it falls back along the reader's chain (MediaWiki's way, and translatewiki.net's).
 */
const BANANA = ['--disallowUnusedTranslations=error', '--requireCompletelyUsedParameters=error', '--requireKeyPrefix=coursestaff-'];

interface Run {
  code: number;
  output: string;
}

/** Runs a linter from node_modules/.bin in the repository; resolves with its exit code and output. */
function run(bin: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(join(ROOT, 'node_modules/.bin', bin), args, { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      // Without colour codes, which a CI terminal (FORCE_COLOR) may ask for: the rules are matched as text.
      resolve({ code, output: stripVTControlCharacters(`${stdout}${stderr}`) });
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
    const bad = await run('stylelint', ['--stdin-filename', 'gadget/src/example.css'], '.a {\n\toutline: none;\n}\n');
    assert.notEqual(bad.code, 0, bad.output);
    assert.match(bad.output, /declaration-property-value-disallowed-list/);
  });

  for (const [what, css, rule] of [
    ['margin-left', '.a {\n\tmargin-left: 1px;\n}\n', /Unexpected property "margin-left"\s+property-disallowed-list/],
    ['border-right', '.a {\n\tborder-right: 1px solid #000;\n}\n', /Unexpected property "border-right"/],
    ['left', '.a {\n\tleft: 0;\n}\n', /Unexpected property "left"/],
    ['float: right', '.a {\n\tfloat: right;\n}\n', /Unexpected value "right" for property "float"/],
    ['text-align: left', '.a {\n\ttext-align: left;\n}\n', /Unexpected value "left" for property "text-align"/],
  ] as const) {
    it(`Stylelint rejects a physical property (${what}): the gadget's boxes follow their own language's direction`, async () => {
      const bad = await run('stylelint', ['--stdin-filename', 'gadget/src/example.css'], css);
      assert.notEqual(bad.code, 0, bad.output);
      assert.match(bad.output, rule);
    });
  }

  it('banana-checker passes gadget/i18n (every message documented, no unknown one, every parameter used)', async () => {
    const { code, output } = await run('banana-checker', [...BANANA, 'gadget/i18n/']);
    assert.equal(code, 0, output);
  });

  /** banana-checker on a copy of gadget/i18n changed by `change` (file name -> its messages). */
  async function bananaOnCopy(t: { after(fn: () => Promise<void>): void }, change: (read: (f: string) => Promise<Record<string, string>>) => Promise<Record<string, Record<string, string>>>) {
    const dir = await mkdtemp(join(tmpdir(), 'course-staff-i18n-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(join(ROOT, 'gadget/i18n'), dir, { recursive: true });
    const changed = await change(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as Record<string, string>);
    for (const [file, messages] of Object.entries(changed)) await writeFile(join(dir, file), JSON.stringify(messages, null, '\t'));
    return run('banana-checker', [...BANANA, dir]);
  }

  for (const [what, change, expected] of [
    ['a message without documentation', async (read) => {
      const qqq = await read('qqq.json');
      delete qqq['coursestaff-copy-tooltip'];
      return { 'qqq.json': qqq };
    }, /coursestaff-copy-tooltip/],
    ['a translation of a message that does not exist', async (read) => ({ 'ar.json': { ...(await read('ar.json')), 'coursestaff-tabb': 'فريق' } }), /"ar" translation has 1 unused translation[\s\S]*coursestaff-tabb/],
    ['a translation that leaves out a parameter', async (read) => ({ 'ru.json': { ...(await read('ru.json')), 'coursestaff-heading': 'Команда курсов' } }), /coursestaff-heading/],
  ] as Array<[string, (read: (f: string) => Promise<Record<string, string>>) => Promise<Record<string, Record<string, string>>>, RegExp]>) {
    it(`banana-checker fails for ${what}`, async (t) => {
      const { code, output } = await bananaOnCopy(t, change);
      assert.notEqual(code, 0, output);
      assert.match(output, expected);
    });
  }

  it('banana-checker lets a translation leave a message out (it falls back along the reader\'s chain)', async (t) => {
    const { code, output } = await bananaOnCopy(t, async (read) => {
      const fr = await read('fr.json');
      delete fr['coursestaff-copy-split'];
      return { 'fr.json': fr };
    });
    assert.equal(code, 0, output);
  });
});
