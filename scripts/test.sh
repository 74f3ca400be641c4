#!/usr/bin/env bash
# @brief The test command: installs dependencies, builds, and runs the whole test suite with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh "$@"
ctest --test-dir "${GAZETTE_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
