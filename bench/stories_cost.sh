#!/usr/bin/env bash
# What story detection (fingerprints, LSH band terms, assignment) adds to indexing (issue 5: at most 15%):
# gazette-index with and without --no-stories on the same corpus, alternated ROUNDS times in one run, each
# into a new database; prints the median wall and CPU seconds of each, articles/s and the overhead.
#
#   bench/stories_cost.sh [--build DIR] [--corpus PATH] [--rounds N]
#
# --corpus: Reuters-21578 (default ../shared/corpora/reuters21578 or $GAZETTE_CORPUS) or any input
# gazette-index reads, e.g. a make-corpus file for the scale check (build/bench/make-corpus --count 1000000
# --output /tmp/corpus-1m.jsonl.zst, then --corpus /tmp/corpus-1m.jsonl.zst --rounds 1).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$here/../build corpus=${GAZETTE_CORPUS:-$here/../../shared/corpora/reuters21578} rounds=3
while (($#)); do
  case $1 in
    --build) build=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--corpus PATH] [--rounds N]" >&2; exit 1 ;;
  esac
done
index=$build/indexer/gazette-index
for program in "$index" "$build/searcher/gazette-search"; do
  [[ -x $program ]] || { echo "stories_cost: build Gazette first ($program)" >&2; exit 1; }
done
[[ -e $corpus ]] || { echo "stories_cost: no corpus at $corpus" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/gazette-stories-cost-XXXXXX")
trap 'rm -rf "$work"' EXIT

# One run: appends "wall cpu" to $work/$1.times.
run() {
  local name=$1
  shift
  rm -rf "$work/db"
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$index" -q "$@" --db "$work/db" "$corpus" > /dev/null 2>&1
  read -r wall user sys < "$work/time"
  echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >> "$work/$name.times"
}
for ((round = 1; round <= rounds; ++round)); do
  run stories
  run plain --no-stories
done
articles=$("$build/searcher/gazette-search" --db "$work/db" --inspect | awk '/^Articles/ { print $2 }')
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
stat() { cut -d' ' -f"$2" "$work/$1.times" | median; }

echo "Corpus: $corpus; $rounds rounds; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| gazette-index | median wall s | median CPU s | articles/s |"
echo "| --- | ---: | ---: | ---: |"
for name in plain stories; do
  wall=$(stat "$name" 1) cpu=$(stat "$name" 2)
  label=$([[ $name == plain ]] && echo "--no-stories" || echo "stories on (default)")
  echo "| $label | $wall | $cpu | $(awk -v n="${articles:-0}" -v w="$wall" 'BEGIN { printf "%.0f", n / w }') |"
done
awk -v a="$(stat stories 1)" -v b="$(stat plain 1)" -v c="$(stat stories 2)" -v d="$(stat plain 2)" 'BEGIN {
  printf "\nStory detection adds %.1f%% wall time and %.1f%% CPU time (issue 5: at most 15%%)\n",
    100 * (a / b - 1), 100 * (c / d - 1) }'
