// README's settings table, written from the settings table (settings.ts) so that its names, defaults
// and bounds cannot drift: `npm run docs:settings` puts it into README.md, and
// test/config/settings-table.test.ts fails while README's differs.

import { SETTINGS } from './settings.js';

const cell = (text: string): string => text.replaceAll('|', '\\|');

export function settingsTable(): string {
  const rows = Object.entries(SETTINGS).map(([name, s]) => `| \`${name}\` | ${cell(s.shownDefault)} | ${cell(s.allowed)} | ${cell(s.meaning)} |`);
  return ['| variable | default | allowed | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** `readme` with the table of its "Configuration" section replaced by settingsTable(). */
export function withSettingsTable(readme: string): string {
  const section = /(\n## Configuration\n(?:(?!\n\|)[^])*?\n)(\|.*\n)+/;
  if (!section.test(readme)) throw new Error('README has no table in a "## Configuration" section');
  return readme.replace(section, (_, before: string) => `${before}${settingsTable()}\n`);
}
