#!/usr/bin/env bash
# @brief The demo: installs dependencies, builds, indexes the sample archive and runs sample searches.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build_dir=${GAZETTE_BUILD_DIR:-build}
db=${GAZETTE_DEMO_DB:-$build_dir/demo-db}
rm -rf "$db" "$db.rejects.jsonl"

set -x
"$build_dir/indexer/gazette-index" --db "$db" tests/data/sample
"$build_dir/searcher/gazette-search" --db "$db" cocoa prices
"$build_dir/searcher/gazette-search" --db "$db" --filter date=2024-03 --limit 3 '"container terminal" OR comet'
