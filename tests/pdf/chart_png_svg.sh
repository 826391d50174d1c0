#!/bin/bash
# chitieu chart draws PNG and SVG from numbers on the command line, and
# reports bad numbers, kinds and output folders in one line.
# Needs $CHITIEU (the binary) and $SRC (the source tree); exit 77 = skip.
set -u
[ -x "${CHITIEU:-}" ] || { echo "no chitieu binary"; exit 77; }
command -v file >/dev/null || { echo "no file(1)"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() { "$CHITIEU" chart --fonts "$SRC/fonts" "$@"; }

run -q --kind trend -o "$tmp/t.png" --title "Tỷ lệ hộ nghèo" --unit "%" \
  --direction lower --labels "2022,2023,2024,2025" \
  --actual "9,1;7,9;~6,5;-" --plan "9,5;8;7,01;5,5" || fail "trend png"
file "$tmp/t.png" | grep -q "PNG image data, 960 x 600" || fail "png size"

run -q --kind comparison -o "$tmp/c.svg" --unit "%" \
  --labels "Mường Lay,Điện Biên Phủ" --actual "7,01;8,2" --plan "6,5;8" \
  || fail "comparison svg"
grep -q "<svg" "$tmp/c.svg" || fail "not an svg"

run -q --kind status -o "$tmp/s.png" --counts "14;5;4;3" || fail "status"

err=$(run --kind trend -o "$tmp/x.png" --labels a,b --actual "1;x" 2>&1)
[ $? -eq 2 ] || fail "bad number must be a usage error"
echo "$err" | grep -q "^chitieu chart: --actual: 'x' is not a number$" \
  || fail "message: $err"

err=$(run --kind trend -o "$tmp/none/x.png" --labels a --actual 1 2>&1)
[ $? -eq 1 ] || fail "missing folder must fail"
[ "$err" = "chitieu: $tmp/none/x.png: output folder '$tmp/none' does not exist" ] \
  || fail "message: $err"
[ ! -e "$tmp/none" ] || fail "folder created"

ls "$tmp" | grep -q tmp && fail "temporary file left behind"
echo ok
