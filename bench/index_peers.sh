#!/usr/bin/env bash
# @brief Indexing benchmark: gazette-index vs Xapian Omega's scriptindex on the same articles, one run.
# Usage: bench/index_peers.sh [CORPUS] [BUILD_DIR]
#   CORPUS defaults to ../shared/corpora/reuters21578 (or $GAZETTE_CORPUS); BUILD_DIR to build.
# Needs: scriptindex and xapian-compact (scripts/install-deps.sh --bench), /usr/bin/time.
# Builds nothing: build Gazette first (scripts/build.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-${GAZETTE_CORPUS:-$here/../../shared/corpora/reuters21578}}
build=${2:-$here/../build}
work=$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

for tool in scriptindex xapian-compact /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "index_peers: $tool is missing (bash scripts/install-deps.sh --bench)" >&2; exit 1; }
done
[[ -x $build/indexer/gazette-index ]] || { echo "index_peers: build Gazette first (scripts/build.sh)" >&2; exit 1; }

"$build/bench/omega-dump" "$corpus" > "$work/articles.dump"
articles=$(grep -c '^id=' "$work/articles.dump")
text_mb=$(du -bs "$corpus" | awk '{printf "%.1f", $1/1e6}')

# measure NAME COMMAND...: wall seconds and peak RSS (MB) into $seconds and $rss_mb.
measure() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 || {
    cat "$work/$name.log" >&2
    exit 1
  }
  read -r seconds rss_kb <"$work/$name.time"
  rss_mb=$((rss_kb / 1024))
}
size_mb() { du -bs "$1" | awk '{printf "%.1f", $1/1e6}'; }

measure scriptindex scriptindex --stemmer=english "$work/omega.db" "$here/omega/articles.index" "$work/articles.dump"
omega_s=$seconds omega_rss=$rss_mb omega_size=$(size_mb "$work/omega.db")
xapian-compact "$work/omega.db" "$work/omega.compact" >/dev/null
omega_compact=$(size_mb "$work/omega.compact")

measure gazette "$build/indexer/gazette-index" --quiet --db "$work/gazette.db" "$corpus"
gazette_s=$seconds gazette_rss=$rss_mb gazette_size=$(size_mb "$work/gazette.db")
xapian-compact "$work/gazette.db" "$work/gazette.compact" >/dev/null
gazette_compact=$(size_mb "$work/gazette.compact")

printf '\nIndexing %s articles (%s MB of input) from %s on %s cores, %s\n\n' \
  "$articles" "$text_mb" "$corpus" "$(nproc)" "$(date -u +%Y-%m-%d)"
printf '| indexer | seconds | articles/s | peak RSS MB | DB MB | compacted MB |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: |\n'
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '| %s | %s | %.0f | %s | %s | %s |\n' "$1" "$2" "$(ratio "$articles" "$2")" "$3" "$4" "$5"; }
row "gazette-index" "$gazette_s" "$gazette_rss" "$gazette_size" "$gazette_compact"
row "scriptindex (Omega)" "$omega_s" "$omega_rss" "$omega_size" "$omega_compact"
printf '\ngazette-index is %sx the speed of scriptindex; compacted size ratio (gazette/scriptindex) %s\n' \
  "$(ratio "$omega_s" "$gazette_s")" "$(ratio "$gazette_compact" "$omega_compact")"
