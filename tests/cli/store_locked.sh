#!/usr/bin/env bash
# store: while another process holds the write lock, a writer waits a few
# seconds and then says so in one line (no hang); readers still read.
. "$SRC/tests/helpers/store_common.sh"
need_sqlite3
run init -q
expect 0
lock_hold
start=$(date +%s)
run set muong-lay grdp_growth 2024 --actual 7
end=$(date +%s)
expect 1 "chitieu: $CHITIEU_DB: database is locked by another process"
[ $((end - start)) -le 15 ] || fail "waited $((end - start)) s"
run facts --format csv
expect 0
lock_release
run set muong-lay grdp_growth 2024 --actual 7
expect 0
