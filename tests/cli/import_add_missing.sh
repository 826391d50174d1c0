#!/usr/bin/env bash
# import --add-missing: localities and indicators the config does not
# know are registered from the file's own columns; without the option the
# file is rejected. A new locality's parent must be known.
. "$SRC/tests/helpers/store_common.sh"
cat >"$T/d.csv" <<CSV
$HEADER
dien-bien,Điện Biên,tỉnh,,grdp_growth,GRDP,%,higher,2024,0,7.5,7.2
huoi-leng,Huổi Lèng,huyện,dien-bien,grdp_growth,GRDP,%,higher,2024,0,7.0,6.1
huoi-leng,Huổi Lèng,huyện,dien-bien,coffee_output,Sản lượng cà phê,tấn,higher,2024,0,1200,1100
CSV
run import "$T/d.csv"
expect 1 "chitieu: $T/d.csv:3: unknown locality 'huoi-leng' (not in the config; --add-missing registers it from this file)"
run import --add-missing "$T/d.csv"
expect 0
grep -q "registered 1 new localities and 1 new indicators" "$T/err" || fail "$(cat "$T/err")"
run facts --locality dien-bien --children --indicator coffee_output --format csv
expect 0
grep -q '^huoi-leng,coffee_output,2024,actual,1100,csv,d.csv,4,1,$' "$T/out" || fail "$(cat "$T/out")"
# A parent nobody knows is refused.
printf '%s\n%s\n' "$HEADER" \
  "ban-x,Bản X,xã,nowhere,grdp_growth,GRDP,%,higher,2024,0,7,6" >"$T/orphan.csv"
run import --add-missing "$T/orphan.csv"
expect 1 "chitieu: $T/orphan.csv:2: unknown parent_code 'nowhere' of locality 'ban-x'"
