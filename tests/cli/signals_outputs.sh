#!/usr/bin/env bash
# Signals during the writing of an output: SIGINT, SIGTERM or SIGHUP sent
# to 'report', 'brief' and 'chart' as the temporary file is created, as it
# is about to be renamed (CHITIEU_TEST_PAUSE points write-open and
# write-rename), and after delays that fall anywhere in the run. Each time:
# chitieu ends killed by the signal (or, for a delay, may have finished),
# no temporary file is left, the earlier output is byte for byte what it
# was and the database's rows are untouched.
. "$SRC/tests/helpers/signals_common.sh"
cd "$SRC"
"$CHITIEU" -q ingest examples/texts || fail "ingest"
"$CHITIEU" -q import examples/data/dien-bien-2023-2024.csv || fail "import"
export SOURCE_DATE_EPOCH=1735603200 # the same bytes from every full run
mkdir "$T/out"
# Each command with its output, written once before: what must survive.
cmds=(
  "brief config/meetings/giao-ban-quy-3-2024.yaml -o $T/out/brief.pdf"
  "report --period 2024-Q3 -o $T/out/report.pdf"
  "chart --kind trend --indicator grdp_growth --period 2024 --locality dien-bien -o $T/out/chart.png"
)
for c in "${cmds[@]}"; do
  # shellcheck disable=SC2086
  "$CHITIEU" -q --fonts "$SRC/fonts" $c || fail "$c"
done
for f in "$T/out"/*; do cp "$f" "$f.before"; done
rows='SELECT (SELECT count(*) FROM facts), (SELECT count(*) FROM entries), (SELECT count(*) FROM documents)'
db_before=$(sqlite3 "$CHITIEU_DB" "$rows")

# unchanged: every output as it was, the database too, nothing left over.
unchanged() {
  for f in "$T/out"/*.before; do
    cmp -s "$f" "${f%.before}" || fail "$1: ${f%.before} changed"
  done
  [ "$(sqlite3 "$CHITIEU_DB" "$rows")" = "$db_before" ] || fail "$1: the database changed"
  no_tmp "$T/out" "$SRC/reports" "$T"
}

paused_runs=0 early=0 finished=0
for c in "${cmds[@]}"; do
  name=${c%% *}
  for point in write-open write-rename; do
    for sig in INT TERM HUP; do
      # shellcheck disable=SC2086
      start "$point" -q --fonts "$SRC/fonts" $c
      paused "$point"
      # the temporary file is there while chitieu waits
      [ -n "$(find "$T/out" -name '*.tmp*')" ] || fail "$name at $point: no temporary file to remove"
      signal_and_wait "$sig"
      killed_by "$sig"
      unchanged "$name, SIG$sig at $point"
      paused_runs=$((paused_runs + 1))
    done
  done
  # Delays: from before the output is opened to after the run would end.
  for d in 0 0.005 0.01 0.02 0.03 0.05 0.07 0.1 0.15; do
    for sig in INT TERM; do
      # shellcheck disable=SC2086
      start "" -q --fonts "$SRC/fonts" $c
      sleep "$d"
      signal_and_wait "$sig"
      if [ "$rc" -eq 0 ]; then
        finished=$((finished + 1))
      else
        killed_by "$sig"
        early=$((early + 1))
      fi
      unchanged "$name, SIG$sig after ${d}s"
    done
  done
done
echo "$paused_runs runs stopped at a pause point; after a delay: $early interrupted, $finished finished first"
[ "$early" -gt 0 ] || fail "no delayed signal landed while a command ran"
