#!/usr/bin/env bash
# store: while another process holds the write lock, a writer waits a few
# seconds and then says so in one line (no hang); readers still read.
. "$SRC/tests/helpers/store_common.sh"
need_sqlite3
run init -q
expect 0
mkfifo "$T/hold"
# The other process: take the lock, keep it until we write to the FIFO.
{ echo "BEGIN EXCLUSIVE;"; echo "SELECT 'locked';"; read -r _ <"$T/hold"; echo "COMMIT;"; } |
  sqlite3 "$CHITIEU_DB" >"$T/holder.out" &
holder=$!
for _ in $(seq 50); do
  grep -q locked "$T/holder.out" 2>/dev/null && break
  sleep 0.1
done
grep -q locked "$T/holder.out" || fail "the helper never took the lock"
start=$(date +%s)
run set muong-lay grdp_growth 2024 --actual 7
end=$(date +%s)
expect 1 "chitieu: $CHITIEU_DB: database is locked by another process"
[ $((end - start)) -le 15 ] || fail "waited $((end - start)) s"
run facts --format csv
expect 0
echo go >"$T/hold"
wait "$holder"
run set muong-lay grdp_growth 2024 --actual 7
expect 0
