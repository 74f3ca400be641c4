#!/usr/bin/env bash
# Sharded archives at scale, in one run: indexing throughput of one writer (sequential) vs four shards
# written in parallel, and search latency (median, p99) and throughput of one database vs four local shards
# vs four remote shards served by xapian-tcpsrv on loopback. Prints a Markdown table (bench/RESULTS.md).
#
#   bench/shards_bench.sh [--build DIR] [--corpus FILE] [--work DIR] [--queries N] [--shards N]
#
# --corpus defaults to /tmp/corpus-1m.jsonl.zst, generated with make-corpus --count 1000000 when missing.
set -euo pipefail

build=build corpus=/tmp/corpus-1m.jsonl.zst work=/tmp/gazette-shards-bench queries=1000 shards=4
while (($#)); do
  case $1 in
    --build) build=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--corpus FILE] [--work DIR] [--queries N] [--shards N]" >&2; exit 1 ;;
  esac
done
index=$build/indexer/gazette-index search=$build/searcher/gazette-search
for tool in "$index" "$search" "$build/bench/make-corpus" "$build/bench/make-queries" "$build/bench/search-latency"; do
  [[ -x $tool ]] || { echo "missing $tool: ninja -C $build gazette-index gazette-search make-corpus make-queries search-latency" >&2; exit 1; }
done
command -v xapian-tcpsrv > /dev/null || { echo "xapian-tcpsrv missing (apt install xapian-tools)" >&2; exit 1; }

servers=()
stop_servers() {  # each server runs in its own session: xapian-tcpsrv signals its whole process group
  for pid in "${servers[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${servers[@]}"; do while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done; done
  servers=()
}
trap stop_servers EXIT

[[ -f $corpus ]] || "$build/bench/make-corpus" --count 1000000 --output "$corpus"
rm -rf "$work" && mkdir -p "$work"
articles=$(zstdcat "$corpus" | wc -l)

# Indexing: prints "wall-seconds articles/s cpu-seconds peak-RSS-MB" of one run. On a shared machine the
# CPU seconds (user + system) say more than the wall clock about the work done.
index_run() {
  local log=$work/index-$1.log
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$index" -q "$@" "$corpus" 2> "$log" > /dev/null
  read -r secs user sys rss < "$log.time"
  echo "$secs $(awk -v n="$articles" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", u + s }') $((rss / 1024))"
}
read -r seq_s seq_rate seq_cpu seq_rss <<< "$(index_run sequential --threads 1 --db "$work/single.db")"
read -r shard_s shard_rate shard_cpu shard_rss <<< "$(index_run sharded --shards "$shards" --db "$work/archive")"

"$build/bench/make-queries" --count "$queries" --output "$work/q.txt" "$corpus" > /dev/null

# Remote: one xapian-tcpsrv per shard on a free loopback port; the front end opens the control database
# (settings, spelling data) locally, as the README's three-host layout does.
remote_dbs=(--db "$work/archive/control")
port=$((20000 + RANDOM % 20000))
for shard in "$work"/archive/shard-*; do
  while ss -ltn | grep -q ":$port "; do port=$((port + 1)); done
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$shard" > /dev/null 2>&1 &
  servers+=($!)
  remote_dbs+=(--db "tcp://127.0.0.1:$port")
  port=$((port + 1))
done
sleep 1

# Latency of one client (batch mode through a pipe), then throughput of two clients at once (2 cores).
latency() {
  "$build/bench/search-latency" --pipe "$work/q.txt" -- stdbuf -oL "$search" --json "$@"
}
throughput() {
  local start end other
  start=$(date +%s.%N)
  latency "$@" > /dev/null &
  other=$!
  latency "$@" > /dev/null
  wait "$other"
  end=$(date +%s.%N)
  awk -v n="$queries" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", 2 * n / (b - a) }'
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
row() {
  local name=$1
  shift
  local line
  line=$(latency "$@")
  echo "| $name | $(field median_ms <<< "$line") | $(field p99_ms <<< "$line") | $(field errors <<< "$line") | $(throughput "$@") |"
}

echo "Corpus: $corpus ($articles articles); $queries queries of make-queries; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| indexing | wall seconds | articles/s | CPU seconds | peak RSS MB |"
echo "| --- | --- | --- | --- | --- |"
echo "| one writer (--threads 1) | $seq_s | $seq_rate | $seq_cpu | $seq_rss |"
echo "| $shards shards in parallel (--shards $shards) | $shard_s | $shard_rate | $shard_cpu | $shard_rss |"
echo
echo "| search (gazette-search --json, batch) | median ms | p99 ms | errors | queries/s (2 clients) |"
echo "| --- | --- | --- | --- | --- |"
row "one database" --db "$work/single.db"
row "$shards local shards (stub)" --db "$work/archive"
row "$shards remote shards (xapian-tcpsrv, loopback)" "${remote_dbs[@]}"
# What facet counting (one built-in ValueCountMatchSpy per slot, run on each shard) costs here and remotely.
row "one database, --no-facets" --no-facets --db "$work/single.db"
row "$shards remote shards, --no-facets" --no-facets "${remote_dbs[@]}"
