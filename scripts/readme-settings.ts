// `npm run docs:settings`: writes README's settings table from src/config/settings.ts.

import { readFileSync, writeFileSync } from 'node:fs';
import { withSettingsTable } from '../src/config/settings-table.js';

const README = new URL('../README.md', import.meta.url);
writeFileSync(README, withSettingsTable(readFileSync(README, 'utf8')));
