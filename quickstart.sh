#!/usr/bin/env bash
# quickstart.sh - set up, build and run chitieu on a Debian machine.
#
#   ./quickstart.sh demo   install what is missing, build, ingest the sample
#                          texts and figures, write reports/*.pdf
#   ./quickstart.sh test   install what is missing, build, run the test suite,
#                          then build again with ASan + UBSan (build-asan)
#                          and run it there too, then run each libFuzzer
#                          target for FUZZ_SECONDS (default 60; 0: skip)
#   ./quickstart.sh build  install what is missing and build only
#
# Packages are installed with apt-get (as root, or through sudo). Set
# CHITIEU_NO_INSTALL=1 to skip that step on a machine you manage yourself.
set -euo pipefail
cd "$(dirname "$0")"

what=${1:-demo}
build=${BUILD_DIR:-build}

packages=(build-essential cmake pkg-config libsqlite3-dev libcairo2-dev
          libhpdf-dev libyaml-dev libutf8proc-dev nettle-dev
          libzip-dev libxml2-dev libpoppler-glib-dev libtesseract-dev
          tesseract-ocr-vie)
if [ "$what" = test ]; then
  # tools the tests check PDFs and the database with
  packages+=(poppler-utils qpdf python3 sqlite3 file)
  # the valgrind run, the memory bound of the 100 MB text, the fuzzers
  packages+=(valgrind time)
  [ "${FUZZ_SECONDS:-60}" = 0 ] || packages+=(clang libclang-rt-dev)
fi

install_missing() {
  [ "${CHITIEU_NO_INSTALL:-0}" = 1 ] && return 0
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "quickstart: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
}

build_it() {
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" >/dev/null
  cmake --build "$build" -j"$(nproc)"
}

# The suite again under AddressSanitizer and UndefinedBehaviorSanitizer
# (CMAKE_BUILD_TYPE=Debug carries -fsanitize=address,undefined). Left out:
# the valgrind run (valgrind cannot run an ASan binary) and the 100 MB text
# (ASan's shadow memory breaks its 500 MB bound, and it is slow there).
sanitized() {
  local asan=${ASAN_BUILD_DIR:-build-asan}
  cmake -S . -B "$asan" -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build "$asan" -j"$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan" --output-on-failure -j"$(nproc)" \
    -LE valgrind -E '^cli[.]matrix_big_text$'
}

demo() {
  local bin=$build/chitieu db=${CHITIEU_DB:-chitieu.db}
  "$bin" check
  "$bin" --db "$db" ingest examples/texts
  "$bin" --db "$db" import examples/data/dien-bien-2023-2024.csv
  mkdir -p reports
  "$bin" --db "$db" report --period 2024 --locality dien-bien \
    -o reports/dien-bien-2024.pdf
  "$bin" --db "$db" report --period 2024-Q3 --locality dien-bien \
    -o reports/dien-bien-2024-Q3.pdf
  "$bin" --db "$db" report --period 2024 --locality muong-lay \
    -o reports/muong-lay-2024.pdf
  "$bin" --db "$db" brief config/meetings/giao-ban-quy-3-2024.yaml \
    -o reports/giao-ban-quy-3-2024.pdf
  ls -l reports/*.pdf
}

case "$what" in
  build) install_missing; build_it ;;
  demo) install_missing; build_it; demo ;;
  test) install_missing; build_it
        ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
        sanitized
        fuzz=${FUZZ_SECONDS:-60}
        if [ "$fuzz" != 0 ]; then tests/fuzz/run.sh "$fuzz"; fi ;;
  *) echo "usage: $0 demo|test|build" >&2; exit 2 ;;
esac
