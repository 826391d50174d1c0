#!/usr/bin/env bash
# valgrind: the demo's flow (ingest, import, report, brief on the examples)
# under valgrind --leak-check=full: no invalid access, no use of
# uninitialised memory, no leak. Skipped (77) without valgrind, and for a
# sanitizer build (ASan and valgrind do not mix).
set -u
: "${CHITIEU:?}" "${SRC:?}"
command -v valgrind >/dev/null || { echo "skip: no valgrind"; exit 77; }
if ldd "$CHITIEU" 2>/dev/null | grep -q 'libasan\|libubsan'; then
  echo "skip: sanitizer build"
  exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export CHITIEU_DB=$T/c.db CHITIEU_CONFIG=$SRC/config
vg() {
  valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
    --log-file="$T/vg.log" "$CHITIEU" -q "$@" >/dev/null 2>"$T/err"
  local rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL: chitieu $* (exit $rc)"
    cat "$T/err" "$T/vg.log"
    exit 1
  fi
}
vg init
vg ingest "$SRC/examples/texts"
vg import "$SRC/examples/data/dien-bien-2023-2024.csv"
vg facts --format csv
vg report --period 2024-Q3 --locality dien-bien -o "$T/r.pdf"
vg brief "$SRC/config/meetings/giao-ban-quy-3-2024.yaml" -o "$T/b.pdf"
[ -s "$T/r.pdf" ] && [ -s "$T/b.pdf" ] || { echo "FAIL: no PDF"; exit 1; }
echo ok
