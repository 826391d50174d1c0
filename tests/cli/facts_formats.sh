#!/usr/bin/env bash
# facts: filters (locality with children, group, period, kind) and the
# table, CSV and JSON formats.
. "$SRC/tests/helpers/store_common.sh"
cat >"$T/kh.csv" <<CSV
$HEADER
dien-bien,Điện Biên,tỉnh,,grdp_growth,GRDP,%,higher,2024,0,7.5,7.2
muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,0,7.0,6.8
muong-lay,Mường Lay,thị xã,dien-bien,poverty_rate,Hộ nghèo,%,lower,2024,0,12,11.5
CSV
run import -q "$T/kh.csv"
expect 0
run facts --locality dien-bien --kind actual --format csv
[ "$(wc -l <"$T/out")" -eq 2 ] || fail "one locality: $(cat "$T/out")"
run facts --locality dien-bien --children --kind actual --format csv
[ "$(wc -l <"$T/out")" -eq 4 ] || fail "with children: $(cat "$T/out")"
# group_of CODE: the group of indicator CODE in the shipped config (the
# 'group:' line of its entry).
group_of() {
  awk -v code="$1" '
    /^ *- code:/ { mine = ($3 == code) }
    mine && /^ *group:/ { sub(/^ *group: */, ""); print; exit }' "$SRC/config/indicators.yaml"
}
group=$(group_of poverty_rate)
[ -n "$group" ] || fail "config/indicators.yaml gives poverty_rate no group"
[ "$(group_of grdp_growth)" != "$group" ] || fail "poverty_rate and grdp_growth are in one group: the check below needs two"
run facts --group "$group" --format csv
expect 0
grep -q '^muong-lay,poverty_rate,2024,actual,11.5,' "$T/out" || fail "group $group: $(cat "$T/out")"
! grep -q grdp_growth "$T/out" || fail "group $group lists grdp_growth"
run facts --locality muong-lay --indicator poverty_rate --kind actual --format json
expect 0
grep -q '"locality": "muong-lay", "indicator": "poverty_rate", "period": "2024", "kind": "actual", "value": 11.5' "$T/out" || fail "json: $(cat "$T/out")"
run facts --locality muong-lay --indicator poverty_rate --kind actual
expect 0
grep -q '11,5  csv    kh.csv:4 (v1)' "$T/out" || fail "table: $(cat "$T/out")"
run facts --format xml
expect 2
run facts --period 2024-Q9
expect 2
run facts --history muong-lay
expect 2
