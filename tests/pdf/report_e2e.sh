#!/usr/bin/env bash
# End to end: ingest the sample texts and the sample CSV into a temporary
# database, write the Mường Lay dashboard, and check the PDF with real
# tools: pdftotext gives the Vietnamese back (names, an indicator, a figure
# from the texts), qpdf and pdfinfo accept the file, fonts are embedded,
# and poppler prints no warning.
set -u
. "$SRC/tests/tools/pdf_checks.sh"
pdf_test pdftotext qpdf pdfinfo pdffonts
db=$tmp/t.db
cd "$SRC"
sample_db "$db"
out=$tmp/ml.pdf
"$CHITIEU" -q --db "$db" report --period 2024 --locality muong-lay -o "$out" || fail "report"
[ -s "$out" ] || fail "no PDF written"

txt=$(pdftotext -enc UTF-8 "$out" - 2>"$tmp/warn") || fail "pdftotext"
[ -s "$tmp/warn" ] && fail "poppler warns: $(head -3 "$tmp/warn")"
for want in "Mường Lay" "Thị xã Mường Lay" "Tỷ lệ hộ nghèo" "Thu nhập bình quân đầu người" \
            "48,2" "Kế hoạch" "Thực hiện" "Nguồn số liệu" "Trang 1/"; do
  grep -qF "$want" <<<"$txt" || fail "pdftotext lacks '$want'"
done
qpdf --check "$out" >"$tmp/qpdf" 2>&1 || fail "qpdf --check: $(tail -3 "$tmp/qpdf")"
pdfinfo "$out" >"$tmp/info" 2>&1 || fail "pdfinfo"
grep -q "^Pages:" "$tmp/info" || fail "pdfinfo has no page count"
fonts=$(pdffonts "$out") || fail "pdffonts"
grep -q "NotoSans" <<<"$fonts" || fail "Noto Sans not used"
if awk 'NR>2 && $(NF-4)!="yes"{bad=1} END{exit !bad}' <<<"$fonts"; then
  fail "a font is not embedded: $fonts"
fi
echo "ok: $(grep ^Pages: "$tmp/info")"
