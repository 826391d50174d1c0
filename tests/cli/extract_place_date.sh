#!/usr/bin/env bash
# extract and ingest --locality CODE --date YYYY-MM-DD: bad values are
# usage errors (exit 2, one line saying what is wrong, nothing extracted
# or stored); good ones give a text that names neither its place nor its
# date that place and date, in extract's output and in the store; a
# text's own heading block wins over both.
. "$SRC/tests/helpers/store_common.sh"
printf 'Kết quả thu ngân sách\nNăm nay, thu ngân sách trên địa bàn đạt 30 tỷ đồng.\n' >"$T/plain.txt"
printf 'ỦY BAN NHÂN DÂN\nTHỊ XÃ MƯỜNG LAY\nSố: 88/BC-UBND\nMường Lay, ngày 12 tháng 12 năm 2023\nNăm nay, thu ngân sách trên địa bàn đạt 40 tỷ đồng.\n' >"$T/heading.txt"

# bad ARGS...: "chitieu ARGS..." exits 2 with the first stderr line
# starting "chitieu CMD: --OPTION" and prints nothing on stdout.
bad() {
  run "$@"
  expect 2
  [ ! -s "$T/out" ] || fail "$*: printed $(cat "$T/out")"
  head -n 1 "$T/err" | grep -q "^chitieu [a-z]*: --\(date\|locality\)" ||
    fail "$*: stderr: $(cat "$T/err")"
}
for cmd in extract ingest; do
  bad "$cmd" --date 2024-13-01 "$T/plain.txt"
  bad "$cmd" --date 2023-02-29 "$T/plain.txt"
  bad "$cmd" --date 24-01-10 "$T/plain.txt"
  bad "$cmd" --date 2024-01-10x "$T/plain.txt"
  bad "$cmd" --locality nowhere "$T/plain.txt"
done
bad extract --no-config --locality muong-cha "$T/plain.txt"
run facts --format json
[ "$(grep -c '"doc"' "$T/out")" = 0 ] || fail "a bad option stored facts: $(cat "$T/out")"

# extract: the options fill in; a leap day is a day
run extract --locality muong-cha --date 2024-02-29 "$T/plain.txt" "$T/heading.txt"
expect 0
python3 - "$T/out" <<'PY' || fail "extract: $(cat "$T/out")"
import json, sys
got = [(f["doc"], f["locality_code"], f["period"]) for f in map(json.loads, open(sys.argv[1]))]
want = [("plain.txt", "muong-cha", "2024"), ("heading.txt", "muong-lay", "2023")]
assert got == want, got
PY
# a name of the config will do too
run extract --locality "Tuần Giáo" "$T/plain.txt"
expect 0
grep -q '"locality_code":"tuan-giao"' "$T/out" || fail "by name: $(cat "$T/out")"

# ingest: stored with that place and date
run ingest --locality muong-cha --date 2024-01-10 "$T/plain.txt" "$T/heading.txt"
expect 0
run facts --format json
python3 - "$T/out" <<'PY' || fail "ingest: $(cat "$T/out")"
import json, sys
got = sorted((f["doc"], f["locality"], f["period"]) for f in json.load(open(sys.argv[1])))
want = [("heading.txt", "muong-lay", "2023"), ("plain.txt", "muong-cha", "2024")]
assert got == want, got
PY
exit 0
