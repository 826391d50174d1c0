#!/usr/bin/env bash
# localities.yaml's 'gso' key ties a configured locality to a gazetteer
# unit by code: the office's scope in the new tree (dien-bien-moi is
# m11), which name and level alone would not tie; a malformed code is a
# config error, an unknown one is named by 'chitieu localities'.
. "$SRC/tests/helpers/store_common.sh"
cp -r "$SRC/config" "$T/config"
export CHITIEU_CONFIG=$T/config
cat >>"$T/config/localities.yaml" <<'YAML'
  - code: dien-bien-moi
    name: Điện Biên
    level: tỉnh
    parent: viet-nam
    valid_from: 2025
    gso: m11
  - code: vung-cao
    name: Vùng cao Điện Biên
    level: xã
    parent: dien-bien
    gso: "03256"
YAML
run localities --search m11
expect 0
grep -q '^m11  *tỉnh  *Điện Biên  *-  *2025-07-01\.\.  dien-bien-moi$' "$T/out" || fail "m11: $(cat "$T/out")"
run localities --search vung-cao
expect 0
grep -q '^03256  *thị trấn  *Mường Ảng .*  vung-cao$' "$T/out" || fail "vung-cao: $(cat "$T/out")"
# the option takes the configured code of the unit
run -q init
run set "xã Mường Ảng, Điện Biên" grdp_growth 2026 --actual 7
expect 0
grep -q '^set m03256 grdp_growth 2026 actual = 7 ' "$T/err" || fail "$(cat "$T/err")"
run set "tỉnh Điện Biên" grdp_growth 2026 --actual 8
expect 0
grep -q '^set dien-bien-moi grdp_growth 2026 actual = 8 ' "$T/err" || fail "$(cat "$T/err")"

# an unknown code: named, the listing still given, exit 1
sed -i 's/gso: m11/gso: m99/' "$T/config/localities.yaml"
run localities --at 2026
expect 1
grep -q "^chitieu: $T/config/localities.yaml:[0-9]*: locality 'dien-bien-moi': gso 'm99' is no unit of the gazetteer$" "$T/err" ||
  fail "$(cat "$T/err")"
[ "$(wc -l <"$T/out")" = 34 ] || fail "no listing: $(cat "$T/out")"
# a malformed one: a config error
sed -i 's/gso: m99/gso: 11x/' "$T/config/localities.yaml"
run check
expect 1
grep -q "'gso' is a gazetteer code: 2, 3 or 5 digits, with 'm' before one from 1 July 2025 ('095', 'm11'), not '11x'" "$T/err" ||
  fail "$(cat "$T/err")"
exit 0
