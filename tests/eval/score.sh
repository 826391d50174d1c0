#!/bin/bash
# tests/eval/score.sh - the extractor against the shared gold corpus
# (seeds, dev and dev2, beside the source tree). Fails if strict, number
# or cell F1 (what reaches a dashboard cell) falls more than 0.02 below
# what the extractor reached when this test was last set: 1.000 on seeds
# and dev; on dev2 strict 0.955, number 0.988, cell 0.940. Skipped where
# the corpus or the scorer is not there.
set -u
score="$SRC/../shared/eval/score.py"
[ -f "$score" ] || { echo "no shared scorer: skipped"; exit 77; }
[ -x "${CHITIEU:-}" ] || exit 77
command -v python3 >/dev/null || exit 77
fail=0
# set strict-floor number-floor cell-floor
while read -r set fs fn fc; do
  gold="$SRC/../shared/corpus/$set"
  [ -d "$gold" ] || { echo "no shared corpus $set: skipped"; exit 77; }
  line=$(cd "$SRC" && python3 "$score" --gold "$gold" -q \
    --cmd "'$CHITIEU' extract --format jsonl {files}" | tail -1)
  echo "$set: $line"
  strict=$(sed -n 's/.*strict_f1=\([0-9.]*\).*/\1/p' <<<"$line")
  number=$(sed -n 's/.*number_f1=\([0-9.]*\).*/\1/p' <<<"$line")
  cell=$(sed -n 's/.*cell_f1=\([0-9.]*\).*/\1/p' <<<"$line")
  if [ -z "$strict" ] || [ -z "$number" ] || [ -z "$cell" ]; then
    echo "FAIL $set: no score"
    fail=1
    continue
  fi
  if awk -v s="$strict" -v n="$number" -v c="$cell" -v fs="$fs" -v fn="$fn" \
      -v fc="$fc" 'BEGIN { exit !(s < fs || n < fn || c < fc) }'; then
    echo "FAIL $set: strict $strict (floor $fs), number $number (floor $fn), cell $cell (floor $fc)"
    fail=1
  fi
done <<'SETS'
seeds 0.98 0.98 0.98
dev 0.98 0.98 0.98
dev2 0.935 0.968 0.92
SETS
exit $fail
