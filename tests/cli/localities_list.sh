#!/usr/bin/env bash
# localities: the provinces of both trees, one tree by --at, everything
# under a unit (counted against data/gazetteer/gazetteer.tsv), the codes of
# localities.yaml beside their units, and usage errors.
. "$SRC/tests/helpers/store_common.sh"
TSV=$SRC/data/gazetteer/gazetteer.tsv

run localities --help
expect 0
grep -q '^Usage: chitieu localities ' "$T/out" || fail "no usage: $(cat "$T/out")"

run localities
expect 0
[ "$(wc -l <"$T/out")" = 97 ] || fail "want 63 + 34 provinces, have $(wc -l <"$T/out")"
run localities --at 2023
expect 0
[ "$(wc -l <"$T/out")" = 63 ] || fail "want 63 provinces in 2023, have $(wc -l <"$T/out")"
run localities --at 2025-07-01
expect 0
[ "$(wc -l <"$T/out")" = 34 ] || fail "want 34 provinces from 1 July 2025, have $(wc -l <"$T/out")"
grep -q '^m11  *tỉnh  *Điện Biên  *-  *2025-07-01\.\.$' "$T/out" || fail "no m11: $(cat "$T/out")"

# Điện Biên before the reform: its 10 districts and their communes, as the
# data file has them; after it, the new communes.
run localities --under 11
expect 0
want=$(awk -F'\t' '$4 == "11" { d[$1] = 1; n++ } ($4 in d) { n++ } END { print n }' "$TSV")
[ "$(wc -l <"$T/out")" = "$want" ] || fail "want $want units under 11, have $(wc -l <"$T/out")"
grep -q '^095  *thị xã  *Mường Lay  *11  *\.\.2025-06-30  muong-lay$' "$T/out" ||
  fail "muong-lay not beside 095: $(grep 'Mường Lay' "$T/out")"
run localities --under "tỉnh Điện Biên" --at 2026
expect 0
want=$(awk -F'\t' '$4 == "m11"' "$TSV" | wc -l)
[ "$(wc -l <"$T/out")" = "$want" ] || fail "want $want new communes, have $(wc -l <"$T/out")"
# a configured code works as --under
run localities --under muong-lay
expect 0
[ "$(wc -l <"$T/out")" = 3 ] || fail "want the 3 units of Mường Lay: $(cat "$T/out")"

# every configured locality but the root is tied to its gazetteer unit,
# the raised ones too (huyện Việt Yên is thị xã 222, its xã Quang Châu a
# phường); the root is the configuration's own
for code in $(sed -n 's/^  - code: //p' "$CHITIEU_CONFIG/localities.yaml"); do
  run localities --search "$code"
  expect 0
  [ "$(wc -l <"$T/out")" = 1 ] || fail "$code: $(cat "$T/out")"
  if [ "$code" = viet-nam ]; then
    grep -q '^viet-nam .*(localities.yaml only)$' "$T/out" || fail "viet-nam: $(cat "$T/out")"
  else
    grep -q "^[0-9][0-9]* .*  $code\$" "$T/out" || fail "$code is not tied to a unit: $(cat "$T/out")"
  fi
done
run localities --search quang-chau
grep -q '^07807  *phường  *Quang Châu  *222 ' "$T/out" || fail "quang-chau: $(cat "$T/out")"

# the root of localities.yaml is the whole country: every unit of each tree
run localities --under viet-nam --at 2023
expect 0
[ "$(wc -l <"$T/out")" = $((63 + 696 + 10047)) ] || fail "2023: $(wc -l <"$T/out") units"
run localities --under "cả nước" --at 2026
expect 0
[ "$(wc -l <"$T/out")" = $((34 + 3321)) ] || fail "2026: $(wc -l <"$T/out") units"

# without a configuration folder: the gazetteer alone
CHITIEU_CONFIG=$T/none run localities --search "Mường Lay" --at 2023
expect 0
grep -q '^095 .*\.\.2025-06-30$' "$T/out" || fail "without config: $(cat "$T/out")"

run localities --at 2025-13
expect 2 "chitieu localities: bad date '2025-13' (YYYY, YYYY-MM or YYYY-MM-DD)
Try 'chitieu localities --help'."
run localities extra
expect 2 "chitieu localities: unexpected argument 'extra'
Try 'chitieu localities --help'."
exit 0
