#!/usr/bin/env bash
# import --dry-run: checks the file and writes nothing, not even a new
# database file; a bad file still fails with its line.
. "$SRC/tests/helpers/store_common.sh"
printf '%s\n%s\n' "$HEADER" \
  "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,0,7.5,7.2" >"$T/kh.csv"
run import --dry-run "$T/kh.csv"
expect 0 "$T/kh.csv: 1 rows, 2 figures OK (dry run, nothing written)"
[ ! -e "$CHITIEU_DB" ] || fail "a dry run created the database"
run init -q
expect 0
"$CHITIEU" facts --format csv >"$T/before" || fail "facts failed"
run import --dry-run "$T/kh.csv"
expect 0
"$CHITIEU" facts --format csv >"$T/after" || fail "facts failed"
same "$T/before" "$T/after"
printf '%s\n%s\n' "$HEADER" \
  "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,0,x,7.2" >"$T/bad.csv"
run import --dry-run "$T/bad.csv"
expect 1 "chitieu: $T/bad.csv:2: target is not a number: 'x'"
