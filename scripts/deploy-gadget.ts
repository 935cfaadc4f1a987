// `npm run deploy:gadget`: writes the built gadget (gadget/dist) and its description to a wiki, and
// puts its definition line (gadget/wiki/Gadgets-definition.txt) into MediaWiki:Gadgets-definition,
// through the Action API with a bot password. The same pages GADGET.md tells an interface
// administrator to create by hand. Settings (see GADGET.md):
//   GADGET_DEPLOY_API        the wiki's api.php URL, e.g. https://meta.wikimedia.org/w/api.php
//   GADGET_DEPLOY_USERNAME   the bot password's login name, "<Account>@<bot name>"
//   GADGET_DEPLOY_PASSWORD   the bot password
//   GADGET_DEPLOY_DRY_RUN    1/true: log in if credentials are given, compare, write nothing

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Mwn, MwnError } from 'mwn';

const ROOT = new URL('../', import.meta.url);
export const DEFINITION_FILE = new URL('gadget/wiki/Gadgets-definition.txt', ROOT);
export const DESCRIPTION_FILE = new URL('gadget/wiki/Gadget-course-staff.txt', ROOT);
export const DEFINITIONS_PAGE = 'MediaWiki:Gadgets-definition';

export interface DeploySettings {
  apiUrl: string;
  username?: string;
  password?: string;
  dryRun: boolean;
}

export class DeploySettingsError extends Error {}

/** The settings from the environment; a missing or malformed one is an error naming the variable. */
export function readDeploySettings(env: NodeJS.ProcessEnv): DeploySettings {
  const apiUrl = env.GADGET_DEPLOY_API?.trim() ?? '';
  if (!/^https?:\/\/[^/]+\/.*api\.php$/.test(apiUrl)) {
    throw new DeploySettingsError(`GADGET_DEPLOY_API: expected the wiki's api.php URL, got "${apiUrl}"`);
  }
  const dryRunText = (env.GADGET_DEPLOY_DRY_RUN ?? '').trim().toLowerCase();
  if (!['', '0', '1', 'true', 'false'].includes(dryRunText)) {
    throw new DeploySettingsError(`GADGET_DEPLOY_DRY_RUN: expected 1/true or 0/false, got "${dryRunText}"`);
  }
  const dryRun = dryRunText === '1' || dryRunText === 'true';
  const username = env.GADGET_DEPLOY_USERNAME?.trim() || undefined;
  const password = env.GADGET_DEPLOY_PASSWORD || undefined;
  if ((username === undefined) !== (password === undefined)) {
    throw new DeploySettingsError('GADGET_DEPLOY_USERNAME and GADGET_DEPLOY_PASSWORD: set both, or neither for a dry run');
  }
  if (!dryRun && username === undefined) {
    throw new DeploySettingsError('GADGET_DEPLOY_USERNAME: a bot password is needed to write (or set GADGET_DEPLOY_DRY_RUN=1)');
  }
  if (username !== undefined && !username.includes('@')) {
    throw new DeploySettingsError(`GADGET_DEPLOY_USERNAME: expected a bot password login name "<Account>@<bot name>", got "${username}"`);
  }
  return { apiUrl, username, password, dryRun };
}

/** The gadget's name in a definition line ("* name[options]|pages"), or null for another line. */
export function gadgetName(line: string): string | null {
  return /^\*\s*([A-Za-z][\w.:-]*?)\s*[[|]/.exec(line)?.[1] ?? null;
}

/**
 * The definitions page with `line` in it: in place of the gadget's line(s) where it has one, else
 * at the end (in the last section). Every other line stays as it was.
 */
export function withDefinitionLine(page: string, line: string): string {
  const name = gadgetName(line);
  if (name === null) throw new Error(`not a gadget definition line: ${line}`);
  const lines = page.split('\n');
  const isOurs = (l: string) => gadgetName(l) === name;
  const at = lines.findIndex(isOurs);
  if (at === -1) return page.trim() === '' ? line : `${page.trimEnd()}\n${line}`;
  return lines.filter((l, i) => i === at || !isOurs(l)).map((l, i) => (i === at ? line : l)).join('\n');
}

export interface PageWrite {
  title: string;
  text: string;
}

/** Title and content of each page to write, the definitions page given its current text. */
export async function gadgetPages(currentDefinitions: string): Promise<PageWrite[]> {
  const read = (path: string) => readFile(new URL(path, ROOT), 'utf8');
  const line = (await readFile(DEFINITION_FILE, 'utf8')).trim();
  const name = gadgetName(line);
  if (name === null) throw new Error(`${fileURLToPath(DEFINITION_FILE)} holds no definition line`);
  return [
    { title: `MediaWiki:Gadget-${name}.js`, text: await read('gadget/dist/course-staff.js') },
    { title: `MediaWiki:Gadget-${name}.css`, text: await read('gadget/dist/course-staff.css') },
    { title: `MediaWiki:Gadget-${name}`, text: (await readFile(DESCRIPTION_FILE, 'utf8')).trim() },
    { title: DEFINITIONS_PAGE, text: withDefinitionLine(currentDefinitions, line) },
  ];
}

function summary(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };
  let commit = '';
  try {
    commit = ` at ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`;
  } catch {
    // Not a git checkout: the version alone.
  }
  return `Course staff gadget ${pkg.version}${commit} (npm run deploy:gadget)`;
}

export type Outcome = 'unchanged' | 'created' | 'updated' | 'would create' | 'would update';

/** Writes (or, in a dry run, compares) every page; returns what happened to each. */
export async function deployGadget(
  settings: DeploySettings,
  log: (line: string) => void = console.log,
): Promise<Array<{ title: string; outcome: Outcome }>> {
  const options = { apiUrl: settings.apiUrl, userAgent: `course-staff-deploy (${summary()})`, silent: true, maxRetries: 2 };
  const bot = settings.username
    ? await Mwn.init({ ...options, username: settings.username, password: settings.password })
    : new Mwn(options);
  const current = async (title: string): Promise<string | null> => {
    const page = await bot.read(title);
    return page.missing ? null : (page.revisions?.[0]?.content ?? '');
  };
  const pages = await gadgetPages((await current(DEFINITIONS_PAGE)) ?? '');
  const edit = summary();
  const results: Array<{ title: string; outcome: Outcome }> = [];
  for (const { title, text } of pages) {
    const before = await current(title);
    let outcome: Outcome;
    // MediaWiki drops trailing whitespace when it saves a page.
    if (before !== null && before.trimEnd() === text.trimEnd()) outcome = 'unchanged';
    else if (settings.dryRun) outcome = before === null ? 'would create' : 'would update';
    else {
      await bot.save(title, text, edit);
      outcome = before === null ? 'created' : 'updated';
    }
    log(`${outcome.padEnd(12)} ${title}`);
    results.push({ title, outcome });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const settings = readDeploySettings(process.env);
    console.log(`${settings.dryRun ? 'Dry run against' : 'Deploying to'} ${settings.apiUrl}`);
    await deployGadget(settings);
  } catch (err) {
    if (err instanceof DeploySettingsError) console.error(`Configuration error: ${err.message}`);
    // The wiki's refusal (a bad password, a missing right) is the whole story; mwn's object is huge.
    else if (err instanceof MwnError) console.error(`The wiki refused: ${err.message}`);
    else console.error(err);
    process.exitCode = 1;
  }
}
