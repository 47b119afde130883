#!/usr/bin/env bash
# The shapes of content that a real archive has and the shared corpus lacks
# (benches/shapes.py: most actors without a file, bodies of thousands of wikilinks, a
# meeting of a thousand participants, near-duplicate names), each built beside the
# shared corpus of the same size, side by side in one hyperfine run: medians, CPU time
# (user + sys, steadier than wall time on a shared machine), ms per briefing, and each
# shape's ratio to the corpus. The goal (issue 12) is a ratio of at most 1.5.
#
#   bash benches/shapes.sh                      # 2,000 briefings, 5 runs each
#   BRIEFINGS=500 RUNS=3 bash benches/shapes.sh
#   SHAPES="corpus undeclared" bash benches/shapes.sh
#   DOSSIER=/tmp/dossier-before bash benches/shapes.sh
#
# Needs python3 and hyperfine. Sites and outputs live in /dev/shm (WORK). Results are
# printed as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

BRIEFINGS=${BRIEFINGS:-2000}
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/dossier-shapes}
SHAPES=${SHAPES:-"corpus undeclared wikilinks-2000 wikilinks-5000 participants near-duplicates"}
case " $SHAPES " in *" corpus "*) ;; *) SHAPES="corpus $SHAPES" ;; esac

for tool in python3 hyperfine; do
  command -v "$tool" >/dev/null || { echo "benches/shapes.sh needs $tool (apt-get install $tool)" >&2; exit 2; }
done

# DOSSIER=path/to/dossier times another build (an earlier commit's, for a before and after).
if [ -z "${DOSSIER:-}" ]; then
  cargo build --release --quiet
  DOSSIER=$PWD/target/release/dossier
fi
sites=$WORK/sites-$BRIEFINGS
mkdir -p "$sites"

args=()
for shape in $SHAPES; do
  [ -d "$sites/$shape" ] || python3 benches/shapes.py --out "$sites" --briefings "$BRIEFINGS" --shape "$shape" >/dev/null
  out=$WORK/out-$shape
  "$DOSSIER" build --root "$sites/$shape" --output "$out" >/dev/null 2>&1
  args+=(-n "$shape" "$DOSSIER build --root $sites/$shape --output $out")
done
json=$WORK/shapes-$BRIEFINGS.json
hyperfine --shell none --style none --runs "$RUNS" --warmup 1 --ignore-failure \
  --export-json "$json" --output null "${args[@]}" >/dev/null

python3 - "$json" "$sites" <<'PY'
import glob, json, os, sys
results = json.load(open(sys.argv[1]))["results"]
sites = sys.argv[2]
def briefings(shape):
    return len(glob.glob(os.path.join(sites, shape, "content", "briefings", "*.md")))
def cpu(r):
    # hyperfine's user and system times are means over the runs.
    return r["user"] + r["system"]
base = next(r for r in results if r["command"] == "corpus")
base_wall = base["median"] / briefings("corpus")
base_cpu = cpu(base) / briefings("corpus")
print("| shape | briefings | median (s) | ms per briefing | ratio to corpus | CPU (s) | CPU ms per briefing | CPU ratio |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in results:
    n = briefings(r["command"])
    wall, c = r["median"] / n, cpu(r) / n
    print(f"| {r['command']} | {n:,} | {r['median']:.2f} | {1000*wall:.2f} | {wall/base_wall:.2f} "
          f"| {cpu(r):.2f} | {1000*c:.2f} | {c/base_cpu:.2f} |")
PY
