#!/bin/bash
# tests/eval/examples.sh - the extractor on the sample texts of examples/
# (texts/ and their gold files in expected/), scored by our own
# score_examples.py, so it runs in any clone. Fails if the strict F1
# falls more than 0.03 below what was reached when the last texts were
# added (1.000 on the fourteen texts). Skipped without python3.
set -u
[ -x "${CHITIEU:-}" ] || exit 77
command -v python3 >/dev/null || exit 77
reached=1.000
floor=$(awk -v r="$reached" 'BEGIN { printf "%.3f", r - 0.03 }')
cd "$SRC" || exit 1
python3 "$SRC/tests/eval/score_examples.py" "$CHITIEU" "$SRC/examples" \
  --floor "$floor" -v
