// The pure part of search (static/search-core.js): words, the query syntax, the
// postings' encoding, ranking, phrases and excerpts.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const core = require("../../static/search-core.js");
const { stem } = require("../../src/render/search/snowball/english.js");

test("words are folded and split as in Rust (src/render/search/text.rs)", () => {
  assert.deepEqual(core.words("U.S.-Russia talks: 20-point plan, Witkoff's"), [
    "u", "s", "russia", "talks", "20", "point", "plan", "witkoff", "s",
  ]);
  assert.deepEqual(core.words("Élysée PALAIS Zürich Łódź"), ["elysee", "palais", "zurich", "łodz"]);
  assert.deepEqual(core.words("Gene\u0301ve"), ["geneve"]);
  assert.deepEqual(core.words("Кремль и Белый дом"), ["кремль", "и", "белыи", "дом"]);
  assert.deepEqual(core.words("x".repeat(61)), []);
  assert.deepEqual(core.words("x".repeat(60)), ["x".repeat(60)]);
  // 30 two-byte letters are 60 bytes; 31 are too long, as in Rust.
  assert.deepEqual(core.words("ж".repeat(31)), []);
  assert.deepEqual(core.words(" , ; "), []);
});

test("a query's words, phrases and filters", () => {
  const q = core.parse('kind:quote actor:witkoff year:2025 "security guarantee" negoti', true);
  assert.deepEqual(q.terms, [
    { word: "security", prefix: false },
    { word: "guarantee", prefix: false },
    { word: "negoti", prefix: true },
  ]);
  assert.deepEqual(q.phrases, [["security", "guarantee"]]);
  assert.deepEqual(q.filters, { kinds: [3], actor: ["witkoff"], topic: [], years: [2025, 2025] });
  assert.deepEqual(q.problems, []);
});

test("only the word being typed is a prefix", () => {
  assert.equal(core.parse("palais cob", true).terms[1].prefix, true);
  assert.equal(core.parse("palais cob", false).terms[1].prefix, false);
  assert.equal(core.parse("palais cob ", true).terms[1].prefix, false);
  assert.equal(core.parse("palais c", true).terms[1].prefix, false, "one letter is too short");
  assert.equal(core.parse('"palais cob"', true).terms[1].prefix, false, "a phrase is whole words");
});

test("filters take several forms and say what is wrong", () => {
  const q = core.parse('kinds:briefings,meeting topic:"Security guarantees" year:2020-2024 by:Steve-Witkoff', false);
  assert.deepEqual(q.filters.kinds, [0, 1]);
  assert.deepEqual(q.filters.topic, ["security", "guarantees"]);
  assert.deepEqual(q.filters.years, [2020, 2024]);
  assert.deepEqual(q.filters.actor, ["steve", "witkoff"]);
  assert.deepEqual(q.terms, []);
  const bad = core.parse("kind:memo year:soon peace", false);
  assert.equal(bad.problems.length, 2);
  assert.deepEqual(bad.terms, [{ word: "peace", prefix: false }]);
  assert.match(bad.problems[0], /unknown kind “memo”/);
  // In the page's words, with the kind put in.
  const said = core.parse("kind:memo year:soon", false, {
    unknownKind: "невідомий вид «{kind}»",
    badYear: "рік пишуть так: year:2025",
    other: null,
  });
  assert.deepEqual(said.problems, ["невідомий вид «memo»", "рік пишуть так: year:2025"]);
  // A colon in an ordinary word is not a filter.
  assert.deepEqual(core.parse("note:well", false).terms.map((t) => t.word), ["note", "well"]);
});

test("pages of postings decode as Rust encodes them", () => {
  // (0,1) (1,63) (31,5) (32,5) (100000,9): gaps 0, 0, 29, 0, 99967.
  const text = "01" + "0_" + "T5" + "05" + "" + (() => {
    let n = 99967;
    const digits = [];
    do { digits.unshift(n & 31); n >>= 5; } while (n);
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    return digits.map((d, i) => alphabet[d | (i < digits.length - 1 ? 32 : 0)]).join("");
  })() + "9";
  assert.deepEqual(core.decodePage(text), { docs: [0, 1, 31, 32, 100000], impacts: [1, 63, 5, 5, 9] });
  assert.deepEqual(core.decodePage(""), { docs: [], impacts: [] });
});

test("ranking: every word must match, scores add, filters cut, ties by document", () => {
  const peace = new Map([[1, 10], [2, 30], [3, 5], [4, 20]]);
  const plan = new Map([[2, 1], [3, 40], [4, 1]]);
  const planned = new Map([[1, 2]]);
  // "peace plan*": plan or planned.
  const ranked = core.rank([[peace], [plan, planned]]);
  assert.deepEqual(ranked, [
    { doc: 3, score: 45 },
    { doc: 2, score: 31 },
    { doc: 4, score: 21 },
    { doc: 1, score: 12 },
  ]);
  assert.deepEqual(core.rank([[peace], [plan]], (doc) => doc !== 3).map((r) => r.doc), [2, 4]);
  assert.deepEqual(core.rank([[peace], [new Map()]]), []);
  assert.deepEqual(core.rank([]), []);
  // Equal scores keep the order of the documents.
  assert.deepEqual(core.rank([[new Map([[9, 1], [5, 1]])]]).map((r) => r.doc), [5, 9]);
  // A prefix's best term counts once.
  assert.deepEqual(core.rank([[new Map([[1, 3]]), new Map([[1, 8]])]]), [{ doc: 1, score: 8 }]);
});

test("phrases are words in a row, through the stemmer", () => {
  assert.ok(core.hasPhrase("A security guarantee for Ukraine", ["security", "guarantees"], stem));
  assert.ok(!core.hasPhrase("Security for Ukraine, and a guarantee", ["security", "guarantee"], stem));
  assert.ok(core.hasPhrase("Palais-Coburg", ["palais", "coburg"], stem));
});

test("the excerpt is the densest window, its matches marked", () => {
  const filler = "word ".repeat(50);
  const text = filler + "the enrichment cap was set, a cap on enrichment " + filler;
  const parts = core.excerpt(text, (w) => stem(w) === "enrich" || w === "cap", 12);
  const marked = parts.filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(marked, ["enrichment", "cap", "cap", "enrichment"]);
  assert.equal(parts[0].text, "\u2026 ");
  assert.equal(parts[parts.length - 1].text, " \u2026");
  // The text is kept as written, marks included, case and accents too.
  const short = core.excerpt("Talks in Zürich.", (w) => core.fold(w) === "zurich", 30);
  assert.deepEqual(short, [
    { text: "Talks in ", mark: false },
    { text: "Zürich", mark: true },
    { text: ".", mark: false },
  ]);
  assert.deepEqual(core.excerpt("", () => false, 30), [{ text: "", mark: false }]);
  // Pairs of characters overlap: a run of them is marked once, as written.
  const chinese = core.excerpt("双方讨论停火协议。", (w) => w === "停火" || w === "火协" || w === "协议", 30);
  assert.deepEqual(chinese, [
    { text: "双方讨论", mark: false },
    { text: "停火协议", mark: true },
    { text: "。", mark: false },
  ]);
});

test("words are made for the stemmer as in Rust: composed, lowercased, accents kept", () => {
  assert.deepEqual(core.lowerWords("Élysée Gene\u0301ve НОВЫЙ"), ["élysée", "genéve", "новый"]);
  assert.equal(core.term("новый", require("../../src/render/search/snowball/russian.js").stem), "нов");
  assert.equal(core.term("négociations", require("../../src/render/search/snowball/french.js").stem), "negoci");
  assert.equal(core.term("Київ".toLowerCase(), (w) => w), "киів");
});

test("Chinese and Japanese come as pairs of characters, as in Rust", () => {
  assert.deepEqual(core.words("安全保障"), ["安全", "全保", "保障"]);
  assert.deepEqual(core.words("和平 谈"), ["和平", "谈"]);
  assert.deepEqual(core.words("G20峰会2025年"), ["g20", "峰会", "2025", "年"]);
  assert.deepEqual(core.words("ウクライナがでる"), ["ウク", "クラ", "ライ", "イナ", "ナか", "かて", "てる"]);
  assert.deepEqual(core.words("𠀋𠀌"), ["𠀋𠀌"]);
  // A query of them is all its pairs.
  assert.deepEqual(core.parse("停火协议", false).terms.map((t) => t.word), ["停火", "火协", "协议"]);
  assert.ok(core.hasPhrase("双方讨论停火协议。", core.lowerWords("停火协议"), (w) => w));
  assert.ok(!core.hasPhrase("停火。协议", core.lowerWords("停火协议"), (w) => w));
});
