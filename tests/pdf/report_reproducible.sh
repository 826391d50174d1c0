#!/usr/bin/env bash
# With SOURCE_DATE_EPOCH set, two runs on the same database and config give
# byte-identical PDFs (dashboard and briefing pack).
set -u
. "$SRC/tests/tools/pdf_checks.sh"
pdf_test
db=$tmp/t.db
cd "$SRC"
sample_db "$db"
export SOURCE_DATE_EPOCH=1735603200
for i in 1 2; do
  "$CHITIEU" -q --db "$db" report --period 2024-Q3 --locality dien-bien -o "$tmp/d$i.pdf" || fail "report $i"
  "$CHITIEU" -q --db "$db" brief config/meetings/giao-ban-quy-3-2024.yaml -o "$tmp/b$i.pdf" || fail "brief $i"
done
cmp -s "$tmp/d1.pdf" "$tmp/d2.pdf" || fail "dashboards differ"
cmp -s "$tmp/b1.pdf" "$tmp/b2.pdf" || fail "briefing packs differ"
echo ok
