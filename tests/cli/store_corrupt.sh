#!/usr/bin/env bash
# store: a file that is not a database, and a database whose pages were
# damaged, each give one clear line and exit 1.
. "$SRC/tests/helpers/store_common.sh"
head -c 8192 /dev/urandom >"$T/junk.db"
run --db "$T/junk.db" facts
expect 1 "chitieu: $T/junk.db: file is not a database"
run --db "$T/junk.db" set muong-lay grdp_growth 2024 --actual 7
expect 1 "chitieu: $T/junk.db: file is not a database"
# A real database with its table pages overwritten.
{
  echo "$HEADER"
  for y in $(seq 2000 2030); do
    for q in 0 1 2 3 4; do
      echo "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,$y,$q,7.5,7.2"
      echo "muong-lay,Mường Lay,thị xã,dien-bien,poverty_rate,Hộ nghèo,%,lower,$y,$q,12,11"
    done
  done
} >"$T/kh.csv"
run import -q "$T/kh.csv"
expect 0
size=$(stat -c %s "$CHITIEU_DB")
[ "$size" -gt 32768 ] || fail "database too small to damage ($size bytes)"
# Page 1 (the schema) stays; every later page gets garbage.
pages=$((size / 16384))
for p in $(seq 1 $((pages - 1))); do
  printf 'garbage garbage garbage garbage garbage garbage garbage' |
    dd of="$CHITIEU_DB" bs=1 seek=$((p * 16384)) conv=notrunc status=none
done
run facts
expect 1 "chitieu: $CHITIEU_DB: database file is corrupt (database disk image is malformed)"
