// `npm run build:gadget`: gadget/src + gadget/i18n -> gadget/dist/, the files that go on the wiki as
// they are: the loader every page view loads (course-staff.js), the main module it loads where there
// is something to do (course-staff-main.js: the messages of every language, the pure parts, then the
// MediaWiki-bound code), and the main module's styles (course-staff.css). Each script is one ES5 file
// (MediaWiki 1.39 validates gadgets as ES5) in one IIFE, wrapped in `// <nowiki>` so that saving the
// page records no template, link or signature.
// The output is committed (GADGET.md says why); test/gadget/build.test.ts checks it is up to date.

import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);
export const DIST = new URL('gadget/dist/', ROOT);
/** Each built script, its sources in order (each file's globals before their first use), and whether it holds the messages. */
export const SCRIPTS = {
  'course-staff.js': { what: 'loads the rest where a page needs it', sources: ['src/settings.js', 'src/loader.js'], messages: false },
  'course-staff-main.js': {
    what: 'the "Course staff" tab on user pages and badges in lists, loaded by course-staff.js',
    sources: ['src/settings.js', 'src/core.js', 'src/badges-core.js', 'src/ui.js', 'src/tab.js', 'src/badges.js', 'src/main.js'],
    messages: true,
  },
} as const;
export type ScriptName = keyof typeof SCRIPTS;
const STYLE = 'src/course-staff.css';
export const STYLE_FILE = 'course-staff.css';

/** Wikitext that a wiki would act on when the page is saved, even in a JS or CSS page. */
const WIKITEXT = /\{\{|\[\[|~~~|<\/?nowiki/i;

/** The built files by name (gadget/dist/<name>). */
export type GadgetBuild = Record<ScriptName | typeof STYLE_FILE, string>;

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

function messagesLiteral(byLanguage: Record<string, Record<string, string>>): string {
  const languages = Object.entries(byLanguage).map(([lang, messages]) => {
    const lines = Object.entries(messages).map(([key, text]) => `\t\t${jsString(key)}: ${jsString(text)}`);
    return `\t${jsString(lang)}: {\n${lines.join(',\n')}\n\t}`;
  });
  return `var courseStaffMessages = {\n${languages.join(',\n')}\n};`;
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
  const messages = messagesLiteral(await readMessages(root));
  const script = async (name: ScriptName): Promise<string> => {
    const { what, sources, messages: withMessages } = SCRIPTS[name];
    const parts = await Promise.all(sources.map((source) => sourcePart(gadget, source)));
    return [
      '// <nowiki>',
      '/**',
      ...header(pkg, what).map((l) => ` * ${l}`),
      ' */',
      '( function () {',
      ...(withMessages ? [messages, ''] : []),
      ...parts.flatMap((p) => [p, '']),
      '}() );',
      '// </nowiki>',
      '',
    ].join('\n');
  };
  const css = (await readFile(new URL(STYLE, gadget), 'utf8')).trimEnd();
  assertNoWikitext(STYLE, css);
  return {
    'course-staff.js': await script('course-staff.js'),
    'course-staff-main.js': await script('course-staff-main.js'),
    [STYLE_FILE]: ['/*', ...header(pkg, 'the styles of its tab, panel, badges and card').map((l) => ` * ${l}`), ' */', css, ''].join('\n'),
  };
}

export async function writeGadget(build: GadgetBuild, dist: URL = DIST): Promise<void> {
  await mkdir(dist, { recursive: true });
  for (const [name, text] of Object.entries(build)) await writeFile(new URL(name, dist), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeGadget(await buildGadget());
  console.log(`wrote ${Object.keys(SCRIPTS).concat(STYLE_FILE).map((name) => fileURLToPath(new URL(name, DIST))).join(', ')}`);
}
