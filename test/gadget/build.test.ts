// The deployable gadget (gadget/dist, committed): up to date with its source, a small loader and a
// main module, each one wrapped ES5 file with a header, the main one with every message inlined, and
// nothing a wiki would act on when the page is saved.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { buildGadget, readMessages, DIST, SCRIPTS, STYLE_FILE } from '../../scripts/build-gadget.js';
import { definitionLines, gadgetFiles, gadgetName } from '../../scripts/deploy-gadget.js';

const ROOT = new URL('../../', import.meta.url);
const read = (name: string) => readFile(new URL(name, DIST), 'utf8');

describe('the built gadget', () => {
  it('is up to date with gadget/src and gadget/i18n (else run `npm run build:gadget`)', async () => {
    const fresh = await buildGadget();
    assert.deepEqual(Object.keys(fresh).sort(), ['course-staff-main.js', 'course-staff.css', 'course-staff.js']);
    for (const [name, text] of Object.entries(fresh)) {
      assert.equal(await read(name), text, `gadget/dist/${name} is stale: npm run build:gadget`);
    }
  });

  it('is exactly the files the definition lines name: the loader alone, the main module with its styles', async () => {
    const lines = await definitionLines();
    assert.deepEqual(lines.map(gadgetName), ['course-staff', 'course-staff-main']);
    assert.deepEqual(lines.map(gadgetFiles), [['course-staff.js'], ['course-staff-main.js', STYLE_FILE]]);
  });

  it('loads, where it is installed as a personal script, what the main gadget depends on', async () => {
    const main = (await definitionLines())[1] ?? '';
    const dependencies = /\|dependencies=([^|\]]*)/.exec(main)?.[1]?.split(',');
    const loader = await readFile(new URL('gadget/src/loader.js', ROOT), 'utf8');
    const declared = /MAIN_DEPENDENCIES = \[([^\]]*)\]/.exec(loader)?.[1]?.match(/'[^']+'/g)?.map((s) => s.slice(1, -1));
    assert.deepEqual(declared, dependencies);
  });

  it('is wrapped in one <nowiki> guard, with a header naming the version and the source', async () => {
    const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { version: string };
    for (const name of Object.keys(SCRIPTS)) {
      const script = await read(name);
      assert.ok(script.startsWith('// <nowiki>\n/**\n'), script.slice(0, 40));
      assert.ok(script.endsWith('}() );\n// </nowiki>\n'), script.slice(-40));
      assert.equal(script.match(/nowiki/g)?.length, 2);
      const header = script.slice(0, script.indexOf(' */'));
      assert.match(header, new RegExp(`Course staff gadget ${pkg.version.replace(/\./g, '\\.')}:`));
      assert.match(header, /Built from .+ \(gadget\/src, gadget\/i18n\)/);
    }
    assert.match(await read(STYLE_FILE), new RegExp(`^/\\*\\n \\* Course staff gadget ${pkg.version.replace(/\./g, '\\.')}:`));
  });

  it('holds no template call, link or signature that saving the page would act on', async () => {
    for (const file of [...Object.keys(SCRIPTS), STYLE_FILE]) {
      const text = await read(file);
      for (const wikitext of ['{{', '[[', '~~~', '{{ping|', '{{PLURAL:']) {
        assert.equal(text.includes(wikitext), false, `${file} contains ${wikitext}`);
      }
    }
  });

  it('inlines every message of every language into the main module, and no documentation', async () => {
    assert.doesNotMatch(await read('course-staff.js'), /courseStaffMessages/);
    const script = await read('course-staff-main.js');
    const literal = /^var courseStaffMessages = (\{[\s\S]*?\n\});$/m.exec(script)?.[1];
    assert.ok(literal, 'no courseStaffMessages literal');
    const inlined = JSON.parse(literal) as Record<string, Record<string, string>>;
    const expected = await readMessages();
    assert.deepEqual(inlined, expected);
    assert.deepEqual(Object.keys(inlined).sort(), ['de', 'en']);
    assert.match(inlined.en?.['coursestaff-summary'] ?? '', /^\{\{PLURAL:\$1\|/);
  });

  it('checks its double-load guard before it loads anything; only the main module fetches or touches the page', async () => {
    const script = await read('course-staff.js');
    const guard = script.indexOf('if ( window.courseStaffGadgetLoaded )');
    assert.ok(guard > 0);
    assert.ok(script.indexOf('mw.loader.using(') > guard);
    for (const call of ['fetch(', 'document.createElement(', 'mw.util.addPortletLink(', 'insertBefore(']) {
      assert.equal(script.includes(call), false, call);
    }
    const main = await read('course-staff-main.js');
    const once = main.indexOf('if ( mw.libs.courseStaff )');
    assert.ok(once > main.indexOf('function start('), 'the main module defines its parts, then guards its own start');
  });

  it('refuses to build a source holding wikitext, naming the file and line', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'course-staff-build-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(new URL('gadget/', ROOT), join(dir, 'gadget'), { recursive: true });
    await writeFile(join(dir, 'package.json'), await readFile(new URL('package.json', ROOT)));
    const root = pathToFileURL(`${dir}/`);
    await buildGadget(root); // the copy builds as it is
    const lines = (await readFile(join(dir, 'gadget/src/badges.js'), 'utf8')).split('\n').length;
    await appendFile(join(dir, 'gadget/src/badges.js'), "// Example: '{{ping|Someone}}'\n");
    await assert.rejects(buildGadget(root), new RegExp(`gadget/src/badges\\.js:${lines} holds "\\{\\{"`));
  });
});
