// The deploy tool's parts (settings, the definitions page, the pages it writes, its refusal of a
// tree that is not a commit's, its diffs), GADGET.md's quotes of the files it deploys, and the
// toolinfo.json that lists the service and the gadget on Toolhub. Its run against a wiki is in
// wiki.test.ts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, it } from 'node:test';
import { buildGadget, LOCAL_MESSAGES_FILE, readMessages, translationFile, writeGadget } from '../../scripts/build-gadget.js';
import {
  DEFINITION_FILE,
  DeployRefusedError,
  DeploySettingsError,
  checkSource,
  definitionLines,
  descriptionFile,
  gadgetFiles,
  gadgetName,
  gadgetPages,
  pageDiff,
  readDeploySettings,
  withDefinitionLine,
} from '../../scripts/deploy-gadget.js';

const ROOT = new URL('../../', import.meta.url);

const LINE = '* course-staff[ResourceLoader|skins=vector]|course-staff.js|course-staff.css';
const API = 'https://meta.wikimedia.org/w/api.php';

describe('deploy settings', () => {
  it('reads the API URL, the bot password and the dry-run flag', () => {
    assert.deepEqual(
      readDeploySettings({ GADGET_DEPLOY_API: API, GADGET_DEPLOY_USERNAME: 'Ann@deploy', GADGET_DEPLOY_PASSWORD: 'secret' }),
      { apiUrl: API, username: 'Ann@deploy', password: 'secret', dryRun: false, allowDirty: false },
    );
    assert.deepEqual(readDeploySettings({ GADGET_DEPLOY_API: API, GADGET_DEPLOY_DRY_RUN: 'true', GADGET_DEPLOY_ALLOW_DIRTY: '1' }), {
      apiUrl: API,
      username: undefined,
      password: undefined,
      dryRun: true,
      allowDirty: true,
    });
  });

  for (const [what, env, variable] of [
    ['no API URL', {}, 'GADGET_DEPLOY_API'],
    ['an API URL that is no api.php', { GADGET_DEPLOY_API: 'https://meta.wikimedia.org/wiki/Main_Page' }, 'GADGET_DEPLOY_API'],
    ['a write without credentials', { GADGET_DEPLOY_API: API }, 'GADGET_DEPLOY_USERNAME'],
    ['a user name without its password', { GADGET_DEPLOY_API: API, GADGET_DEPLOY_USERNAME: 'Ann@deploy' }, 'GADGET_DEPLOY_PASSWORD'],
    ['a main account name instead of a bot password login', { GADGET_DEPLOY_API: API, GADGET_DEPLOY_USERNAME: 'Ann', GADGET_DEPLOY_PASSWORD: 'x' }, 'GADGET_DEPLOY_USERNAME'],
    ['a dry-run flag that is no boolean', { GADGET_DEPLOY_API: API, GADGET_DEPLOY_DRY_RUN: 'maybe' }, 'GADGET_DEPLOY_DRY_RUN'],
    ['an allow-dirty flag that is no boolean', { GADGET_DEPLOY_API: API, GADGET_DEPLOY_DRY_RUN: '1', GADGET_DEPLOY_ALLOW_DIRTY: 'yes' }, 'GADGET_DEPLOY_ALLOW_DIRTY'],
  ] as const) {
    it(`refuses ${what}, naming ${variable}`, () => {
      assert.throws(
        () => readDeploySettings(env),
        (err: unknown) => err instanceof DeploySettingsError && err.message.includes(variable),
      );
    });
  }
});

describe('the definitions page', () => {
  it('names the gadget of a definition line, and nothing for other lines', () => {
    assert.equal(gadgetName(LINE), 'course-staff');
    assert.equal(gadgetName('*Other|Other.js'), 'Other');
    assert.equal(gadgetName('== tools =='), null);
    assert.equal(gadgetName('Some text'), null);
  });

  it('gets the line on an empty or missing page', () => {
    assert.equal(withDefinitionLine('', LINE), LINE);
  });

  it('appends the line, into the last section, keeping everything else', () => {
    const page = '== tools ==\n* Other[ResourceLoader]|Other.js\n\n== mine ==\n* Mine|Mine.js\n';
    assert.equal(withDefinitionLine(page, LINE), `== tools ==\n* Other[ResourceLoader]|Other.js\n\n== mine ==\n* Mine|Mine.js\n${LINE}`);
  });

  it('replaces the gadget\'s own line where it is, and drops a duplicate of it', () => {
    const page = `== a ==\n* course-staff[ResourceLoader]|old.js\n* Other|Other.js\n== b ==\n*course-staff|dup.js`;
    assert.equal(withDefinitionLine(page, LINE), `== a ==\n${LINE}\n* Other|Other.js\n== b ==`);
  });

  it('leaves a gadget whose name only starts the same alone', () => {
    const page = '* course-staff-extra|x.js';
    assert.equal(withDefinitionLine(page, LINE), `${page}\n${LINE}`);
  });

  it('reads the pages of a line', () => {
    assert.deepEqual(gadgetFiles(LINE), ['course-staff.js', 'course-staff.css']);
    assert.deepEqual(gadgetFiles('* a[ResourceLoader|hidden|dependencies=x,y]|a.js'), ['a.js']);
    assert.deepEqual(gadgetFiles('*b|b.js|b.css'), ['b.js', 'b.css']);
  });
});

describe('the pages the tool writes', () => {
  it("are the translations, then the built files of both gadgets (not the wiki's own messages), each gadget's description and the definitions page with both lines", async () => {
    const pages = await gadgetPages('* Other|Other.js\n* course-staff[ResourceLoader]|old.js');
    const translations = Object.keys(await readMessages()).filter((code) => code !== 'en').map(translationFile);
    assert.equal(translations.length, 14);
    const files = [...translations, 'course-staff.js', 'course-staff-main.js', 'course-staff.css'];
    assert.deepEqual(pages.map((p) => p.title), [
      ...files.map((file) => `MediaWiki:Gadget-${file}`),
      'MediaWiki:Gadget-course-staff',
      'MediaWiki:Gadget-course-staff-main',
      'MediaWiki:Gadgets-definition',
    ]);
    for (const [i, file] of files.entries()) {
      assert.equal(pages[i]?.text, await readFile(new URL(`gadget/dist/${file}`, ROOT), 'utf8'));
    }
    const [loader, main] = await definitionLines();
    assert.match(main ?? '', new RegExp(`\\|${LOCAL_MESSAGES_FILE.replace('.', '\\.')}$`));
    assert.equal(pages.at(-1)?.text, `* Other|Other.js\n${loader}\n${main}`);
  });
});

describe('what the tool deploys from', () => {
  /** A git repository holding a copy of what makes the gadget, committed. */
  async function checkout(t: { after(fn: () => Promise<void>): void }): Promise<{ dir: string; root: URL }> {
    const dir = await mkdtemp(join(tmpdir(), 'course-staff-deploy-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(new URL('gadget/', ROOT), join(dir, 'gadget'), { recursive: true });
    await cp(new URL('scripts/build-gadget.ts', ROOT), join(dir, 'scripts/build-gadget.ts'));
    await writeFile(join(dir, 'package.json'), await readFile(new URL('package.json', ROOT)));
    const root = pathToFileURL(`${dir}/`);
    // The copy's dist/ built from the copy's sources (this worktree's may be mid-change).
    await writeGadget(await buildGadget(root), new URL('gadget/dist/', root));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'gadget');
    return { dir, root };
  }

  it('takes a clean checkout whose gadget/dist is the build of its sources', async (t) => {
    const { root } = await checkout(t);
    assert.deepEqual(await checkSource(root), { dirty: false });
  });

  it('refuses uncommitted changes to the sources, naming them, unless told to allow them', async (t) => {
    const { dir, root } = await checkout(t);
    await appendFile(join(dir, 'gadget/i18n/en.json'), ' ');
    await assert.rejects(checkSource(root), (err: unknown) => err instanceof DeployRefusedError && /uncommitted changes[\s\S]*gadget\/i18n\/en\.json/.test(err.message));
    assert.deepEqual(await checkSource(root, true), { dirty: true });
  });

  it('refuses a gadget/dist that is not the build of the sources, even when allowed to be dirty', async (t) => {
    const { dir, root } = await checkout(t);
    await writeFile(join(dir, 'gadget/src/ui.js'), (await readFile(join(dir, 'gadget/src/ui.js'), 'utf8')).replace("'[course-staff]'", "'[course staff]'"));
    await assert.rejects(checkSource(root, true), (err: unknown) => err instanceof DeployRefusedError && /gadget\/dist\/course-staff-main\.js not built/.test(err.message));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qam', 'source only');
    await assert.rejects(checkSource(root), /npm run build:gadget/);
  });

  it('refuses a folder that is not a git checkout', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'course-staff-nogit-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await assert.rejects(checkSource(pathToFileURL(`${dir}/`)), /not a git checkout/);
  });
});

describe('the dry run\'s diff of a page', () => {
  it('shows the lines that change, with the page named', async () => {
    const diff = await pageDiff('MediaWiki:Gadget-x.js', 'a\nb\nc', 'a\nB\nc\nd\n');
    assert.deepEqual(diff.split('\n'), [
      '--- MediaWiki:Gadget-x.js (on the wiki)',
      '+++ MediaWiki:Gadget-x.js (to deploy)',
      '@@ -1,3 +1,4 @@',
      ' a',
      '-b',
      '+B',
      ' c',
      '+d',
    ]);
  });

  it('shows a new page as added lines', async () => {
    const diff = await pageDiff('MediaWiki:Gadget-y', null, 'one\ntwo');
    assert.deepEqual(diff.split('\n'), ['--- /dev/null', '+++ MediaWiki:Gadget-y (to deploy)', '@@ -0,0 +1,2 @@', '+one', '+two']);
  });
});

describe('GADGET.md', () => {
  const gadgetMd = () => readFile(new URL('../../GADGET.md', import.meta.url), 'utf8');
  const codeBlocks = (md: string) => [...md.matchAll(/^( *)```[a-z]*\n([\s\S]*?)^\1```$/gm)].map((m) =>
    (m[2] ?? '').split('\n').map((l) => l.slice((m[1] ?? '').length)).join('\n').trim(),
  );

  it('quotes the definition lines and the descriptions exactly as the deploy tool writes them', async () => {
    const blocks = codeBlocks(await gadgetMd());
    assert.ok(blocks.includes((await readFile(DEFINITION_FILE, 'utf8')).trim()), 'definition lines not quoted verbatim');
    for (const name of (await definitionLines()).map(gadgetName)) {
      assert.ok(blocks.includes((await readFile(descriptionFile(name ?? ''), 'utf8')).trim()), `description of ${name} not quoted verbatim`);
    }
  });
});

describe('toolinfo.json (Toolhub)', () => {
  // The part of Toolhub's toolinfo 1.2.2 schema that a record must meet to be indexed: one record or
  // an array of them; each with the required name, title, description and url; lengths, URLs, the
  // tool types and the wiki and language patterns as the schema defines them.
  const url = { type: 'string', maxLength: 2047, format: 'uri', pattern: '^https?://' };
  const language = { type: 'string', maxLength: 16, pattern: '^(x-.*|[A-Za-z]{2,3}(-.*)?)$' };
  const wiki = { type: 'string', maxLength: 255, pattern: '^(\\*|(.*)?\\.?(mediawiki|wiktionary|wiki(pedia|quote|books|source|news|versity|data|voyage|media))\\.org)$' };
  const strings = { oneOf: [{ type: 'string', maxLength: 255 }, { type: 'array', items: { type: 'string', maxLength: 255 } }] };
  const tool = {
    type: 'object',
    required: ['name', 'title', 'description', 'url'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 255 },
      title: { type: 'string', minLength: 1, maxLength: 255 },
      subtitle: { type: 'string', maxLength: 255 },
      description: { type: 'string', minLength: 1, maxLength: 65535 },
      url,
      api_url: url,
      repository: url,
      keywords: { type: 'string', maxLength: 2047 },
      license: { type: 'string', maxLength: 255 },
      tool_type: { enum: ['web app', 'desktop app', 'bot', 'gadget', 'user script', 'command line tool', 'coding framework', 'lua module', 'template', 'other'] },
      for_wikis: { oneOf: [wiki, { type: 'array', items: wiki }] },
      available_ui_languages: { oneOf: [language, { type: 'array', items: language }, { enum: ['*'] }] },
      technology_used: strings,
      _schema: { const: '/toolinfo/1.2.2' },
      _language: language,
    },
  };
  const read = async () => JSON.parse(await readFile(new URL('toolinfo.json', ROOT), 'utf8')) as Array<Record<string, unknown>>;

  it('holds two records, the service and the gadget, that meet the schema', async () => {
    const records = await read();
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile({ oneOf: [{ type: 'array', items: tool }, tool] });
    assert.ok(validate(records), ajv.errorsText(validate.errors));
    assert.deepEqual(records.map((r) => r.tool_type), ['web app', 'gadget']);
    assert.equal(new Set(records.map((r) => r.name)).size, records.length, 'names must be unique');
  });

  it("says what the repository says: the license, and the gadget's languages", async () => {
    const records = await read();
    const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { license: string };
    for (const record of records) assert.equal(record.license, pkg.license);
    const languages = (await readdir(new URL('gadget/i18n/', ROOT))).filter((f) => f !== 'qqq.json').map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepEqual(records[1]?.available_ui_languages, languages);
  });

  it('a record without a required field fails the check', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(tool);
    const { url: _url, ...withoutUrl } = (await read())[0] ?? {};
    assert.equal(validate(withoutUrl), false);
    assert.match(ajv.errorsText(validate.errors), /must have required property 'url'/);
  });
});
