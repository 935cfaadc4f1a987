// The deployable gadget (gadget/dist, committed): up to date with its source, a small loader, a main
// module with the English messages and a file per translation, each one wrapped ES5 file with a
// header, and nothing a wiki would act on when the page is saved.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { Script } from 'node:vm';
import { buildGadget, readMessages, DIST, LOCAL_MESSAGES_FILE, SCRIPTS, STYLE_FILE, translationFile } from '../../scripts/build-gadget.js';
import { definitionLines, gadgetFiles, gadgetName } from '../../scripts/deploy-gadget.js';

const ROOT = new URL('../../', import.meta.url);
const read = (name: string) => readFile(new URL(name, DIST), 'utf8');
/** The translations' files, by language code. */
const translationFiles = async () =>
  Object.fromEntries(Object.keys(await readMessages()).filter((code) => code !== 'en').map((code) => [code, translationFile(code)]));

describe('the built gadget', () => {
  it('is up to date with gadget/src and gadget/i18n, and nothing else is in gadget/dist (else run `npm run build:gadget`)', async () => {
    const fresh = await buildGadget();
    const translations = Object.values(await translationFiles());
    assert.equal(translations.length, 14);
    assert.deepEqual(Object.keys(fresh).sort(), ['course-staff-main.js', 'course-staff.css', 'course-staff.js', ...translations].sort());
    for (const [name, text] of Object.entries(fresh)) {
      assert.equal(await read(name), text, `gadget/dist/${name} is stale: npm run build:gadget`);
    }
    assert.deepEqual((await readdir(DIST)).filter((n) => n !== '.eslintrc.json').sort(), Object.keys(fresh).sort());
  });

  it("is the files the definition lines name: the loader alone; the main module with its styles and the wiki's own messages, as a package", async () => {
    const lines = await definitionLines();
    assert.deepEqual(lines.map(gadgetName), ['course-staff', 'course-staff-main']);
    assert.deepEqual(lines.map(gadgetFiles), [['course-staff.js'], ['course-staff-main.js', STYLE_FILE, LOCAL_MESSAGES_FILE]]);
    // Only a package gadget may have a JSON page, and hands it to its script through require().
    assert.match(lines[1] ?? '', /\[ResourceLoader\|hidden\|package\|/);
    assert.equal(LOCAL_MESSAGES_FILE in (await buildGadget()), false, 'the build never makes the wiki\'s own messages');
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
    for (const name of [...Object.keys(SCRIPTS), ...Object.values(await translationFiles())]) {
      const script = await read(name);
      assert.ok(script.startsWith('// <nowiki>\n/**\n'), script.slice(0, 40));
      assert.ok(script.endsWith(';\n// </nowiki>\n'), script.slice(-40));
      assert.equal(script.match(/nowiki/g)?.length, 2);
      const header = script.slice(0, script.indexOf(' */'));
      assert.match(header, new RegExp(`Course staff gadget ${pkg.version.replace(/\./g, '\\.')}:`));
      assert.match(header, /Built from .+ \(gadget\/src, gadget\/i18n\)/);
    }
    assert.match(await read(STYLE_FILE), new RegExp(`^/\\*\\n \\* Course staff gadget ${pkg.version.replace(/\./g, '\\.')}:`));
  });

  it('holds no template call, link or signature that saving the page would act on', async () => {
    for (const file of [...Object.keys(SCRIPTS), STYLE_FILE, ...Object.values(await translationFiles())]) {
      const text = await read(file);
      for (const wikitext of ['{{', '[[', '~~~', '{{ping|', '{{PLURAL:']) {
        assert.equal(text.includes(wikitext), false, `${file} contains ${wikitext}`);
      }
    }
  });

  it('inlines the English messages into the main module, and which translations there are; no documentation', async () => {
    const all = await readMessages();
    assert.doesNotMatch(await read('course-staff.js'), /courseStaffEnglish|courseStaffTranslations/);
    const script = await read('course-staff-main.js');
    const english = /^var courseStaffEnglish = (\{[\s\S]*?\n\});$/m.exec(script)?.[1];
    assert.ok(english, 'no courseStaffEnglish literal');
    assert.deepEqual(JSON.parse(english), all.en);
    assert.match(all.en?.['coursestaff-summary'] ?? '', /^\{\{PLURAL:\$1\|/);
    const table = /^var courseStaffTranslations = (\{[\s\S]*?\n\});$/m.exec(script)?.[1];
    assert.ok(table, 'no courseStaffTranslations literal');
    const translations = new Script(`(${table})`).runInThisContext() as Record<string, { version: string; complete: boolean }>;
    assert.deepEqual(Object.keys(translations).sort(), Object.keys(await translationFiles()).sort());
    for (const [code, info] of Object.entries(translations)) {
      assert.match(info.version, /^[0-9a-f]{10}$/, code);
      assert.equal(info.complete, Object.keys(all.en ?? {}).every((key) => key in (all[code] ?? {})), code);
    }
    // No other language's text in the main module.
    assert.equal(script.includes(all.de?.['coursestaff-tab'] ?? '?'), false);
  });

  it('puts each translation in its own file, which hands its messages to the main module, each version its own', async () => {
    const all = await readMessages();
    for (const [code, file] of Object.entries(await translationFiles())) {
      const text = await read(file);
      const mw = { libs: {} as { courseStaffMessages?: Record<string, unknown> } };
      new Script(text).runInNewContext({ mw });
      // (Made in another realm: compared as JSON.)
      assert.deepEqual(JSON.parse(JSON.stringify(mw.libs.courseStaffMessages)), { [code]: all[code] });
      assert.match(text, new RegExp(`gadget/i18n/${code}\\.json there, or on this wiki MediaWiki:Gadget-${LOCAL_MESSAGES_FILE.replace('.', '\\.')}`));
    }
    const script = await read('course-staff-main.js');
    const listed = [...script.matchAll(/version: "([0-9a-f]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(listed).size, listed.length, 'two translations with one version');
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
