#!/usr/bin/env bash
# matrix: one exit status per class of error, whatever the command
# (README, docs/reliability.md): 2 when the command line is wrong in itself
# (an unknown option, a missing or extra operand, a value that is not a
# period, a number, a format or a kind: told without reading any file),
# 1 when what it names or reads is wrong or fails (the configuration, the
# database, an input file, a code the configuration or database does not
# know, an output that cannot be written). A bad period is a usage error
# everywhere.
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
snap before
bad="bad period '2024-Q5'"
for cmd in "set muong-lay grdp_growth 2024-Q5 --target 7" \
  "report --period 2024-Q5" \
  "facts --period 2024-Q5" \
  "facts --history muong-lay grdp_growth 2024-Q5" \
  "chart --kind trend --indicator grdp_growth --period 2024-Q5 -o $T/c.png" \
  "review edit 1 --period 2024-Q5"; do
  # shellcheck disable=SC2086
  run $cmd
  expect_line 2 "$bad"
  head -n 1 "$T/err" | grep -q "^chitieu [a-z]*: $bad" || fail "$cmd: $(cat "$T/err")"
done
# Other usage errors: 2.
run set muong-lay grdp_growth 2024 --target abc
expect_line 2 "not a number: 'abc'"
run facts --format xml
expect_line 2 "unknown format 'xml'"
run import --bogus
expect_line 2 "unknown option '--bogus'"
run ingest
expect_line 2 "no files or folders given"
# Data errors: 1.
run set muong-lay no_such_indicator 2024 --target 7
expect 1 "chitieu: unknown indicator 'no_such_indicator'"
{ echo "$HEADER"; echo 'muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,higher,2024,5,7,6'; } >"$T/q5.csv"
run import "$T/q5.csv"
expect 1 "chitieu: $T/q5.csv:2: quarter must be 0 (whole year) to 4, not '5'"
printf 'period: 2024-Q5\n' >"$T/m.yaml"
run brief "$T/m.yaml" -o "$T/b.pdf"
[ "$rc" -eq 1 ] || fail "brief with a bad period in its file: exit $rc, want 1"
unchanged
