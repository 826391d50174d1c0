#!/usr/bin/env bash
# doc: bad documents (a zip bomb, an XML external entity, a damaged and a
# truncated .docx, a legacy .doc, a PDF with no text even by OCR, a
# truncated one, one protected by a password) each give one line naming
# the file and the part, for extract and for ingest, and nothing is stored.
. "$SRC/tests/helpers/store_common.sh"
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
python3 "$SRC/tests/doc/make_report.py" "$T" || fail "make_report.py failed"
run ingest "$T/report.txt"
expect 0
"$CHITIEU" facts --format csv >"$T/before" || fail "facts failed"

# check FILE MESSAGE: extract and ingest fail with "chitieu: FILE: MESSAGE".
check() {
  run extract "$T/$1"
  expect 1 "chitieu: $T/$1: $2"
  [ -s "$T/out" ] && fail "extract $1 printed facts"
  run ingest "$T/$1"
  expect 1
  head -n 1 "$T/err" >"$T/first"
  printf 'chitieu: %s: %s\n' "$T/$1" "$2" | same - "$T/first"
  grep -q '^ingested 0 documents' "$T/err" || fail "ingest $1: $(cat "$T/err")"
  "$CHITIEU" facts --format csv >"$T/after" || fail "facts failed"
  same "$T/before" "$T/after"
}
check bomb.docx "word/document.xml: unpacks to 1025 times its packed size, more than the limit of 200 (a zip bomb?)"
check xxe.docx "word/document.xml: XML with a DOCTYPE (DTDs and entities are not read)"
check corrupt.docx "word/document.xml: damaged (Zlib error: data error)"
check truncated.docx "zip directory: the file is damaged or truncated (Not a zip archive)"
check legacy.doc "a legacy Word .doc file: save it as .docx"
# A page with no text, only a drawing, goes to OCR, which finds none (or,
# without tesseract's Vietnamese data, says what to install).
if "$CHITIEU" extract "$T/scan.pdf" 2>&1 | grep -q tesseract-ocr-vie; then
  check scan.pdf "a scan without text: reading it needs OCR, and tesseract's Vietnamese data is not installed (Debian package tesseract-ocr-vie)"
else
  check scan.pdf "a scan in which OCR found no text (an empty or unreadable page?)"
fi
check truncated.pdf "not a readable PDF (PDF document is damaged)"
if command -v qpdf >/dev/null; then
  qpdf --encrypt user owner 256 -- "$SRC/tests/doc/report.pdf" "$T/locked.pdf" ||
    fail "qpdf --encrypt failed"
  check locked.pdf "the PDF is protected by a password: save a copy without one"
else
  echo "note: no qpdf, the password case is not checked"
fi
exit 0
