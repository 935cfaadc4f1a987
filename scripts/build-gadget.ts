// `npm run build:gadget`: gadget/src + gadget/i18n -> gadget/dist/course-staff.{js,css}, the files
// that go on the wiki as they are. The script is one ES5 file (MediaWiki 1.39 validates gadgets as
// ES5): the messages of every language, the pure core, then the MediaWiki-bound code, in one IIFE,
// wrapped in `// <nowiki>` so that saving the page records no template, link or signature.
// The output is committed (GADGET.md says why); test/gadget/build.test.ts checks it is up to date.

import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);
export const DIST = new URL('gadget/dist/', ROOT);
const SOURCES = ['src/core.js', 'src/gadget.js'];
const STYLE = 'src/course-staff.css';

/** Wikitext that a wiki would act on when the page is saved, even in a JS or CSS page. */
const WIKITEXT = /\{\{|\[\[|~~~|<\/?nowiki/i;

export interface GadgetBuild {
  script: string;
  style: string;
}

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

/** The deployable files, from the repository at `root` (its package.json, gadget/src, gadget/i18n). */
export async function buildGadget(root: URL = ROOT): Promise<GadgetBuild> {
  const gadget = new URL('gadget/', root);
  const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as PackageInfo;
  const parts = await Promise.all(
    SOURCES.map(async (name) => {
      const text = await readFile(new URL(name, gadget), 'utf8');
      assertNoWikitext(name, text);
      // The lint directives that declare one file's names to the other are no use in the joined file.
      return text.replace(/^\/\* (global|exported) [^*]*\*\/\n/gm, '').trimEnd();
    }),
  );
  const css = (await readFile(new URL(STYLE, gadget), 'utf8')).trimEnd();
  assertNoWikitext(STYLE, css);

  const script = [
    '// <nowiki>',
    '/**',
    ...header(pkg, 'adds a "Course staff" tab to user pages').map((l) => ` * ${l}`),
    ' */',
    '( function () {',
    messagesLiteral(await readMessages(root)),
    '',
    ...parts.flatMap((p) => [p, '']),
    '}() );',
    '// </nowiki>',
    '',
  ].join('\n');
  const style = ['/*', ...header(pkg, 'the styles of its tab and panel').map((l) => ` * ${l}`), ' */', css, ''].join('\n');
  return { script, style };
}

export async function writeGadget(build: GadgetBuild): Promise<void> {
  await mkdir(DIST, { recursive: true });
  await writeFile(new URL('course-staff.js', DIST), build.script);
  await writeFile(new URL('course-staff.css', DIST), build.style);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeGadget(await buildGadget());
  console.log(`wrote ${fileURLToPath(DIST)}course-staff.js and course-staff.css`);
}
