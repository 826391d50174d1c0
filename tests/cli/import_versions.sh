#!/usr/bin/env bash
# import: importing a file name again replaces its figures as a new
# version; the old figures stay in the history, marked superseded.
. "$SRC/tests/helpers/store_common.sh"
mkdir "$T/v1" "$T/v2"
printf '%s\n%s\n' "$HEADER" \
  "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,0,7.5,7.2" >"$T/v1/kh.csv"
printf '%s\n%s\n' "$HEADER" \
  "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,0,7.5,7.3" >"$T/v2/kh.csv"
run import "$T/v1/kh.csv"
expect 0
run import "$T/v2/kh.csv"
expect 0 "imported $T/v2/kh.csv: 1 rows, 2 figures (version 2; 2 earlier figures kept as history)"
run facts --locality muong-lay --indicator grdp_growth --kind actual --format csv
expect 0
grep -q '^muong-lay,grdp_growth,2024,actual,7.3,csv,kh.csv,2,2,$' "$T/out" || fail "version 2 is not current: $(cat "$T/out")"
run facts --history muong-lay grdp_growth 2024 --kind actual --format csv
expect 0
cat >"$T/want" <<'OUT'
winner,status,locality,indicator,period,kind,value,source,doc,line,version,note
*,active,muong-lay,grdp_growth,2024,actual,7.3,csv,kh.csv,2,2,
,superseded,muong-lay,grdp_growth,2024,actual,7.2,csv,kh.csv,2,1,
OUT
same "$T/out" "$T/want"
