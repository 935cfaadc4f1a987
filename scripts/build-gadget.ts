// `npm run build:gadget`: gadget/src + gadget/i18n -> gadget/dist/, the files that go on the wiki as
// they are: the loader every page view loads (course-staff.js), the main module it loads where there
// is something to do (course-staff-main.js: the English messages and which translations there are,
// the pure parts, then the MediaWiki-bound code), the main module's styles (course-staff.css), and
// one file for each other language (course-staff-i18n-<code>.js), which the main module loads for the
// readers whose language falls back to it. Each script is one ES5 file (MediaWiki 1.39 validates
// gadgets as ES5) wrapped in `// <nowiki>` so that saving the page records no template, link or
// signature.
// The output is committed (GADGET.md says why); test/gadget/build.test.ts checks it is up to date.

import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);
export const DIST = new URL('gadget/dist/', ROOT);
/** Each built script, its sources in order (each file's globals before their first use), and whether it holds the messages. */
export const SCRIPTS = {
  'course-staff.js': { what: 'loads the rest where a page needs it', sources: ['src/settings.js', 'src/loader.js'], messages: false },
  'course-staff-main.js': {
    what: 'the "Course staff" tab on user pages and badges in lists, loaded by course-staff.js',
    sources: [
      'src/settings.js', 'src/core.js', 'src/badges-core.js', 'src/languages.js', 'src/i18n.js',
      'src/ui.js', 'src/tab.js', 'src/badges.js', 'src/main.js',
    ],
    messages: true,
  },
} as const;
export type ScriptName = keyof typeof SCRIPTS;
const STYLE = 'src/course-staff.css';
export const STYLE_FILE = 'course-staff.css';
/** The language of the source messages, inlined in the main module; every other is a file of its own. */
export const SOURCE_LANGUAGE = 'en';
/** The built file of one translation (gadget/src/i18n.js loads it as MediaWiki:Gadget-<this>). */
export const translationFile = (code: string): string => `course-staff-i18n-${code}.js`;
/**
 * The wiki's own messages: a page of the main gadget that the wiki writes, never the build or the
 * deploy tool (gadget/src/i18n.js reads it; GADGET.md, "Languages").
 */
export const LOCAL_MESSAGES_FILE = 'course-staff-messages.json';

/** Wikitext that a wiki would act on when the page is saved, even in a JS or CSS page. */
const WIKITEXT = /\{\{|\[\[|~~~|<\/?nowiki/i;

/** The built files by name (gadget/dist/<name>): the scripts, the styles and one file per translation. */
export type GadgetBuild = Record<string, string>;

interface PackageInfo {
  name: string;
  version: string;
  repository?: string | { url: string };
}

/** A JS string literal with the characters wikitext reacts to (and ES5's line breaks) escaped. */
function jsString(text: string): string {
  return JSON.stringify(text).replace(
    /[{}[\]<>~\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Messages by language code, from every gadget/i18n/<lang>.json but qqq.json (documentation). */
export async function readMessages(root: URL = ROOT): Promise<Record<string, Record<string, string>>> {
  const dir = new URL('gadget/i18n/', root);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'qqq.json').sort();
  const result: Record<string, Record<string, string>> = {};
  for (const file of files) {
    const { '@metadata': _metadata, ...messages } = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const [key, value] of Object.entries(messages)) {
      if (typeof value !== 'string') throw new Error(`gadget/i18n/${file}: ${key} is not a string`);
    }
    result[file.slice(0, -'.json'.length)] = messages as Record<string, string>;
  }
  return result;
}

/** A JS object literal of messages, one per line, with `indent` before each. */
function messagesLiteral(messages: Record<string, string>, indent: string): string {
  const lines = Object.entries(messages).map(([key, text]) => `${indent}\t${jsString(key)}: ${jsString(text)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** A translation's version: a hash of its messages, so that a changed translation is a new URL. */
function translationVersion(messages: Record<string, string>): string {
  return createHash('sha256').update(JSON.stringify(messages)).digest('hex').slice(0, 10);
}

/**
 * What the main module holds of the messages: the English ones, and each translation's version and
 * whether it has every message (then no language after it in a fallback chain is needed).
 */
function mainMessages(byLanguage: Record<string, Record<string, string>>): string {
  const english = byLanguage[SOURCE_LANGUAGE];
  if (english === undefined) throw new Error(`gadget/i18n/${SOURCE_LANGUAGE}.json is missing`);
  const translations = Object.entries(byLanguage)
    .filter(([code]) => code !== SOURCE_LANGUAGE)
    .map(([code, messages]) => {
      const complete = Object.keys(english).every((key) => key in messages);
      return `\t${jsString(code)}: { version: ${jsString(translationVersion(messages))}, complete: ${complete} }`;
    });
  return [
    `var courseStaffEnglish = ${messagesLiteral(english, '')};`,
    `var courseStaffTranslations = {\n${translations.join(',\n')}\n};`,
  ].join('\n');
}

function source(pkg: PackageInfo): string {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return repo ?? `the ${pkg.name} repository`;
}

function header(pkg: PackageInfo, what: string): string[] {
  return [
    `Course staff gadget ${pkg.version}: ${what}.`,
    `Built from ${source(pkg)} (gadget/src, gadget/i18n) by \`npm run build:gadget\`.`,
    'Do not edit this page: change the source there; the next deploy overwrites this page.',
    'Installation, configuration and privacy: GADGET.md in that repository.',
  ];
}

/** A wiki page of one script, `body` in its `// <nowiki>` guard under the header. */
function scriptPage(pkg: PackageInfo, what: string, body: string[], more: string[] = []): string {
  return ['// <nowiki>', '/**', ...[...header(pkg, what), ...more].map((l) => ` * ${l}`), ' */', ...body, '// </nowiki>', ''].join('\n');
}

/** One translation's file: it hands its messages to the main module (gadget/src/i18n.js). */
function translationScript(pkg: PackageInfo, code: string, messages: Record<string, string>): string {
  return scriptPage(
    pkg,
    `its messages in ${code}, loaded by course-staff-main.js for readers whose language is or falls back to ${code}`,
    [`( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ ${jsString(code)} ] = ${messagesLiteral(messages, '')};`],
    [`A correction: gadget/i18n/${code}.json there, or on this wiki MediaWiki:Gadget-${LOCAL_MESSAGES_FILE} (GADGET.md, "Languages").`],
  );
}

/** Throws when a source file holds wikitext that would act on save (see WIKITEXT). */
function assertNoWikitext(name: string, text: string): void {
  const match = WIKITEXT.exec(text);
  if (match) {
    const line = text.slice(0, match.index).split('\n').length;
    throw new Error(`gadget/${name}:${line} holds "${match[0]}", which a wiki acts on when the page is saved`);
  }
}

/** A source file as it goes into a script: checked for wikitext, without its lint directives. */
async function sourcePart(gadget: URL, name: string): Promise<string> {
  const text = await readFile(new URL(name, gadget), 'utf8');
  assertNoWikitext(name, text);
  // The lint directives that declare one file's names to the others are no use in the joined file.
  return text.replace(/^\/\* (global|exported) [^*]*\*\/\n/gm, '').trimEnd();
}

/** The deployable files, from the repository at `root` (its package.json, gadget/src, gadget/i18n). */
export async function buildGadget(root: URL = ROOT): Promise<GadgetBuild> {
  const gadget = new URL('gadget/', root);
  const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as PackageInfo;
  const byLanguage = await readMessages(root);
  const messages = mainMessages(byLanguage);
  const script = async (name: ScriptName): Promise<string> => {
    const { what, sources, messages: withMessages } = SCRIPTS[name];
    const parts = await Promise.all(sources.map((source) => sourcePart(gadget, source)));
    return scriptPage(pkg, what, ['( function () {', ...(withMessages ? [messages, ''] : []), ...parts.flatMap((p) => [p, '']), '}() );']);
  };
  const css = (await readFile(new URL(STYLE, gadget), 'utf8')).trimEnd();
  assertNoWikitext(STYLE, css);
  const translations = Object.entries(byLanguage).filter(([code]) => code !== SOURCE_LANGUAGE);
  return {
    'course-staff.js': await script('course-staff.js'),
    'course-staff-main.js': await script('course-staff-main.js'),
    [STYLE_FILE]: ['/*', ...header(pkg, 'the styles of its tab, panel, badges and card').map((l) => ` * ${l}`), ' */', css, ''].join('\n'),
    ...Object.fromEntries(translations.map(([code, m]) => [translationFile(code), translationScript(pkg, code, m)])),
  };
}

/** Writes the build to gadget/dist/, and removes what an earlier build left there (a dropped language). */
export async function writeGadget(build: GadgetBuild, dist: URL = DIST): Promise<void> {
  await mkdir(dist, { recursive: true });
  for (const name of await readdir(dist)) {
    if (/\.(js|css)$/.test(name) && !(name in build)) await rm(new URL(name, dist));
  }
  for (const [name, text] of Object.entries(build)) await writeFile(new URL(name, dist), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const build = await buildGadget();
  await writeGadget(build);
  console.log(`wrote ${Object.keys(build).length} files to ${fileURLToPath(DIST)}`);
}
