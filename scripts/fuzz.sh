#!/usr/bin/env bash
# @brief Builds the libFuzzer targets of tests/fuzz with clang into build-fuzz/ and runs them from their
# seed corpora (tests/fuzz/corpus/TARGET), crash regressions included.
#   scripts/fuzz.sh --smoke [SECONDS]          every target for SECONDS (default 30), two at a time: CI
#   scripts/fuzz.sh --long SECONDS [TARGET]    a longer run of one target (or of every target, in turn)
# Inputs libFuzzer finds go to build-fuzz/fuzz-corpus/TARGET (kept, so runs build on each other); a crash,
# leak, timeout, out-of-memory or broken property fails the run and is saved under build-fuzz/fuzz-artifacts/.
# Environment: GAZETTE_FUZZ_JOBS (targets run at once; default 2 for --smoke, 1 for --long),
# GAZETTE_FUZZ_RSS_MB (memory limit per target, default 2048).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '2,6s/^# \{0,1\}//p' "$0" >&2
  exit 1
}

mode=${1:-}
case "$mode" in
  --smoke) seconds=${2:-30} target=${3:-} jobs=${GAZETTE_FUZZ_JOBS:-2} ;;
  --long) [[ $# -ge 2 ]] || usage; seconds=$2 target=${3:-} jobs=${GAZETTE_FUZZ_JOBS:-1} ;;
  *) usage ;;
esac
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || usage

build_dir=build-fuzz
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGAZETTE_FUZZ=ON \
  -DGAZETTE_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$build_dir" --target fuzz_targets -- -j"$(nproc)"

targets=()
for seeds in tests/fuzz/corpus/*/; do
  name=$(basename "$seeds")
  [[ -z "$target" || "$name" == "$target" ]] && targets+=("$name")
done
((${#targets[@]} > 0)) || { echo "fuzz: no target named '$target' (see tests/fuzz/corpus/)" >&2; exit 1; }

logs=$build_dir/fuzz-logs
# Known leaks of system libraries, each explained in the file.
export LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0
mkdir -p "$logs"

# One target: new inputs go to the first corpus directory, the committed seeds are only read.
run_target() {
  local name=$1 work=$build_dir/fuzz-corpus/$1 artifacts=$build_dir/fuzz-artifacts/$1/
  mkdir -p "$work" "$artifacts"
  timeout -k 10 $((seconds + 120)) "$build_dir/tests/fuzz/fuzz_$name" -max_total_time="$seconds" \
    -rss_limit_mb="${GAZETTE_FUZZ_RSS_MB:-2048}" -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$work" "tests/fuzz/corpus/$name" >"$logs/$name.log" 2>&1
}

failed=()
report() {
  local name=$1 status=$2 runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$name.log")
  if ((status == 0)); then
    printf 'fuzz: %-17s ok, %s runs in %ss\n' "$name" "${runs:-?}" "$seconds"
  else
    printf 'fuzz: %-17s FAILED (status %s); log %s, input in %s\n' "$name" "$status" "$logs/$name.log" \
      "$build_dir/fuzz-artifacts/$name/"
    grep -m 20 -E 'ERROR|SUMMARY|property failed|#[0-9]+ 0x' "$logs/$name.log" | head -20 || true
    failed+=("$name")
  fi
}

pids=() names=()
for name in "${targets[@]}"; do
  run_target "$name" &
  pids+=($!) names+=("$name")
  if ((${#pids[@]} >= jobs)); then
    status=0 && wait "${pids[0]}" || status=$?
    report "${names[0]}" "$status"
    pids=("${pids[@]:1}") names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do
  status=0 && wait "${pids[$i]}" || status=$?
  report "${names[$i]}" "$status"
done

if ((${#failed[@]} > 0)); then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}; a fixed crash input belongs in tests/fuzz/corpus/TARGET/" >&2
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets passed"
