#!/usr/bin/env bash
# store: a database file nobody may write is refused for writing with a
# clear line, and can still be read.
. "$SRC/tests/helpers/store_common.sh"
run set muong-lay grdp_growth 2024 --actual 7
expect 0
chmod 444 "$CHITIEU_DB"
run set muong-lay grdp_growth 2024 --actual 8
expect 1 "chitieu: $CHITIEU_DB: database file is read-only; cannot write to it"
run facts --format csv
expect 0
grep -q '^muong-lay,grdp_growth,2024,actual,7,manual' "$T/out" || fail "$(cat "$T/out")"
