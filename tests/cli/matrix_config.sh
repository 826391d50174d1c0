#!/usr/bin/env bash
# matrix: a broken config (YAML syntax error, wrong type, unknown
# reference, locality cycle; the cases of tests/cases/config) makes
# ingest, import, report and brief stop with the first problem as
# FILE:LINE:COL before they touch the database: an existing database keeps
# its bytes, a missing one is not created, no PDF is written.
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
snap before
sum=$(md5sum <"$CHITIEU_DB")
mkdir "$T/pdfs"
for c in syntax_error wrong_type unknown_reference cycle; do
  cfg=$SRC/tests/cases/config/$c
  [ -d "$cfg" ] || fail "no case $cfg"
  # The first problem 'check' reports is the one every command prints.
  "$CHITIEU" --config "$cfg" check >/dev/null 2>"$T/check" && fail "$c: check passed"
  first=$(head -n 1 "$T/check")
  for db in "$CHITIEU_DB" "$T/new.db"; do
    for cmd in "ingest $SRC/examples/texts" \
      "import $SRC/examples/data/dien-bien-2023-2024.csv" \
      "report --period 2024 -o $T/pdfs/r.pdf" \
      "brief $SRC/config/meetings/giao-ban-quy-3-2024.yaml -o $T/pdfs/b.pdf"; do
      # shellcheck disable=SC2086
      run --config "$cfg" --db "$db" $cmd
      [ "$rc" -eq 1 ] || fail "$c: '$cmd' exited $rc: $(cat "$T/err")"
      [ "$(head -n 1 "$T/err")" = "$first" ] ||
        fail "$c: '$cmd' said '$(cat "$T/err")', want '$first'"
    done
    [ -e "$T/new.db" ] && fail "$c: a broken config created a database"
  done
  [ "$(md5sum <"$CHITIEU_DB")" = "$sum" ] || fail "$c: the database file changed"
  [ -z "$(ls "$T/pdfs")" ] || fail "$c: wrote $(ls "$T/pdfs")"
done
unchanged
