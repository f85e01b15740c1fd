#!/usr/bin/env bash
# The LibreOffice check of the DOCX renderer (npm run test:office).
#
# Builds, renders seeds 000 and 002 (read with the pipeline) to .docx, converts each to PDF with
# LibreOffice, and checks with pdftotext that every table label of the format's spec and every
# figure of the report is in the PDF. Writes PNGs of seed 000's first page and of the page with
# table 三 to docs/. Installs nothing: needs libreoffice (or soffice), pdftotext and pdftoppm
# (Debian: apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() {
  echo "office-check: $*" >&2
  exit 1
}

office=$(command -v libreoffice || command -v soffice || true)
[ -n "$office" ] || fail "libreoffice (or soffice) not found; install it, e.g. apt-get install -y libreoffice-writer-nogui fonts-noto-cjk"
for tool in pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || fail "$tool not found; install it, e.g. apt-get install -y poppler-utils"
done
if command -v fc-list >/dev/null && ! fc-list : family | grep "Noto Serif CJK" >/dev/null; then
  echo "office-check: warning: Noto Serif CJK not installed (fonts-noto-cjk); Chinese text may not render" >&2
fi

start=$(date +%s)
npm run build --silent

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

node scripts/office-check.mjs render "$work"

# The official fonts map to fonts-noto-cjk through this fontconfig file; a private profile keeps
# LibreOffice off the user's own and lets checks run side by side.
export FONTCONFIG_FILE="$PWD/scripts/office-fonts.conf"
for docx in "$work"/seed-*.docx; do
  "$office" --headless "-env:UserInstallation=file://$work/profile" \
    --convert-to pdf --outdir "$work" "$docx" >"$work/convert.log" 2>&1 ||
    fail "LibreOffice could not convert $(basename "$docx"): $(cat "$work/convert.log")"
  [ -s "${docx%.docx}.pdf" ] || fail "LibreOffice wrote no PDF for $(basename "$docx"): $(cat "$work/convert.log")"
done

node scripts/office-check.mjs verify "$work"

page=$(cat "$work/seed-000.table-page")
[ "$page" -gt 0 ] || fail "table 三 of seed 000 not found in its PDF"
mkdir -p docs
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/seed-000.pdf" docs/docx-seed000-page1
pdftoppm -png -r 60 -f "$page" -l "$page" -singlefile "$work/seed-000.pdf" docs/docx-seed000-table
for png in docs/docx-seed000-page1.png docs/docx-seed000-table.png; do
  size=$(wc -c <"$png")
  [ "$size" -lt 204800 ] || fail "$png is $size bytes (over 200 KB)"
done
echo "office-check: wrote docs/docx-seed000-page1.png and docs/docx-seed000-table.png (table 三 on page $page)"
echo "office-check: passed in $(($(date +%s) - start)) s"
