#!/bin/bash
# tests/cases/extract.sh - run every tests/cases/extract/*.txt case.
#
# A case file is the text to extract, a line "---", then the expected
# facts, one a line, in the order the extractor gives them:
#   kind value unit approx year [of]
# ("-" for no approx). Lines starting with "#" before the text are
# comments. The text is extracted without config (--no-config).
set -u
[ -x "${CHITIEU:-}" ] || exit 77
command -v python3 >/dev/null || exit 77
dir="$SRC/tests/cases/extract"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for case in "$dir"/*.txt; do
  name=$(basename "$case" .txt)
  awk '/^---$/{exit} !/^#/{print}' "$case" >"$tmp/$name.txt"
  awk 'f{print} /^---$/{f=1}' "$case" | sed '/^$/d' >"$tmp/want"
  if ! "$CHITIEU" extract --no-config --format jsonl "$tmp/$name.txt" \
      >"$tmp/out.jsonl" 2>"$tmp/err"; then
    echo "FAIL $name: extract failed: $(cat "$tmp/err")"
    fail=1
    continue
  fi
  python3 - "$tmp/out.jsonl" >"$tmp/got" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    f = json.loads(line)
    v = f["value"]
    v = int(v) if v == int(v) else v
    parts = [f["kind"], str(v), f["unit"].replace(" ", "_"),
             f["approx"] or "-", str(f["year"])]
    if f["of"] is not None:
        o = f["of"]
        parts.append(str(int(o) if o == int(o) else o))
    print(" ".join(parts))
PY
  if ! diff -u <(sed 's/  */ /g' "$tmp/want") "$tmp/got" >"$tmp/diff"; then
    echo "FAIL $name"
    cat "$tmp/diff"
    fail=1
  fi
done
exit $fail
