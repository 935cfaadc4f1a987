// The deploy tool's pure parts (settings, the definitions page, the pages it writes) and GADGET.md's
// quotes of the files it deploys. Its run against a wiki is in wiki.test.ts.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  DEFINITION_FILE,
  DESCRIPTION_FILE,
  DeploySettingsError,
  gadgetName,
  gadgetPages,
  readDeploySettings,
  withDefinitionLine,
} from '../../scripts/deploy-gadget.js';

const LINE = '* course-staff[ResourceLoader|skins=vector]|course-staff.js|course-staff.css';
const API = 'https://meta.wikimedia.org/w/api.php';

describe('deploy settings', () => {
  it('reads the API URL, the bot password and the dry-run flag', () => {
    assert.deepEqual(
      readDeploySettings({ GADGET_DEPLOY_API: API, GADGET_DEPLOY_USERNAME: 'Ann@deploy', GADGET_DEPLOY_PASSWORD: 'secret' }),
      { apiUrl: API, username: 'Ann@deploy', password: 'secret', dryRun: false },
    );
    assert.deepEqual(readDeploySettings({ GADGET_DEPLOY_API: API, GADGET_DEPLOY_DRY_RUN: 'true' }), {
      apiUrl: API,
      username: undefined,
      password: undefined,
      dryRun: true,
    });
  });

  for (const [what, env, variable] of [
    ['no API URL', {}, 'GADGET_DEPLOY_API'],
    ['an API URL that is no api.php', { GADGET_DEPLOY_API: 'https://meta.wikimedia.org/wiki/Main_Page' }, 'GADGET_DEPLOY_API'],
    ['a write without credentials', { GADGET_DEPLOY_API: API }, 'GADGET_DEPLOY_USERNAME'],
    ['a user name without its password', { GADGET_DEPLOY_API: API, GADGET_DEPLOY_USERNAME: 'Ann@deploy' }, 'GADGET_DEPLOY_PASSWORD'],
    ['a main account name instead of a bot password login', { GADGET_DEPLOY_API: API, GADGET_DEPLOY_USERNAME: 'Ann', GADGET_DEPLOY_PASSWORD: 'x' }, 'GADGET_DEPLOY_USERNAME'],
    ['a dry-run flag that is no boolean', { GADGET_DEPLOY_API: API, GADGET_DEPLOY_DRY_RUN: 'maybe' }, 'GADGET_DEPLOY_DRY_RUN'],
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
});

describe('the pages the tool writes', () => {
  it('are the built script and style, the description and the definitions page', async () => {
    const pages = await gadgetPages('* Other|Other.js');
    assert.deepEqual(pages.map((p) => p.title), [
      'MediaWiki:Gadget-course-staff.js',
      'MediaWiki:Gadget-course-staff.css',
      'MediaWiki:Gadget-course-staff',
      'MediaWiki:Gadgets-definition',
    ]);
    assert.equal(pages[0]?.text, await readFile(new URL('../../gadget/dist/course-staff.js', import.meta.url), 'utf8'));
    assert.equal(pages[3]?.text, `* Other|Other.js\n${(await readFile(DEFINITION_FILE, 'utf8')).trim()}`);
  });
});

describe('GADGET.md', () => {
  const gadgetMd = () => readFile(new URL('../../GADGET.md', import.meta.url), 'utf8');
  const codeBlocks = (md: string) => [...md.matchAll(/^( *)```[a-z]*\n([\s\S]*?)^\1```$/gm)].map((m) =>
    (m[2] ?? '').split('\n').map((l) => l.slice((m[1] ?? '').length)).join('\n').trim(),
  );

  it('quotes the definition line and the description exactly as the deploy tool writes them', async () => {
    const blocks = codeBlocks(await gadgetMd());
    assert.ok(blocks.includes((await readFile(DEFINITION_FILE, 'utf8')).trim()), 'definition line not quoted verbatim');
    assert.ok(blocks.includes((await readFile(DESCRIPTION_FILE, 'utf8')).trim()), 'description not quoted verbatim');
  });
});
