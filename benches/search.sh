#!/usr/bin/env bash
# The search benchmark: builds the shared synthetic corpus at each size, then runs a
# fixed set of queries in headless Chromium (benches/search.mjs) over the built site,
# each query in a fresh browser (nothing cached), served from 127.0.0.1; reports the
# index's files and size, the search page's size, the build's CPU time and peak
# memory, and per query the bytes transferred (page, stylesheet and scripts included,
# uncompressed as written) and the time from the last index script arriving to the
# first result shown: medians and 90th percentiles over the queries (each the median
# of RUNS tries). Markdown on standard output; a line per query on standard error.
#
#   bash benches/search.sh                       # 10,000 and 50,000 briefings, 3 runs
#   SIZES=10000 RUNS=1 bash benches/search.sh
#   DOSSIER=/tmp/dossier-old bash benches/search.sh   # another binary
#
# Needs python3, node, /usr/bin/chromium and tests/browser's packages
# (cd tests/browser && npm ci --ignore-scripts). Corpora and outputs live in /dev/shm.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 50000"}
RUNS=${RUNS:-3}
WORK=${WORK:-/dev/shm/search-bench}
GEN=${GEN:-../shared/bench/gen_corpus.py}

for tool in python3 node; do
  command -v "$tool" >/dev/null || { echo "benches/search.sh needs $tool" >&2; exit 2; }
done
[ -x "${DOSSIER_CHROMIUM:-/usr/bin/chromium}" ] || { echo "benches/search.sh needs Chromium (apt-get install chromium)" >&2; exit 2; }
[ -d tests/browser/node_modules/playwright-core ] || { echo "run: cd tests/browser && npm ci --ignore-scripts" >&2; exit 2; }
[ -f "$GEN" ] || { echo "cannot find the corpus generator at $GEN (set GEN=...)" >&2; exit 2; }

# DOSSIER=path/to/dossier benchmarks that binary instead of building this checkout.
if [ -z "${DOSSIER:-}" ]; then
  cargo build --release --quiet
  DOSSIER=$PWD/target/release/dossier
fi
mkdir -p "$WORK"

builds="| briefings | build CPU, user+sys (s) | build peak (MiB) | index files | index size (MB) | of which documents (MB) | search page (KB) |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
queries="| briefings | bytes per query, median (kB) | p90 (kB) | largest (kB) | first result after the last script, median (ms) | p90 (ms) |
| ---: | ---: | ---: | ---: | ---: | ---: |"
details=""
for n in $SIZES; do
  corpus=$WORK/c$n out=$WORK/out$n
  [ -d "$corpus" ] || python3 "$GEN" --briefings "$n" --flavor dossier --out "$corpus" >/dev/null
  rm -rf "$out"
  read -r user sys peak < <(/usr/bin/time -f '%U %S %M' "$DOSSIER" build --quiet --root "$corpus" --output "$out" 2>&1 >/dev/null | tail -n 1)
  files=$(find "$out/search-index" -type f | wc -l)
  size=$(find "$out/search-index" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
  docs=$(find "$out/search-index/d" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
  page=$(stat -c %s "$out/search/index.html" | awk '{ printf "%.1f", $1 / 1e3 }')
  builds+=$'\n'"| $n | $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }') | $((peak / 1024)) | $files | $size | $docs | $page |"
  result=$(node benches/search.mjs "$out" "$n" "$RUNS")
  queries+=$'\n'"$(head -n 1 <<<"$result")"
  details+=$'\n'"$(tail -n +2 <<<"$result")"
done

echo "$builds"
echo
echo "$queries"
echo
echo "| briefings | query | bytes | index files loaded | first result after the last script | results shown |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
echo "${details#$'\n'}"
