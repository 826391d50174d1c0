#!/usr/bin/env bash
# chitieu brief on bad input: one clear line, exit code 1 or 2, and an
# existing pack left as it was (the PDF is written to a temporary file and
# renamed only when whole).
set -u
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$SRC"
db=$tmp/t.db
meeting=config/meetings/giao-ban-quy-3-2024.yaml
"$CHITIEU" -q --db "$db" import examples/data/dien-bien-2023-2024.csv || fail "import"

expect() { # expect CODE 'stderr substring' command...
  local code=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  [ $rc -eq "$code" ] || fail "'$*' exited $rc, want $code: $(cat "$tmp/err")"
  grep -qF -- "$want" "$tmp/err" || fail "'$*' said '$(cat "$tmp/err")', want '$want'"
  [ "$(wc -l <"$tmp/err")" -le 2 ] || fail "'$*' said more than a line or two: $(cat "$tmp/err")"
}
expect 2 "which meeting?" "$CHITIEU" --db "$db" brief
expect 2 "unexpected argument 'extra'" "$CHITIEU" --db "$db" brief "$meeting" extra
expect 2 "unknown option '--bogus'" "$CHITIEU" brief --bogus
expect 1 "$tmp/none.yaml" "$CHITIEU" --db "$db" brief "$tmp/none.yaml" -o "$tmp/b.pdf"
# a meeting of an unknown locality and one with a bad period: FILE: why
sed 's/^locality: .*/locality: nowhere/' "$meeting" >"$tmp/loc.yaml"
expect 1 "nowhere" "$CHITIEU" --db "$db" brief "$tmp/loc.yaml" -o "$tmp/b.pdf"
sed 's/^period: .*/period: 2024-Q7/' "$meeting" >"$tmp/per.yaml"
expect 1 "2024-Q7" "$CHITIEU" --db "$db" brief "$tmp/per.yaml" -o "$tmp/b.pdf"
printf 'title: [unclosed\n' >"$tmp/bad.yaml"
expect 1 "$tmp/bad.yaml:" "$CHITIEU" --db "$db" brief "$tmp/bad.yaml" -o "$tmp/b.pdf"
expect 1 "does not exist" "$CHITIEU" --db "$db" brief "$meeting" -o "$tmp/no/such/dir/b.pdf"
expect 1 "$tmp/missing.db" "$CHITIEU" --db "$tmp/missing.db" brief "$meeting" -o "$tmp/b.pdf"
[ -e "$tmp/b.pdf" ] && fail "a failed run left $tmp/b.pdf"

# A good pack, then failures must leave it as it was and leave no
# temporary file behind.
good=$tmp/good.pdf
"$CHITIEU" -q --db "$db" brief "$meeting" -o "$good" || fail "good pack"
sum=$(md5sum <"$good")
expect 1 "NotoSans-Regular.ttf" "$CHITIEU" --db "$db" --fonts "$tmp" brief "$meeting" -o "$good"
expect 1 "nowhere" "$CHITIEU" --db "$db" brief "$tmp/loc.yaml" -o "$good"
[ "$(md5sum <"$good")" = "$sum" ] || fail "a failed run changed the existing pack"
ls -a "$tmp" | grep -q '\.tmp' && fail "a temporary file was left behind: $(ls -a "$tmp")"

# An unwritable folder (root can write anywhere: skip that case as root).
if [ "$(id -u)" -ne 0 ]; then
  mkdir "$tmp/ro"; chmod a-w "$tmp/ro"
  expect 1 "not writable" "$CHITIEU" --db "$db" brief "$meeting" -o "$tmp/ro/b.pdf"
fi
"$CHITIEU" brief --help | grep -q "Usage: chitieu brief" || fail "--help"
echo ok
