#!/usr/bin/env bash
# The weight of a built site: the largest page of each kind (by the template that made
# it, from `<body class="page-KIND">`; other files by their extension), the output's
# total size and its file count, and the files and bytes of each kind. Prints a Markdown table.
#
#   bash benches/pages.sh public/
#   bash benches/pages.sh /dev/shm/out-10000-dossier /dev/shm/out-50000-dossier
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bash benches/pages.sh OUTPUT_DIR..." >&2; exit 2; }
python3 - "$@" <<'PY'
import os, re, sys

KIND = re.compile(rb'<body class="page-([a-z0-9-]+)"')

def weigh(root):
    largest, total, files, html = {}, 0, 0, 0
    sums = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            size = os.path.getsize(path)
            total += size
            files += 1
            if name.endswith(".html"):
                html += 1
                with open(path, "rb") as f:
                    m = KIND.search(f.read(8192))
                kind = m.group(1).decode() if m else "html"
            else:
                kind = "." + name.rsplit(".", 1)[-1] if "." in name else name
            rel = os.path.relpath(path, root)
            count, weight = sums.get(kind, (0, 0))
            sums[kind] = (count + 1, weight + size)
            if kind not in largest or size > largest[kind][0]:
                largest[kind] = (size, rel)
    return largest, sums, total, files, html

for root in sys.argv[1:]:
    largest, sums, total, files, html = weigh(root)
    print(f"{root}: {total / 1e6:,.1f} MB in {files:,} files ({html:,} HTML pages)")
    print()
    print("| kind | files | total (MB) | largest (KB) | largest page |")
    print("| --- | ---: | ---: | ---: | --- |")
    for kind, (size, rel) in sorted(largest.items(), key=lambda kv: (kv[0].startswith("."), kv[0])):
        count, weight = sums[kind]
        print(f"| {kind} | {count:,} | {weight / 1e6:,.1f} | {size / 1e3:,.1f} | `{rel}` |")
    print()
PY
