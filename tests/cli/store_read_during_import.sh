#!/usr/bin/env bash
# store: a large import is one transaction; readers running meanwhile are
# served (WAL) and see the data before it or after it, never half. One read
# overlaps the import for sure: the import is paused with all its rows
# written and not committed (CHITIEU_TEST_PAUSE=commit, src/store/hooks.c),
# and that read must see the data before it.
. "$SRC/tests/helpers/signals_common.sh"
awk -v h="$HEADER" 'BEGIN {
  print h
  for (l = 1; l <= 300; l++)
    for (i = 1; i <= 12; i++)
      for (y = 2020; y <= 2024; y++)
        for (q = 0; q <= 4; q++)
          printf "x%d,Xã %d,xã,muong-lay,ind%d,Chỉ tiêu %d,%%,higher,%d,%d,%d.5,%d\n", l, l, i, i, y, q, l + i, l * i
}' >"$T/big.csv"
run init -q
expect 0
# read: the rows of one key now, which must be none or both (target, actual).
read_rows() {
  "$CHITIEU" facts --locality x300 --indicator ind12 --period 2024 --format csv >"$T/r" 2>"$T/e" ||
    fail "a read failed during the import: $(cat "$T/e")"
  n=$(($(wc -l <"$T/r") - 1))
  case "$n" in 0 | 2) seen="$seen $n" ;; *) fail "a reader saw $n rows" ;; esac
}
start commit -q import --add-missing "$T/big.csv"
seen="" pauses=0 overlapped=0
while kill -0 "$pid" 2>/dev/null; do
  read_rows
  k=$(grep -ac "^chitieu: test pause at commit" "$T/bg.err")
  if [ "$k" -gt "$pauses" ]; then
    pauses=$k
    m=$(grep -a "^chitieu: test pause at commit" "$T/bg.err" | tail -1 | sed -n 's/.*(\([0-9]*\) rows changed)$/\1/p')
    # The import's own commit: its 180,000 figures written.
    if [ "${m:-0}" -ge 180000 ]; then
      read_rows
      [ "$n" -eq 0 ] || fail "a read during the import's open transaction saw $n rows"
      overlapped=$((overlapped + 1))
    fi
    kill -CONT "$pid"
  fi
done
wait "$pid" || fail "the import failed: $(cat "$T/bg.err")"
[ "$overlapped" -eq 1 ] || fail "no read while the import's transaction was open ($pauses commits seen)"
run facts --locality x300 --indicator ind12 --period 2024 --format csv
[ "$(wc -l <"$T/out")" -eq 3 ] || fail "$(cat "$T/out")"
echo "reads during the import saw:$seen"
