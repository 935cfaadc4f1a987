// The deployable gadget (gadget/dist, committed): up to date with its source, one wrapped ES5 file
// with a header and every message inlined, and nothing a wiki would act on when the page is saved.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { buildGadget, readMessages, DIST } from '../../scripts/build-gadget.js';

const ROOT = new URL('../../', import.meta.url);
const read = (name: string) => readFile(new URL(name, DIST), 'utf8');

describe('the built gadget', () => {
  it('is up to date with gadget/src and gadget/i18n (else run `npm run build:gadget`)', async () => {
    const fresh = await buildGadget();
    assert.equal(await read('course-staff.js'), fresh.script, 'gadget/dist/course-staff.js is stale: npm run build:gadget');
    assert.equal(await read('course-staff.css'), fresh.style, 'gadget/dist/course-staff.css is stale: npm run build:gadget');
  });

  it('is wrapped in one <nowiki> guard, with a header naming the version and the source', async () => {
    const script = await read('course-staff.js');
    const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { version: string };
    assert.ok(script.startsWith('// <nowiki>\n/**\n'), script.slice(0, 40));
    assert.ok(script.endsWith('}() );\n// </nowiki>\n'), script.slice(-40));
    assert.equal(script.match(/nowiki/g)?.length, 2);
    const header = script.slice(0, script.indexOf(' */'));
    assert.match(header, new RegExp(`Course staff gadget ${pkg.version.replace(/\./g, '\\.')}:`));
    assert.match(header, /Built from .+ \(gadget\/src, gadget\/i18n\)/);
    assert.match(await read('course-staff.css'), new RegExp(`^/\\*\\n \\* Course staff gadget ${pkg.version.replace(/\./g, '\\.')}:`));
  });

  it('holds no template call, link or signature that saving the page would act on', async () => {
    for (const file of ['course-staff.js', 'course-staff.css']) {
      const text = await read(file);
      for (const wikitext of ['{{', '[[', '~~~', '{{ping|', '{{PLURAL:']) {
        assert.equal(text.includes(wikitext), false, `${file} contains ${wikitext}`);
      }
    }
  });

  it('inlines every message of every language, and no documentation', async () => {
    const script = await read('course-staff.js');
    const literal = /^var courseStaffMessages = (\{[\s\S]*?\n\});$/m.exec(script)?.[1];
    assert.ok(literal, 'no courseStaffMessages literal');
    const inlined = JSON.parse(literal) as Record<string, Record<string, string>>;
    const expected = await readMessages();
    assert.deepEqual(inlined, expected);
    assert.deepEqual(Object.keys(inlined).sort(), ['de', 'en']);
    assert.match(inlined.en?.['coursestaff-summary'] ?? '', /^\{\{PLURAL:\$1\|/);
  });

  it('checks its double-load guard before it loads, fetches or touches the page', async () => {
    const script = await read('course-staff.js');
    const guard = script.indexOf('if ( window.courseStaffGadgetLoaded )');
    assert.ok(guard > 0);
    for (const call of ['mw.loader.using(', 'fetch(', 'document.createElement(', 'mw.util.addPortletLink(']) {
      assert.ok(script.indexOf(call) > guard, call);
    }
  });

  it('refuses to build a source holding wikitext, naming the file and line', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'course-staff-build-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(new URL('gadget/', ROOT), join(dir, 'gadget'), { recursive: true });
    await writeFile(join(dir, 'package.json'), await readFile(new URL('package.json', ROOT)));
    const root = pathToFileURL(`${dir}/`);
    await buildGadget(root); // the copy builds as it is
    const lines = (await readFile(join(dir, 'gadget/src/gadget.js'), 'utf8')).split('\n').length;
    await appendFile(join(dir, 'gadget/src/gadget.js'), "// Example: '{{ping|Someone}}'\n");
    await assert.rejects(buildGadget(root), new RegExp(`gadget/src/gadget\\.js:${lines} holds "\\{\\{"`));
  });
});
