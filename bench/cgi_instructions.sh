#!/usr/bin/env bash
# @brief Instructions per CGI request, Gazette against Xapian Omega, over web_bench.sh's queries: the figure
# behind CGI latency that a shared, noisy machine cannot blur (valgrind --tool=callgrind, one request each).
# Usage: bench/cgi_instructions.sh [CORPUS] [BUILD_DIR]
#   CORPUS defaults to ../shared/corpora/reuters21578 (or $GAZETTE_CORPUS); BUILD_DIR to build.
# Needs: valgrind, scriptindex and /usr/lib/cgi-bin/omega/omega (scripts/install-deps.sh --bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-${GAZETTE_CORPUS:-$here/../../shared/corpora/reuters21578}}
build=$(cd "${2:-$here/../build}" && pwd)
omega=/usr/lib/cgi-bin/omega/omega
work=$(mktemp -d "${TMPDIR:-/tmp}/gazette-cgi-instructions-XXXXXX")
trap 'rm -rf "$work"' EXIT

for tool in valgrind scriptindex "$omega"; do
  command -v "$tool" >/dev/null || { echo "cgi_instructions: $tool is missing (bash scripts/install-deps.sh --bench)" >&2; exit 1; }
done
"$build/indexer/gazette-index" --quiet --db "$work/gazette.db" "$corpus"
mkdir -p "$work/omega/data" "$work/omega/log"
"$build/bench/omega-dump" "$corpus" > "$work/articles.dump"
scriptindex --stemmer=english "$work/omega/data/reuters" "$here/omega/articles.index" "$work/articles.dump" >/dev/null
printf 'database_dir %s\ntemplate_dir /usr/share/xapian-omega/templates\nlog_dir %s\n' \
  "$work/omega/data" "$work/omega/log" > "$work/omega.conf"

# Instructions of one CGI run of PROGRAM with QUERY_STRING; fails unless it answered 200.
instructions() {
  local program=$1 query=$2
  QUERY_STRING=$query GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET GAZETTE_DB="$work/gazette.db" \
    OMEGA_CONFIG_FILE="$work/omega.conf" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$program" > "$work/page" 2> "$work/valgrind.log"
  if grep -qi '^Status: [45]' "$work/page"; then
    echo "cgi_instructions: $program answered $(grep -i '^Status:' "$work/page") for $query" >&2
    exit 1
  fi
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/valgrind.log"
}

source "$here/web_queries.sh"
printf '| query | Gazette | Omega | ratio |\n| --- | ---: | ---: | ---: |\n'
gazette_total=0 omega_total=0
for q in "${web_queries[@]}"; do
  encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$q")
  g=$(instructions "$build/searcher/gazette-search" "q=$encoded")
  o=$(instructions "$omega" "DB=reuters&P=$encoded")
  gazette_total=$((gazette_total + g)) omega_total=$((omega_total + o))
  awk -v q="$q" -v g="$g" -v o="$o" 'BEGIN { printf "| %s | %.2fM | %.2fM | %.2f |\n", q, g / 1e6, o / 1e6, g / o }'
done
awk -v g="$gazette_total" -v o="$omega_total" -v n="${#web_queries[@]}" \
  'BEGIN { printf "| mean | %.2fM | %.2fM | %.2f |\n", g / n / 1e6, o / n / 1e6, g / o }'
