#!/usr/bin/env bash
# localities --map: the reform's mapping under each unit, '->' from an old
# unit to the new ones, '<-' from a new unit to the old ones, '(part)'
# where a unit was split; checked against data/gazetteer/gazetteer.tsv.
. "$SRC/tests/helpers/store_common.sh"
TSV=$SRC/data/gazetteer/gazetteer.tsv

run localities --search 00007 --map
expect 0
printf '%s\n' "00007   phường    Cống Vị                  001    ..2025-06-30" \
  "    -> m00008  phường Ngọc Hà, thành phố Hà Nội (part)" \
  "    -> m00025  phường Giảng Võ, thành phố Hà Nội (part)" >"$T/want"
same "$T/want" "$T/out"

run localities --search m82 --map
expect 0
printf '%s\n' "m82     tỉnh      Đồng Tháp                -      2025-07-01.." \
  "    <- 82      tỉnh Tiền Giang" "    <- 87      tỉnh Đồng Tháp" >"$T/want"
same "$T/want" "$T/out"

# every old commune of Điện Biên goes somewhere; the new communes of m11
# take in as many links as the file lists into them
run localities --under m11 --map
expect 0
want=$(awk -F'\t' '$1 !~ /^m/ && $7 != "" { n = split($7, a, ","); for (i = 1; i <= n; i++) { sub(/:p$/, "", a[i]); if (a[i] in new) c++ } }
  $4 == "m11" { new[$1] = 1 } END { print c + 0 }' <(awk -F'\t' '$4 == "m11"' "$TSV"; cat "$TSV"))
have=$(grep -c '^    <- ' "$T/out")
[ "$have" = "$want" ] || fail "want $want links into the communes of m11, have $have"
[ "$want" -gt 100 ] || fail "too few links counted ($want)"
exit 0
