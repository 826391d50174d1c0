#!/usr/bin/env bash
# ingest: killed with SIGKILL in the middle of a large ingest, the database
# passes integrity_check and holds each document wholly or not at all;
# ingesting again completes it. Readers are served while it writes. The
# kill lands for sure in the middle: the ingest is paused in the
# transaction of its 41st document (CHITIEU_TEST_PAUSE, src/store/hooks.c),
# 40 stored and 210 to go.
. "$SRC/tests/helpers/signals_common.sh"
mkdir "$T/texts"
# Many documents of many sentences, each different.
for d in $(seq -w 1 250); do
  for s in $(seq 1 30); do
    echo "Năm 20$((10 + s % 15)), tốc độ tăng trưởng kinh tế của thị xã Mường Lay đạt $d,$s%, kế hoạch 7,$s%."
    echo "Sản lượng lương thực có hạt của tỉnh Điện Biên đạt $s$d tấn, bằng 10$s,5% cùng kỳ."
    echo "Sản lượng cà phê $d đạt $s.$d tấn."
  done >"$T/texts/doc$d.txt"
done
# The reference: everything ingested without interruption.
CHITIEU_DB="$T/ref.db" "$CHITIEU" -q ingest "$T/texts" || fail "reference ingest failed"
count='SELECT d.name, count(f.id) FROM documents d LEFT JOIN facts f ON f.doc_id = d.id GROUP BY d.id ORDER BY d.name'
sqlite3 "$T/ref.db" "$count" >"$T/ref.counts"
[ "$(wc -l <"$T/ref.counts")" -eq 250 ] || fail "reference has $(wc -l <"$T/ref.counts") documents"
# The commits an ingest makes before its first document's.
CHITIEU_DB="$T/ref.db" commits_before -q ingest "$T/texts"

"$CHITIEU" -q init
start "commit:$((commits + 41))" -q ingest "$T/texts"
paused "commit $((commits + 41)) "
# Its write transaction open, readers are served and see the 40 stored.
for _ in 1 2 3; do
  "$CHITIEU" facts --format csv >/dev/null 2>"$T/read.err" || fail "a read failed during ingest: $(cat "$T/read.err")"
  [ "$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM documents')" -eq 40 ] || fail "a reader sees $(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM documents') documents, want 40"
done
kill -9 "$pid"
wait "$pid"
[ $? -eq 137 ] || fail "the ingest was not killed by SIGKILL"
[ "$(sqlite3 "$CHITIEU_DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check failed"
sqlite3 "$CHITIEU_DB" "$count" >"$T/part.counts"
n=$(wc -l <"$T/part.counts")
[ "$n" -eq 40 ] || fail "killed in document 41, $n documents stored"
echo "killed in document 41 of 250, 3 reads served meanwhile"
# Every stored document has all its facts.
grep -Fxvf "$T/ref.counts" "$T/part.counts" >"$T/partial" && fail "documents stored in part: $(cat "$T/partial")"
# Again: the rest goes in, nothing twice.
run ingest "$T/texts"
expect 0
grep -q "^ingested $((250 - n)) documents ($n already stored)" "$T/err" || fail "$(cat "$T/err")"
sqlite3 "$CHITIEU_DB" "$count" >"$T/final.counts"
same "$T/ref.counts" "$T/final.counts"
