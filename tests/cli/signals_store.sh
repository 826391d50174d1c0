#!/usr/bin/env bash
# Signals during the database writes of 'ingest' and 'import': SIGINT,
# SIGTERM or SIGHUP sent while a transaction has written its rows and not
# committed them (CHITIEU_TEST_PAUSE=commit, see src/store/hooks.c), and
# after delays that fall anywhere in the run. Each time chitieu ends killed
# by the signal (or, for a delay, may have finished first), the database
# passes integrity_check and holds what was committed before the signal:
# for 'import' (one transaction) its rows as before or the whole file, for
# 'ingest' (a transaction per document) each document whole or not at all.
# Nothing named *.tmp* is left.
. "$SRC/tests/helpers/signals_common.sh"
mkdir "$T/texts"
for d in $(seq -w 1 30); do
  for s in $(seq 1 20); do
    echo "Năm 2024, sản lượng lương thực có hạt của tỉnh Điện Biên đạt $s$d tấn, bằng 10$s,5% cùng kỳ."
    echo "Tốc độ tăng trưởng kinh tế của thị xã Mường Lay đạt $d,$s%, kế hoạch 7,$s%."
  done >"$T/texts/doc$d.txt"
done
csv=$SRC/examples/data/dien-bien-2023-2024.csv
count='SELECT d.name, count(f.id) FROM documents d LEFT JOIN facts f ON f.doc_id = d.id GROUP BY d.id ORDER BY d.name'
rows='SELECT (SELECT count(*) FROM facts), (SELECT count(*) FROM entries), (SELECT count(*) FROM documents), (SELECT count(*) FROM imports)'
# The reference: each document's facts when nothing interrupts.
CHITIEU_DB="$T/ref.db" "$CHITIEU" -q ingest "$T/texts" || fail "reference ingest"
sqlite3 "$T/ref.db" "$count" >"$T/ref.counts"

# sound: integrity_check passes and every stored document has all its facts.
sound() {
  [ "$(sqlite3 "$CHITIEU_DB" 'PRAGMA integrity_check')" = ok ] || fail "$1: integrity_check failed"
  sqlite3 "$CHITIEU_DB" "$count" >"$T/part.counts"
  grep -Fxvf "$T/ref.counts" "$T/part.counts" >"$T/partial" && fail "$1: documents stored in part: $(cat "$T/partial")"
  no_tmp "$T" "$(dirname "$CHITIEU_DB")"
}

# fresh: a new database with the sample CSV's figures in it.
fresh() {
  rm -f "$CHITIEU_DB" "$CHITIEU_DB"-wal "$CHITIEU_DB"-shm
  "$CHITIEU" -q init || fail init
  "$CHITIEU" -q import "$csv" || fail import
}

# The commits an ingest makes before its first document's (the config's
# rows are brought up to date first): counted on a run with nothing new.
fresh
"$CHITIEU" -q ingest "$T/texts" || fail "ingest"
commits_before -q ingest "$T/texts"
s=$commits

# ingest, stopped in the transaction of its K-th document: the K - 1
# before are stored, that one is not.
for sig in INT TERM HUP; do
  for k in 1 7 30; do
    fresh
    start "commit:$((s + k))" -q ingest "$T/texts"
    paused "commit $((s + k)) "
    n=$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM documents')
    [ "$n" -eq $((k - 1)) ] || fail "paused in document $k with $n documents stored"
    before=$(sqlite3 "$CHITIEU_DB" "$rows")
    signal_and_wait "$sig"
    killed_by "$sig"
    sound "ingest, SIG$sig in document $k"
    [ "$(sqlite3 "$CHITIEU_DB" "$rows")" = "$before" ] ||
      fail "ingest, SIG$sig in document $k: rows $(sqlite3 "$CHITIEU_DB" "$rows"), before the signal $before"
  done
done

# import, stopped as its one transaction is about to commit (the pause
# whose connection has changed at least the 2,626 figures of the file).
for sig in INT TERM HUP; do
  rm -f "$CHITIEU_DB" "$CHITIEU_DB"-wal "$CHITIEU_DB"-shm
  "$CHITIEU" -q init || fail init
  "$CHITIEU" -q ingest "$T/texts" || fail ingest
  before=$(sqlite3 "$CHITIEU_DB" "$rows")
  start "commit" -q import "$csv"
  seen=0
  while :; do
    paused "commit [0-9]+" "$seen"
    m=$(sed -n 's/.*(\([0-9]*\) rows changed)$/\1/p' <<<"$line")
    [ "${m:-0}" -ge 2626 ] && break
    kill -CONT "$pid"
  done
  signal_and_wait "$sig"
  killed_by "$sig"
  sound "import, SIG$sig before its commit"
  [ "$(sqlite3 "$CHITIEU_DB" "$rows")" = "$before" ] || fail "import, SIG$sig: the database changed"
done

# Delays, for the moments between the pause points.
early=0 finished=0
for d in 0 0.01 0.02 0.04 0.08 0.12 0.2; do
  for sig in INT TERM; do
    fresh
    before=$(sqlite3 "$CHITIEU_DB" "$rows")
    start "" -q import "$csv"
    sleep "$d"
    signal_and_wait "$sig"
    if [ "$rc" -eq 0 ]; then finished=$((finished + 1)); else killed_by "$sig"; early=$((early + 1)); fi
    sound "import, SIG$sig after ${d}s"
    after=$(sqlite3 "$CHITIEU_DB" "$rows")
    [ "$rc" -eq 0 ] || [ "$after" = "$before" ] || fail "import, SIG$sig after ${d}s: rows $after, before $before"
    start "" -q ingest "$T/texts"
    sleep "$d"
    signal_and_wait "$sig"
    if [ "$rc" -eq 0 ]; then finished=$((finished + 1)); else killed_by "$sig"; early=$((early + 1)); fi
    sound "ingest, SIG$sig after ${d}s"
  done
done
echo "after a delay: $early interrupted, $finished finished first"
[ "$early" -gt 0 ] || fail "no delayed signal landed while a command ran"
