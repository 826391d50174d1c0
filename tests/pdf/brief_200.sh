#!/usr/bin/env bash
# A briefing pack of a province with 200 districts (synthetic data,
# tests/tools/synth_csv.py, and a config folder holding its localities,
# tests/tools/bench_config.py): it renders; every page says "Trang k/N"
# with N the page count; all 218 bookmarks point at pages that hold their
# titles and the five pages of contents link to the same pages; the
# summary table runs over several pages with its header repeated and all
# 201 rows; a comparison table likewise; the long name wraps; qpdf and
# poppler are content.
set -u
. "$SRC/tests/tools/pdf_checks.sh"
pdf_test pdftotext qpdf pdfinfo python3
cd "$SRC"
python3 tests/tools/synth_csv.py --localities 200 --years 2023-2024 --out "$tmp/d.csv" || fail "synth_csv"
python3 tests/tools/bench_config.py --csv "$tmp/d.csv" --config config --out "$tmp/cfg" || fail "bench_config"
db=$tmp/t.db
"$CHITIEU" -q --config "$tmp/cfg" --db "$db" import "$tmp/d.csv" || fail "import"
export SOURCE_DATE_EPOCH=1735603200
out=$tmp/b.pdf
"$CHITIEU" -q --config "$tmp/cfg" --db "$db" brief bench -o "$out" || fail "brief"

n=$(pages "$out")
[ "$n" -gt 300 ] || fail "only $n pages for 201 units and 12 comparisons"
check_footers "$out"
check_quiet "$out"
check_outline "$out"
[ "$(wc -l <"$tmp/outline")" = 218 ] || fail "$(wc -l <"$tmp/outline") bookmarks, want 218"

# Contents: 217 entries, 44 a page -> pages 2-6; their links in order are
# the bookmarks' pages.
for p in 2 3 4 5 6; do python3 tests/tools/pdf_outline.py "$out" --links=$p; done >"$tmp/links" || fail "links"
tail -n +2 "$tmp/outline" | cut -f2 | cmp -s - "$tmp/links" || fail "contents links differ from the bookmarks"
page_text "$out" 7 | grep -q "Tổng hợp kết quả thực hiện chỉ tiêu" || fail "the summary does not follow five pages of contents"

python3 - "$tmp/all.txt" <<'PY' || fail "tables over pages (above)"
import re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
# Summary: pages with its rows ("k/12 chỉ tiêu" at a line end) all carry
# the header; the rows number 201 in all.
rows = re.compile(r"^\d+/\d+ chỉ tiêu$", re.M)
with_rows = [i for i, p in enumerate(pages) if rows.search(p) and "Tỷ lệ đạt" in p]
count = sum(len(rows.findall(pages[i])) for i in with_rows)
headerless = [i + 1 for i, p in enumerate(pages) if rows.search(p) and "Tỷ lệ đạt" not in p]
ok = True
if headerless:
    print("summary rows without the header on pages %s" % headerless); ok = False
if len(with_rows) < 4 or count < 201:
    print("summary: %d rows on %d pages" % (count, len(with_rows))); ok = False
# The comparison of tourists: its table (header "Thực hiện (lượt người)")
# is on several pages, each with the header, and lists every district.
flat = [" ".join(p.split()) for p in pages]
tab = [p for p in flat if "Thực hiện (lượt người)" in p]
if len(tab) < 3:
    print("tourists table on %d pages" % len(tab)); ok = False
text = " ".join(tab)
if "Sông Đà Và Các Xã" not in text:
    print("long name missing from the comparison table"); ok = False
sys.exit(0 if ok else 1)
PY
# comparison_tables: false gives the comparisons as charts alone, with
# the sources of their figures named under them.
sed 's/^comparison_tables:.*//' "$tmp/cfg/meetings/bench.yaml" >"$tmp/nt.yaml"
echo "comparison_tables: false" >>"$tmp/nt.yaml"
"$CHITIEU" -q --config "$tmp/cfg" --db "$db" brief "$tmp/nt.yaml" -o "$tmp/nt.pdf" || fail "brief without comparison tables"
m=$(pages "$tmp/nt.pdf")
[ "$m" -lt "$n" ] || fail "$m pages without comparison tables, $n with"
pdftotext "$tmp/nt.pdf" "$tmp/nt.txt"
grep -q "Thực hiện (lượt người)" "$tmp/nt.txt" && fail "a comparison table is drawn though comparison_tables is false"
grep -q "Nguồn số liệu biểu đồ: \[" "$tmp/nt.txt" || fail "no sources under the comparison charts"
check_footers "$tmp/nt.pdf"
echo "ok: $n pages, $m without comparison tables"
