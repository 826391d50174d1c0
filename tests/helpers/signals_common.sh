# tests/helpers/signals_common.sh - shared by tests/cli/signals_*.sh: start
# chitieu in the background, stop it at a pause point (CHITIEU_TEST_PAUSE,
# see src/util/interrupt.h) or after a delay, send it a signal and check
# what it left.
. "$SRC/tests/helpers/store_common.sh"
need_sqlite3
# Job control: without it bash starts background commands with SIGINT
# ignored, and chitieu keeps a signal ignored at its start (as nohup asks).
set -m

# start PAUSE ARGS...: chitieu ARGS in the background with
# CHITIEU_TEST_PAUSE=PAUSE (empty: none); its pid in $pid, stderr in
# $T/bg.err.
start() {
  local pause=$1
  shift
  : >"$T/bg.err"
  if [ -n "$pause" ]; then
    CHITIEU_TEST_PAUSE=$pause "$CHITIEU" "$@" >/dev/null 2>"$T/bg.err" &
  else
    "$CHITIEU" "$@" >/dev/null 2>"$T/bg.err" &
  fi
  pid=$!
}

# paused LINE-REGEX [SEEN]: wait (up to 20 s) until the background chitieu
# has printed more than SEEN (default 0) pause lines matching the extended
# regex; the last in $line, their number in $seen.
paused() {
  for _ in $(seq 400); do
    seen=$(grep -acE "^chitieu: test pause at $1" "$T/bg.err")
    if [ "$seen" -gt "${2:-0}" ]; then
      line=$(grep -aE "^chitieu: test pause at $1" "$T/bg.err" | tail -1)
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || fail "chitieu ended before pausing at '$1': $(cat "$T/bg.err")"
    sleep 0.02
  done
  fail "no pause at '$1' in 20 s: $(cat "$T/bg.err")"
}

# signal_and_wait SIG: send SIG (INT, TERM, HUP) and wait; the exit status in
# $rc, $want the status of a process killed by SIG.
signal_and_wait() {
  # Not before the child has become chitieu: a signal that comes while it
  # is still the forked shell would run this shell's EXIT trap there.
  local comm name
  name=$(basename "$CHITIEU")
  while read -r comm <"/proc/$pid/comm" 2>/dev/null && [ "$comm" != "${name:0:15}" ]; do
    sleep 0.001
  done
  kill -s "$1" "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  want=$((128 + $(kill -l "$1")))
}

# killed_by SIG: the last run ended by SIG (exit status 128 + its number).
killed_by() {
  [ "$rc" -eq "$want" ] || fail "exit status $rc after SIG$1, want $want; stderr: $(cat "$T/bg.err")"
}

# commits_before ARGS...: the number of commits chitieu ARGS makes (the
# config's rows brought up to date at open, ...), counted by letting each
# "commit" pause go on: run it where ARGS has nothing to do, and the
# commit of its first piece of work is then number $commits + 1.
commits_before() {
  local n=0 k
  start commit "$@"
  while kill -0 "$pid" 2>/dev/null; do
    k=$(grep -ac "^chitieu: test pause at commit" "$T/bg.err")
    [ "$k" -gt "$n" ] && { n=$k; kill -CONT "$pid"; }
    sleep 0.02
  done
  wait "$pid" || fail "chitieu $* failed: $(cat "$T/bg.err")"
  commits=$(grep -ac "^chitieu: test pause at commit" "$T/bg.err")
}

# no_tmp DIR...: no temporary file is left in the folders.
no_tmp() {
  local left
  left=$(find "$@" -maxdepth 1 -name '*.tmp*')
  [ -z "$left" ] || fail "temporary files left behind: $left"
}
