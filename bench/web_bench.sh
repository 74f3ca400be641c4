#!/usr/bin/env bash
# @brief Web benchmark: gazette-search as CGI and as FastCGI against Xapian Omega's CGI, all three under one
# lighttpd on loopback, same queries, measured with wrk (requests/s, median and p99 latency).
# Usage: bench/web_bench.sh [CORPUS] [BUILD_DIR] [SECONDS]
#   CORPUS defaults to ../shared/corpora/reuters21578 (or $GAZETTE_CORPUS); BUILD_DIR to build; SECONDS
#   (per target) to 10.
# Needs: wrk, lighttpd, scriptindex and /usr/lib/cgi-bin/omega/omega (scripts/install-deps.sh --bench).
# Builds nothing: build Gazette first (scripts/build.sh), including bench/omega-dump.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-${GAZETTE_CORPUS:-$here/../../shared/corpora/reuters21578}}
build=$(cd "${2:-$here/../build}" && pwd)
seconds=${3:-10}
omega=/usr/lib/cgi-bin/omega/omega
work=$(mktemp -d "${TMPDIR:-/tmp}/gazette-webbench-XXXXXX")
server=
cleanup() {
  [[ -n $server ]] && kill -TERM -- "-$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk lighttpd scriptindex "$omega"; do
  command -v "$tool" >/dev/null || { echo "web_bench: $tool is missing (bash scripts/install-deps.sh --bench)" >&2; exit 1; }
done
for bin in searcher/gazette-search indexer/gazette-index bench/omega-dump; do
  [[ -x $build/$bin ]] || { echo "web_bench: build Gazette first ($build/$bin)" >&2; exit 1; }
done

# The same articles in both engines: Gazette's own index, and scriptindex's from omega-dump's text.
"$build/indexer/gazette-index" --quiet --db "$work/gazette.db" "$corpus"
mkdir -p "$work/omega/data" "$work/omega/log"
"$build/bench/omega-dump" "$corpus" > "$work/articles.dump"
scriptindex --stemmer=english "$work/omega/data/reuters" "$here/omega/articles.index" "$work/articles.dump" >/dev/null
cat > "$work/omega.conf" <<CONF
database_dir $work/omega/data
template_dir /usr/share/xapian-omega/templates
log_dir $work/omega/log
CONF

# One lighttpd: /gazette-cgi (mod_cgi), /gazette-fcgi (mod_fastcgi, one process per core) and
# /uncached-fcgi (the same with its answer cache off), /omega (mod_cgi).
printf 'cache_mb = 0\n' > "$work/nocache.conf"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/htdocs"
cat > "$work/lighttpd.conf" <<CONF
server.modules = ( "mod_alias", "mod_setenv", "mod_cgi", "mod_fastcgi" )
server.bind = "127.0.0.1"
server.port = $port
server.document-root = "$work/htdocs"
server.errorlog = "$work/error.log"
setenv.add-environment = ( "GAZETTE_DB" => "$work/gazette.db", "OMEGA_CONFIG_FILE" => "$work/omega.conf" )
alias.url = ( "/gazette-cgi" => "$build/searcher/gazette-search", "/omega" => "$omega" )
cgi.assign = ( "/gazette-search" => "", "/omega" => "" )
fastcgi.server = ( "/gazette-fcgi" => ((
  "bin-path" => "$build/searcher/gazette-search",
  "socket" => "$work/gazette.sock",
  "check-local" => "disable",
  "max-procs" => $(nproc),
  "bin-environment" => ( "GAZETTE_DB" => "$work/gazette.db" ),
)), "/uncached-fcgi" => ((
  "bin-path" => "$build/searcher/gazette-search",
  "socket" => "$work/gazette-nocache.sock",
  "check-local" => "disable",
  "max-procs" => $(nproc),
  "bin-environment" => ( "GAZETTE_DB" => "$work/gazette.db", "GAZETTE_CONFIG" => "$work/nocache.conf" ),
)))
CONF
setsid lighttpd -D -f "$work/lighttpd.conf" &
server=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/gazette-fcgi" && break; sleep 0.1; done

# The queries of web_queries.sh, rotated by wrk.
source "$here/web_queries.sh"
{
  echo 'local paths = {}'
  for q in "${web_queries[@]}"; do
    printf 'paths[#paths + 1] = "%s"\n' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$q")"
  done
  cat <<'LUA'
local prefix = os.getenv("WRK_PREFIX")
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", prefix .. paths[(counter % #paths) + 1])
end
response = function(status)
  if status ~= 200 then errors_seen = (errors_seen or 0) + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
} > "$work/queries.lua"

# Each target answers every query first (status 200), then wrk runs for $seconds.
check() {
  local prefix=$1
  for q in cocoa "oil+prices"; do
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$prefix$q")
    [[ $status == 200 ]] || { echo "web_bench: $prefix$q answered $status" >&2; cat "$work/error.log" >&2; exit 1; }
  done
}
declare -A result
measure() {
  local name=$1 prefix=$2 connections=$3
  check "$prefix"
  result[$name]=$(WRK_PREFIX=$prefix wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 10s \
    -s "$work/queries.lua" "http://127.0.0.1:$port" | awk '/^RESULT/ { $1 = ""; print }')
}
measure "gazette CGI" "/gazette-cgi?q=" 2
measure "gazette FastCGI" "/gazette-fcgi?q=" 4
measure "gazette FastCGI, cache off" "/uncached-fcgi?q=" 4
measure "Omega CGI" "/omega?DB=reuters&P=" 2

articles=$(grep -c '^id=' "$work/articles.dump")
printf '\nWeb search on %s articles (%s), %s s per target, %s cores, lighttpd %s, %s\n\n' "$articles" \
  "$(basename "$corpus")" "$seconds" "$(nproc)" "$(lighttpd -v | sed -n 's/^lighttpd\/\([^ ]*\).*/\1/p')" \
  "$(date -u +%Y-%m-%d)"
printf '| target | requests/s | median ms | p99 ms | requests | errors |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
for name in "gazette CGI" "gazette FastCGI" "gazette FastCGI, cache off" "Omega CGI"; do
  read -r rps median p99 requests errors <<<"${result[$name]}"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$median" "$p99" "$requests" "$errors"
done
read -r omega_rps omega_median _ <<<"${result[Omega CGI]}"
read -r cgi_rps cgi_median _ <<<"${result[gazette CGI]}"
read -r fcgi_rps _ <<<"${result[gazette FastCGI]}"
read -r nocache_rps _ <<<"${result[gazette FastCGI, cache off]}"
awk -v f="$fcgi_rps" -v n="$nocache_rps" -v o="$omega_rps" -v c="$cgi_median" -v om="$omega_median" 'BEGIN {
  printf "\nFastCGI throughput = %.1fx Omega CGI (target >= 20x), %.1fx with its answer cache off; CGI median latency %.2f ms vs Omega %.2f ms\n",
    f / o, n / o, c, om }'
