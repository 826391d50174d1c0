#!/usr/bin/env bash
# --locality (report, facts) and set's LOCALITY take a configured code, a
# gazetteer code or a name, through cli_locality_option: a name of a
# configured unit is its configured code (the same PDF as the code), a unit
# the configuration lacks is added for the run (set stores under its
# gazetteer code, report draws it), an ambiguous name lists its candidates
# and a miss says "did you mean".
. "$SRC/tests/helpers/store_common.sh"
export SOURCE_DATE_EPOCH=1735603200 # the same bytes for the same report
run -q import "$SRC/examples/data/dien-bien-2023-2024.csv"
expect 0

# the same dashboard by code, gazetteer code and names
run -q report --period 2024 --locality muong-lay -o "$T/code.pdf"
expect 0
for name in 095 "Thị xã Mường Lay" "TX. Mường Lay" "Mường Lay, Điện Biên"; do
  run -q report --period 2024 --locality "$name" -o "$T/name.pdf"
  expect 0
  cmp -s "$T/code.pdf" "$T/name.pdf" || fail "'$name' gave another report than muong-lay"
done
run facts --locality "Mường Lay" --period 2024 --indicator grdp_growth --kind actual --format csv
expect 0
grep -q '^muong-lay,grdp_growth,2024,actual,' "$T/out" || fail "facts by name: $(cat "$T/out")"

# a unit of another province, without configuring it
run set "huyện Châu Thành, Tiền Giang" grdp_growth 2024 --target 7 --actual 7,2
expect 0
grep -q '^set 821 grdp_growth 2024 actual = 7,2 (manual entry ' "$T/err" || fail "set: $(cat "$T/err")"
run facts --locality 821 --format csv
expect 0
[ "$(grep -c '^821,grdp_growth,2024,' "$T/out")" = 2 ] || fail "facts 821: $(cat "$T/out")"
run facts --locality "Châu Thành, Tiền Giang" --period 2024 --format csv
expect 0
[ "$(grep -c '^821,grdp_growth,2024,' "$T/out")" = 2 ] || fail "facts by name: $(cat "$T/out")"
run -q report --period 2024 --locality "H. Châu Thành, tỉnh Tiền Giang" -o "$T/ct.pdf"
expect 0
[ -s "$T/ct.pdf" ] || fail "no report for 821"
if command -v pdftotext >/dev/null; then
  pdftotext "$T/ct.pdf" - | grep -q "Châu Thành" || fail "the report does not name Châu Thành"
fi

# ambiguous, and a miss
run report --period 2024 --locality "Châu Thành" -o "$T/x.pdf"
expect 1
head -1 "$T/err" | grep -q "^chitieu: locality 'Châu Thành' is ambiguous, 15 units have that name" || fail "$(cat "$T/err")"
grep -q '^  831        huyện Châu Thành, tỉnh Bến Tre$' "$T/err" || fail "no candidate 831: $(cat "$T/err")"
[ ! -e "$T/x.pdf" ] || fail "a report for an ambiguous name"
run set "Mường Lâyy" grdp_growth 2024 --target 1
expect 1 "chitieu: unknown locality 'Mường Lâyy'; did you mean 'thị xã Mường Lay, tỉnh Điện Biên' (muong-lay)?"
run report --period 2024 --locality nowhere -o "$T/x.pdf"
expect 1
grep -q "^chitieu: unknown locality 'nowhere'" "$T/err" || fail "$(cat "$T/err")"
exit 0
