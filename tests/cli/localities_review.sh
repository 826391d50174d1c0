#!/usr/bin/env bash
# review accept/edit --locality and chart --locality take a name or a
# gazetteer code (cli_locality_option): a fact about a place nobody
# configured is accepted as huyện Châu Thành of Tiền Giang (code 821,
# registered for the run) by its name; an ambiguous name lists the
# candidates and settles nothing.
. "$SRC/tests/helpers/store_common.sh"
cat >"$T/bc.txt" <<'TXT'
Báo cáo tình hình kinh tế - xã hội năm 2024

Năm 2024, sản lượng lương thực có hạt của xã Thử Nghiệm đạt 1.200 tấn.
Năm 2024, tỷ lệ hộ nghèo của xã Thử Nghiệm giảm còn 12,5%.
TXT
run ingest "$T/bc.txt"
expect 0
run review
expect 0
ids=$(awk -F'\t' 'NR > 1 && $2 == "bc.txt" { print $1 }' "$T/out")
set -- $ids
[ $# -ge 1 ] || fail "no fact about xã Thử Nghiệm waits for review: $(cat "$T/out")"
a=$1
run review accept "$a" --indicator food_output --locality "Châu Thành"
expect 1
head -1 "$T/err" | grep -q "^chitieu: locality 'Châu Thành' is ambiguous" || fail "$(cat "$T/err")"
run review
awk -F'\t' '{ print $1 }' "$T/out" | grep -qx "$a" || fail "fact $a was settled by an ambiguous name"
run review accept "$a" --indicator food_output --locality "huyện Châu Thành, tỉnh Tiền Giang"
expect 0
grep -q "^fact $a accepted as fact [0-9]*$" "$T/err" || fail "$(cat "$T/err")"
run facts --locality 821 --indicator food_output --format csv
expect 0
grep -q '^821,food_output,2024,actual,1200,' "$T/out" || fail "facts 821: $(cat "$T/out")"
# chart --locality by name: the same PNG as by code
export SOURCE_DATE_EPOCH=1735603200
run -q chart --kind trend --indicator food_output --period 2024 --locality 821 -o "$T/a.png"
expect 0
run -q chart --kind trend --indicator food_output --period 2024 --locality "Châu Thành, Tiền Giang" -o "$T/b.png"
expect 0
cmp -s "$T/a.png" "$T/b.png" || fail "chart by name differs from chart by code"
exit 0
