#!/usr/bin/env bash
# @brief Configures and builds Gazette into build/ (or $GAZETTE_BUILD_DIR) with CMake and Ninja.
# Extra arguments go to cmake's configure step, e.g. -DGAZETTE_SANITIZERS="address;undefined".
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${GAZETTE_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$build_dir" -- -j"$(nproc)"
