#!/usr/bin/env bash
# localities --search: a name with or without its level word, a path with
# the province, a shared name listing every unit, the date choosing the
# tree, a part of a name, and "did you mean" on a miss.
. "$SRC/tests/helpers/store_common.sh"

run localities --search "Mường Lay"
expect 0
[ "$(cut -d' ' -f1 "$T/out" | tr '\n' ' ')" = "095 m03151 " ] || fail "Mường Lay: $(cat "$T/out")"
for name in "Thị xã Mường Lay" "TX. Mường Lay" "tx muong lay" "THỊ XÃ MƯỜNG LAY"; do
  run localities --search "$name" --at 2023
  expect 0
  [ "$(cat "$T/out")" = "095     thị xã    Mường Lay                11     ..2025-06-30  muong-lay" ] ||
    fail "$name: $(cat "$T/out")"
done

# ten provinces had a huyện Châu Thành; the province tells which
run localities --search "huyện Châu Thành" --at 2023
expect 0
[ "$(wc -l <"$T/out")" = 10 ] || fail "want 10 huyện Châu Thành: $(cat "$T/out")"
run localities --search "Châu Thành, Tiền Giang" --at 2023
expect 0
[ "$(cut -d' ' -f1 "$T/out")" = 821 ] || fail "Châu Thành, Tiền Giang: $(cat "$T/out")"
# after the reform Tiền Giang is part of Đồng Tháp: its old name still says where
run localities --search "xã Châu Thành, Tiền Giang" --at 2026
expect 0
[ "$(cut -d' ' -f1 "$T/out")" = m28519 ] || fail "xã Châu Thành in 2026: $(cat "$T/out")"
run localities --search "Châu Thành" --under 82 --at 2023
expect 0
[ "$(cut -d' ' -f1 "$T/out")" = 821 ] || fail "--under 82: $(cat "$T/out")"

# the same name in 2023 and in 2026
run localities --search "Mường Ảng, Điện Biên" --at 2023
expect 0
[ "$(cut -d' ' -f1 "$T/out" | tr '\n' ' ')" = "102 03256 " ] || fail "2023: $(cat "$T/out")"
run localities --search "Mường Ảng, Điện Biên" --at 2026
expect 0
[ "$(cut -d' ' -f1 "$T/out")" = m03256 ] || fail "2026: $(cat "$T/out")"

# a part of a name
run localities --search "Lay Nư"
expect 0
grep -q '^03184  *xã  *Lay Nưa ' "$T/out" || fail "Lay Nư: $(cat "$T/out")"

# misses
run localities --search "Mường Lâyy"
expect 1 "chitieu: no locality 'Mường Lâyy'; did you mean 'thị xã Mường Lay, tỉnh Điện Biên' (095)?"
[ ! -s "$T/out" ] || fail "output on a miss: $(cat "$T/out")"
run localities --search "Qwxzyk"
expect 1 "chitieu: no locality 'Qwxzyk'"

# --under takes one unit: an ambiguous name lists the candidates
run localities --under "Châu Thành" --at 2023
[ "$rc" = 1 ] || fail "exit $rc, want 1"
head -1 "$T/err" | grep -q "^chitieu: locality 'Châu Thành' is ambiguous, 15 units have that name: give a code, or the name with its province ('Châu Thành, " ||
  fail "$(cat "$T/err")"
grep -q "^  821        huyện Châu Thành, tỉnh Tiền Giang$" "$T/err" || fail "no candidate 821: $(cat "$T/err")"
run localities --under "Mường Lâyy"
expect 1 "chitieu: unknown locality 'Mường Lâyy'; did you mean 'thị xã Mường Lay, tỉnh Điện Biên' (muong-lay)?"
exit 0
