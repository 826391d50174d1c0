#!/usr/bin/env bash
# set: a manual figure wins over the CSV; setting it again keeps the
# earlier one as history; Vietnamese and plain numbers both work.
. "$SRC/tests/helpers/store_common.sh"
printf '%s\n%s\n' "$HEADER" \
  "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,2,7.5,6.9" >"$T/kh.csv"
run import -q "$T/kh.csv"
expect 0
run set muong-lay grdp_growth 2024-H1 --actual 7,01 --note "Cục Thống kê"
expect 0
run facts --locality muong-lay --kind actual --format csv
expect 0
grep -q '^muong-lay,grdp_growth,2024-H1,actual,7.01,manual,,0,0,Cục Thống kê$' "$T/out" || fail "manual did not win: $(cat "$T/out")"
run set muong-lay grdp_growth 2024-Q2 --actual 7.05
expect 0
run facts --history muong-lay grdp_growth 2024-H1 --kind actual --format csv
expect 0
cat >"$T/want" <<'OUT'
winner,status,locality,indicator,period,kind,value,source,doc,line,version,note
*,active,muong-lay,grdp_growth,2024-Q2,actual,7.05,manual,,0,0,
,active,muong-lay,grdp_growth,2024-Q2,actual,6.9,csv,kh.csv,2,1,
,superseded,muong-lay,grdp_growth,2024-H1,actual,7.01,manual,,0,0,Cục Thống kê
OUT
same "$T/out" "$T/want"
# Targets and actuals together; thousands dots.
run set dien-bien budget_revenue 2024 --target 1.234,5 --actual 1100
expect 0
run facts --locality dien-bien --indicator budget_revenue --format csv
grep -q '^dien-bien,budget_revenue,2024,target,1234.5,manual' "$T/out" || fail "$(cat "$T/out")"
# Errors: unknown code (1), bad number and bad period (2).
run set nowhere grdp_growth 2024 --actual 1
expect 1 "chitieu: unknown locality 'nowhere'"
run set muong-lay grdp_growth 2024 --actual abc
expect 2
run set muong-lay grdp_growth 2024-Q7 --actual 1
expect 2 "chitieu set: bad period '2024-Q7' (2024, 2024-Q3, 2024-H1, 2024-9M, 2024-M05, 2021-2025)
Try 'chitieu set --help'."
run set muong-lay grdp_growth 2024
expect 2
