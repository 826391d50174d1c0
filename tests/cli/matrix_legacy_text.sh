#!/usr/bin/env bash
# matrix: Vietnamese texts in the legacy font encodings of old office
# files (fixtures in tests/cli/data, made from one UTF-8 text):
#   tcvn3.txt            iconv -f UTF-8 -t TCVN5712-1 (TCVN3, ABC)
#   tcvn3-as-latin1.txt  that, read as Latin-1 and saved as UTF-8
#   vni.txt              VNI Windows, written by hand from its table
# extract and ingest refuse each with one line that names the encoding and
# how to convert it; nothing is stored. The TCVN3 file converted with the
# command the message gives is read like the UTF-8 text.
. "$SRC/tests/cli/matrix_lib.bash"
seed_db
snap before
d=$SRC/tests/cli/data
tcvn="the text is in TCVN3 (ABC), a legacy Vietnamese font encoding, not UTF-8; convert it first: iconv -f TCVN5712-1 -t UTF-8 < FILE > NEW.txt"
moji="the text is TCVN3 read as Latin-1 and saved as UTF-8 ('t¨ng' for 'tăng'); undo it: iconv -f UTF-8 -t LATIN1 < FILE | iconv -f TCVN5712-1 -t UTF-8 > NEW.txt"
vni="the text is in VNI, a legacy Vietnamese font encoding, not UTF-8; convert it to UTF-8 first (iconv does not know VNI; Unikey's converter and LibreOffice do)"
for f in tcvn3 tcvn3-as-latin1 vni; do
  case $f in
  tcvn3) want=$tcvn ;;
  tcvn3-as-latin1) want=$moji ;;
  vni) want=$vni ;;
  esac
  run extract "$d/$f.txt"
  expect 1 "chitieu: $d/$f.txt: $want"
  run ingest -q "$d/$f.txt"
  expect 1 "chitieu: $d/$f.txt: $want"
done
unchanged

# What the messages say to do gives the text back, and its facts.
command -v iconv >/dev/null || { echo "skip: no iconv"; exit 77; }
iconv -f TCVN5712-1 -t UTF-8 <"$d/tcvn3.txt" >"$T/a.txt" || fail "iconv"
iconv -f UTF-8 -t LATIN1 <"$d/tcvn3-as-latin1.txt" | iconv -f TCVN5712-1 -t UTF-8 >"$T/b.txt" || fail "iconv"
cmp -s "$T/a.txt" "$T/b.txt" || fail "the two conversions differ"
grep -q 'thị xã Mường Lay đạt 107,1% dự toán' "$T/a.txt" || fail "converted: $(cat "$T/a.txt")"
run extract --format tsv "$T/a.txt"
expect 0
grep -q 'muong-lay' "$T/out" || fail "no fact of Mường Lay: $(cat "$T/out")"
grep -q '107.1\|107,1' "$T/out" || fail "no 107,1: $(cat "$T/out")"
