#!/usr/bin/env bash
# matrix: what ingest counts. 10,000 copies of one text store it once and
# say the others are identical to it (not "already stored", which means
# stored by an earlier run); 10,000 empty files are each named and skipped,
# and no document row is made for them; a second run finds the text
# already stored.
. "$SRC/tests/cli/matrix_lib.bash"
run init -q
expect 0
text=$SRC/examples/texts/01-muong-lay-nghi-quyet-2023.txt
mkdir "$T/same" "$T/empty"
body=$(<"$text")
# (written by the shell itself: a process per file would take a minute)
for ((i = 0; i < 10000; i++)); do
  printf -v f '%05d' "$i"
  printf '%s\n' "$body" >"$T/same/$f.txt"
  printf -v f '%05d' "$((i + 1))"
  : >"$T/empty/$f.txt"
done

run ingest "$T/same"
expect 0
n=$(sqlite3 "$CHITIEU_DB" "SELECT count(*) FROM facts")
want="ingested 1 documents (9999 identical to one already stored), $n facts: "
[ "$(grep -c . "$T/err")" = 1 ] && grep -q "^$want" "$T/err" || fail "$(head -n 3 "$T/err") -- want: $want"

run ingest "$T/empty"
expect 0
[ "$(grep -c '^chitieu: .*: skipped: empty file$' "$T/err")" = 10000 ] || fail "$(head -n 3 "$T/err")"
grep -qx "chitieu: $T/empty/00042.txt: skipped: empty file" "$T/err" || fail "00042 not named"
tail -n 1 "$T/err" | grep -qx "ingested 0 documents (0 already stored), 0 facts: 0 linked to an indicator and a place, 0 wait for review; 10000 empty files skipped" ||
  fail "$(tail -n 1 "$T/err")"
[ "$(sqlite3 "$CHITIEU_DB" "SELECT count(*) FROM documents")" = 1 ] || fail "documents: $(sqlite3 "$CHITIEU_DB" "SELECT count(*) FROM documents")"

run ingest "$T/same/00007.txt"
expect 0
grep -q "^ingested 0 documents (1 already stored), 0 facts" "$T/err" || fail "$(cat "$T/err")"
