#!/usr/bin/env bash
# matrix: bad and unusual text files given to extract and ingest. Invalid
# UTF-8 and binary files are refused with FILE:LINE and the byte offset,
# the database unchanged; an empty file is a document without facts; NFD,
# a BOM and CRLF give exactly the facts of the plain NFC/LF text.
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
snap before
# Invalid UTF-8 (a lone 0xFF in line 2).
printf 'Năm 2024\ntăng trưởng \xff 7%%\n' >"$T/bad.txt"
run ingest "$T/bad.txt"
expect_line 1 "chitieu: $T/bad.txt:2: invalid UTF-8 at byte offset 26 (byte 0xFF); save the file as UTF-8"
unchanged
run extract "$T/bad.txt"
expect_line 1 "$T/bad.txt:2: invalid UTF-8 at byte offset 26"
# A binary file: a PNG header (0x89 is not UTF-8).
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$T/img.txt"
run ingest "$T/img.txt"
expect_line 1 "chitieu: $T/img.txt:1: invalid UTF-8 at byte offset 0 (byte 0x89)"
unchanged
# Stray NUL bytes in otherwise good text do not cut it short.
printf 'abc\0 Năm 2024 tốc độ tăng trưởng kinh tế đạt 7,5%%.\n' >"$T/nul.txt"
run extract --format tsv "$T/nul.txt"
expect 0
grep -q '7.5' "$T/out" || fail "the fact after a NUL is lost: $(cat "$T/out")"
# An empty file: named and skipped, nothing stored, exit 0
# (matrix_ingest_counts.sh: ten thousand of them).
: >"$T/empty.txt"
run ingest "$T/empty.txt"
expect 0
head -n 1 "$T/err" | grep -qx "chitieu: $T/empty.txt: skipped: empty file" || fail "$(cat "$T/err")"
grep -q "ingested 0 documents (0 already stored), 0 facts: .*; 1 empty files skipped$" "$T/err" || fail "$(cat "$T/err")"
# NFD + BOM + CRLF: the same facts as the original, and the same values
# once stored.
src=$SRC/examples/texts/08-dien-bien-ket-qua-2024.txt
mkdir "$T/a" "$T/b"
cp "$src" "$T/a/t.txt"
python3 - "$src" "$T/b/t.txt" <<'PY' || fail "python3"
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
out = "\ufeff" + unicodedata.normalize("NFD", text).replace("\n", "\r\n")
open(sys.argv[2], "w", encoding="utf-8", newline="").write(out)
PY
cmp -s "$T/a/t.txt" "$T/b/t.txt" && fail "the NFD copy is the same bytes"
"$CHITIEU" extract --format tsv "$T/a/t.txt" >"$T/a.tsv" || fail "extract a"
"$CHITIEU" extract --format tsv "$T/b/t.txt" >"$T/b.tsv" || fail "extract b"
[ "$(wc -l <"$T/a.tsv")" -gt 3 ] || fail "too few facts to compare"
same "$T/a.tsv" "$T/b.tsv"
for v in a b; do
  "$CHITIEU" -q --db "$T/$v.db" ingest "$T/$v/t.txt" || fail "ingest $v"
  "$CHITIEU" --db "$T/$v.db" facts --format csv >"$T/$v.csv" || fail "facts $v"
done
same "$T/a.csv" "$T/b.csv"
