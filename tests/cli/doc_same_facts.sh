#!/usr/bin/env bash
# doc: one report written as .txt, .docx, .html (tests/doc/make_report.py)
# and .pdf (the .docx exported by LibreOffice, tests/doc/report.pdf) gives
# the same facts, sentences included, once the document's name and
# the byte offsets are left out; the .docx's header and footer and the
# page's menu, related links, comments, sidebar, footer and script, the
# PDF's running header and footer and its table, which all hold figures,
# give none.
. "$SRC/tests/helpers/store_common.sh"
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
python3 "$SRC/tests/doc/make_report.py" "$T" || fail "make_report.py failed"

# facts FILE: its facts as sorted JSON without doc and spans.
facts() {
  "$CHITIEU" extract --format jsonl "$1" >"$T/raw" 2>"$T/err" ||
    fail "extract $1: $(cat "$T/err")"
  python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    for k in ("doc", "span"):
        o.pop(k, None)
    print(json.dumps(o, ensure_ascii=False, sort_keys=True))' "$T/raw"
}
facts "$T/report.txt" >"$T/txt.facts"
n=$(wc -l <"$T/txt.facts")
[ "$n" -ge 10 ] || fail "only $n facts from the .txt"
cp "$SRC/tests/doc/report.pdf" "$T/report.pdf"
for fmt in docx html pdf; do
  facts "$T/report.$fmt" >"$T/$fmt.facts"
  same "$T/txt.facts" "$T/$fmt.facts"
done
grep -q '"value": 99\b\|"value": 100\b' "$T/docx.facts" &&
  fail "a figure of the header or footer became a fact"
# ingest stores the .docx by its own bytes, with as many facts.
run ingest "$T/report.docx"
expect 0
grep -q "ingested 1 documents (0 already stored), $n facts" "$T/err" ||
  fail "ingest: $(cat "$T/err")"
exit 0
