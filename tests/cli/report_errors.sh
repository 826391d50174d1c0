#!/usr/bin/env bash
# chitieu report on bad input: one clear line, exit code 1 or 2, and an
# existing report left as it was.
set -u
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$SRC"
db=$tmp/t.db
"$CHITIEU" -q --db "$db" import examples/data/dien-bien-2023-2024.csv || fail "import"

expect() { # expect CODE 'stderr substring' command...
  local code=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  [ $rc -eq "$code" ] || fail "'$*' exited $rc, want $code: $(cat "$tmp/err")"
  grep -qF -- "$want" "$tmp/err" || fail "'$*' said '$(cat "$tmp/err")', want '$want'"
  [ "$(wc -l <"$tmp/err")" -le 2 ] || fail "'$*' said more than a line or two: $(cat "$tmp/err")"
}
expect 2 "--period is required" "$CHITIEU" --db "$db" report --locality muong-lay
expect 2 "bad period '2024-Q7'" "$CHITIEU" --db "$db" report --period 2024-Q7
expect 1 "unknown locality 'nowhere'" "$CHITIEU" --db "$db" report --period 2024 --locality nowhere
expect 1 "does not exist" "$CHITIEU" --db "$db" report --period 2024 -o "$tmp/no/such/dir/r.pdf"
expect 1 "NotoSans-Regular.ttf" "$CHITIEU" --db "$db" --fonts "$tmp" report --period 2024 -o "$tmp/r.pdf"
expect 1 "$tmp/missing.db" "$CHITIEU" --db "$tmp/missing.db" report --period 2024 -o "$tmp/r.pdf"
expect 2 "unknown option '--bogus'" "$CHITIEU" report --bogus

# A good report, then failures must leave it as it was.
good=$tmp/good.pdf
"$CHITIEU" -q --db "$db" report --period 2024 --locality muong-lay -o "$good" || fail "good report"
sum=$(md5sum <"$good")
expect 1 "NotoSans-Regular.ttf" "$CHITIEU" --db "$db" --fonts "$tmp" report --period 2024 --locality muong-lay -o "$good"
[ "$(md5sum <"$good")" = "$sum" ] || fail "a failed run changed the existing report"
ls "$tmp" | grep -q '\.tmp\.' && fail "a temporary file was left behind"

# An unwritable folder (root can write anywhere: skip that case as root).
if [ "$(id -u)" -ne 0 ]; then
  mkdir "$tmp/ro"; chmod a-w "$tmp/ro"
  expect 1 "not writable" "$CHITIEU" --db "$db" report --period 2024 -o "$tmp/ro/r.pdf"
fi
"$CHITIEU" report --help | grep -q "Usage: chitieu report" || fail "--help"
echo ok
