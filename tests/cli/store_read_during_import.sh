#!/usr/bin/env bash
# store: a large import is one transaction; readers running meanwhile are
# served (WAL) and see the data before it or after it, never half.
. "$SRC/tests/helpers/store_common.sh"
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
"$CHITIEU" -q import --add-missing "$T/big.csv" &
pid=$!
seen=""
while kill -0 "$pid" 2>/dev/null; do
  "$CHITIEU" facts --locality x300 --indicator ind12 --period 2024 --format csv >"$T/r" 2>"$T/e" ||
    fail "a read failed during the import: $(cat "$T/e")"
  n=$(($(wc -l <"$T/r") - 1))
  case "$n" in 0 | 2) seen="$seen $n" ;; *) fail "a reader saw $n rows" ;; esac
done
wait "$pid" || fail "the import failed"
run facts --locality x300 --indicator ind12 --period 2024 --format csv
[ "$(wc -l <"$T/out")" -eq 3 ] || fail "$(cat "$T/out")"
echo "reads during the import saw:$seen"
