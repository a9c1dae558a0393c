#!/usr/bin/env bash
# make pack: the npm package as npm would publish it, `npm pack` of the built pkg/, written into
# DEST (default target/); prints the tarball's path. Install it in an app with
# `npm install ./eol-table-<version>.tgz`: npm copies the files, where `npm install <folder>`
# would link the folder (which Vite's dev server then refuses to serve from; see README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dest=${1:-target}
[ -f pkg/package.json ] || { echo "pack: pkg/ is not built: run 'make build' first" >&2; exit 1; }
mkdir -p "$dest"
file=$(npm pack ./pkg --pack-destination "$dest" --silent --json | node -e '
  let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => console.log(JSON.parse(text)[0].filename));
')
echo "$dest/$file"
