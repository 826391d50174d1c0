#!/usr/bin/env bash
# matrix: --db naming a folder, a file in a missing folder, or a file under
# something that is not a folder: one line with the system's reason, exit
# 1, nothing created.
. "$SRC/tests/cli/matrix_lib.bash"
mkdir "$T/dir"
for cmd in "init" "ingest $SRC/examples/texts" "set muong-lay grdp_growth 2024 --target 7"; do
  # shellcheck disable=SC2086
  run --db "$T/dir" $cmd
  expect 1 "chitieu: $T/dir: cannot open the database: is a directory"
  # shellcheck disable=SC2086
  run --db "$T/missing/c.db" $cmd
  expect 1 "chitieu: $T/missing/c.db: cannot open the database: no such file or directory"
done
touch "$T/file"
run --db "$T/file/c.db" init
expect 1 "chitieu: $T/file/c.db: cannot open the database: not a directory"
run --db "$T/dir" report --period 2024 -o "$T/r.pdf"
expect 1 "chitieu: $T/dir: cannot open the database: is a directory"
[ ! -e "$T/missing" ] && [ -z "$(ls "$T/dir")" ] || fail "something was created"
