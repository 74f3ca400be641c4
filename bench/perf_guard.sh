#!/usr/bin/env bash
# @brief Instruction-count regression guard (issue 7, point 5; CTest test perf_instructions, label perf).
# Counts the instructions (valgrind --tool=callgrind) of indexing 1,000 generated articles (make-corpus
# --seed 7, gazette-index on one thread) and of 100 queries in batch mode (make-queries --seed 7,
# gazette-search --json), and fails when either exceeds the figure of bench/perf_baseline.txt for this
# build type by more than 25%. Instruction counts do not depend on the machine's load, so this cannot flake.
# Usage: bench/perf_guard.sh --build DIR --build-type TYPE [--update]
#   --update  records the measured figures as the new baseline of TYPE (after an intended change)
# Exit status: 0 within bounds (or updated), 1 a regression, 77 skipped (no valgrind, no Reuters-21578 to
# train make-corpus on, or no baseline for TYPE).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
baseline=$here/perf_baseline.txt
build= type= update=
while (($#)); do
  case $1 in
    --build) build=$2; shift 2 ;;
    --build-type) type=$2; shift 2 ;;
    --update) update=1; shift ;;
    *) echo "perf_guard: unknown argument $1" >&2; exit 1 ;;
  esac
done
[[ -n $build && -n $type ]] || { echo "perf_guard: --build DIR and --build-type TYPE are required" >&2; exit 1; }
corpus=${GAZETTE_CORPUS:-$here/../../shared/corpora/reuters21578}
command -v valgrind >/dev/null || { echo "perf_guard: skipped: valgrind is not installed"; exit 77; }
[[ -d $corpus ]] || { echo "perf_guard: skipped: no Reuters-21578 at $corpus (GAZETTE_CORPUS) for make-corpus"; exit 77; }
articles=1000 queries=100 tolerance=1.25

work=$(mktemp -d "${TMPDIR:-/tmp}/gazette-perf-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$build/bench/make-corpus" --reuters "$corpus" --count $articles --seed 7 --threads 1 --output "$work/corpus.jsonl" 2>/dev/null
"$build/bench/make-queries" --count $queries --seed 7 --output "$work/queries.txt" "$work/corpus.jsonl"

# instructions NAME COMMAND...: callgrind's total instruction count of COMMAND (standard input kept).
instructions() {
  local name=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$work/$name.out" --log-file="$work/$name.log" "$@" >/dev/null 2>"$work/$name.err" || {
    echo "perf_guard: $* failed" >&2
    cat "$work/$name.log" "$work/$name.err" >&2
    exit 1
  }
  sed -n 's/^summary: //p' "$work/$name.out"
}
measured_index=$(instructions index "$build/indexer/gazette-index" --threads 1 --quiet --db "$work/db" "$work/corpus.jsonl")
measured_search=$(instructions search "$build/searcher/gazette-search" --db "$work/db" --json <"$work/queries.txt")

if [[ -n $update ]]; then
  {
    grep -v -P "^\Q$type\E\t" "$baseline"
    printf '%s\tindex\t%s\t%s\n%s\tsearch\t%s\t%s\n' "$type" "$measured_index" "$(date -u +%F)" \
      "$type" "$measured_search" "$(date -u +%F)"
  } >"$work/baseline"
  cp "$work/baseline" "$baseline"
  echo "perf_guard: recorded $type: index $measured_index, search $measured_search instructions in $baseline"
  exit 0
fi

status=0
for what in index search; do
  measured=measured_$what
  recorded=$(awk -F'\t' -v t="$type" -v w="$what" '$1 == t && $2 == w { print $3 }' "$baseline")
  if [[ -z $recorded ]]; then
    echo "perf_guard: skipped: no $what baseline for build type '$type' in $baseline" \
      "(record one: bench/perf_guard.sh --build $build --build-type $type --update)"
    exit 77
  fi
  verdict=$(awk -v m="${!measured}" -v r="$recorded" -v t=$tolerance 'BEGIN {
    printf "%s %.1f%%", (m > r * t ? "FAIL" : "ok"), (m / r - 1) * 100 }')
  echo "perf_guard: $what ($([[ $what == index ]] && echo "$articles articles" || echo "$queries queries")):" \
    "${!measured} instructions, baseline $recorded: ${verdict#* } -> ${verdict%% *}"
  [[ $verdict == ok* ]] || status=1
done
((status == 0)) || echo "perf_guard: more than $(awk -v t=$tolerance 'BEGIN { print (t - 1) * 100 }')% over the baseline;" \
  "profile it (valgrind --tool=callgrind, callgrind_annotate), or, for an intended change, update the baseline" \
  "(bench/README.md)" >&2
exit $status
