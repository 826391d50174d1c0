#!/usr/bin/env bash
# extract --jobs: any number of threads gives the bytes of --jobs 1 on
# stdout, the same error lines in the same order and the same exit status,
# with bad, missing and empty files among good ones, a document large
# enough to be formatted by the writer (over 1 MiB), and the TSV header
# (written with the first file read, never when none is).
. "$SRC/tests/helpers/store_common.sh"
printf 'Năm 2024\ntăng trưởng \xff 7%%\n' >"$T/bad.txt"
: >"$T/empty.txt"
for _ in $(seq 60); do cat "$SRC"/examples/texts/*.txt; done >"$T/big.txt"
[ "$(stat -c %s "$T/big.txt")" -gt 1048576 ] || fail "big.txt is not over 1 MiB"
files=("$T/bad.txt" "$SRC"/examples/texts/*.txt "$T/missing.txt" "$T/empty.txt"
  "$T/big.txt" "$SRC"/examples/texts/*.txt "$T/bad.txt")

# check NAME ARGS...: --jobs 1, 2 and 5 agree on ARGS.
check() {
  local name=$1
  shift
  for j in 1 2 5; do
    "$CHITIEU" extract --jobs "$j" "$@" >"$T/$name.$j.out" 2>"$T/$name.$j.err"
    echo $? >"$T/$name.$j.rc"
  done
  for j in 2 5; do
    cmp "$T/$name.1.out" "$T/$name.$j.out" || fail "$name: --jobs $j output differs"
    same "$T/$name.1.err" "$T/$name.$j.err"
    same "$T/$name.1.rc" "$T/$name.$j.rc"
  done
}

for fmt in jsonl tsv text; do
  check "$fmt" --format "$fmt" "${files[@]}"
  [ "$(cat "$T/$fmt.1.rc")" = 1 ] || fail "$fmt: exit $(cat "$T/$fmt.1.rc"), want 1"
  [ "$(wc -l <"$T/$fmt.1.err")" = 3 ] || fail "$fmt: $(cat "$T/$fmt.1.err")"
  [ -s "$T/$fmt.1.out" ] || fail "$fmt: no output"
done
head -1 "$T/tsv.1.out" | grep -q '^doc	' || fail "the TSV header is not first"
# Only bad files: no header, nothing on stdout.
check allbad --format tsv "$T/bad.txt" "$T/missing.txt" "$T/bad.txt"
[ -s "$T/allbad.1.out" ] && fail "output without any file read"
[ "$(cat "$T/allbad.1.rc")" = 1 ] || fail "allbad: exit $(cat "$T/allbad.1.rc")"
# Without the config, and good files only.
check noconf --no-config "$SRC"/examples/texts/*.txt
[ "$(cat "$T/noconf.1.rc")" = 0 ] || fail "noconf: exit $(cat "$T/noconf.1.rc")"
# A bad number of jobs is a usage error.
for bad in 0 -1 x 2x 100000; do
  run extract --jobs "$bad" "$SRC"/examples/texts/*.txt
  expect 2
done
