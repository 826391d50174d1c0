#!/usr/bin/env bash
# matrix: where the PDF goes and what it needs. A missing or broken font,
# an output folder that does not exist, is a file, or is not writable, and
# a disk that fills up while the PDF is written (RLIMIT_FSIZE): one line,
# exit 1, no partial or temporary file, an earlier report left as it was.
# A disk filling up during ingest fails the document cleanly and leaves a
# sound database.
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
snap before
mkdir "$T/pdfs"
good=$T/pdfs/good.pdf
run report --period 2024 -o "$good"
expect 0
sum=$(md5sum <"$good")
kept() {
  [ "$(md5sum <"$good")" = "$sum" ] || fail "the earlier report changed"
  no_partial "$T/pdfs"
}
# Fonts: missing, then present but broken.
mkdir "$T/fonts"
run --fonts "$T/fonts" report --period 2024 -o "$good"
expect 1 "chitieu: $T/fonts/NotoSans-Regular.ttf: font file is missing or unreadable: No such file or directory"
kept
cp "$SRC"/fonts/*.ttf "$T/fonts/"
head -c 5000 /dev/urandom >"$T/fonts/NotoSans-Regular.ttf"
run --fonts "$T/fonts" report --period 2024 -o "$good"
expect 1 "chitieu: $T/fonts/NotoSans-Regular.ttf: not a TrueType font (no TrueType header)"
kept
: >"$T/fonts/NotoSans-Bold.ttf"
cp "$SRC/fonts/NotoSans-Regular.ttf" "$T/fonts/"
run --fonts "$T/fonts" report --period 2024 -o "$good"
expect 1 "chitieu: $T/fonts/NotoSans-Bold.ttf: not a TrueType font (no TrueType header)"
kept
# Output folders.
run report --period 2024 -o "$T/no/such/r.pdf"
expect 1 "chitieu: $T/no/such/r.pdf: output folder '$T/no/such' does not exist"
echo x >"$T/file"
run report --period 2024 -o "$T/file/r.pdf"
expect 1 "chitieu: $T/file/r.pdf: output folder '$T/file' is not a folder"
run brief "$SRC/config/meetings/giao-ban-quy-3-2024.yaml" -o "$T/file/b.pdf"
expect 1 "chitieu: $T/file/b.pdf: output folder '$T/file' is not a folder"
if [ "$(id -u)" -ne 0 ]; then # root writes anywhere
  mkdir "$T/ro" && chmod a-w "$T/ro"
  run report --period 2024 -o "$T/ro/r.pdf"
  expect 1 "chitieu: $T/ro/r.pdf: output folder '$T/ro' is not writable"
  chmod u+w "$T/ro"
fi
# The disk fills up while the PDF is written: a 64 KiB file size limit
# (the report is larger). chitieu ignores SIGXFSZ, so write() fails.
(
  ulimit -f 64
  "$CHITIEU" report --period 2024 -o "$good" >"$T/out" 2>"$T/err"
  echo $? >"$T/rc"
)
rc=$(cat "$T/rc")
expect_line 1 "chitieu: $good: writing the PDF failed"
kept
(
  ulimit -f 64
  "$CHITIEU" brief "$SRC/config/meetings/giao-ban-quy-3-2024.yaml" -o "$T/pdfs/b.pdf" >"$T/out" 2>"$T/err"
  echo $? >"$T/rc"
)
rc=$(cat "$T/rc")
expect_line 1 "chitieu: $T/pdfs/b.pdf: writing the PDF failed"
[ -e "$T/pdfs/b.pdf" ] && fail "a partial briefing pack was left"
kept
unchanged
# The disk fills up during an ingest: a fresh database under a limit that
# holds its schema but not every document.
export CHITIEU_DB=$T/full.db
run init -q
expect 0
(
  ulimit -f $(( $(stat -c %s "$CHITIEU_DB") / 1024 + 40 ))
  "$CHITIEU" ingest "$SRC/examples/texts" >"$T/out" 2>"$T/err"
  echo $? >"$T/rc"
)
rc=$(cat "$T/rc")
expect_line 1 ": cannot store it: "
snap full
n=$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM documents')
m=$(sqlite3 "$CHITIEU_DB" 'SELECT count(DISTINCT doc_id) FROM facts')
[ "$n" -lt "$(ls "$SRC"/examples/texts/*.txt | wc -l)" ] || fail "every document fitted"
# Whole documents only: each stored document has its facts, no orphans.
orphans=$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM facts WHERE doc_id NOT IN (SELECT id FROM documents)')
[ "$orphans" = 0 ] || fail "$orphans facts without their document"
[ "$m" -le "$n" ] || fail "facts of $m documents, $n stored"
# With room again, the rest goes in.
run ingest -q "$SRC/examples/texts"
expect 0
