#!/usr/bin/env bash
# @brief The benchmark of issue 7: indexing and search latency of Gazette against Xapian Omega (scriptindex,
# quest) and Sphinx (indexer, searchd) on the same articles, in one run, printed as one table with ratios.
# Usage: bench/run.sh [--corpus PATH] [--scale reuters|N] [--build DIR] [--queries N] [--port P] [--keep DIR]
#   --corpus   Reuters-21578 directory (default $GAZETTE_CORPUS or ../shared/corpora/reuters21578), or a
#              .jsonl[.zst] file to index as it is
#   --scale    reuters (default): index the corpus itself; N: generate N articles from it with make-corpus
#   --build    build directory with the programs (default build); this script builds nothing
#   --queries  size of the query file (default 1000); --port: searchd's SphinxQL port (default 9306)
#   --keep     keep databases, corpus and query files in DIR (default: a temporary directory, removed)
# Needs scripts/install-deps.sh --bench (xapian-omega, sphinxsearch, libmariadb-dev, time). See bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${GAZETTE_CORPUS:-$(realpath -m "$here/../../shared/corpora/reuters21578")}
scale=reuters build=$here/../build queries=1000 port=9306 keep=
while (($#)); do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (--help)" >&2; exit 1 ;;
  esac
done
[[ $scale == reuters || $scale =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --scale is reuters or a number" >&2; exit 1; }
[[ -e $corpus ]] || { echo "run.sh: no corpus at $corpus (--corpus)" >&2; exit 1; }
for tool in scriptindex xapian-compact quest indexer searchd stdbuf /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (bash scripts/install-deps.sh --bench)" >&2; exit 1; }
done
for program in indexer/gazette-index searcher/gazette-search bench/omega-dump bench/sphinx-dump bench/make-corpus \
  bench/make-queries bench/search-latency bench/sphinxql-latency; do
  [[ -x $build/$program ]] || { echo "run.sh: $build/$program is missing: build Gazette first (scripts/build.sh)" >&2; exit 1; }
done
if [[ -n $keep ]]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench-XXXXXX")
fi
searchd_conf=$work/sphinx.conf
cleanup() {
  [[ -f $work/sphinx/searchd.pid ]] && searchd --config "$searchd_conf" --stopwait >/dev/null 2>&1 || true
  [[ -n $keep ]] || rm -rf "$work"
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(load)

# The articles: the corpus itself, or N generated from it.
input=$corpus
generated=
if [[ $scale != reuters && -d $corpus ]]; then
  input=$work/corpus-$scale.jsonl
  "$build/bench/make-corpus" --reuters "$corpus" --count "$scale" --output "$input" 2>"$work/make-corpus.log"
  generated=$(tail -1 "$work/make-corpus.log" | sed 's/^make-corpus: //')
fi
"$build/bench/omega-dump" "$input" >"$work/articles.dump" 2>/dev/null
"$build/bench/sphinx-dump" "$input" >"$work/articles.tsv" 2>"$work/sphinx-dump.log"
read -r articles text_bytes < <(sed -E 's/.*: ([0-9]+) articles, ([0-9]+) bytes.*/\1 \2/' "$work/sphinx-dump.log")
text_mb=$(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
"$build/bench/make-queries" --count "$queries" --output "$work/queries.txt" --quest "$work/queries.quest" \
  --sphinxql "$work/queries.sql" "$input"

# measure NAME COMMAND...: wall seconds and peak RSS (MB) into $seconds and $rss_mb. gazette-index's status 2
# (some records rejected) still measures.
measure() {
  local name=$1 status=0
  shift
  /usr/bin/time -f '%e %M' -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 || status=$?
  if ((status != 0 && status != 2)); then
    cat "$work/$name.log" >&2
    exit 1
  fi
  read -r seconds rss_kb < <(tail -1 "$work/$name.time")
  rss_mb=$((rss_kb / 1024))
}
size_mb() { du -bs "$@" | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
declare -A index_s index_rss index_size index_compact

measure gazette "$build/indexer/gazette-index" --quiet --db "$work/gazette.db" "$input"
index_s[gazette]=$seconds index_rss[gazette]=$rss_mb index_size[gazette]=$(size_mb "$work/gazette.db")
xapian-compact "$work/gazette.db" "$work/gazette.compact" >/dev/null
index_compact[gazette]=$(size_mb "$work/gazette.compact")

measure omega scriptindex --stemmer=english "$work/omega.db" "$here/omega/articles.index" "$work/articles.dump"
index_s[omega]=$seconds index_rss[omega]=$rss_mb index_size[omega]=$(size_mb "$work/omega.db")
xapian-compact "$work/omega.db" "$work/omega.compact" >/dev/null
index_compact[omega]=$(size_mb "$work/omega.compact")

mkdir -p "$work/sphinx"
sed -e "s|@WORK@|$work|g; s|@TSV@|$work/articles.tsv|; s|@PORT@|$port|" "$here/sphinx/sphinx.conf.in" >"$searchd_conf"
measure sphinx indexer --config "$searchd_conf" --quiet articles
index_s[sphinx]=$seconds index_rss[sphinx]=$rss_mb index_size[sphinx]=$(size_mb "$work"/sphinx/articles.*)
index_compact[sphinx]=${index_size[sphinx]}

# Search latency on the compacted databases; searchd on loopback only.
latency() { sed -E "s/.*$2=([0-9.]+).*/\1/" <<<"$1"; }
declare -A search
search[inproc]=$("$build/bench/search-latency" --db "$work/gazette.compact" "$work/queries.txt")
search[batch]=$("$build/bench/search-latency" --pipe "$work/queries.txt" -- \
  stdbuf -oL "$build/searcher/gazette-search" --db "$work/gazette.compact" --json)
search[quest]=$("$build/bench/search-latency" --spawn "$work/queries.quest" -- \
  quest -d "$work/omega.compact" -o and -b year:Y -b month:M -b day:D -p title:S)
searchd --config "$searchd_conf" >"$work/searchd.out" 2>&1
for _ in $(seq 50); do
  "$build/bench/sphinxql-latency" --port "$port" --warmup 1 <(head -1 "$work/queries.sql") >/dev/null 2>&1 && break
  sleep 0.2
done
search[sphinx]=$("$build/bench/sphinxql-latency" --port "$port" "$work/queries.sql")
searchd --config "$searchd_conf" --stopwait >/dev/null 2>&1

# The table.
printf '\n# Gazette benchmark, %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
printf 'Corpus: %s articles, %s MB of text (title + body), ' "$articles" "$text_mb"
if [[ -n $generated ]]; then printf 'generated from %s (make-corpus: %s)\n' "$corpus" "$generated"
else printf '%s\n' "$input"; fi
printf 'Machine: %s cores, %s, %s GiB; load average %s at start, %s at end\n' "$(nproc)" \
  "$(lscpu | sed -n 's/^Model name: *//p')" "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" \
  "$load_start" "$(load)"
printf '\n| indexer | seconds | articles/s | MB/s | peak RSS MB | DB MB | compacted MB |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for name in gazette omega sphinx; do
  case $name in gazette) label=gazette-index ;; omega) label="scriptindex (Omega)" ;; sphinx) label="Sphinx indexer" ;; esac
  printf '| %s | %s | %.0f | %.1f | %s | %s | %s |\n' "$label" "${index_s[$name]}" \
    "$(ratio "$articles" "${index_s[$name]}")" "$(ratio "$text_mb" "${index_s[$name]}")" "${index_rss[$name]}" \
    "${index_size[$name]}" "${index_compact[$name]}"
done
printf '\n%s queries (%s): 10 hits; Gazette with facets, snippets and collapse; quest and searchd as noted\n\n' \
  "$(latency "${search[inproc]}" queries)" "$work/queries.txt"
printf '| search | median ms | p95 ms | p99 ms | mean ms | errors |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
for name in inproc batch quest sphinx; do
  case $name in
    inproc) label="Gazette in-process (Searcher::search)" ;;
    batch) label="Gazette batch (gazette-search --json, per line)" ;;
    quest) label="quest (one process per query)" ;;
    sphinx) label="Sphinx searchd (SphinxQL, facets)" ;;
  esac
  r=${search[$name]}
  printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$(latency "$r" median_ms)" "$(latency "$r" p95_ms)" \
    "$(latency "$r" p99_ms)" "$(latency "$r" mean_ms)" "$(latency "$r" errors)"
done
gazette_median=$(latency "${search[inproc]}" median_ms)
printf '\nRatios (above 1: Gazette better)\n\n'
printf -- '- indexing speed: %sx scriptindex, %sx Sphinx indexer\n' \
  "$(ratio "${index_s[omega]}" "${index_s[gazette]}")" "$(ratio "${index_s[sphinx]}" "${index_s[gazette]}")"
printf -- '- compacted size: scriptindex/gazette %s, Sphinx/gazette %s (Sphinx keeps no article text)\n' \
  "$(ratio "${index_compact[omega]}" "${index_compact[gazette]}")" \
  "$(ratio "${index_compact[sphinx]}" "${index_compact[gazette]}")"
printf -- '- search median (in-process): %sx quest, %sx Sphinx searchd; batch mode: %sx quest, %sx Sphinx\n' \
  "$(ratio "$(latency "${search[quest]}" median_ms)" "$gazette_median")" \
  "$(ratio "$(latency "${search[sphinx]}" median_ms)" "$gazette_median")" \
  "$(ratio "$(latency "${search[quest]}" median_ms)" "$(latency "${search[batch]}" median_ms)")" \
  "$(ratio "$(latency "${search[sphinx]}" median_ms)" "$(latency "${search[batch]}" median_ms)")"
printf '\nNotes: quest and searchd return no snippets and no collapse; quest has no source filter (the Omega\n'
printf 'database has no source field) and date ranges become whole months; searchd facets by source and month.\n'
