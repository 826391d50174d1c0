#!/usr/bin/env bash
# matrix: a 100 MB text (the examples' prose, repeated, with real facts at
# both ends) is ingested in bounded memory: maximum RSS under 500 MB, as
# measured by /usr/bin/time (skipped without it). Not run under the
# sanitizers (ASan's shadow memory and slowdown make both bounds moot).
. "$SRC/tests/cli/matrix_lib.bash"
[ -x /usr/bin/time ] || { echo "skip: no /usr/bin/time (Debian package time)"; exit 77; }
if ldd "$CHITIEU" 2>/dev/null | grep -q 'libasan\|libubsan'; then
  echo "skip: sanitizer build"; exit 77
fi
run init -q
expect 0
# One megabyte of prose without digits (no facts), then a hundred of them.
cat "$SRC"/examples/texts/*.txt | tr -d '0-9' >"$T/prose"
while [ "$(stat -c %s "$T/prose")" -lt 1048576 ]; do
  cat "$T/prose" "$T/prose" >"$T/p2" && mv "$T/p2" "$T/prose"
done
head -c 1048576 "$T/prose" | sed '$d' >"$T/mb"
fact="Năm 2024, tốc độ tăng trưởng kinh tế (GRDP) của thị xã Mường Lay đạt 8,7%."
{
  echo "$fact"
  for _ in $(seq 100); do cat "$T/mb"; done
  echo "$fact"
} >"$T/big.txt"
size=$(stat -c %s "$T/big.txt")
[ "$size" -gt 100000000 ] || fail "only $size bytes"
start=$(date +%s)
/usr/bin/time -f '%M' -o "$T/rss" "$CHITIEU" ingest "$T/big.txt" >"$T/out" 2>"$T/err"
rc=$?
end=$(date +%s)
expect_line 0 "ingested 1 documents"
rss=$(tail -n 1 "$T/rss")
echo "100 MB ingest: $((end - start)) s, max RSS $((rss / 1024)) MB"
[ "$rss" -lt 512000 ] || fail "max RSS $((rss / 1024)) MB"
n=$(sqlite3 "$CHITIEU_DB" "SELECT count(*) FROM facts WHERE value = 8.7")
[ "$n" -ge 2 ] || fail "the facts at both ends: $n"
