#!/usr/bin/env bash
# matrix: "did you mean" wherever a code or a name from a fixed list is
# typed: a locality or indicator of set or facts (codes the database
# knows), of report or chart (the config's), a group of facts, a kind of
# facts, chart or review, a meeting, a dashboard; the line names the
# nearest one, and nothing is written. (Imports: matrix_codes.sh; names of
# localities: localities_search.sh.)
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
snap before
run set muong-lay grdp_growht 2024 --target 7
expect 1 "chitieu: unknown indicator 'grdp_growht'; did you mean 'grdp_growth'?"
run set muong-lai grdp_growth 2024 --target 7
expect 1 "chitieu: unknown locality 'muong-lai'; did you mean 'muong-lay'?"
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
run facts --indicator grdp_growht
expect 1 "chitieu: unknown indicator 'grdp_growht'; did you mean 'grdp_growth'?"
run facts --history muong-lay grdp_growht 2024
expect 1 "chitieu: unknown indicator 'grdp_growht'; did you mean 'grdp_growth'?"
run facts --group "Kinh te"
expect 1 "chitieu: unknown group 'Kinh te'; did you mean 'Kinh tế'?"
run facts --group "Kinh tế" --format csv
expect 0
[ "$(wc -l <"$T/out")" -gt 1 ] || fail "the group lists nothing"
run facts --locality muong-lai
expect 1 "chitieu: unknown locality 'muong-lai'; did you mean 'muong-lay'?"
run report --period 2024 --locality muong-lai -o "$T/r.pdf"
expect 1 "chitieu: unknown locality 'muong-lai'; did you mean 'muong-lay'?"
run chart --kind trend --indicator grdp_growht --period 2024 -o "$T/c.png"
expect 1 "chitieu: unknown indicator 'grdp_growht'; did you mean 'grdp_growth'?"
run facts --kind actul
expect_line 2 "chitieu facts: unknown kind 'actul'; did you mean 'actual'?"
run report --period 2024 --dashboard dien-bie -o "$T/r.pdf"
expect 1 "chitieu: unknown dashboard 'dien-bie'; did you mean 'dien-bien'?"
[ ! -e "$T/r.pdf" ] && [ ! -e "$T/c.png" ] && [ ! -e "$T/b.pdf" ] || fail "an output was written"
unchanged
