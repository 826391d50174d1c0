#!/usr/bin/env bash
# import: an .xlsx laid out like the CSV stores the same figures as the
# CSV; --sheet picks a sheet; a bad cell, a formula without its cached
# value or a missing sheet is one line naming FILE:SHEET!CELL (or the
# sheets there are), and the database stays as it was.
. "$SRC/tests/helpers/store_common.sh"
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
csv="$SRC/examples/data/dien-bien-2023-2024.csv"
cp "$csv" "$T/so-lieu.csv"
python3 -B - "$SRC/tests/doc" "$csv" "$T" <<'PY' || fail "making the .xlsx failed"
import sys
sys.path.insert(0, sys.argv[1])
import make_report as m
rows = m.csv_rows(sys.argv[2])
out = sys.argv[3]
# Sheet 2 holds the first rows again with an inline string.
two = [r[:] for r in rows[:3]]
two[1][1] = ("inline", two[1][1])
m.write_xlsx(f"{out}/so-lieu.xlsx", [("Số liệu", rows), ("Quý", two)])
bad = [r[:] for r in rows[:4]]
bad[3][11] = "sáu"
m.write_xlsx(f"{out}/bad.xlsx", [("Số liệu", bad)])
formula = [r[:] for r in rows[:4]]
formula[2][10] = ("formula", "B2*2", None)
m.write_xlsx(f"{out}/formula.xlsx", [("Số liệu", formula)])
cached = [r[:] for r in rows[:4]]
cached[2][10] = ("formula", "7*1", 7)
m.write_xlsx(f"{out}/cached.xlsx", [("Số liệu", cached)])
PY
n=$(($(wc -l <"$csv") - 1))

# The CSV and the .xlsx give the same figures (the source named by file).
CHITIEU_DB="$T/csv.db" run import "$T/so-lieu.csv"
expect 0
figures=$(sed -n 's/.* rows, \([0-9]*\) figures .*/\1/p' "$T/err")
CHITIEU_DB="$T/csv.db" "$CHITIEU" facts --format csv | sed 's/so-lieu\.csv/SRC/' >"$T/csv.facts"
run import "$T/so-lieu.xlsx"
expect 0 "imported $T/so-lieu.xlsx: $n rows, $figures figures (version 1; 0 earlier figures kept as history)"
"$CHITIEU" facts --format csv | sed 's/so-lieu\.xlsx/SRC/' >"$T/xlsx.facts"
same "$T/csv.facts" "$T/xlsx.facts"
"$CHITIEU" facts --format csv >"$T/before"

# --sheet: the second sheet (2 rows), as a dry run.
run import --dry-run --sheet Quý "$T/so-lieu.xlsx"
expect 0 "$T/so-lieu.xlsx: 2 rows, 4 figures OK (dry run, nothing written)"
run import --sheet Năm "$T/so-lieu.xlsx"
expect 1 "chitieu: $T/so-lieu.xlsx: no sheet 'Năm' (the sheets: 'Số liệu', 'Quý')"
run import --sheet Quý "$T/so-lieu.csv"
expect 1 "chitieu: $T/so-lieu.csv: --sheet is for .xlsx files"

# Bad cells name the sheet and the cell.
run import "$T/bad.xlsx"
expect 1 "chitieu: $T/bad.xlsx:Số liệu!L4: actual is not a number: 'sáu'"
run import "$T/formula.xlsx"
expect 1 "chitieu: $T/formula.xlsx:Số liệu!K3: a formula without its calculated value (open the file in Excel or LibreOffice and save it again)"
"$CHITIEU" facts --format csv >"$T/after"
same "$T/before" "$T/after"
# A formula with its cached value is read by that value.
run import --dry-run "$T/cached.xlsx"
expect 0 "$T/cached.xlsx: 3 rows, 6 figures OK (dry run, nothing written)"
# An .xlsx has no sentences to extract.
run extract "$T/so-lieu.xlsx"
expect 1 "chitieu: $T/so-lieu.xlsx: a spreadsheet has no sentences: load its figures with 'chitieu import'"
exit 0
