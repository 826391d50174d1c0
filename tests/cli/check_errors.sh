#!/bin/bash
# tests/cli/check_errors.sh - chitieu check on each folder of
# tests/cases/config/: every folder is a small configuration with one class
# of mistakes, and its file 'expected' holds the exact stderr lines
# (chitieu: FILE:LINE:COL: message). The exit status must be 1.
set -u
[ -x "${CHITIEU:-}" ] || exit 77
cd "$SRC/tests/cases/config" || exit 1
fail=0
n=0
for dir in */; do
  name=${dir%/}
  [ -f "$name/expected" ] || continue
  n=$((n + 1))
  got=$("$CHITIEU" check --config "$name" 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" -ne 1 ]; then
    echo "$name: exit status $rc, want 1"
    fail=1
  fi
  if [ "$got" != "$(cat "$name/expected")" ]; then
    echo "$name: stderr differs:"
    diff <(cat "$name/expected") <(printf '%s\n' "$got")
    fail=1
  fi
done
[ "$n" -gt 0 ] || { echo "no cases found"; exit 1; }
# config_load (used by every other command) reports the first problem.
got=$("$CHITIEU" check --config unknown_key 2>&1 | head -n 1)
[ "$got" = "$(head -n 1 unknown_key/expected)" ] || { echo "first: $got"; fail=1; }
exit $fail
