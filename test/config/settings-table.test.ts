// README's settings table is the settings table (src/config/settings.ts) written out, every row of that
// table is a setting the service reads, and where the docs say a setting's default in passing, it is
// the default the service uses.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError, MB } from '../../src/config/env-values.js';
import { SETTINGS, type SettingName } from '../../src/config/settings.js';
import { settingsTable, withSettingsTable } from '../../src/config/settings-table.js';

const doc = (name: string): string => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
const NAMES = Object.keys(SETTINGS) as SettingName[];

describe("README's settings table", () => {
  it('is the one written from the settings table (npm run docs:settings)', () => {
    const readme = doc('README.md');
    assert.equal(readme, withSettingsTable(readme));
    assert.ok(readme.includes(settingsTable()));
  });

  it('has a row per setting, each with its default and bounds', () => {
    const rows = settingsTable().split('\n').slice(2);
    assert.equal(rows.length, NAMES.length);
    assert.ok(rows.includes('| `USER_CACHE_TTL` | `900` (15 min) | 1–604800 s (7 days) | ' + SETTINGS.USER_CACHE_TTL.meaning + ' |'));
    assert.ok(rows.some((r) => r.startsWith('| `ANSWER_MAX_PARALLEL_READS` | `UPSTREAM_CONCURRENCY` | 1–64 |')));
  });

  it('replaces only the table of the Configuration section', () => {
    const readme = '# T\n\n## Configuration\n\nText.\n\n| old | table |\n|---|---|\n| `X` | 1 |\n\n## Next\n\n| other | table |\n';
    assert.equal(withSettingsTable(readme), `# T\n\n## Configuration\n\nText.\n\n${settingsTable()}\n\n## Next\n\n| other | table |\n`);
    assert.throws(() => withSettingsTable('# T\n\n## Other\n\n| a |\n'), /Configuration/);
  });
});

describe('the settings table', () => {
  // With Redis configured, so that its settings are read too.
  const redis = { REDIS_HOST: 'redis.example' };

  it('lists only settings the service reads: a wrong value of each stops the start, naming it', () => {
    const checked = NAMES.filter((name) => {
      try {
        loadConfig({ ...redis, [name]: 'not\u0001valid' });
        return false; // a kind that takes any text (HOST, REDIS_PASSWORD, ...)
      } catch (err) {
        assert.ok(err instanceof ConfigError && err.variable === name, `${name}: ${String(err)}`);
        return true;
      }
    });
    assert.ok(checked.length >= NAMES.length - 4, `${NAMES.length - checked.length} take any text`);
  });

  it('gives the defaults the docs name in passing (`NAME` (10 s))', () => {
    const toConfigUnit: Record<string, number> = { '': 1, ms: 1, s: 1000, min: 60_000, h: 3_600_000, day: 86_400_000, days: 86_400_000, MB };
    let seen = 0;
    for (const file of ['README.md', 'DEPLOYMENT.md', 'BENCHMARKS.md', 'GADGET.md']) {
      for (const [, name = '', value = '', unit = ''] of doc(file).matchAll(/`([A-Z][A-Z0-9_]+)` \(([\d.,]+) ?(ms|s|min|h|days?|MB)?\)/g)) {
        if (!(name in SETTINGS)) continue;
        const said = Number(value.replaceAll(',', '')) * (toConfigUnit[unit] ?? NaN);
        const actual = SETTINGS[name as SettingName].read(redis, name);
        assert.equal(said, actual, `${file}: ${name} (${value} ${unit})`);
        seen++;
      }
    }
    assert.ok(seen >= 8, `${seen} defaults named in passing`);
  });
});
