#!/usr/bin/env bash
# The benchmark: `dossier build` against Hugo on the shared synthetic corpus, side by
# side in one run, with the I/O floor; medians, ratios and peak memory; then the
# edit-to-visible time of `dossier serve` on the example site and on 10,000 briefings.
#
#   bash benches/run.sh                 # 1,000 and 10,000 briefings, 5 runs each
#   SIZES="1000 10000 50000" RUNS=3 bash benches/run.sh
#   SERVE=0 bash benches/run.sh         # builds only
#
# Needs python3, hyperfine and hugo (apt-get install hyperfine hugo). Corpora and
# outputs live in /dev/shm, so that file creation on the virtual disk does not drown
# every other cost. Results are printed as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/dossier-bench}
GEN=${GEN:-../shared/bench/gen_corpus.py}

for tool in python3 hyperfine hugo; do
  command -v "$tool" >/dev/null || { echo "benches/run.sh needs $tool (apt-get install $tool)" >&2; exit 2; }
done
[ -f "$GEN" ] || { echo "cannot find the corpus generator at $GEN (set GEN=...)" >&2; exit 2; }

cargo build --release --quiet
DOSSIER=$PWD/target/release/dossier
mkdir -p "$WORK"

# Median of the peak resident memory (MiB) of three runs of a command.
peak_mib() {
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1
  done | sort -n | sed -n 2p | awk '{ printf "%.0f", $1 / 1024 }'
}

# The floor: read every input file, write a copy of the same output tree, remove it.
floor() {
  local corpus=$1 out=$2
  find "$corpus" -type f -exec cat {} + >/dev/null
  cp -r "$out" "$out.floor"
  rm -rf "$out.floor"
}
export -f floor

echo "| briefings | dossier median (s) | hugo median (s) | dossier / hugo | floor (s) | dossier / floor | dossier peak (MiB) | hugo peak (MiB) | dossier ms per briefing |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in $SIZES; do
  d=$WORK/c$n-dossier h=$WORK/c$n-hugo
  [ -d "$d" ] || python3 "$GEN" --briefings "$n" --flavor dossier --out "$d" >/dev/null
  [ -d "$h" ] || python3 "$GEN" --briefings "$n" --flavor hugo --out "$h" >/dev/null
  out_d=$WORK/out-$n-dossier out_h=$WORK/out-$n-hugo
  "$DOSSIER" build --root "$d" --output "$out_d" 2>/dev/null
  json=$WORK/result-$n.json
  hyperfine --shell bash --style none --runs "$RUNS" --warmup 1 --export-json "$json" \
    -n dossier "$DOSSIER build --root $d --output $out_d" \
    -n hugo "hugo --quiet -s $h -d $out_h" \
    -n floor "floor $d $out_d" >/dev/null
  read -r td th tf < <(python3 - "$json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
print(results["dossier"], results["hugo"], results["floor"])
PY
)
  md=$(peak_mib "$DOSSIER" build --root "$d" --output "$out_d")
  mh=$(peak_mib hugo --quiet -s "$h" -d "$out_h")
  python3 - "$n" "$td" "$th" "$tf" "$md" "$mh" <<'PY'
import sys
n, td, th, tf, md, mh = sys.argv[1:]
n, td, th, tf = int(n), float(td), float(th), float(tf)
print(f"| {n:,} | {td:.2f} | {th:.2f} | {td/th:.2f} | {tf:.2f} | {td/tf:.2f} | {md} | {mh} | {1000*td/n:.3f} |")
PY
done

# The weight of each output: the largest page of each kind, files and bytes.
echo
for n in $SIZES; do
  bash benches/pages.sh "$WORK/out-$n-dossier"
done

# Edit-to-visible of `dossier serve`: the median of a few edits to one briefing.
serve_bench() {
  # The bench copies the site into a temporary folder: keep that in memory too.
  TMPDIR=$WORK DOSSIER_BENCH_RUNS=${SERVE_RUNS:-10} DOSSIER_BENCH_SITE=$2 \
    cargo bench --quiet --bench edit_to_visible 2>/dev/null |
    sed -n "s/^edit-to-visible/serve, $1: edit-to-visible/p"
}
if [ "${SERVE:-1}" != 0 ]; then
  # Issue 5's goal is at 10,000 briefings; SERVE_SIZE picks another corpus.
  n=${SERVE_SIZE:-10000}
  d=$WORK/c$n-dossier
  [ -d "$d" ] || python3 "$GEN" --briefings "$n" --flavor dossier --out "$d" >/dev/null
  echo
  serve_bench "the example site" "$PWD"
  serve_bench "$n briefings" "$d"
fi

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(hugo version | cut -d' ' -f1-2)."
