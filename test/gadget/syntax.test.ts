import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { findPostEs2017Syntax } from './es2017.js';

const GADGET = new URL('../../gadget/course-staff.js', import.meta.url);

describe('gadget syntax (MediaWiki validates gadgets as ES2017)', () => {
  it('course-staff.js uses nothing newer than ES2017', async () => {
    const source = await readFile(GADGET, 'utf8');
    assert.deepEqual(findPostEs2017Syntax(source), []);
  });

  it('course-staff.js is a classic script that installs its double-load guard first', async () => {
    const source = await readFile(GADGET, 'utf8');
    assert.doesNotMatch(source, /^\s*(import|export)\s/m);
    assert.match(source, /if \( window\.courseStaffGadgetLoaded \)/);
  });

  const cases: Array<[string, string]> = [
    ['optional chaining (?.)', 'var a = b?.c;'],
    ['optional chaining (?.)', 'f?.();'],
    ['nullish coalescing (??)', 'var a = b ?? 1;'],
    ['logical assignment', 'a ||= 1;'],
    ['object spread', 'var a = { ...b };'],
    ['object rest', 'var { x, ...rest } = b;'],
    ['class field', 'class A { x = 1; }'],
    ['private name (#x)', 'class A { #x; m() { return this.#x; } }'],
    ['for await', 'async function f() { for await (const x of y) {} }'],
    ['optional catch binding', 'try { f(); } catch { g(); }'],
    ['BigInt literal', 'var n = 10n;'],
    ['numeric separator', 'var n = 1_000;'],
    ['async generator', 'async function* g() {}'],
    ['dynamic import()', 'import("x");'],
    ['regular expression flag /s', 'var r = /a.b/s;'],
    ['regular expression lookbehind', 'var r = /(?<=a)b/;'],
    ['regular expression named group', 'var r = /(?<year>\\d+)/;'],
  ];
  for (const [feature, snippet] of cases) {
    it(`catches ${feature} in \`${snippet}\``, () => {
      assert.ok(
        findPostEs2017Syntax(snippet).some((v) => v.feature === feature),
        JSON.stringify(findPostEs2017Syntax(snippet)),
      );
    });
  }

  it('reports a file that does not parse', () => {
    assert.match(findPostEs2017Syntax('var = ;')[0]?.feature ?? '', /^syntax error/);
  });

  it('ignores look-alikes in strings, comments, templates and regex bodies; accepts ES2017', () => {
    const source = [
      '// a?.b ?? c, { ...x }, class A { x = 1 }',
      '/* x ??= 1 */',
      'var s = "a?.b ?? c { ...d }";',
      'var t = `${s} ?. ??`;',
      'var r = /a\\?\\.b/g;',
      'var o = Object.assign({}, { a: 1 });',
      'var f = async function () { await g(); };',
      'var e = 2 ** 8;',
      'var [first, ...others] = [1, 2];',
      'class B extends Object { m() { return super.m; } }',
      'try { f(); } catch (e) {}',
    ].join('\n');
    assert.deepEqual(findPostEs2017Syntax(source), []);
  });
});
