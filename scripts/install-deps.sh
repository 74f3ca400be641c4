#!/usr/bin/env bash
# @brief Installs the Debian 12 packages Gazette needs to build, test and benchmark.
# Idempotent: apt is skipped when every package is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libxapian-dev libicu-dev libboost-program-options-dev libzstd-dev zstd
  doctest-dev nlohmann-json3-dev libxxhash-dev libtbb-dev libre2-dev libhowardhinnant-date-dev libgumbo-dev
  xapian-tools python3 python3-jsonschema
  libedit-dev libfcgi-dev lighttpd chromium curl tmux wrk
  valgrind clang libclang-rt-14-dev
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(xapian-omega hyperfine time sphinxsearch libmariadb-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
