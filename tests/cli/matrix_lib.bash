# tests/cli/matrix_lib.bash - shared by the bad-input matrix
# (tests/cli/matrix_*.sh, docs/reliability.md): a database filled from the
# examples, a snapshot of it (integrity check, user_version, row count of
# every table) to prove a failure changed nothing, and a check that no
# partial or temporary PDF was left. Not a test itself (not *.sh).
. "$SRC/tests/helpers/store_common.sh"
need_sqlite3

# seed_db: the examples' texts and figures in $CHITIEU_DB.
seed_db() {
  run init -q
  expect 0
  run ingest -q "$SRC/examples/texts"
  expect 0
  run import -q "$SRC/examples/data/dien-bien-2023-2024.csv"
  expect 0
}

# snap NAME [DB]: write the state of DB (default $CHITIEU_DB) to $T/NAME.
snap() {
  local db=${2:-$CHITIEU_DB}
  {
    sqlite3 "$db" 'PRAGMA integrity_check; PRAGMA user_version;'
    for t in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
      echo "$t $(sqlite3 "$db" "SELECT count(*) FROM \"$t\"")"
    done
  } >"$T/$1" 2>&1
  head -n 1 "$T/$1" | grep -qx ok || fail "integrity check of $db: $(head -n 3 "$T/$1")"
}

# unchanged [DB]: the database is as the last 'snap before' found it.
unchanged() {
  snap after "$@"
  same "$T/before" "$T/after"
}

# no_partial DIR: no temporary file (NAME.tmp.PID) left in DIR.
no_partial() {
  local left
  left=$(find "$1" -maxdepth 1 -name '*.tmp*' | head -n 3)
  [ -z "$left" ] || fail "left behind: $left"
}

# expect_line RC SUBSTRING: like expect, but the one stderr line need only
# contain SUBSTRING.
expect_line() {
  [ "$rc" -eq "$1" ] || fail "exit $rc, want $1; stderr: $(cat "$T/err")"
  grep -qF -- "$2" "$T/err" || fail "stderr: $(cat "$T/err") -- want: $2"
}
