#!/usr/bin/env bash
# matrix: a CSV file with a wrong column count, a value that is not a
# number, or the same key twice is refused whole with FILE:LINE: why, and
# the database keeps every row it had.
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
snap before
good='muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2030,0,7.5,7.2'
check_bad() { # check_bad NAME WANT-LINE ROWS...
  local name=$1 want=$2
  shift 2
  { echo "$HEADER"; echo "$good"; printf '%s\n' "$@"; } >"$T/$name.csv"
  run import "$T/$name.csv"
  expect 1 "chitieu: $want"
  unchanged
  run import --dry-run "$T/$name.csv"
  expect 1 "chitieu: $want"
}
check_bad columns "$T/columns.csv:3: expected 12 columns, found 11" \
  'muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2031,0,7.5'
check_bad number "$T/number.csv:3: target is not a number: 'bảy'" \
  'muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2031,0,bảy,7'
check_bad duplicate "$T/duplicate.csv:3: duplicate row for muong-lay grdp_growth 2030 quarter 0 (first on line 2)" \
  "$good"
# Invalid UTF-8 in a name column.
{ echo "$HEADER"; printf 'muong-lay,M\xffường Lay,thị xã,dien-bien,grdp_growth,GRDP,%%,higher,2031,0,7.5,7.2\n'; } >"$T/utf8.csv"
run import "$T/utf8.csv"
expect_line 1 "chitieu: $T/utf8.csv:2: "
grep -q "UTF-8" "$T/err" || fail "$(cat "$T/err")"
unchanged
# A BOM with CRLF, and NFD text: the same figures as the plain file.
csv=$SRC/examples/data/dien-bien-2023-2024.csv
mkdir "$T/a" "$T/b" "$T/c"
cp "$csv" "$T/a/x.csv"
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$csv"; } >"$T/b/x.csv"
python3 -c 'import sys, unicodedata
t = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(unicodedata.normalize("NFD", t))' \
  "$csv" "$T/c/x.csv" || fail "python3"
for v in a b c; do
  "$CHITIEU" -q --db "$T/csv$v.db" import "$T/$v/x.csv" || fail "import $v"
  "$CHITIEU" --db "$T/csv$v.db" facts --format csv >"$T/$v.csv" || fail "facts $v"
done
same "$T/a.csv" "$T/b.csv"
same "$T/a.csv" "$T/c.csv"
