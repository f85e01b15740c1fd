#!/usr/bin/env bash
# Screenshots of every page of the web app into docs/screenshots/, from a seeded register, with
# Debian's chromium (test/web/screenshots.test.ts). Builds the app first when it is out of date.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Without a Chinese font chromium draws every character as a box: refuse rather than overwrite the pictures.
if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then
  echo 'web-screenshots: 没有中文字体，截图中的汉字会是方框；请先安装（Debian：apt-get install fonts-noto-cjk）' >&2
  exit 1
fi
node scripts/web-build.mjs
GONGKAI_SCREENSHOTS=1 npx vitest run test/web/screenshots.test.ts
ls docs/screenshots/
