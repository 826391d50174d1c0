#!/usr/bin/env bash
# doc: ingest of a folder takes the .txt files and the documents it reads
# (told by content, whatever their names), and names every other document
# with why it is skipped; other text files (a CSV) are left alone.
. "$SRC/tests/helpers/store_common.sh"
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
python3 "$SRC/tests/doc/make_report.py" "$T/gen" || fail "make_report.py failed"
mkdir -p "$T/in/sub"
cp "$T/gen/report.docx" "$T/in/bao-cao"          # a .docx without a suffix
cp "$T/gen/report.txt" "$T/in/sub/report.txt"
cp "$T/gen/legacy.doc" "$T/in/old.doc"
printf 'a,b\n1,2\n' >"$T/in/notes.csv"
run ingest "$T/in"
expect 0
cat >"$T/want" <<EOT
chitieu: $T/in/old.doc: skipped: a legacy Word .doc file: save it as .docx
EOT
grep '^chitieu: ' "$T/err" >"$T/got"
same "$T/want" "$T/got"
grep -q "^ingested 2 documents (0 already stored), " "$T/err" ||
  fail "summary: $(cat "$T/err")"
exit 0
