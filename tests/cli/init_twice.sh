#!/usr/bin/env bash
# init: creates the database, and a second run changes nothing.
. "$SRC/tests/helpers/store_common.sh"
run init
expect 0 "database $CHITIEU_DB ready (schema 3)"
run init
expect 0 "database $CHITIEU_DB ready (schema 3)"
run init --help
expect 0
run init extra
expect 2
# Reading commands want a database.
rm -f "$CHITIEU_DB"*
run facts
expect 1 "chitieu: $CHITIEU_DB: no database here; run 'chitieu init' or ingest something first"
