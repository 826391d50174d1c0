#!/usr/bin/env bash
# ingest: walking a folder for *.txt; the same documents a second time
# change nothing; the summary line counts them.
. "$SRC/tests/helpers/store_common.sh"
mkdir -p "$T/texts/sub"
printf 'Năm 2024, tốc độ tăng trưởng kinh tế của thị xã Mường Lay đạt 7,2%%.\n' >"$T/texts/a.txt"
printf 'Năm 2023, tỷ lệ hộ nghèo của tỉnh Điện Biên còn 20,5%%.\n' >"$T/texts/sub/b.txt"
printf 'not a text\n' >"$T/texts/notes.md"
run ingest "$T/texts"
expect 0
grep -q '^ingested 2 documents (0 already stored), [0-9]* facts: [0-9]* linked to an indicator and a place, [0-9]* wait for review$' "$T/err" || fail "$(cat "$T/err")"
"$CHITIEU" facts --format csv >"$T/before"
run ingest "$T/texts" "$T/texts/a.txt"
expect 0 "ingested 0 documents (3 already stored), 0 facts: 0 linked to an indicator and a place, 0 wait for review"
"$CHITIEU" facts --format csv >"$T/after"
same "$T/before" "$T/after"
# Not UTF-8: that file fails, the others go in.
printf 'T\xe1\xbb\n' >"$T/bad.txt"
printf 'Năm 2022, tỷ lệ hộ nghèo của tỉnh Điện Biên còn 25%%.\n' >"$T/c.txt"
run ingest -q "$T/bad.txt" "$T/c.txt"
expect 1
grep -q "^chitieu: $T/bad.txt:1" "$T/err" || fail "$(cat "$T/err")"
run ingest "$T/c.txt"
expect 0 "ingested 0 documents (1 already stored), 0 facts: 0 linked to an indicator and a place, 0 wait for review"
run ingest
expect 2
