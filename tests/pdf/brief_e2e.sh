#!/usr/bin/env bash
# End to end: the Q3/2024 briefing pack of the sample meeting from the
# sample texts and CSV. Checks the page count and every footer, the
# Vietnamese that pdftotext gives back (names, indicators, a figure of the
# CSV, sources), the bookmarks (decoded titles, each on the page it points
# to), the table of contents (page numbers and links agree with the
# bookmarks), embedded subset fonts, qpdf --check, and no poppler warning.
set -u
. "$SRC/tests/tools/pdf_checks.sh"
pdf_test pdftotext qpdf pdfinfo pdffonts python3
cd "$SRC"
db=$tmp/t.db
sample_db "$db"
export SOURCE_DATE_EPOCH=1735603200 # 31/12/2024
out=$tmp/b.pdf
"$CHITIEU" -q --db "$db" brief config/meetings/giao-ban-quy-3-2024.yaml -o "$out" || fail "brief"

# Cover, contents, summary, 11 units (province and ten districts: the
# province, Mường Lay and Mường Ảng take two pages each, the others one),
# six comparison pages and the appendix: 24 pages with this data. A change
# of layout that moves this number should be looked at, then written here.
# (Mường Ảng's table has 15 rows since the targets of its 6-month report
# are linked to their indicators; it was on one page with 11.)
n=$(pages "$out")
[ "$n" = 24 ] || fail "the pack has $n pages, want 24"
check_quiet "$out"
check_footers "$out"

txt=$(pdftotext -enc UTF-8 "$out" -)
for want in "TÀI LIỆU PHỤC VỤ CUỘC HỌP" "Giao ban kinh tế - xã hội quý III năm 2024" \
            "Ngày họp: 15/10/2024" "Địa điểm: Hội trường UBND tỉnh Điện Biên" \
            "Nguồn: văn bản mới nhất ngày" "Mục lục" "Tổng hợp kết quả thực hiện chỉ tiêu" \
            "Thị xã Mường Lay" "Huyện Mường Nhé" "Huyện Điện Biên Đông" "Mường Ảng" \
            "Tỷ lệ hộ nghèo" "Tốc độ tăng trưởng kinh tế (GRDP)" "7,84" "2.017,5" \
            "Chưa có số liệu thực hiện:" "Kế hoạch (%)" "Thực hiện (tỷ đồng)" "% KH" \
            "So cùng kỳ" "+1,0 điểm" "Phụ lục: nguồn số liệu" \
            "Số liệu nhập từ tệp dien-bien-2023-2024.csv" "03-muong-lay-tong-ket-2023.txt" \
            "quý III/2024 · lập ngày 31/12/2024"; do
  grep -qF -- "$want" <<<"$txt" || fail "pdftotext lacks '$want'"
done
# the status of each unit names what it counts: "k/N chỉ tiêu"
grep -qE "^[0-9]+/[0-9]+ chỉ tiêu" <<<"$txt" || fail "no 'k/N chỉ tiêu' line"

# Bookmarks: titles decoded from UTF-16, nested, each on its page.
check_outline "$out"
for want in "0	2	Mục lục" "0	3	Tổng hợp kết quả thực hiện chỉ tiêu" "1	4	Tỉnh Điện Biên" \
            "	Thị xã Mường Lay" "	Huyện Mường Nhé" "	Tỷ lệ hộ nghèo" "	Phụ lục: nguồn số liệu"; do
  grep -qF -- "$want" "$tmp/outline" || fail "outline lacks '$want': $(cat "$tmp/outline")"
done
[ "$(grep -c '^1	' "$tmp/outline")" = 17 ] || fail "want 11 units and 6 indicators under their parts"
# Every unit takes the pages said above: each district but Mường Lay and
# Mường Ảng one page, those two.
units=$(awk -F'\t' '$1==1 && $2 > 3' "$tmp/outline" | head -n 12)
prev=""
while IFS=$'\t' read -r level page title; do
  if [ -n "$prev" ]; then
    want=1
    case $prev in "Tỉnh Điện Biên"|"Thị xã Mường Lay"|"Huyện Mường Ảng") want=2 ;; esac
    [ $((page - prev_page)) = "$want" ] || fail "$prev takes $((page - prev_page)) pages, want $want"
  fi
  prev=$title
  prev_page=$page
done <<<"$units"

# The table of contents lists every bookmark but its own with the same page
# number, and its links go to those pages.
layout=$(pdftotext -enc UTF-8 -layout -f 2 -l 2 "$out" -)
tail -n +2 "$tmp/outline" | while IFS=$'\t' read -r level page title; do
  grep -qE "^ *$(sed 's/[][().*+?^$|\\]/\\&/g' <<<"$title") +$page\$" <<<"$layout" ||
    fail "contents lack '$title ... $page'"
done || exit 1
tail -n +2 "$tmp/outline" | cut -f2 >"$tmp/want_links"
python3 tests/tools/pdf_outline.py "$out" --links=2 >"$tmp/links" || fail "links unreadable"
cmp -s "$tmp/want_links" "$tmp/links" || fail "contents links go to $(tr '\n' ' ' <"$tmp/links"), want $(tr '\n' ' ' <"$tmp/want_links")"

# Fonts: Noto Sans, embedded and subset.
fonts=$(pdffonts "$out") || fail "pdffonts"
grep -q "NotoSans-Regular" <<<"$fonts" && grep -q "NotoSans-Bold" <<<"$fonts" || fail "Noto Sans not used: $fonts"
awk 'NR>2 && ($(NF-4)!="yes" || $(NF-3)!="yes") {bad=1} END{exit bad}' <<<"$fonts" ||
  fail "a font is not embedded as a subset: $fonts"
echo "ok: $n pages"
