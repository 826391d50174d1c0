#!/bin/bash
# bench/run.sh - measure chitieu side by side with the matplotlib peer and with
# the floors of the machine (grep -c, the sqlite3 shell). Run by hand, never
# from ctest; it takes about 10 minutes, most of it the peer. See
# bench/README.md for what is measured and the figures of the last run.
#
# Usage: bench/run.sh [--runs N] [--sizes "10 50 200"] [--mb 50] [--no-peer]
#                     [--head] [pack|extract|store]...   (default: all three)
#
# --head measures the last commit (git archive HEAD) instead of the working
# tree, so that work in progress in src/ neither breaks nor skews the run.
#
# The workload (gen_data.py, peer_matplotlib.py, WORKLOAD.md) is not part of
# the repository: it is read from ../shared/bench/ next to the repository's
# root. Everything the script makes goes to bench/out/ (ignored by git) and
# the Release build to build-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "$ROOT/.." && pwd)/shared/bench
OUT=$ROOT/bench/out
BUILD=$ROOT/build-bench/tree
PY=/usr/bin/python3  # the peer needs Debian's matplotlib, not a venv's
EPOCH=1735603200     # 31/12/2024, as the workload says
PERIOD=2024-Q4
RUNS=3
SIZES="10 50 200"
MB=50
PEER=1
HEAD=0
PARTS=()

die() { echo "bench: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --mb) MB=$2; shift 2 ;;
    --no-peer) PEER=0; shift ;;
    --head) HEAD=1; shift ;;
    pack|extract|store) PARTS+=("$1"); shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[ ${#PARTS[@]} -gt 0 ] || PARTS=(pack extract store)
want() { [[ " ${PARTS[*]} " == *" $1 "* ]]; }

# ---- What the benchmark needs, and how to get it -------------------------
[ -f "$SHARED/gen_data.py" ] && [ -f "$SHARED/peer_matplotlib.py" ] ||
  die "the workload is missing: ../shared/bench/ (gen_data.py, peer_matplotlib.py)
       must sit next to the repository's root; it is not part of the repository"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: apt-get install -y time"
[ -x "$PY" ] || die "$PY is missing: apt-get install -y python3"
command -v cmake >/dev/null || die "cmake is missing: apt-get install -y cmake"
if want pack && [ $PEER = 1 ]; then
  "$PY" -c 'import matplotlib' 2>/dev/null ||
    die "the peer needs Debian's matplotlib for $PY: apt-get install -y python3-matplotlib"
  fc-list 2>/dev/null | grep -q 'DejaVuSans\.ttf' ||
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ||
    die "the peer needs DejaVu Sans: apt-get install -y fonts-dejavu-core"
fi
if want store; then
  command -v sqlite3 >/dev/null ||
    die "the store floor needs the SQLite shell: apt-get install -y sqlite3"
fi
command -v pdfinfo >/dev/null || echo "bench: no pdfinfo (poppler-utils): page counts not shown" >&2

mkdir -p "$OUT"
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
RES=$OUT/results.tsv
: >"$RES"

# The sources measured: the working tree, or with --head a copy of HEAD.
SRC=$ROOT
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ $HEAD = 1 ]; then
  SRC=$OUT/head
  BUILD=$ROOT/build-bench/head
  rm -rf "$SRC"
  mkdir -p "$SRC"
  git -C "$ROOT" archive HEAD | tar -x -C "$SRC"
  REV="$REV (HEAD)"
elif [ -n "$(git -C "$ROOT" status --porcelain -- src CMakeLists.txt 2>/dev/null)" ]; then
  REV="$REV + uncommitted changes in src/"
fi
CT=$BUILD/chitieu
echo "== Release build of $REV ($BUILD)"
cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCHITIEU_WERROR=OFF >/dev/null
cmake --build "$BUILD" --target chitieu -j"$(nproc)" >/dev/null ||
  die "the Release build failed (src/ being edited? try --head)"

# measure PART CASE TOOL RUN STDOUT CMD... runs CMD once under /usr/bin/time -v
# with its standard output in STDOUT, and appends to results.tsv: part, case,
# tool, run, wall seconds (clock_gettime around the run, finer than time's
# 10 ms), peak RSS in KiB. A failing command stops the benchmark.
measure() {
  local part=$1 case=$2 tool=$3 run=$4 stdout=$5 t0 t1 rss
  shift 5
  t0=$(date +%s%N)
  if ! /usr/bin/time -v -o "$OUT/time.txt" "$@" >"$stdout" 2>"$OUT/stderr.txt"; then
    cat "$OUT/stderr.txt" >&2
    die "failed: $*"
  fi
  t1=$(date +%s%N)
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$part" "$case" "$tool" "$run" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')" \
    "$rss" >>"$RES"
}

# note PART CASE KEY VALUE: a figure that is not a timing (bytes, pages, rows).
note() { printf '%s\t%s\tnote\t%s\t%s\t\n' "$1" "$2" "$3" "$4" >>"$RES"; }

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true; }

# ---- Briefing pack: chitieu and the peer on the workload -----------------
if want pack; then
  export SOURCE_DATE_EPOCH=$EPOCH
  export MPLCONFIGDIR=$OUT/mplconfig  # the font cache, built before timing
  mkdir -p "$OUT/pack"
  if [ $PEER = 1 ]; then
    "$PY" -c 'import matplotlib.font_manager' >/dev/null 2>&1
  fi
  for n in $SIZES; do
    d=$OUT/pack/d$n.csv
    echo "== pack N=$n: data, config, import"
    "$PY" "$SHARED/gen_data.py" --localities "$n" --years 2020-2024 --seed 1 --out "$d"
    "$PY" "$ROOT/bench/make_config.py" --config "$ROOT/config" --csv "$d" \
      --period $PERIOD --out "$OUT/pack/config$n" >/dev/null
    db=$OUT/pack/d$n.db
    rm -f "$db" "$db"-*
    "$CT" -q --db "$db" --config "$OUT/pack/config$n" init
    measure pack "$n" import 1 /dev/null \
      "$CT" -q --db "$db" --config "$OUT/pack/config$n" import "$d"
    note pack "$n" rows "$(($(wc -l <"$d") - 1))"
    for r in $(seq "$RUNS"); do
      echo "   run $r/$RUNS: chitieu brief"
      measure pack "$n" chitieu "$r" /dev/null \
        "$CT" -q --db "$db" --config "$OUT/pack/config$n" --fonts "$ROOT/fonts" \
        brief bench -o "$OUT/pack/chitieu$n.pdf"
      if [ $PEER = 1 ]; then
        echo "   run $r/$RUNS: peer_matplotlib.py"
        measure pack "$n" peer "$r" /dev/null \
          "$PY" "$SHARED/peer_matplotlib.py" --csv "$d" --out "$OUT/pack/peer$n.pdf" \
          --period $PERIOD
      fi
    done
    note pack "$n" chitieu_bytes "$(wc -c <"$OUT/pack/chitieu$n.pdf")"
    note pack "$n" chitieu_pages "$(pages "$OUT/pack/chitieu$n.pdf")"
    if [ $PEER = 1 ]; then
      note pack "$n" peer_bytes "$(wc -c <"$OUT/pack/peer$n.pdf")"
      note pack "$n" peer_pages "$(pages "$OUT/pack/peer$n.pdf")"
    fi
  done
  unset SOURCE_DATE_EPOCH
fi

# ---- Extraction: MB/s against grep -c over the same files ----------------
if want extract; then
  echo "== extract: corpus of $MB MB from examples/texts"
  "$PY" "$ROOT/bench/make_corpus.py" --texts "$ROOT/examples/texts" --mb "$MB" \
    --out "$OUT/corpus"
  note extract corpus bytes "$(cat "$OUT"/corpus/*.txt | wc -c)"
  note extract corpus files "$(ls "$OUT/corpus" | wc -l)"
  for r in $(seq "$RUNS"); do
    echo "   run $r/$RUNS"
    # Relative names keep the command line short (about 20,000 files).
    (cd "$OUT/corpus" &&
      measure extract corpus chitieu "$r" "$OUT/extract.jsonl" \
        "$CT" --config "$ROOT/config" extract --format jsonl ./*.txt &&
      measure extract corpus grep "$r" /dev/null \
        env LC_ALL=C.UTF-8 grep -c đạt ./*.txt)
  done
  note extract corpus facts "$(wc -l <"$OUT/extract.jsonl")"
fi

# ---- Store: CSV import against the sqlite3 shell; ingest -----------------
if want store; then
  d=$OUT/store/d333.csv
  mkdir -p "$OUT/store"
  echo "== store: 100,200 rows (333 districts, 2020-2024), 1,000 documents"
  "$PY" "$SHARED/gen_data.py" --localities 333 --years 2020-2024 --seed 1 --out "$d"
  note store import rows "$(($(wc -l <"$d") - 1))"
  "$PY" "$ROOT/bench/make_corpus.py" --texts "$ROOT/examples/texts" --docs 1000 \
    --seed 2 --out "$OUT/store/docs" >/dev/null
  note store ingest docs 1000
  db=$OUT/store/s.db
  for r in $(seq "$RUNS"); do
    echo "   run $r/$RUNS"
    rm -f "$db" "$db"-*
    "$CT" -q --db "$db" --config "$ROOT/config" init
    measure store import chitieu "$r" /dev/null \
      "$CT" -q --db "$db" --config "$ROOT/config" import --add-missing "$d"
    rm -f "$db" "$db"-*
    measure store import sqlite3 "$r" /dev/null sqlite3 "$db" ".import --csv $d rows"
    if [ "$r" = 1 ]; then
      note store import sqlite3_rows "$(sqlite3 "$db" 'select count(*) from rows')"
    fi
    rm -f "$db" "$db"-*
    "$CT" -q --db "$db" --config "$ROOT/config" init
    measure store ingest chitieu "$r" /dev/null \
      "$CT" -q --db "$db" --config "$ROOT/config" ingest "$OUT/store/docs"
    measure store ingest extract "$r" "$OUT/store/docs.jsonl" \
      "$CT" --config "$ROOT/config" extract --format jsonl "$OUT"/store/docs/*.txt
  done
  note store ingest facts "$(wc -l <"$OUT/store/docs.jsonl")"
  rm -f "$db" "$db"-*
fi

echo
{
  echo "Measured: chitieu $REV, Release; $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/^MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo); $RUNS run(s) each; load average $LOAD0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo
  "$PY" "$ROOT/bench/table.py" "$RES"
} | tee "$OUT/results.md"
