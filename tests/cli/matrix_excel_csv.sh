#!/usr/bin/env bash
# matrix: a CSV as Excel saves it on a Vietnamese Windows ("CSV UTF-8"):
# a BOM, CRLF, ';' between the fields and decimal commas (the fixture
# tests/cli/data/excel-vi.csv, with a quoted field holding a ';' and a
# thousands dot). It is read: the separator is told from the header line.
# A header that is still wrong says which column differs.
. "$SRC/tests/cli/matrix_lib.bash"
run init -q
expect 0
csv=$SRC/tests/cli/data/excel-vi.csv
run import "$csv"
expect 0 "imported $csv: 4 rows, 7 figures (version 1; 0 earlier figures kept as history)"
got=$(sqlite3 "$CHITIEU_DB" "SELECT locality_code, indicator, period, kind, value FROM entries ORDER BY id")
want="muong-lay|forest_cover|2024|actual|43.1
muong-lay|forest_cover|2024|target|43.0
muong-lay|grdp_growth|2024|actual|7.21
muong-lay|grdp_growth|2024|target|7.5
muong-lay|poverty_rate|2024|actual|5.8
muong-lay|poverty_rate|2024|target|6.0
dien-bien|budget_revenue|2024-Q3|target|1234.5"
got=$(printf '%s\n' "$got" | sort)
want=$(printf '%s\n' "$want" | sort)
[ "$got" = "$want" ] || fail "entries: $got -- want: $want"

# The same file with one column misnamed: what differs, and the separator.
sed '1s/indicator_code/indicator/' "$csv" >"$T/bad.csv"
run import "$T/bad.csv"
expect 1 "chitieu: $T/bad.csv:1: the header must be: $HEADER (the separator is ';': column 5 is 'indicator', not 'indicator_code')"
# A comma file with a column missing.
echo "${HEADER%,actual}" >"$T/short.csv"
run import "$T/short.csv"
expect 1 "chitieu: $T/short.csv:1: the header must be: $HEADER (it has 11 columns, not 12)"
# A ';' file keeps its decimal commas apart from a ',' file's: "7,5" in
# a comma file is two fields.
{ echo "$HEADER"; echo 'muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2025,0,7,5,7.2'; } >"$T/comma.csv"
run import "$T/comma.csv"
expect 1 "chitieu: $T/comma.csv:2: expected 12 columns, found more than 12"
