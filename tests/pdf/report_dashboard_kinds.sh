#!/usr/bin/env bash
# A dashboard file with one block of every chart kind (trend, comparison,
# bullet, variance, status, small_multiples) renders, with each block's
# title, its table and the figures as text, and poppler and qpdf content;
# the shipped dashboard renders too. Then `chitieu chart --indicator` draws
# a trend and a comparison from the database as PNG and SVG.
set -u
. "$SRC/tests/tools/pdf_checks.sh"
pdf_test pdftotext qpdf pdfinfo python3
cd "$SRC"
db=$tmp/t.db
sample_db "$db"
cp -r config "$tmp/cfg"
cat >"$tmp/cfg/dashboards/kinds.yaml" <<'YAML'
title: Mọi loại biểu đồ
locality: dien-bien
children: true
period: 2024-Q3
blocks:
  - title: Khối xu hướng
    indicators: [grdp_growth, budget_revenue]
    chart: trend
  - title: Khối so sánh đơn vị
    indicators: [poverty_rate]
    chart: comparison
  - title: Khối mức đạt
    indicators: [grdp_growth, income_per_capita, food_output]
    chart: bullet
  - title: Khối chênh lệch
    indicators: [poverty_rate, health_insurance, trained_labour]
    chart: variance
  - title: Khối tình hình
    group: Xã hội
    chart: status
  - title: Khối biểu đồ nhỏ
    indicators: [forest_cover]
    chart: small_multiples
YAML
"$CHITIEU" --config "$tmp/cfg" check >/dev/null || fail "config check"
export SOURCE_DATE_EPOCH=1735603200
out=$tmp/k.pdf
"$CHITIEU" -q --config "$tmp/cfg" --db "$db" report --dashboard kinds -o "$out" || fail "report"
check_quiet "$out"
check_footers "$out"
check_outline "$out"
txt=$(pdftotext -enc UTF-8 "$out" - | tr -s ' \n' ' ')
for want in "Mọi loại biểu đồ" "Tỉnh Điện Biên — quý III/2024" "Khối xu hướng" "Khối so sánh đơn vị" \
            "Khối mức đạt" "Khối chênh lệch" "Khối tình hình" "Khối biểu đồ nhỏ" \
            "Tỷ lệ che phủ rừng" "Mường Nhé" "Kế hoạch (%)" "7,84" "Nguồn số liệu" \
            "Số liệu nhập từ tệp dien-bien-2023-2024.csv" "chỉ tiêu đạt và vượt kế hoạch"; do
  grep -qF -- "$want" <<<"$txt" || fail "pdftotext lacks '$want'"
done
# small multiples: the province and each district is a panel titled by its name
for want in "Điện Biên Phủ" "Tủa Chùa" "Nậm Pồ"; do
  grep -qF -- "$want" <<<"$txt" || fail "small multiples lack the panel '$want'"
done

"$CHITIEU" -q --db "$db" report --dashboard dien-bien -o "$tmp/shipped.pdf" || fail "shipped dashboard"
check_quiet "$tmp/shipped.pdf"
"$CHITIEU" -q --db "$db" report --period 2024 --locality dien-bien -o "$tmp/year.pdf" || fail "year dashboard"
pdftotext -enc UTF-8 "$tmp/year.pdf" - | grep -qF "Thực hiện cả năm so với kế hoạch năm và năm trước" ||
  fail "a year's dashboard does not say it compares with the year before"

# chitieu chart from the database
"$CHITIEU" -q --db "$db" chart --kind trend --indicator grdp_growth --period 2024-Q3 \
  --locality dien-bien -o "$tmp/t.png" || fail "chart trend png"
[ "$(head -c 8 "$tmp/t.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "not a PNG"
"$CHITIEU" -q --db "$db" chart --kind comparison --indicator poverty_rate --period 2024-Q3 \
  --locality dien-bien -o "$tmp/c.svg" || fail "chart comparison svg"
grep -q "<svg" "$tmp/c.svg" || fail "not an SVG"
"$CHITIEU" --db "$db" chart --kind bullet --indicator poverty_rate --period 2024 -o "$tmp/x.png" 2>"$tmp/err"
[ $? -eq 2 ] && grep -qF "trend or comparison" "$tmp/err" || fail "bullet from the store: $(cat "$tmp/err")"
"$CHITIEU" --db "$db" chart --kind trend --indicator nothing --period 2024 -o "$tmp/x.png" 2>"$tmp/err"
[ $? -eq 1 ] && grep -qF "unknown indicator 'nothing'" "$tmp/err" || fail "unknown indicator: $(cat "$tmp/err")"
[ -e "$tmp/x.png" ] && fail "a failed chart left a file"
echo ok
