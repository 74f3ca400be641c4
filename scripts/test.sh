#!/usr/bin/env bash
# @brief The test command: installs dependencies, builds, and runs the whole test suite with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh "$@"
ctest --test-dir "${GAZETTE_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
# Reliability (README, "Fuzzing and sanitizers"): the suite under ASan+UBSan, every fuzz target for a short
# run, the quick integration tests under valgrind.
bash scripts/sanitize.sh
bash scripts/fuzz.sh --smoke "${GAZETTE_FUZZ_SECONDS:-10}"
bash scripts/valgrind.sh
