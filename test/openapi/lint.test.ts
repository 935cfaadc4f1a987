// The OpenAPI document passes Redocly's lint with the recommended rules (redocly.yaml), so client
// generators and documentation tools take it as it is. Run offline: telemetry and the update check
// are off, and where this machine allows it the linter runs without any network at all.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const REDOCLY = join(REPO, 'node_modules', '.bin', 'redocly');

/** `unshare -rn` (a private network namespace: no network) when the kernel lets us; else nothing. */
function withoutNetwork(): string[] {
  try {
    execFileSync('unshare', ['-rn', 'true'], { stdio: 'ignore' });
    return ['unshare', '-rn'];
  } catch {
    return [];
  }
}

describe('the OpenAPI document', () => {
  it('passes redocly lint (recommended rules) without an error or a warning', async (t) => {
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { logger: false });
    t.after(() => app.close());
    await app.ready();
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(app.swagger()));
    const [command = REDOCLY, ...args] = [...withoutNetwork(), REDOCLY, 'lint', file, '--format=json'];
    const run = spawnSync(command, args, {
      cwd: REPO, // where redocly.yaml is
      env: { PATH: process.env.PATH ?? '', HOME: dir, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.error, undefined, String(run.error));
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    assert.deepEqual(report.totals, { errors: 0, warnings: 0, ignored: 0 }, JSON.stringify(report.problems, null, 2));
    assert.equal(run.status, 0, run.stderr);
  });
});
