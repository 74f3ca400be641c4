#!/usr/bin/env bash
# @brief Integration tests with every gazette-index and gazette-search they run under valgrind memcheck
# (GAZETTE_TEST_WRAPPER, read by tests/integration/process.cpp). A memory error or leak makes the program
# exit 99, which fails its test, and the valgrind reports are printed from build/valgrind-logs/.
#   scripts/valgrind.sh            the integration tests that fit in CI (see `quick` below)
#   scripts/valgrind.sh REGEX      the CTest tests matching REGEX; 'integration\.' is all of them (long)
# Uses the normal build in build/ (or $GAZETTE_BUILD_DIR), building it when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${GAZETTE_BUILD_DIR:-build}
# What CI runs: the tests whose programs take seconds, not minutes, under valgrind (README: timings).
quick='^integration\.(bad_input|maintenance|story_groups|web_cgi)$'
tests=${1:-$quick}

bash scripts/build.sh
logs=$PWD/$build_dir/valgrind-logs
rm -rf "$logs"
mkdir -p "$logs"
export GAZETTE_TEST_WRAPPER="valgrind --quiet --error-exitcode=99 --leak-check=full
  --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible
  --suppressions=$PWD/scripts/valgrind.supp --log-file=$logs/%p.log"

status=0
ctest --test-dir "$build_dir" -R "$tests" --output-on-failure -j"$(nproc)" --timeout 3600 || status=$?
ran=$(find "$logs" -name '*.log' | wc -l)
# With --quiet a log holds nothing but problems.
reports=$(find "$logs" -name '*.log' -size +0 | sort)
for report in $reports; do
  echo "valgrind: $report" >&2
  cat "$report" >&2
done
if ((ran == 0)); then
  echo "valgrind: no program ran under valgrind (tests matching '$tests'?)" >&2
  exit 1
fi
if [[ -n "$reports" ]] || ((status != 0)); then
  echo "valgrind: failed ($(echo "$reports" | grep -c . || true) reports of $ran program runs)" >&2
  exit 1
fi
echo "valgrind: $ran program runs, no errors or leaks"
