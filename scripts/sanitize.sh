#!/usr/bin/env bash
# @brief The whole test suite under AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer:
# a Debug build in build-asan/ (or $GAZETTE_ASAN_DIR) without benchmarks, then every CTest test (unit,
# integration, web, slow). Any report fails its test. Extra arguments go to ctest (e.g. -L unit, -R web).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${GAZETTE_ASAN_DIR:-build-asan}
# -O1 keeps Debug's checks and symbols but runs the Reuters indexing tests several times faster than -O0.
CMAKE_BUILD_TYPE=Debug GAZETTE_BUILD_DIR=$build_dir bash scripts/build.sh -DGAZETTE_SANITIZERS="address;undefined" \
  -DGAZETTE_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS_DEBUG="-g -O1"
# Programs the tests start (gazette-index, gazette-search, also under lighttpd) inherit these.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" -LE perf "$@"
