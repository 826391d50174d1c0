# tests/tools/pdf_checks.sh - what the PDF tests share. Source it, then
# call pdf_test with the tools the test needs. The checks need pdftotext,
# pdfinfo, qpdf and python3.

fail() { echo "FAIL: $*"; exit 1; }

# pdf_test TOOL...: skip (exit 77) unless every TOOL is installed; then a
# temporary folder $tmp, removed at exit.
pdf_test() {
  for t in "$@"; do
    command -v "$t" >/dev/null || { echo "skip: $t not installed"; exit 77; }
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
}

# sample_db DB: the sample texts and the sample CSV stored in DB (run from
# the source root).
sample_db() {
  "$CHITIEU" -q --db "$1" ingest examples/texts || fail "ingest"
  "$CHITIEU" -q --db "$1" import examples/data/dien-bien-2023-2024.csv || fail "import"
}

# pages FILE: the page count from pdfinfo.
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }

# page_text FILE K: the text of page K.
page_text() { pdftotext -enc UTF-8 -f "$2" -l "$2" "$1" - 2>/dev/null; }

# check_quiet FILE: poppler (pdftotext, pdfinfo, pdftoppm) prints no warning
# and qpdf --check finds nothing.
check_quiet() {
  local f=$1 w
  w=$( { pdftotext "$f" /dev/null; pdfinfo "$f" >/dev/null; } 2>&1 )
  [ -z "$w" ] || fail "poppler warns on $f: $(head -3 <<<"$w")"
  if command -v pdftoppm >/dev/null; then
    w=$(pdftoppm -r 20 -png -f 1 -l 3 "$f" "$tmp/probe" 2>&1)
    [ -z "$w" ] || fail "pdftoppm warns on $f: $(head -3 <<<"$w")"
    rm -f "$tmp"/probe*
  fi
  qpdf --check "$f" >"$tmp/qpdf.out" 2>&1 || fail "qpdf --check $f: $(tail -3 "$tmp/qpdf.out")"
  grep -qi "warning" "$tmp/qpdf.out" && fail "qpdf warns on $f: $(grep -i warning "$tmp/qpdf.out" | head -3)"
  return 0
}

# check_footers FILE: page K of N says "Trang K/N", N being the page count.
check_footers() {
  local f=$1 n k
  n=$(pages "$f")
  pdftotext -enc UTF-8 "$f" "$tmp/all.txt" 2>/dev/null || fail "pdftotext $f"
  # pdftotext ends every page with a form feed
  awk -v n="$n" 'BEGIN{RS="\f"} NR<=n { if (index($0, "Trang " NR "/" n) == 0) { print NR; exit 1 } }' \
    "$tmp/all.txt" >"$tmp/badpage" || fail "page $(cat "$tmp/badpage") of $f lacks 'Trang $(cat "$tmp/badpage")/$n'"
}

# check_outline FILE [QPDF-ARGS]: every bookmark's title (decoded) is on the
# page it points to. Writes the outline to $tmp/outline (LEVEL TAB PAGE TAB
# TITLE).
check_outline() {
  local f=$1; shift
  python3 "$SRC/tests/tools/pdf_outline.py" "$f" "$@" >"$tmp/outline" || fail "outline of $f unreadable"
  [ -s "$tmp/outline" ] || fail "$f has no bookmarks"
  pdftotext -enc UTF-8 "$@" "$f" "$tmp/all.txt" 2>/dev/null || fail "pdftotext $f"
  python3 - "$tmp/outline" "$tmp/all.txt" <<'PY' || fail "a bookmark points at the wrong page (above)"
import sys
pages = open(sys.argv[2], encoding="utf-8").read().split("\f")
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    level, page, title = line.rstrip("\n").split("\t")
    text = " ".join(pages[int(page) - 1].split())
    if " ".join(title.split()) not in text:
        print("bookmark '%s' -> page %s, which lacks it" % (title, page))
        bad = 1
sys.exit(bad)
PY
}
