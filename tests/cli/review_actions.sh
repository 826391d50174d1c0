#!/usr/bin/env bash
# review: list the unresolved facts of an ingested text, then accept one
# with codes, reject one and edit one; the old rows stay (status edited or
# rejected) and the corrected ones become current values. The text's
# figures are of indicators named as in indicators.yaml about a commune
# that neither the config nor the gazetteer knows ("xã Thử Nghiệm"): no
# dashboard cell can take them, so they wait for review whatever else the
# extractor decides.
. "$SRC/tests/helpers/store_common.sh"
cat >"$T/bc.txt" <<'TXT'
Báo cáo tình hình kinh tế - xã hội năm 2024

Năm 2024, sản lượng lương thực có hạt của xã Thử Nghiệm đạt 1.200 tấn.
Năm 2024, tỷ lệ hộ nghèo của xã Thử Nghiệm giảm còn 12,5%.
Năm 2024, tốc độ tăng trưởng kinh tế của xã Thử Nghiệm đạt 7,5%.
Năm 2024, thu ngân sách nhà nước trên địa bàn xã Thử Nghiệm đạt 15,2 tỷ đồng.
TXT
run ingest "$T/bc.txt"
expect 0
run review
expect 0
ids=$(awk -F'\t' 'NR > 1 && $2 == "bc.txt" { print $1 }' "$T/out")
set -- $ids
[ $# -ge 3 ] || fail "$# of the 4 figures about an unknown commune wait for review, want at least 3: $(cat "$T/out")"
a=$1 r=$2 e=$3
run review accept "$a" --indicator food_output --locality muong-lay
expect 0
grep -q "^fact $a accepted as fact [0-9]*$" "$T/err" || fail "$(cat "$T/err")"
new_a=$(sed -n 's/.* as fact //p' "$T/err")
run review reject "$r"
expect 0 "fact $r rejected"
run review edit "$e" --value 1,6 --indicator food_output --locality muong-lay --period 2023 --kind target
expect 0
grep -q "^fact $e corrected as fact [0-9]*$" "$T/err" || fail "$(cat "$T/err")"
# Settled facts leave the list.
run review
for id in $a $r $e; do
  ! awk -F'\t' '{ print $1 }' "$T/out" | grep -qx "$id" || fail "fact $id still listed"
done
run facts --history muong-lay food_output 2023 --format csv
grep -q '^\*,accepted,muong-lay,food_output,2023,target,1.6,fact,bc.txt,' "$T/out" || fail "edit: $(cat "$T/out")"
# The edited and rejected rows can be reviewed no more.
run review reject "$e"
expect 1 "chitieu: fact $e was corrected by a newer row; review that one"
run review accept "$r" --indicator food_output --locality muong-lay
expect 1 "chitieu: fact $r was rejected"
run review accept 999999
expect 1 "chitieu: no fact with id 999999"
run review accept "$new_a" --value 3
expect 2
run review frobnicate 1
expect 2
