#!/usr/bin/env bash
# `npm test`: make sure the system packages the tests need are here (installing them when we can),
# then run every test file. Node 20's `--test` given a folder silently runs 0 .ts files, so the
# files are listed explicitly.
set -euo pipefail
cd "$(dirname "$0")/.."

install_or_explain() { # Debian package, what needs it
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $1 (needed by the tests for $2)..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1") >&2
  else
    echo "The tests need $2. Install it with:  sudo apt-get install -y $1" >&2
    exit 1
  fi
}
need_package() { # command, Debian package
  command -v "$1" >/dev/null 2>&1 || install_or_explain "$2" "'$1'"
}
need_package redis-server redis-server
need_package chromium chromium
# test/domain/first-letter-php.test.ts checks our first-letter rule against PHP's own (MediaWiki's).
need_package php php-cli
php -r 'exit(function_exists("mb_convert_case") ? 0 : 1);' 2>/dev/null || install_or_explain php-mbstring "PHP's mbstring"

shopt -s globstar nullglob
files=(test/**/*.test.ts)
if [ "$#" -gt 0 ]; then files=("$@"); fi
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
exec node --import tsx --test --test-reporter=spec "${files[@]}"
