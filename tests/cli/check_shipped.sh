#!/bin/bash
# tests/cli/check_shipped.sh - the configuration shipped in config/ passes
# chitieu check, which prints its one-line summary and exits 0; a missing
# folder and a meeting file outside the folder are handled too.
set -u
[ -x "${CHITIEU:-}" ] || exit 77
cd "$SRC" || exit 1
fail=0
out=$("$CHITIEU" check --config config 2>err.tmp.$$)
rc=$?
if [ "$rc" -ne 0 ] || [ -s err.tmp.$$ ]; then
  echo "shipped config: exit $rc"
  cat err.tmp.$$
  fail=1
fi
rm -f err.tmp.$$
if ! [[ "$out" =~ ^config:\ [0-9]+\ indicators,\ [0-9]+\ localities,\ [0-9]+\ dashboards?,\ [0-9]+\ meetings?:\ ok$ ]]; then
  echo "summary: $out"
  fail=1
fi

# A folder that is not there.
got=$("$CHITIEU" check --config no-such-dir 2>&1 >/dev/null)
[ $? -eq 1 ] || { echo "missing folder: want exit 1"; fail=1; }
[ "$got" = "chitieu: no-such-dir: not a configuration folder" ] ||
  { echo "missing folder: $got"; fail=1; }

# A meeting file kept outside the folder, checked against it.
tmp=$(mktemp -d) || exit 1
printf 'title: Họp\ndate: 2024-07-10\nperiod: 2024-H1\nlocality: muong-lay\nkey_indicators: [tourist]\n' >"$tmp/hop.yaml"
got=$("$CHITIEU" check --config config "$tmp/hop.yaml" 2>&1 >/dev/null)
[ "$got" = "chitieu: $tmp/hop.yaml:5:18: unknown indicator 'tourist'; did you mean 'tourists'?" ] ||
  { echo "meeting: $got"; fail=1; }
rm -rf "$tmp"

# --help goes to stdout with exit 0.
"$CHITIEU" check --help | grep -q '^Usage: chitieu check' ||
  { echo "--help"; fail=1; }
exit $fail
