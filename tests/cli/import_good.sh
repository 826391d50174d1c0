#!/usr/bin/env bash
# import: a clean CSV file is stored whole; quarter 0 is the year, Q1-Q4
# the year to date; an empty actual is "not reported".
. "$SRC/tests/helpers/store_common.sh"
cat >"$T/kh.csv" <<CSV
$HEADER
muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,0,7.5,7.2
muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,2,7.5,6.9
muong-lay,Mường Lay,thị xã,dien-bien,poverty_rate,Hộ nghèo,%,lower,2024,3,12,
CSV
run import "$T/kh.csv"
expect 0 "imported $T/kh.csv: 3 rows, 5 figures (version 1; 0 earlier figures kept as history)"
run facts --format csv
expect 0
cat >"$T/want" <<'OUT'
locality,indicator,period,kind,value,source,doc,line,version,note
muong-lay,grdp_growth,2024,actual,7.2,csv,kh.csv,2,1,
muong-lay,grdp_growth,2024,target,7.5,csv,kh.csv,2,1,
muong-lay,grdp_growth,2024-Q2,actual,6.9,csv,kh.csv,3,1,
muong-lay,grdp_growth,2024-Q2,target,7.5,csv,kh.csv,3,1,
muong-lay,poverty_rate,2024-Q3,target,12,csv,kh.csv,4,1,
OUT
same "$T/out" "$T/want"
# H1 is Q2 year to date.
run facts --period 2024-H1 --kind actual --format csv
expect 0
grep -q '^muong-lay,grdp_growth,2024-Q2,actual,6.9,' "$T/out" || fail "2024-H1 did not match 2024-Q2"
# Same bytes again: nothing changes.
run import "$T/kh.csv"
expect 0 "$T/kh.csv: unchanged since version 1, nothing to do"
run import --help
expect 0
grep -q 'add-missing' "$T/out" || fail "no --add-missing in the help"
