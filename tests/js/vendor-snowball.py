#!/usr/bin/env python3
"""Writes src/render/search/snowball/<language>.js, the browser's Snowball stemmers,
from snowball-stemmers 0.6.0 (npm; ISC licence), one language a file, unchanged but for
indentation and the languages left out, as static/snowball-english.js was first made.

    npm pack snowball-stemmers@0.6.0 && tar xzf snowball-stemmers-0.6.0.tgz
    python3 tests/js/vendor-snowball.py package/snowball-stemmers.js

Which languages: those of STEMMERS in src/render/search/text.rs (Snowball's stemmers
that rust-stemmers has too; Greek has no port here, Tamil no vocabulary to check). tests/js/stemmer.test.mjs checks
that each stems a vocabulary exactly as rust-stemmers does (tests/js/stems-*.tsv).
"""
import os
import re
import sys

LANGUAGES = [
    "arabic", "danish", "dutch", "english", "finnish", "french", "german", "hungarian",
    "italian", "norwegian", "portuguese", "romanian", "russian", "spanish", "swedish",
    "turkish",
]

HEADER = """/* The Snowball {title} stemmer, for dossier's search.

Extracted unchanged (but for indentation and the other languages, left out) from
snowball-stemmers 0.6.0 (https://github.com/mazko/jssnowball, ISC licence,
Copyright (c) Oleg Mazko), a JavaScript port of the Snowball stemmers
(https://snowballstem.org/, BSD licence, Copyright (c) 2001 Dr Martin Porter,
Copyright (c) 2002 Richard Boulton). It stems exactly as the Rust crate rust-stemmers
does when building the index: tests/js/stemmer.test.mjs checks a vocabulary of the
language both ways (tests/js/stems*.tsv). Written by tests/js/vendor-snowball.py.

ISC licence: Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above copyright
notice and this permission notice appear in all copies. THE SOFTWARE IS PROVIDED
"AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE.

Sets window.dossierStemmer.stem(word) (or module.exports.stem under Node). */"""

FOOTER = """var stemmer = new {name}Stemmer();
exports.stem = function (word) {{
stemmer.setCurrent(word);
stemmer.stem();
return stemmer.getCurrent();
}};
}})(typeof module === "object" && module.exports ? module.exports : (window.dossierStemmer = {{}}));
"""


def main():
    source = sys.argv[1]
    out_dir = os.path.join(os.path.dirname(__file__), "..", "..", "src", "render", "search", "snowball")
    flat = [line.lstrip(" \t") for line in open(source, encoding="utf-8").read().split("\n")]
    starts = {}
    for at, line in enumerate(flat):
        m = re.match(r"var (\w+)Stemmer = function \(_SnowballStemmer", line)
        if m:
            starts[m.group(1)] = at
    first_stemmer = min(starts.values())
    prelude_start = next(at for at, line in enumerate(flat) if line.startswith("function _possibleConstructorReturn"))
    prelude = flat[prelude_start:first_stemmer]
    while prelude and prelude[-1] == "":
        prelude.pop()
    ends = sorted(starts.values()) + [next(at for at, l in enumerate(flat) if l.startswith("function newStemmer"))]
    for name in LANGUAGES:
        start = starts[name]
        end = ends[ends.index(start) + 1]
        body = flat[start:end]
        while body and body[-1] == "":
            body.pop()
        text = "\n".join(
            [HEADER.format(title=name.capitalize()), flat[0], "(function (exports) {", "'use strict';"]
            + prelude + body + [FOOTER.format(name=name)]
        )
        with open(os.path.join(out_dir, name + ".js"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
