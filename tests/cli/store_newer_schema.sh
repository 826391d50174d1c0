#!/usr/bin/env bash
# store: a database made by a newer chitieu is refused, for reading and
# for writing, and left untouched.
. "$SRC/tests/helpers/store_common.sh"
need_sqlite3
run init -q
expect 0
sqlite3 "$CHITIEU_DB" "PRAGMA user_version = 99" || fail "sqlite3 failed"
want="chitieu: $CHITIEU_DB: database was made by a newer chitieu (schema 99); this one knows 3"
run facts
expect 1 "$want"
run set muong-lay grdp_growth 2024 --actual 7
expect 1 "$want"
run init
expect 1 "$want"
[ "$(sqlite3 "$CHITIEU_DB" 'PRAGMA user_version')" = 99 ] || fail "the version changed"
