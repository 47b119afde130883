// The browser's stemmer (static/snowball-english.js) stems every recorded word as
// rust-stemmers does when the index is built: tests/js/stems.tsv holds the
// vocabulary of the example dossier, the README and a 1,000-briefing benchmark
// corpus with rust-stemmers' stems (a Rust test checks the file against the crate).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const stemmer = require("../../static/snowball-english.js");
const core = require("../../static/search-core.js");

const lines = readFileSync(new URL("stems.tsv", import.meta.url), "utf8").trim().split("\n");

test("the recorded vocabulary is large enough to mean something", () => {
  assert.ok(lines.length > 2000, `${lines.length} words`);
});

test("every recorded word stems as in Rust", () => {
  const differ = [];
  for (const line of lines) {
    const [word, stem] = line.split("\t");
    const got = stemmer.stem(word);
    if (got !== stem) differ.push(`${word}: Rust ${stem}, JavaScript ${got}`);
  }
  assert.deepEqual(differ, []);
});

test("every recorded word is a word the browser makes alike", () => {
  for (const line of lines) {
    const [word] = line.split("\t");
    assert.deepEqual(core.words(word), [word]);
  }
});
