#!/usr/bin/env bash
# The benchmark (make bench): eol-table's release build against the peer, js-yaml + Grid.js,
# in headless Chromium. Builds pkg/, prepares the peer in target/bench-peer (copied from
# ../shared/bench/peer, or $PEER_DIR, and npm-installed only when missing or changed), then runs
# scripts/bench/run.mjs with this script's arguments (--runs N, --sizes 100,1000,10000).
# Writes target/bench/bench.json and target/bench/bench.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh

src=${PEER_DIR:-../shared/bench/peer}
peer=target/bench-peer
# installed: every dependency at the exact version peer's package.json pins
peer_ready() {
  [ -f "$peer/package.json" ] && cmp -s "$src/package.json" "$peer/package.json" &&
    cmp -s "$src/peer.mjs" "$peer/peer.mjs" &&
    (cd "$peer" && node -e '
      const deps = require("./package.json").dependencies;
      for (const [name, version] of Object.entries(deps))
        if (require(`./node_modules/${name}/package.json`).version !== version) process.exit(1);
    ' 2>/dev/null)
}
if [ -d "$src" ] && ! peer_ready; then
  echo "bench: installing the peer into $peer"
  rm -rf "$peer"
  mkdir -p target
  cp -r "$src" "$peer"
  chmod -R u+w "$peer"
  (cd "$peer" && npm install --no-audit --no-fund)
fi
[ -d "$peer/node_modules/gridjs" ] || { echo "bench: no peer in $peer and none at $src (set PEER_DIR)" >&2; exit 1; }

node scripts/bench/run.mjs "$@"
