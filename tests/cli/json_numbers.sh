#!/usr/bin/env bash
# JSON numbers: 'extract --format jsonl' and 'facts --format json' write
# whole numbers as digits (read by a JSON parser as integers: 10, 5000,
# 30000, never 1e+01) and other values as decimals (floats: 104.5, 7.25),
# the same way in both. Python's json module reads the output, so the test
# checks what a program reading it gets: types and values.
. "$SRC/tests/helpers/store_common.sh"
command -v python3 >/dev/null || { echo "skip: no python3 to parse the JSON"; exit 77; }

# check KIND FILE WANT...: FILE (JSON Lines for 'lines', one JSON array for
# 'array') parses; every number in it has the type its value calls for
# (int when whole, float otherwise), and each WANT, written
# 'field=value:type', is the field of some record.
check() {
  python3 - "$@" <<'PY' || fail "$2: $(head -c 2000 "$2")"
import json, sys
kind, path, wants = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(path, encoding="utf-8").read()
recs = [json.loads(l) for l in text.splitlines()] if kind == "lines" else json.loads(text)
if not recs:
    sys.exit("no records")
bad = []
for r in recs:
    for k, v in r.items():
        if isinstance(v, float) and v == int(v):
            bad.append(f"{k}={v!r} is a whole number read as a float")
        if isinstance(v, list):
            bad += [f"{k} has {x!r}" for x in v if not isinstance(x, int)]
for w in wants:
    field, rest = w.split("=")
    value, typ = rest.split(":")
    want = (int if typ == "int" else float)(value)
    if not any(type(r.get(field)) is type(want) and r.get(field) == want for r in recs):
        got = sorted({repr(r.get(field)) for r in recs})
        bad.append(f"no record with {field} = {want!r} ({typ}); {field} seen: {', '.join(got)}")
if bad:
    sys.exit("\n".join(bad))
PY
}

# extract: the figures of a small text of our own.
cat >"$T/t.txt" <<'TXT'
Năm 2024, tổng thu ngân sách nhà nước trên địa bàn thị xã Mường Lay đạt 5.000 tỷ đồng, bằng 104,5% dự toán.
Sản lượng lương thực có hạt đạt 30.000 tấn, tăng 10% so với cùng kỳ.
Có 45/50 xã đạt chuẩn nông thôn mới.
Tốc độ tăng trưởng kinh tế đạt 7,25%.
TXT
run extract --format jsonl "$T/t.txt"
expect 0
! grep -Eq '[0-9]e[-+]?[0-9]' "$T/out" || fail "an exponent in: $(grep -E '[0-9]e[-+]?[0-9]' "$T/out")"
check lines "$T/out" value=5000:int value=104.5:float value=30000:int value=10:int \
  value=45:int of=50:int value=7.25:float year=2024:int

# facts: figures imported from a CSV and one entered by hand.
cat >"$T/kh.csv" <<CSV
$HEADER
muong-lay,Mường Lay,thị xã,,budget_revenue,Thu ngân sách,tỷ đồng,higher,2024,0,5000,30000
muong-lay,Mường Lay,thị xã,,grdp_growth,GRDP,%,higher,2024,0,10,7.25
muong-lay,Mường Lay,thị xã,,poverty_rate,Hộ nghèo,%,lower,2024,0,0.5,104.5
CSV
run import -q --add-missing "$T/kh.csv"
expect 0
run set muong-lay grdp_growth 2024-Q1 --actual 1234567
expect 0
run facts --format json
expect 0
! grep -Eq '[0-9]e[-+]?[0-9]' "$T/out" || fail "an exponent in: $(grep -E '[0-9]e[-+]?[0-9]' "$T/out")"
check array "$T/out" value=5000:int value=30000:int value=10:int value=7.25:float \
  value=0.5:float value=104.5:float value=1234567:int line=2:int version=1:int
# The CSV writes its numbers the same way.
run facts --format csv
expect 0
grep -q ',actual,30000,' "$T/out" || fail "csv: $(cat "$T/out")"
grep -q ',target,0.5,' "$T/out" || fail "csv: $(cat "$T/out")"
