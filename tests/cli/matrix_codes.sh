#!/usr/bin/env bash
# matrix: codes typed or imported that are not codes, or near-misses of
# known ones. A code is a slug (localities [a-z0-9-], indicators
# [a-z0-9_]); anything else is refused with its slug suggested, and a code
# one or two edits from a known one gets "did you mean", not the hint about
# --add-missing. Nothing is stored by a refused import.
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
row() { # row LOCALITY INDICATOR: a CSV of one row
  { echo "$HEADER"
    echo "$1,Mường Lay,thị xã,dien-bien,$2,Tăng trưởng GRDP,%,higher,2031,0,7.5,7.2"
  } >"$T/r.csv"
}
snap before

# Not a slug: refused with and without --add-missing, the slug suggested.
row MUONG-LAY grdp_growth
run import --add-missing "$T/r.csv"
expect 1 "chitieu: $T/r.csv:2: 'MUONG-LAY' is not a code; did you mean 'muong-lay'?"
run import "$T/r.csv"
expect 1 "chitieu: $T/r.csv:2: 'MUONG-LAY' is not a code; did you mean 'muong-lay'?"
row "Mường Lay" grdp_growth
run import --add-missing "$T/r.csv"
expect 1 "chitieu: $T/r.csv:2: 'Mường Lay' is not a code; did you mean 'muong-lay'?"
row muong-lay GRDP-Growth
run import --add-missing "$T/r.csv"
expect 1 "chitieu: $T/r.csv:2: 'GRDP-Growth' is not a code; did you mean 'grdp_growth'?"
row '#?' grdp_growth
run import --add-missing "$T/r.csv"
expect 1 "chitieu: $T/r.csv:2: '#?' is not a code (codes are lower-case letters, digits and '-')"
unchanged
[ "$(sqlite3 "$CHITIEU_DB" "SELECT count(*) FROM localities WHERE name = 'Mường Lay'")" = 1 ] ||
  fail "a second Mường Lay was registered"

# Near-misses: "did you mean".
row muong-lay grdp_growht
run import "$T/r.csv"
expect 1 "chitieu: $T/r.csv:2: unknown indicator 'grdp_growht'; did you mean 'grdp_growth'?"
row muong-lai grdp_growth
run import "$T/r.csv"
expect 1 "chitieu: $T/r.csv:2: unknown locality 'muong-lai'; did you mean 'muong-lay'?"
# Far from every code: the hint about --add-missing, as before.
row muong-lay zzz_new_thing
run import "$T/r.csv"
expect 1 "chitieu: $T/r.csv:2: unknown indicator 'zzz_new_thing' (not in the config; --add-missing registers it from this file)"
unchanged
