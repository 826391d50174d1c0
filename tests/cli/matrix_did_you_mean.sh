#!/usr/bin/env bash
# matrix: "did you mean" wherever a code or a name from a fixed list is
# typed: an indicator or locality of set (codes the database knows), a
# chart or review kind, a meeting; the line names the nearest one, and
# nothing is written. (Imports: matrix_codes.sh.)
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
snap before
run set muong-lay grdp_growht 2024 --target 7
expect 1 "chitieu: unknown indicator 'grdp_growht'; did you mean 'grdp_growth'?"
run set muong-lay poverty 2024 --target 7
expect 1 "chitieu: unknown indicator 'poverty'"
unchanged
run chart --kind trnd --indicator grdp_growth --period 2024 -o "$T/c.png"
expect_line 2 "chitieu chart: unknown kind 'trnd'; did you mean 'trend'?"
run review edit 1 --kind actul
expect_line 2 "chitieu review: unknown kind 'actul'; did you mean 'actual'?"
run brief giao-ban-quy-3 -o "$T/b.pdf"
expect 1 "chitieu: unknown meeting 'giao-ban-quy-3'; did you mean 'giao-ban-quy-3-2024'?"
run brief hop-bat-thuong -o "$T/b.pdf"
expect 1 "chitieu: unknown meeting 'hop-bat-thuong' (none such in $CHITIEU_CONFIG/meetings)"
[ ! -e "$T/c.png" ] && [ ! -e "$T/b.pdf" ] || fail "an output was written"
unchanged
