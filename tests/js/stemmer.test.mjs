// The browser's stemmers (src/render/search/snowball/<language>.js, written into a
// site as search-index/stemmer.js) stem every recorded word as rust-stemmers does
// when the index is built. tests/js/stems.tsv holds English: the vocabulary of the
// example dossier, the README and a 1,000-briefing benchmark corpus;
// tests/js/stems-<language>.tsv each other language: a sample of Snowball's test
// vocabulary, the interface's table and the fixture sites in it. A Rust test
// (src/render/search/text.rs) checks each file against the crate.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const core = require("../../static/search-core.js");

const files = readdirSync(new URL(".", import.meta.url)).filter((f) => /^stems(-[a-z]+)?\.tsv$/.test(f));

test("every language of the Rust side has its recorded vocabulary", () => {
  const rust = readFileSync(new URL("../../src/render/search/text.rs", import.meta.url), "utf8");
  const names = [...rust.matchAll(/\("[a-z]{2}", "([a-z]+)"\),/g)].map((m) => m[1]);
  assert.ok(names.length >= 16, names.join(" "));
  for (const name of names) {
    const file = name === "english" ? "stems.tsv" : `stems-${name}.tsv`;
    assert.ok(files.includes(file), `${file} for ${name}`);
  }
});

for (const file of files) {
  const name = file === "stems.tsv" ? "english" : file.slice(6, -4);
  const stemmer = require(`../../src/render/search/snowball/${name}.js`);
  const lines = readFileSync(new URL(file, import.meta.url), "utf8").trim().split("\n");

  test(`${name}: the recorded vocabulary is large enough to mean something`, () => {
    assert.ok(lines.length > (name === "arabic" ? 200 : 2000), `${lines.length} words`);
  });

  test(`${name}: every recorded word stems as in Rust`, () => {
    const differ = [];
    for (const line of lines) {
      const [word, stem] = line.split("\t");
      const got = stemmer.stem(word);
      if (got !== stem) differ.push(`${word}: Rust ${stem}, JavaScript ${got}`);
    }
    assert.deepEqual(differ, []);
  });

  test(`${name}: every recorded word is a word the browser makes alike`, () => {
    for (const line of lines) {
      const [word] = line.split("\t");
      assert.deepEqual(core.lowerWords(word), [word]);
    }
  });
}
