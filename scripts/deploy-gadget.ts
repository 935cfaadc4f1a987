// `npm run deploy:gadget`: writes the built gadget (gadget/dist: its translations first, then the
// files of its two gadgets) and the descriptions of the gadgets to a wiki, and puts their definition
// lines (gadget/wiki/Gadgets-definition.txt) into MediaWiki:Gadgets-definition, through the Action
// API with a bot password. The wiki's own messages (MediaWiki:Gadget-course-staff-messages.json, a
// page of the main gadget) are the wiki's: never written. The same pages GADGET.md
// tells an interface administrator to create by hand. It refuses to deploy what is not the commit it
// names: uncommitted changes to the gadget's sources, or a gadget/dist that is not their build. A dry
// run prints what each page would become, as a diff. Settings (see GADGET.md):
//   GADGET_DEPLOY_API          the wiki's api.php URL, e.g. https://meta.wikimedia.org/w/api.php
//   GADGET_DEPLOY_USERNAME     the bot password's login name, "<Account>@<bot name>"
//   GADGET_DEPLOY_PASSWORD     the bot password
//   GADGET_DEPLOY_DRY_RUN      1/true: log in if credentials are given, compare, print diffs, write nothing
//   GADGET_DEPLOY_ALLOW_DIRTY  1/true: deploy uncommitted changes too (the edit summary says so)

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Mwn, MwnError } from 'mwn';
import { buildGadget, LOCAL_MESSAGES_FILE, readMessages, SOURCE_LANGUAGE, translationFile } from './build-gadget.js';

const ROOT = new URL('../', import.meta.url);
export const DEFINITION_FILE = new URL('gadget/wiki/Gadgets-definition.txt', ROOT);
/** The description of a gadget, as MediaWiki:Gadget-<name> holds it. */
export const descriptionFile = (name: string, root: URL = ROOT): URL => new URL(`gadget/wiki/Gadget-${name}.txt`, root);
export const DEFINITIONS_PAGE = 'MediaWiki:Gadgets-definition';
/** What makes the deployed pages: a change here that is not committed is not the commit the summary names. */
const SOURCES = ['gadget', 'package.json', 'scripts/build-gadget.ts'];

export interface DeploySettings {
  apiUrl: string;
  username?: string;
  password?: string;
  dryRun: boolean;
  allowDirty: boolean;
}

export class DeploySettingsError extends Error {}
/** The repository is not in a state to deploy from. */
export class DeployRefusedError extends Error {}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = (env[name] ?? '').trim().toLowerCase();
  if (!['', '0', '1', 'true', 'false'].includes(text)) {
    throw new DeploySettingsError(`${name}: expected 1/true or 0/false, got "${text}"`);
  }
  return text === '1' || text === 'true';
}

/** The settings from the environment; a missing or malformed one is an error naming the variable. */
export function readDeploySettings(env: NodeJS.ProcessEnv): DeploySettings {
  const apiUrl = env.GADGET_DEPLOY_API?.trim() ?? '';
  if (!/^https?:\/\/[^/]+\/.*api\.php$/.test(apiUrl)) {
    throw new DeploySettingsError(`GADGET_DEPLOY_API: expected the wiki's api.php URL, got "${apiUrl}"`);
  }
  const dryRun = flag(env, 'GADGET_DEPLOY_DRY_RUN');
  const allowDirty = flag(env, 'GADGET_DEPLOY_ALLOW_DIRTY');
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
  return { apiUrl, username, password, dryRun, allowDirty };
}

/** The gadget's name in a definition line ("* name[options]|pages"), or null for another line. */
export function gadgetName(line: string): string | null {
  return /^\*\s*([A-Za-z][\w.:-]*?)\s*[[|]/.exec(line)?.[1] ?? null;
}

/** The pages of a definition line (each MediaWiki:Gadget-<page>), in order. */
export function gadgetFiles(line: string): string[] {
  return line.replace(/^[^|[]*(\[[^\]]*\])?/, '').split('|').map((p) => p.trim()).filter(Boolean);
}

/** The definition lines of gadget/wiki/Gadgets-definition.txt (or `text`). */
export async function definitionLines(text?: string): Promise<string[]> {
  const lines = (text ?? (await readFile(DEFINITION_FILE, 'utf8'))).split('\n').map((l) => l.trim()).filter(Boolean);
  const bad = lines.find((l) => gadgetName(l) === null);
  if (bad !== undefined || lines.length === 0) throw new Error(`${fileURLToPath(DEFINITION_FILE)}: not a definition line: ${bad ?? '(none)'}`);
  return lines;
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

/**
 * Title and content of each page to write, the definitions page given its current text: the
 * translations (before the main module that loads them), each gadget's files (built, from
 * gadget/dist; not the wiki's own messages), each gadget's description, then the definitions page
 * with every line.
 */
export async function gadgetPages(currentDefinitions: string): Promise<PageWrite[]> {
  const lines = await definitionLines();
  const translations = Object.keys(await readMessages()).filter((code) => code !== SOURCE_LANGUAGE).map(translationFile);
  const files = [...translations, ...new Set(lines.flatMap(gadgetFiles))].filter((file) => file !== LOCAL_MESSAGES_FILE);
  const names = lines.map((line) => gadgetName(line) as string);
  return [
    ...(await Promise.all(
      files.map(async (file) => ({ title: `MediaWiki:Gadget-${file}`, text: await readFile(new URL(`gadget/dist/${file}`, ROOT), 'utf8') })),
    )),
    ...(await Promise.all(
      names.map(async (name) => ({ title: `MediaWiki:Gadget-${name}`, text: (await readFile(descriptionFile(name), 'utf8')).trim() })),
    )),
    { title: DEFINITIONS_PAGE, text: lines.reduce(withDefinitionLine, currentDefinitions) },
  ];
}

function git(root: URL, args: string[]): string {
  return execFileSync('git', args, { cwd: fileURLToPath(root), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Refuses a repository whose gadget is not exactly a commit's: uncommitted changes to what makes the
 * pages (unless `allowDirty`), or a gadget/dist that differs from a fresh build of the sources. Says
 * whether there were uncommitted changes (allowed).
 */
export async function checkSource(root: URL = ROOT, allowDirty = false): Promise<{ dirty: boolean }> {
  let changed: string;
  try {
    changed = git(root, ['status', '--porcelain', '--', ...SOURCES]).trimEnd();
  } catch {
    throw new DeployRefusedError('not a git checkout: the edit summary could name no commit');
  }
  if (changed !== '' && !allowDirty) {
    throw new DeployRefusedError(
      `uncommitted changes to the gadget (commit them, or set GADGET_DEPLOY_ALLOW_DIRTY=1):\n${changed}`,
    );
  }
  const built = await buildGadget(root);
  const stale: string[] = [];
  for (const [name, text] of Object.entries(built)) {
    const current = await readFile(new URL(`gadget/dist/${name}`, root), 'utf8').catch(() => null);
    if (current !== text) stale.push(`gadget/dist/${name}`);
  }
  if (stale.length > 0) {
    throw new DeployRefusedError(`${stale.join(', ')} not built from the sources: run npm run build:gadget (and commit)`);
  }
  return { dirty: changed !== '' };
}

function summary(dirty: boolean): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };
  let commit = '';
  try {
    commit = ` at ${git(ROOT, ['rev-parse', '--short', 'HEAD']).trim()}${dirty ? ' with local changes' : ''}`;
  } catch {
    // Not a git checkout: the version alone.
  }
  return `Course staff gadget ${pkg.version}${commit} (npm run deploy:gadget)`;
}

/** A unified diff of a page's text on the wiki (null: missing) and the text to write, by git. */
export async function pageDiff(title: string, before: string | null, after: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'course-staff-deploy-'));
  try {
    const file = title.replace(/[/\\]/g, '_');
    const ends = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
    await Promise.all([
      writeFile(join(dir, 'wiki'), before === null ? '' : ends(before)),
      writeFile(join(dir, 'new'), ends(after)),
    ]);
    const run = spawnSync('git', ['diff', '--no-index', '--no-color', '--', 'wiki', 'new'], { cwd: dir, encoding: 'utf8' });
    // Exit 1: the files differ; anything else but 0 is git failing.
    if (run.status !== 0 && run.status !== 1) throw new Error(`git diff failed: ${run.stderr}`);
    // git's header names the temporary files: name the page instead.
    const body = run.stdout.split('\n').filter((l) => !/^(diff --git|index |new file mode|--- |\+\+\+ )/.test(l));
    return [`--- ${before === null ? '/dev/null' : `${title} (on the wiki)`}`, `+++ ${title} (to deploy)`, ...body].join('\n').trimEnd();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type Outcome = 'unchanged' | 'created' | 'updated' | 'would create' | 'would update';

/** Writes (or, in a dry run, compares) every page; returns what happened to each. */
export async function deployGadget(
  settings: DeploySettings,
  log: (line: string) => void = console.log,
): Promise<Array<{ title: string; outcome: Outcome }>> {
  const edit = summary((await checkSource(ROOT, settings.allowDirty)).dirty);
  const options = { apiUrl: settings.apiUrl, userAgent: `course-staff-deploy (${edit})`, silent: true, maxRetries: 2 };
  const bot = settings.username
    ? await Mwn.init({ ...options, username: settings.username, password: settings.password })
    : new Mwn(options);
  const current = async (title: string): Promise<string | null> => {
    const page = await bot.read(title);
    return page.missing ? null : (page.revisions?.[0]?.content ?? '');
  };
  const pages = await gadgetPages((await current(DEFINITIONS_PAGE)) ?? '');
  const results: Array<{ title: string; outcome: Outcome }> = [];
  for (const { title, text } of pages) {
    const before = await current(title);
    let outcome: Outcome;
    // MediaWiki drops trailing whitespace when it saves a page.
    if (before !== null && before.trimEnd() === text.trimEnd()) outcome = 'unchanged';
    else if (settings.dryRun) {
      outcome = before === null ? 'would create' : 'would update';
      log(await pageDiff(title, before, text));
    } else {
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
    else if (err instanceof DeployRefusedError) console.error(`Refused: ${err.message}`);
    // The wiki's refusal (a bad password, a missing right) is the whole story; mwn's object is huge.
    else if (err instanceof MwnError) console.error(`The wiki refused: ${err.message}`);
    else console.error(err);
    process.exitCode = 1;
  }
}
