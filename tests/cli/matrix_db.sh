#!/usr/bin/env bash
# matrix: ingest, import and report on a database that is locked by another
# process, read-only, not a database, or made by a newer chitieu. Writers
# stop with one line and exit 1 and the database keeps its rows; readers
# (report) still work where SQLite lets them, and never leave a partial
# PDF. (tests/cli/store_*.sh check set, facts and init the same way.)
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
mkdir "$T/pdfs"
writers() { # writers WANT-LINE: ingest and import both refuse with it
  printf 'Năm 2031 tốc độ tăng trưởng kinh tế đạt 9,9%%.\n' >"$T/new.txt"
  run ingest "$T/new.txt"
  expect 1 "$1"
  { echo "$HEADER"
    echo 'muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2031,0,7.5,7.2'
  } >"$T/new.csv"
  run import "$T/new.csv"
  expect 1 "$1"
}

# Read-only file: writers refuse, the report is written.
snap before
chmod 444 "$CHITIEU_DB"
writers "chitieu: $CHITIEU_DB: database file is read-only; cannot write to it"
run report --period 2024 -o "$T/pdfs/ro.pdf"
expect 0
chmod 644 "$CHITIEU_DB"
unchanged

# Locked by another writer: writers give up after a few seconds.
lock_hold
writers "chitieu: $CHITIEU_DB: database is locked by another process"
lock_release
unchanged

# Newer schema: refused for reading and writing, version kept.
knows=$(sqlite3 "$CHITIEU_DB" "PRAGMA user_version") # this chitieu's schema
sqlite3 "$CHITIEU_DB" "PRAGMA user_version = 99" || fail "sqlite3"
snap before
want="chitieu: $CHITIEU_DB: database was made by a newer chitieu (schema 99); this one knows $knows"
writers "$want"
run report --period 2024 -o "$T/pdfs/new.pdf"
expect 1 "$want"
unchanged

# Not a database at all.
head -c 20000 /dev/urandom >"$T/junk.db"
cp "$T/junk.db" "$T/junk.orig"
export CHITIEU_DB=$T/junk.db
writers "chitieu: $T/junk.db: file is not a database"
run report --period 2024 -o "$T/pdfs/junk.pdf"
expect 1 "chitieu: $T/junk.db: file is not a database"
cmp -s "$T/junk.db" "$T/junk.orig" || fail "the junk file was changed"
no_partial "$T/pdfs"
[ "$(ls "$T/pdfs")" = ro.pdf ] || fail "pdfs: $(ls "$T/pdfs")"
