#!/usr/bin/env bash
# review: list the unresolved facts of an ingested text, then accept one
# with codes, reject one and edit one; the old rows stay (status edited or
# rejected) and the corrected ones become current values.
. "$SRC/tests/helpers/store_common.sh"
cat >"$T/bc.txt" <<'TXT'
UBND THỊ XÃ MƯỜNG LAY
Báo cáo tình hình kinh tế - xã hội năm 2024

Năm 2024, sản lượng cà phê nhân của thị xã Mường Lay đạt 1.200 tấn.
Sản lượng hồ tiêu đạt 350 tấn.
Diện tích trồng mắc ca đạt 1.500 ha.
Số con trâu bò đạt 12.000 con.
TXT
run ingest "$T/bc.txt"
expect 0
run review
expect 0
ids=$(awk -F'\t' 'NR > 1 { print $1 }' "$T/out")
set -- $ids
[ $# -ge 3 ] || { echo "skip: the extractor left fewer than 3 facts for review"; exit 77; }
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
