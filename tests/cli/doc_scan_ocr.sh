#!/usr/bin/env bash
# doc: a scan (page 1 of tests/doc/report.pdf rendered at 200 dpi, skewed
# and with noise, as an image-only PDF and as a PNG) is read by OCR; its
# facts against the text layer's: number F1 (kind, value, period,
# indicator, unit) at least 0.90 for each. A typed PDF with a scanned page
# added reads both. The folder walk names the image it skips; a scan is
# read when named.
. "$SRC/tests/helpers/store_common.sh"
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
command -v pdftoppm >/dev/null || { echo "skip: no pdftoppm (Debian package poppler-utils)"; exit 77; }
pdftoppm -r 200 -gray -f 1 -l 1 "$SRC/tests/doc/report.pdf" "$T/page" ||
  fail "pdftoppm failed"
python3 "$SRC/tests/doc/make_report.py" scan "$T"/page*.pgm "$T" ||
  fail "make_report.py scan failed"
"$CHITIEU" extract --format jsonl "$SRC/tests/doc/report.pdf" >"$T/text.jsonl" ||
  fail "extract report.pdf failed"
for f in scanned.pdf scan.png; do
  run extract --format jsonl "$T/$f"
  if grep -q "tesseract-ocr-vie" "$T/err"; then
    echo "skip: no OCR here: $(cat "$T/err")"
    exit 77
  fi
  expect 0
  python3 - "$T/text.jsonl" "$T/out" "$f" <<'PY' || fail "$f: F1 below 0.90"
import collections, json, sys
def keys(path):
    out = collections.Counter()
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        out[(o["kind"], o["value"], o["period"], o["indicator"], o["unit"])] += 1
    return out
want, got = keys(sys.argv[1]), keys(sys.argv[2])
hit = sum((want & got).values())
p = hit / max(1, sum(got.values()))
r = hit / max(1, sum(want.values()))
f1 = 2 * p * r / (p + r) if p + r else 0
print(f"{sys.argv[3]}: {hit} of {sum(want.values())} text-layer facts, "
      f"{sum(got.values())} found, P {p:.3f} R {r:.3f} F1 {f1:.3f}")
sys.exit(0 if f1 >= 0.90 else 1)
PY
done
# A typed PDF with a scanned page after it (as a signed last page is): the
# typed pages by their text layer, the scanned one by OCR, each fact once.
if command -v qpdf >/dev/null; then
  qpdf --empty --pages "$SRC/tests/doc/report.pdf" "$T/scanned.pdf" -- "$T/mixed.pdf" ||
    fail "qpdf --pages failed"
  run extract --format jsonl "$T/mixed.pdf"
  expect 0
  [ "$(wc -l <"$T/out")" -eq $((2 * $(wc -l <"$T/text.jsonl"))) ] ||
    fail "mixed.pdf: $(wc -l <"$T/out") facts, want twice the $(wc -l <"$T/text.jsonl") of the text layer"
else
  echo "note: no qpdf, the mixed PDF is not checked"
fi
# In a folder, an image is named and skipped; a scanned PDF is read.
mkdir "$T/in"
cp "$T/scan.png" "$T/scanned.pdf" "$T/in/"
run ingest "$T/in"
expect 0
grep -qx "chitieu: $T/in/scan.png: skipped: an image (a photo or a scanned page?): name it on the command line to read it by OCR" "$T/err" ||
  fail "ingest: $(cat "$T/err")"
grep -q "^ingested 1 documents" "$T/err" || fail "ingest: $(cat "$T/err")"
exit 0
