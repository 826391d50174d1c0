#!/bin/bash
# tests/cases/extract.sh - run every tests/cases/extract/*.txt case.
#
# A case file is the text to extract, a line "---", then the expected
# facts, one a line, in the order the extractor gives them:
#   kind value unit approx year [of] [key=value ...]
# ("-" for no approx; spaces in the unit and in values written "_").
# The optional key=value fields check more of the fact: ind (indicator
# code, "null" for none), loc (locality as written), code (its locality
# code), period, plan_of, est (0 or 1), label.
#
# Lines starting with "#" before the text are comments, except two that
# set how the text is extracted:
#   # config: shipped      extract with the repository's config/ (default:
#                          --no-config, so that cases of the language do
#                          not depend on the catalogue)
#   # args: OPTION...      more options for extract ("--date 2023-12-15")
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
  awk 'f{print} /^---$/{f=1}' "$case" | sed '/^$/d; s/  */ /g' >"$tmp/want"
  opts=(--no-config)
  if grep -q '^# config: shipped' "$case"; then
    opts=()
  fi
  read -r -a args <<<"$(sed -n 's/^# args: //p' "$case" | head -n 1)"
  if ! "$CHITIEU" --config "$SRC/config" extract --format jsonl \
      ${opts[@]+"${opts[@]}"} ${args[@]+"${args[@]}"} \
      "$tmp/$name.txt" >"$tmp/out.jsonl" 2>"$tmp/err"; then
    echo "FAIL $name: extract failed: $(cat "$tmp/err")"
    fail=1
    continue
  fi
  python3 - "$tmp/out.jsonl" "$tmp/want" >"$tmp/got" <<'PY'
import json, sys

def num(v):
    return str(int(v) if v == int(v) else v)

def field(f, key):
    v = {"ind": f.get("indicator"), "loc": f.get("locality"),
         "code": f.get("locality_code"), "period": f.get("period"),
         "plan_of": f.get("plan_of"), "label": f.get("label"),
         "est": int(bool(f.get("estimated")))}[key]
    return "null" if v is None else str(v).replace(" ", "_")

want = [l.split() for l in open(sys.argv[2], encoding="utf-8")]
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    f = json.loads(line)
    parts = [f["kind"], num(f["value"]), f["unit"].replace(" ", "_"),
             f["approx"] or "-", str(f["year"])]
    if f["of"] is not None:
        parts.append(num(f["of"]))
    keys = [w.split("=", 1)[0] for w in (want[i] if i < len(want) else [])
            if "=" in w]
    parts += [k + "=" + field(f, k) for k in keys]
    print(" ".join(parts))
PY
  if ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
    echo "FAIL $name"
    cat "$tmp/diff"
    fail=1
  fi
done
exit $fail
