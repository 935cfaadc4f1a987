// mediaWikiUcfirst against MediaWiki's rule as PHP itself computes it, for every code point. Since the
// title-case migration (T292552) Language::ucfirst is `$overrides[$c] ?? mb_convert_case($c, MB_CASE_TITLE)`,
// with Wikimedia's override table (src/domain/ucfirst-overrides.ts) on top. PHP with mbstring is part of the MediaWiki install
// that the end-to-end tests use; without it this test fails and says what to install.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mediaWikiUcfirst } from '../../src/domain/first-letter.js';
import { UCFIRST_OVERRIDES } from '../../src/domain/ucfirst-overrides.js';

const INSTALL = 'apt-get install -y php-cli php-mbstring';

// For each code point that PHP title- or upper-cases: "hex<TAB>title as UTF-8 hex<TAB>upper as UTF-8 hex".
const DUMP = `
echo PHP_VERSION, "\\n";
for ($i = 0x80; $i <= 0x10FFFF; $i++) {
  if ($i >= 0xD800 && $i <= 0xDFFF) continue;
  $c = mb_chr($i, 'UTF-8');
  $t = mb_convert_case($c, MB_CASE_TITLE, 'UTF-8');
  $u = mb_strtoupper($c, 'UTF-8');
  if ($t !== $c || $u !== $c) echo dechex($i), "\\t", bin2hex($t), "\\t", bin2hex($u), "\\n";
}`;

interface PhpCases {
  version: string;
  cases: Map<number, { title: string; upper: string }>;
}

function phpCases(): PhpCases {
  let out: string;
  try {
    out = execFileSync('php', ['-r', DUMP], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    assert.fail(`comparing with MediaWiki's first-letter rule needs PHP with mbstring (${String(e).split('\n')[0]}). Install it: ${INSTALL}`);
  }
  const [version = '', ...lines] = out.trimEnd().split('\n');
  const utf8 = (hex: string) => Buffer.from(hex, 'hex').toString('utf8');
  const cases = new Map<number, { title: string; upper: string }>();
  for (const line of lines) {
    const [code = '', title = '', upper = ''] = line.split('\t');
    cases.set(parseInt(code, 16), { title: utf8(title), upper: utf8(upper) });
  }
  return { version, cases };
}

test('mediaWikiUcfirst agrees with PHP\'s mb_convert_case(MB_CASE_TITLE) and Wikimedia\'s override, except where PHP\'s Unicode is older', (t) => {
  const { version, cases } = phpCases();
  // The examples of issue 11, as PHP gives them: the comparison is with the right rule.
  assert.equal(cases.get(0x01c6)?.title, 'ǅ');
  assert.equal(cases.get(0x10d0)?.title, 'ა', 'PHP title-cases Georgian ა to itself');
  let compared = 0;
  const newer: string[] = [];
  for (let code = 0x80; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCodePoint(code);
    if (c.normalize('NFC') !== c) continue; // cannot start a canonical (NFC) name
    compared++;
    const php = cases.get(code);
    // Language::ucfirst: the override, else PHP's title case (which leaves 'ΐ' -> 'Ϊ́' unnormalised).
    const wanted = Object.hasOwn(UCFIRST_OVERRIDES, c) ? UCFIRST_OVERRIDES[c] : (php?.title ?? c).normalize('NFC');
    const got = mediaWikiUcfirst(c);
    if (got === wanted) continue;
    const where = `U+${code.toString(16).toUpperCase()} ${c}: MediaWiki ${JSON.stringify(wanted)}, ours ${JSON.stringify(got)}`;
    // PHP has no case mapping at all for it, Node has: a case pair from a later Unicode version.
    assert.ok(php === undefined && c.toUpperCase() !== c, where);
    newer.push(`${c} U+${code.toString(16).toUpperCase()}`);
  }
  assert.ok(compared > 200_000, `compared ${compared} code points`);
  t.diagnostic(`PHP ${version}; capitalised here but not by its older Unicode: ${newer.length} (${newer.slice(0, 8).join(', ')}…)`);
});
