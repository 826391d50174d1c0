#!/usr/bin/env bash
# A meeting file with 'password' and 'print_only': the pack opens only with
# the password (qpdf --password=... --decrypt), not without it; printing is
# allowed at full resolution, copying and changing are not; the text is
# the pack's. Encrypted packs are not byte-reproducible (libharu takes the
# /ID from the clock), so this test does not compare two runs.
set -u
. "$SRC/tests/tools/pdf_checks.sh"
pdf_test pdftotext qpdf pdfinfo python3
cd "$SRC"
db=$tmp/t.db
"$CHITIEU" -q --db "$db" import examples/data/dien-bien-2023-2024.csv || fail "import"
pw='Mật-khẩu 2024'
sed -e '/^print_only:/d' config/meetings/giao-ban-quy-3-2024.yaml >"$tmp/mat.yaml"
printf 'password: "%s"\nprint_only: true\n' "$pw" >>"$tmp/mat.yaml"
out=$tmp/mat.pdf
"$CHITIEU" -q --db "$db" brief "$tmp/mat.yaml" -o "$out" || fail "brief"

# Without the password: refused.
qpdf --check "$out" >"$tmp/nopw" 2>&1 && fail "qpdf opened the pack without a password"
grep -qi "password" "$tmp/nopw" || fail "qpdf failed, but not for the password: $(head -3 "$tmp/nopw")"
qpdf --password=wrong --decrypt "$out" "$tmp/x.pdf" 2>/dev/null && fail "a wrong password opened the pack"
pdftotext "$out" - >/dev/null 2>&1 && fail "pdftotext read the pack without a password"

# With it: a sound file that decrypts, with the pack's text and bookmarks.
qpdf --password="$pw" --check "$out" >"$tmp/check" 2>&1 || fail "qpdf --check with the password: $(tail -3 "$tmp/check")"
qpdf --password="$pw" --decrypt "$out" "$tmp/plain.pdf" || fail "qpdf --decrypt"
check_quiet "$tmp/plain.pdf"
txt=$(pdftotext -enc UTF-8 "$tmp/plain.pdf" -)
for want in "Giao ban kinh tế - xã hội quý III năm 2024" "Tài liệu có mật khẩu" "Thị xã Mường Lay" "7,84"; do
  grep -qF -- "$want" <<<"$txt" || fail "decrypted text lacks '$want'"
done
check_outline "$tmp/plain.pdf"
grep -qF "Huyện Mường Nhé" "$tmp/outline" || fail "bookmark titles wrong after decryption"

# print_only: high-resolution printing allowed; extraction and changes not.
qpdf --password="$pw" --show-encryption "$out" >"$tmp/enc" 2>&1 || fail "--show-encryption"
grep -q "print high resolution: allowed" "$tmp/enc" || fail "high-resolution print not allowed: $(cat "$tmp/enc")"
grep -q "extract for any purpose: not allowed" "$tmp/enc" || fail "copying allowed: $(cat "$tmp/enc")"
grep -q "modify other: not allowed" "$tmp/enc" || fail "changes allowed: $(cat "$tmp/enc")"
echo ok
