# tests/helpers/store_common.sh - shared by the store's shell tests
# (tests/cli/{init,ingest,import,set,facts,review,store}_*.sh): a fresh
# temporary folder and database, the shipped config, and checks that say
# what differed.
set -u
: "${CHITIEU:?set CHITIEU to the chitieu binary}" "${SRC:?set SRC to the source tree}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export CHITIEU_DB="$T/c.db" CHITIEU_CONFIG="$SRC/config"
HEADER=locality_code,locality_name,level,parent_code,indicator_code,indicator_name,unit,direction,year,quarter,target,actual

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run ARGS...: run chitieu, keeping stdout in $T/out, stderr in $T/err and
# the exit status in $rc.
run() {
  "$CHITIEU" "$@" >"$T/out" 2>"$T/err"
  rc=$?
}

# expect RC [STDERR-LINE]: the last run exited with RC and, if given,
# printed exactly that one line on stderr.
expect() {
  [ "$rc" -eq "$1" ] || fail "exit $rc, want $1; stderr: $(cat "$T/err")"
  if [ $# -ge 2 ]; then
    printf '%s\n' "$2" | cmp -s - "$T/err" ||
      fail "stderr: $(cat "$T/err") -- want: $2"
  fi
}

# same FILE1 FILE2: the files are equal (shows the diff when not).
same() {
  diff -u "$1" "$2" >&2 || fail "$1 and $2 differ"
}

need_sqlite3() {
  command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 shell (Debian package sqlite3)"; exit 77; }
}

# lock_hold: another process (the sqlite3 shell) takes the database's write
# lock and keeps it until lock_release.
lock_hold() {
  mkfifo "$T/hold"
  { echo "BEGIN EXCLUSIVE;"; echo "SELECT 'locked';"; read -r _ <"$T/hold"; echo "COMMIT;"; } |
    sqlite3 "$CHITIEU_DB" >"$T/holder.out" &
  holder=$!
  for _ in $(seq 50); do
    grep -q locked "$T/holder.out" 2>/dev/null && break
    sleep 0.1
  done
  grep -q locked "$T/holder.out" || fail "the helper never took the lock"
}

lock_release() {
  echo go >"$T/hold"
  wait "$holder"
}
