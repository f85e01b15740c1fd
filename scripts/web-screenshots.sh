#!/usr/bin/env bash
# Screenshots of every page of the web app into docs/screenshots/, from a seeded register, with
# Debian's chromium (test/web/screenshots.test.ts). Builds the app first when it is out of date.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
node scripts/web-build.mjs
GONGKAI_SCREENSHOTS=1 npx vitest run test/web/screenshots.test.ts
ls docs/screenshots/
