#!/usr/bin/env bash
# import: any bad row rejects the whole file with FILE:LINE: reason, and
# the database stays exactly as it was.
. "$SRC/tests/helpers/store_common.sh"
good="muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2023,0,7,6.5"
printf '%s\n%s\n' "$HEADER" "$good" >"$T/first.csv"
run import "$T/first.csv"
expect 0
"$CHITIEU" facts --format csv >"$T/before" || fail "facts failed"

# check NAME ROW MESSAGE: a file with one good row, then ROW on line 3.
check() {
  printf '%s\n%s\n%s\n' "$HEADER" "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,0,7,6.5" "$2" >"$T/$1.csv"
  run import "$T/$1.csv"
  expect 1 "chitieu: $T/$1.csv:3: $3"
  "$CHITIEU" facts --format csv >"$T/after" || fail "facts failed"
  same "$T/before" "$T/after"
}
check locality "nowhere,X,huyện,dien-bien,grdp_growth,GRDP,%,higher,2024,0,7,6" \
  "unknown locality 'nowhere' (not in the config; --add-missing registers it from this file)"
check indicator "muong-lay,Mường Lay,thị xã,dien-bien,coffee,Cà phê,tấn,higher,2024,0,7,6" \
  "unknown indicator 'coffee' (not in the config; --add-missing registers it from this file)"
check number "muong-lay,Mường Lay,thị xã,dien-bien,poverty_rate,Hộ nghèo,%,lower,2024,0,7,sáu" \
  "actual is not a number: 'sáu'"
check columns "muong-lay,Mường Lay,thị xã,dien-bien,poverty_rate,Hộ nghèo,%,lower,2024,0,7" \
  "expected 12 columns, found 11"
check duplicate "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,0,8,7" \
  "duplicate row for muong-lay grdp_growth 2024 quarter 0 (first on line 2)"
check quarter "muong-lay,Mường Lay,thị xã,dien-bien,poverty_rate,Hộ nghèo,%,lower,2024,5,7,6" \
  "quarter must be 0 (whole year) to 4, not '5'"
check utf8 "$(printf 'muong-lay,M\xe1\xbb,thị xã,dien-bien,poverty_rate,Hộ nghèo,%%,lower,2024,1,7,6')" \
  "invalid UTF-8 at byte offset 211 (byte 0xE1); save the file as UTF-8"

# A wrong header is line 1.
printf 'a,b,c\n' >"$T/header.csv"
run import "$T/header.csv"
expect 1 "chitieu: $T/header.csv:1: the header must be: $HEADER (column 1 is 'a', not 'locality_code')"
"$CHITIEU" facts --format csv >"$T/after" || fail "facts failed"
same "$T/before" "$T/after"
# Usage errors exit 2.
run import
expect 2
