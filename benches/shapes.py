#!/usr/bin/env python3
"""Write the shapes of content that a real archive has and the shared corpus lacks,
each as a dossier site built from the shared generator's own pieces, beside the
shared corpus of the same size:

    python3 benches/shapes.py --out /dev/shm/shapes              # every shape
    python3 benches/shapes.py --out /dev/shm/shapes --shape undeclared --briefings 200

    corpus/          the shared corpus (gen_corpus.py --briefings N), for comparison
    undeclared/      N briefings that name about 4.8 N people (3.9 N of them in meetings), none with a file
    wikilinks-2000/  the corpus, and one more briefing whose body holds 2,000 wikilinks
    wikilinks-5000/  to names nothing declares (5,000 in the second)
    participants/    the corpus, and one more briefing with a meeting of 1,000
                     participants (its 200 declared actors and 800 undeclared people)
    near-duplicates/ N briefings about N declared actors whose names differ from
                     others' by a letter or two; one reference in twenty is misspelt

Names nobody declares are made of syllables, so that they are as unlike each other
as the names of real people are. Same seed, same sites. Standard library only; the
shared generator is found at ../shared/bench/gen_corpus.py (or set --gen).
"""
import argparse
import datetime as dt
import importlib.util
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPES = ["corpus", "undeclared", "wikilinks-2000", "wikilinks-5000", "participants", "near-duplicates"]
SYLLABLES = ("ka lo mi ren tu sha vel dor an is ur ben tor mal zi qua fen hol ja rik "
             "sol gar ne po lin vas dra ek mo yul cor tan bi sef").split()


def load_generator(path):
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find_generator(given):
    candidates = [given] if given else [
        os.path.join(HERE, "..", "..", "shared", "bench", "gen_corpus.py"),
        os.path.join(HERE, "..", "..", "..", "shared", "bench", "gen_corpus.py"),
    ]
    for path in candidates:
        if os.path.isfile(path):
            return os.path.abspath(path)
    sys.exit("cannot find the shared corpus generator: pass --gen path/to/gen_corpus.py")


def syllable_name(rng, first_names, seen):
    """A person's name that no other has: a first name and a surname of syllables."""
    while True:
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        name = f"{rng.choice(first_names)} {last}"
        if name not in seen:
            seen.add(name)
            return name


def person(name, aid=None):
    """An actor of the generator's world; `id` is what references write."""
    return {"id": aid or name, "name": name, "kind": "person", "role": None, "aliases": []}


def write_site(gen, out, n, actors, topics, rng, declared=True, extra=None, misspell=None):
    """A dossier site as gen_corpus.py writes it, from the given world: actor files only
    when `declared`; `extra(rng)` adds briefings; `misspell(rng, ref)` rewrites references."""
    if os.path.exists(out):
        shutil.rmtree(out)
    gen.write(f"{out}/dossier.yaml", f"title: {gen.yaml_str(os.path.basename(out))}\nbase_url: https://example.org/dossier\n")
    if declared:
        for x in actors:
            fm = {k: x.get(k) for k in ("name", "kind", "role", "affiliation", "aliases")}
            gen.write(f"{out}/content/actors/{x['id']}.md", f"---\n{gen.front_yaml(fm)}\n---\n{gen.sentence(rng)}\n")
    for t in topics:
        gen.write(f"{out}/content/topics/{t['id']}.md", f"---\nname: {gen.yaml_str(t['name'])}\n---\n{gen.sentence(rng)}\n")
    for b in gen.briefings(rng, n, actors, topics, dt.date(2016, 1, 1)):
        cast = b.pop("cast")
        text = gen.body(rng, "dossier", cast)
        if misspell:
            for m in b["meetings"]:
                m["participants"] = [misspell(rng, p) for p in m["participants"]]
            for item in b["positions"] + b["quotes"]:
                item["actor"] = misspell(rng, item["actor"])
        fm = {"title": b["title"], "date": b["date"], "summary": b["summary"], "topics": b["topics"],
              "meetings": b["meetings"], "positions": b["positions"], "quotes": b["quotes"]}
        gen.write(f"{out}/content/briefings/{b['slug']}.md", f"---\n{gen.front_yaml(fm)}\n---\n{text}")
    for slug, fm, text in (extra(rng) if extra else []):
        gen.write(f"{out}/content/briefings/{slug}.md", f"---\n{gen.front_yaml(fm)}\n---\n{text}")


def shared_corpus(gen_path, out, n):
    subprocess.run([sys.executable, gen_path, "--briefings", str(n), "--flavor", "dossier", "--out", out],
                   check=True, stdout=subprocess.DEVNULL)


def extra_briefing(gen, rng, title, body, meetings=()):
    fm = {"title": title, "date": "2026-06-30", "summary": gen.sentence(rng), "meetings": list(meetings)}
    return ("x-" + gen.slug(title), fm, body)


def wikilinks_body(gen, rng, count, seen):
    lines = []
    for i in range(count):
        name = syllable_name(rng, gen.FIRST, seen)
        lines.append(f"{gen.sentence(rng, 6)} [[{name}]] spoke.")
    return "\n\n".join(lines) + "\n"


def near_duplicate_names(rng, gen, count):
    """`count` names, each a letter or two away from another: variants of a few bases."""
    bases = [f"{f} {l}" for f in gen.FIRST for l in gen.LAST]
    rng.shuffle(bases)
    names, slugs = [], set()
    letters = "aeiouykvsz"
    while len(names) < count:
        base = bases[len(names) // 10 % len(bases)]
        name = base
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(1, len(name))
            name = name[:i] + rng.choice(letters) + name[i + (rng.random() < 0.5):]
        if gen.slug(name) not in slugs:
            slugs.add(gen.slug(name))
            names.append(name)
    return names


def make(shape, out, n, gen, gen_path, seed):
    rng = random.Random(seed)
    world = lambda: gen.make_world(rng, max(30, n // 10), max(10, n // 100))
    if shape == "corpus":
        shared_corpus(gen_path, out, n)
    elif shape == "undeclared":
        seen = set()
        people = [person(syllable_name(rng, gen.FIRST, seen)) for _ in range(n * 20)]
        _, topics = world()
        write_site(gen, out, n, people, topics, rng, declared=False)
    elif shape.startswith("wikilinks-"):
        count = int(shape.split("-")[1])
        actors, topics = world()
        body = wikilinks_body(gen, rng, count, set())
        write_site(gen, out, n, actors, topics, rng,
                   extra=lambda r: [extra_briefing(gen, r, f"Transcript with {count} names", body)])
    elif shape == "participants":
        actors, topics = world()
        seen = {a["name"] for a in actors}
        crowd = [a["id"] for a in actors] + [syllable_name(rng, gen.FIRST, seen) for _ in range(1000 - len(actors))]
        meeting = {"title": "Plenary", "date": "2026-06-30", "location": "Geneva", "participants": crowd,
                   "summary": "Everyone came."}
        write_site(gen, out, n, actors, topics, rng,
                   extra=lambda r: [extra_briefing(gen, r, "The plenary", "All of them met.\n", [meeting])])
    elif shape == "near-duplicates":
        _, topics = world()
        actors = [person(name, gen.slug(name)) for name in near_duplicate_names(rng, gen, n)]
        ids = {a["id"] for a in actors}

        def misspell(r, ref):
            if r.random() >= 0.05:
                return ref
            i = r.randrange(1, len(ref))
            wrong = ref[:i] + r.choice("aeiouy") + ref[i + 1:]
            return ref if wrong in ids else wrong
        write_site(gen, out, n, actors, topics, rng, misspell=misspell)
    else:
        raise ValueError(shape)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="folder for one site per shape")
    ap.add_argument("--briefings", type=int, default=2000)
    ap.add_argument("--shape", choices=SHAPES, action="append", help="default: every shape")
    ap.add_argument("--gen", help="path to the shared gen_corpus.py")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    gen_path = find_generator(a.gen)
    gen = load_generator(gen_path)
    for shape in a.shape or SHAPES:
        make(shape, os.path.join(a.out, shape), a.briefings, gen, gen_path, a.seed)
        print(os.path.join(a.out, shape))


if __name__ == "__main__":
    main()
