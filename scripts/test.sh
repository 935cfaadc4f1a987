#!/usr/bin/env bash
# `npm test`: make sure the system packages the tests need are here (installing them when we can),
# then run every test file. Node 20's `--test` given a folder silently runs 0 .ts files, so the
# files are listed explicitly.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Debian packages the tests need, each with what shows it is there: Redis, Chromium, and for
# test/gadget/wiki.test.ts a real MediaWiki (Debian's 1.39) with PHP's CLI and SQLite; PHP's mbstring
# also lets test/domain/first-letter-php.test.ts compare our first-letter rule with PHP's (MediaWiki's).
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/mediawiki/maintenance/install.php ] || missing+=(mediawiki)
command -v php >/dev/null 2>&1 || missing+=(php-cli)
php -r "exit(extension_loaded('pdo_sqlite') ? 0 : 1);" >/dev/null 2>&1 || missing+=(php-sqlite3)
php -r "exit(extension_loaded('mbstring') ? 0 : 1);" >/dev/null 2>&1 || missing+=(php-mbstring)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} (needed by the tests)..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2
  else
    echo "The tests need ${missing[*]}. Install them with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

shopt -s globstar nullglob
files=(test/**/*.test.ts)
if [ "$#" -gt 0 ]; then files=("$@"); fi
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
exec node --import tsx --test --test-reporter=spec "${files[@]}"
