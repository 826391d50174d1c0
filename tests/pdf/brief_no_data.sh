#!/usr/bin/env bash
# A child locality with no figure at all gets no section in the briefing
# pack, but is named on the summary page: none is dropped silently.
set -u
. "$SRC/tests/tools/pdf_checks.sh"
pdf_test pdftotext
cd "$SRC"
cp -r config "$tmp/config"
cat >>"$tmp/config/localities.yaml" <<'YAML'
  - code: huyen-thu-nghiem
    name: Thử Nghiệm
    level: huyện
    parent: dien-bien
YAML
db=$tmp/t.db
"$CHITIEU" -q --config "$tmp/config" --db "$db" import examples/data/dien-bien-2023-2024.csv || fail "import"
"$CHITIEU" -q --config "$tmp/config" --db "$db" brief config/meetings/giao-ban-quy-3-2024.yaml -o "$tmp/b.pdf" || fail "brief"
txt=$(pdftotext -enc UTF-8 "$tmp/b.pdf" -) || fail "pdftotext"
grep -qF "1 đơn vị chưa có số liệu nào" <<<"$txt" || fail "the locality without figures is not mentioned"
grep -qF "Thử Nghiệm" <<<"$txt" || fail "its name is missing"
grep -qF "Huyện Thử Nghiệm" <<<"$txt" && fail "it got a section of its own"
echo ok
