// A real MediaWiki for the gadget's browser tests: Debian's `mediawiki` package (1.39 LTS) with
// SQLite, installed into a fresh temporary folder with install.php, filled by
// scripts/mediawiki/setup.php, served by PHP's built-in server on a free loopback port. Nothing is
// kept between runs; close() (or the process's exit, even after a failure) stops PHP and removes
// the folder.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../support/free-port.js';

/** Where Debian's package puts MediaWiki's code (MW_INSTALL_PATH overrides it). */
export const MEDIAWIKI_DIR = process.env.MW_INSTALL_PATH ?? '/usr/share/mediawiki';
export const INSTALL_HINT = 'apt-get install -y mediawiki php-sqlite3 php-cli';
const SCRIPTS = fileURLToPath(new URL('../../../scripts/mediawiki/', import.meta.url));
const SKINS = ['Vector', 'MonoBook', 'Timeless', 'MinervaNeue'];

export interface Account {
  name: string;
  password?: string;
  groups?: string[];
  /** Preferences, e.g. `{ 'gadget-course-staff': 1 }` to enable a gadget. */
  options?: Record<string, string | number>;
  botPassword?: { appId: string; password: string; grants: string[] };
}

export interface Edit {
  /** An account's name, or an IP address for an edit without an account. */
  user: string;
  title: string;
  text: string;
  summary?: string;
}

/** What scripts/mediawiki/setup.php puts into a wiki. */
export interface WikiContent {
  accounts?: Account[];
  /** Title -> wikitext (or JS/CSS, by the title's content model), saved by a system user. */
  pages?: Record<string, string>;
  /** Edits by named users, in order (after the pages). */
  edits?: Edit[];
  /** Pages put on users' watchlists. */
  watch?: Array<{ user: string; title: string }>;
}

export interface WikiSpec extends WikiContent {
  /** `$wgDBname`, which pages see as `wgDBname` (install.php's default: my_wiki). */
  dbName?: string;
  /** The wiki's content language, also its readers' default interface language (default: en). */
  language?: string;
  accounts: Account[];
  pages: Record<string, string>;
}

export interface TestWiki {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  apiUrl: string;
  /** index.php?title=<title>&<params>. */
  pageUrl(title: string, params?: Record<string, string>): string;
  /** PHP's own log (its server's stderr), for failure messages. */
  log(): string;
  /** Adds accounts, pages, edits or watchlist entries while the wiki runs. */
  fill(content: WikiContent): Promise<void>;
  close(): Promise<void>;
}

/** A password that MediaWiki's password policy accepts. */
export function newPassword(): string {
  return `Pw-${randomBytes(12).toString('hex')}`;
}

/** A bot password: MediaWiki takes a login as one only for 32 or more of [0-9a-w]. */
export function newBotPassword(): string {
  return randomBytes(16).toString('hex');
}

function missingPackages(): string | null {
  const php = spawnSync('php', ['-r', "exit(extension_loaded('pdo_sqlite') ? 0 : 1);"]);
  if (php.error !== undefined || php.status !== 0 || !existsSync(join(MEDIAWIKI_DIR, 'maintenance/install.php'))) {
    return `The MediaWiki tests need Debian's mediawiki with PHP's CLI and SQLite. Install them with:  ${INSTALL_HINT}`;
  }
  return null;
}

/** Runs a PHP script to its end; rejects with its output when it fails. */
function php(args: string[], env: Record<string, string>, stdin = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('php', args, { cwd: MEDIAWIKI_DIR, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`php ${args[0]} failed (${code}):\n${output}`))));
    child.stdin.end(stdin);
  });
}

async function waitUntilServing(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`php -S exited:\n${log()}`);
    try {
      const res = await fetch(`${url}/api.php?action=query&meta=siteinfo&format=json`);
      if (res.ok && (await res.json()) !== null) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the wiki did not answer on ${url} within 30 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startWiki(spec: WikiSpec): Promise<TestWiki> {
  const missing = missingPackages();
  if (missing !== null) throw new Error(missing);

  const dir = await mkdtemp(join(tmpdir(), 'course-staff-wiki-'));
  let server: ChildProcess | undefined;
  // PHP's server forks workers: it runs in its own process group, which is ended as a whole.
  const killServer = () => {
    if (server?.pid !== undefined && server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  const onExit = () => {
    killServer();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  let serverLog = '';

  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    await php(
      [
        'maintenance/install.php',
        '--dbtype=sqlite', `--dbpath=${join(dir, 'db')}`, `--confpath=${dir}`,
        ...(spec.dbName === undefined ? [] : [`--dbname=${spec.dbName}`]),
        `--server=${url}`, '--scriptpath=', `--lang=${spec.language ?? 'en'}`,
        '--extensions=Gadgets', `--skins=${SKINS.join(',')}`,
        `--pass=${newPassword()}`, 'TestWiki', 'Admin',
      ],
      {},
    );
    const config = join(dir, 'LocalSettings.php');
    await appendFile(config, `\nrequire ${JSON.stringify(join(SCRIPTS, 'TestSettings.php'))};\n`);
    const env = { MW_INSTALL_PATH: MEDIAWIKI_DIR, MW_CONFIG_FILE: config };
    const fill = async (content: WikiContent) => {
      await php([join(SCRIPTS, 'setup.php')], env, JSON.stringify({ accounts: [], pages: {}, ...content }));
    };
    await fill(spec);

    server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', MEDIAWIKI_DIR, 'maintenance/dev/includes/router.php'], {
      cwd: MEDIAWIKI_DIR,
      env: { ...process.env, ...env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    // Keep the end of PHP's request log only: it is for failure messages.
    server.stderr?.on('data', (c: Buffer) => (serverLog = (serverLog + c.toString('utf8')).slice(-20_000)));
    await waitUntilServing(url, server, () => serverLog);

    return {
      url,
      apiUrl: `${url}/api.php`,
      pageUrl: (title, params = {}) => `${url}/index.php?${new URLSearchParams({ title, ...params })}`,
      log: () => serverLog,
      fill,
      async close() {
        process.removeListener('exit', onExit);
        killServer();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    process.removeListener('exit', onExit);
    onExit();
    throw err;
  }
}
