#!/usr/bin/env bash
# set: --target and --actual are one transaction. When the second figure
# cannot be stored, the first is not stored either.
. "$SRC/tests/helpers/store_common.sh"
need_sqlite3
run init -q
expect 0
# A trigger that refuses every actual makes the second insert fail.
sqlite3 "$CHITIEU_DB" "CREATE TRIGGER no_actual BEFORE INSERT ON entries
  WHEN NEW.kind = 'actual' BEGIN SELECT RAISE(ABORT, 'no actuals'); END;"
run set muong-lay grdp_growth 2024 --target 7,5 --actual 7,01
expect 1 "chitieu: $CHITIEU_DB: no actuals"
n=$(sqlite3 "$CHITIEU_DB" "SELECT count(*) FROM entries")
[ "$n" = 0 ] || fail "the target was stored without the actual ($n rows)"
# Without the trigger both are stored, and both are reported.
sqlite3 "$CHITIEU_DB" "DROP TRIGGER no_actual"
run set muong-lay grdp_growth 2024 --target 7,5 --actual 7,01
expect 0
grep -q '^set muong-lay grdp_growth 2024 target = 7,5 (manual entry 1)$' "$T/err" || fail "$(cat "$T/err")"
grep -q '^set muong-lay grdp_growth 2024 actual = 7,01 (manual entry 2)$' "$T/err" || fail "$(cat "$T/err")"
n=$(sqlite3 "$CHITIEU_DB" "SELECT count(*) FROM entries WHERE source = 'manual'")
[ "$n" = 2 ] || fail "want 2 manual rows, have $n"
