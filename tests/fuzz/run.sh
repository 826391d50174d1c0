#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS] - build the libFuzzer targets with clang and
# run each for SECONDS (default 60) on seeds taken from the repository.
#
#   tests/fuzz/run.sh          about a minute per target (CI)
#   tests/fuzz/run.sh 600      the ten minutes per target a release wants
#
# Targets: fuzz_extract (extract_text), fuzz_number (numbers and periods),
# fuzz_yaml (the config loader), fuzz_csv (the CSV importer), fuzz_places
# (place names and gazetteer files), fuzz_docx, fuzz_xlsx, fuzz_html (the
# document readers) and fuzz_table (merged cells). Two run at a
# time (FUZZ_JOBS). The corpus grows in BUILD/corpus/TARGET and is reused
# by the next run; a crash is saved as BUILD/crashes/TARGET/crash-* and
# makes the script exit 1. Reproduce one with: BUILD/tests/fuzz/TARGET FILE.
# Environment: FUZZ_BUILD (default build-fuzz), FUZZ_JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
build=${FUZZ_BUILD:-build-fuzz}
jobs=${FUZZ_JOBS:-2}
targets=(fuzz_extract fuzz_number fuzz_yaml fuzz_csv fuzz_places fuzz_docx
         fuzz_xlsx fuzz_html fuzz_table)

command -v clang >/dev/null || { echo "fuzz: clang is needed" >&2; exit 77; }

# Instrument the libraries for coverage and the sanitizers as well, not
# just the targets: libFuzzer needs to see the branches of the code it
# tests, and ASan its memory accesses.
cmake -S . -B "$build" -DCHITIEU_FUZZ=ON -DCMAKE_C_COMPILER=clang \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >/dev/null

# Seeds: the repository's own inputs, refreshed on every run.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_extract,fuzz_number,fuzz_yaml,fuzz_csv,fuzz_places}
mkdir -p "$seeds"/{fuzz_docx,fuzz_xlsx,fuzz_html,fuzz_table}
# the report tests/doc/make_report.py writes: its word/document.xml (the
# member fuzz_docx makes a package around) and its web page; a sheet for
# fuzz_xlsx
if command -v python3 >/dev/null &&
    python3 tests/doc/make_report.py "$seeds/docs" >/dev/null 2>&1; then
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' \
    "$seeds/docs/report.docx" >"$seeds/fuzz_docx/report.xml"
  cp "$seeds"/docs/*.html "$seeds/fuzz_html/"
fi
printf '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Chỉ tiêu</t></is></c><c r="B1"><v>7.5</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>' \
  >"$seeds/fuzz_xlsx/sheet.xml"
printf '\0\0\1\1Chỉ tiêu\0\0\1\1\1Kế hoạch\0' >"$seeds/fuzz_table/seed"
cp examples/texts/*.txt tests/cases/extract/*.txt "$seeds/fuzz_extract/"
i=0
for s in "1.234,5" "12,5 tỷ" "2.245.645" "1,551,260" "104,267" "6.5" \
  "0,01" "99999999999999999999" "2024" "2024-Q3" "2024-q1" "2024-H1" \
  "2024-9M" "2024-M05" "2021-2025" "2021/2025" "1e308" "7.00"; do
  printf '%s' "$s" >"$seeds/fuzz_number/seed$((i++))"
done
i=0
for f in config/*.yaml config/*/*.yaml tests/cases/config/*/*.yaml \
  tests/cases/config/*/*/*.yaml; do
  [ -f "$f" ] && cp "$f" "$seeds/fuzz_yaml/seed$((i++)).yaml"
done
csv=examples/data/dien-bien-2023-2024.csv
cp "$csv" "$seeds/fuzz_csv/full.csv"
head -n 12 "$csv" >"$seeds/fuzz_csv/head.csv"
awk -F, 'NR == 1 || ($1 == "muong-lay" && n++ < 8)' "$csv" >"$seeds/fuzz_csv/ml.csv"
{ head -n 1 "$csv"
  echo 'xa-moi,Xã Mới,xã,muong-lay,chi_moi,Chỉ tiêu mới,%,lower,2024,3,5,'
} >"$seeds/fuzz_csv/add.csv"
# place names (after a date and a context byte) and a piece of the gazetteer
i=0
for s in "Thị xã Mường Lay" "TX. Mường Lay" "huyện Châu Thành, tỉnh Tiền Giang" \
  "Châu Thành, Tiền Giang" "xã Châu Thành" "Quán Thánh" "muong lay" "Hoằng Phụ"; do
  printf '\001\003%s' "$s" >"$seeds/fuzz_places/seed$((i++))"
done
head -n 40 data/gazetteer/gazetteer.tsv | sed '1s/^/\x01\x02/' >"$seeds/fuzz_places/tsv"
# Inputs that once crashed a target (tests/fuzz/regress/TARGET/, none yet)
# are seeds too: every run replays them first.
for t in "${targets[@]}"; do
  for f in tests/fuzz/regress/"$t"/*; do
    [ -f "$f" ] && cp "$f" "$seeds/$t/regress-$(basename "$f")"
  done
done

# A CSV of a few hundred rows reaches every branch of the importer; the
# 170 KB seed would make most mutations as long and the run ten times
# slower (it is cut to this length).
max_len() {
  case $1 in
  fuzz_csv | fuzz_places) echo 8192 ;;
  fuzz_yaml) echo 4096 ;; # a few screens: every key of the config
  *) echo 0 ;; # libFuzzer's choice: the longest seed
  esac
}

run_one() {
  local t=$1
  mkdir -p "$build/corpus/$t" "$build/crashes/$t"
  "$build/tests/fuzz/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len "$t")" \
    -print_final_stats=1 -artifact_prefix="$build/crashes/$t/" \
    "$build/corpus/$t" "$seeds/$t" >"$build/$t.log" 2>&1
}

echo "fuzz: ${#targets[@]} targets, ${secs} s each, $jobs at a time"
status=0
pids=()
names=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  names+=("$t")
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || { echo "fuzz: ${names[0]} failed, see $build/${names[0]}.log" >&2; status=1; }
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for k in "${!pids[@]}"; do
  wait "${pids[$k]}" || { echo "fuzz: ${names[$k]} failed, see $build/${names[$k]}.log" >&2; status=1; }
done
for t in "${targets[@]}"; do
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/$t.log" | grep -o '[0-9]*$' || echo ?)
  cov=$(grep -o 'cov: [0-9]*' "$build/$t.log" | tail -n 1 || true)
  echo "fuzz: $t: $execs runs, $cov, corpus $(ls "$build/corpus/$t" | wc -l)"
done
[ -n "$(find "$build/crashes" -type f 2>/dev/null)" ] && { echo "fuzz: crashes in $build/crashes" >&2; status=1; }
exit $status
