#!/bin/bash
# bench/places.sh - the gazetteer's load time and memory (goal: < 30 ms,
# < 20 MB). Run by hand, never from ctest; takes a few seconds.
#
# Usage: bench/places.sh [BUILD_DIR]   (default build-bench/places, made here)
#
# 1. bench/places_load.c, linked with the places/ library of a Release
#    build: the median of 21 calls of places_load, and the peak RSS of a
#    process holding one gazetteer.
# 2. the whole command as a user runs it, gazetteer only (no configuration
#    folder), under /usr/bin/time -v: `chitieu localities --search "Mường
#    Lay"`, against `chitieu --version` for the process itself.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build-bench/places}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
if [ $# -eq 0 ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j2 --target chitieu ct_places >/dev/null
fi
cc -O2 -I"$ROOT/src" "$ROOT/bench/places_load.c" "$BUILD/libct_places.a" \
  "$BUILD/libct_text.a" "$BUILD/libct_util.a" \
  $(pkg-config --libs libutf8proc nettle) -lm -o "$BUILD/places_load"
"$BUILD/places_load" 21

measure() { # LABEL ARGS...: median wall (ms) of 11 runs and peak RSS (KiB)
  local label=$1; shift
  local walls=() rss=0
  for _ in $(seq 11); do
    local t0 t1
    t0=$(date +%s%N)
    CHITIEU_CONFIG=/nonexistent /usr/bin/time -f %M -o "$BUILD/time.out" "$BUILD/chitieu" "$@" >/dev/null
    t1=$(date +%s%N)
    walls+=($(( (t1 - t0) / 1000 )))
    rss=$(tail -1 "$BUILD/time.out")
  done
  local med
  med=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 6p)
  printf '%s\twall_ms %d.%03d\tmaxrss_kib %s\n' "$label" $((med / 1000)) $((med % 1000)) "$rss"
}
measure "chitieu --version" --version
measure "chitieu localities --search" localities --search "Mường Lay"
