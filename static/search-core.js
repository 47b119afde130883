/* dossier: the pure part of search, shared by the browser (window.dossierSearchCore)
   and the tests (node --test tests/js/): folding, words, stems, the query syntax, the
   postings' encoding, ranking and excerpts. Words are made exactly as the index's
   Rust side makes them (src/render/search/text.rs). */
(function (exports) {
  "use strict";

  var MAX_TOKEN = 60;
  var WORD = /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}\p{M}]+/gu;
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charAt(d)] = d;
  var KINDS = ["briefing", "meeting", "position", "quote", "actor", "topic"];

  /* Case and accent folding: NFD, combining marks dropped, lowercase. */
  function fold(text) {
    return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function utf8Length(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }

  /* Chinese and Japanese characters (Han, hiragana, katakana): the same ranges as
     is_cjk in src/render/search/text.rs. */
  var CJK = /[\u2E80-\u2FDF\u3005\u3007\u3021-\u3029\u3038-\u303B\u3041-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F\u{20000}-\u{3FFFF}]/u;
  var MARK = /^\p{M}$/u;
  var WORD_CHAR = /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u;

  function plainWord(word, start, each) {
    if (utf8Length(word) > MAX_TOKEN) return;
    var lower = word.normalize("NFC").toLowerCase();
    if (utf8Length(lower) <= MAX_TOKEN && WORD_CHAR.test(lower)) each(lower, start, start + word.length);
  }

  /* A run of characters written without spaces: each pair of neighbours, folded one
     by one, or its one character. */
  function pairs(run, start, each) {
    var chars = [];
    for (var i = 0; i < run.length;) {
      var size = run.codePointAt(i) > 0xffff ? 2 : 1;
      var c = run.substr(i, size);
      if (!MARK.test(c)) {
        var folded = fold(c);
        if (folded) chars.push({ text: folded, start: start + i, end: start + i + size });
      }
      i += size;
    }
    if (chars.length === 1) each(chars[0].text, chars[0].start, chars[0].end);
    for (var j = 0; j + 1 < chars.length; j++) each(chars[j].text + chars[j + 1].text, chars[j].start, chars[j + 1].end);
  }

  /* Calls each(word, start, end) for every word of text, with its place in text:
     composed (NFC) and lowercased, as a stemmer wants it (accents are folded after
     stemming: term), as for_each_word in text.rs. Chinese and Japanese come in
     pairs of characters; a combining mark goes with the character before it. */
  function eachWord(text, each) {
    WORD.lastIndex = 0;
    var match;
    while ((match = WORD.exec(text)) !== null) {
      var word = match[0];
      var at = match.index;
      if (!CJK.test(word)) { plainWord(word, at, each); continue; }
      var from = 0;
      var cjk = null;
      for (var i = 0; i < word.length;) {
        var size = word.codePointAt(i) > 0xffff ? 2 : 1;
        var c = word.substr(i, size);
        if (!MARK.test(c)) {
          var is = CJK.test(c);
          if (cjk === null) cjk = is;
          else if (is !== cjk) {
            if (cjk) pairs(word.slice(from, i), at + from, each);
            else plainWord(word.slice(from, i), at + from, each);
            from = i;
            cjk = is;
          }
        }
        i += size;
      }
      if (cjk) pairs(word.slice(from), at + from, each);
      else plainWord(word.slice(from), at + from, each);
    }
  }

  /* The words of text as eachWord gives them. */
  function lowerWords(text) {
    var out = [];
    eachWord(text, function (w) { out.push(w); });
    return out;
  }

  /* The folded words of text, as filters compare them. */
  function words(text) {
    var out = [];
    eachWord(text, function (w) { out.push(fold(w)); });
    return out;
  }

  /* The term the index holds for a word as eachWord gives it: its stem, folded. */
  function term(word, stem) {
    return fold(stem(word));
  }

  var FILTERS = { kind: "kind", kinds: "kind", actor: "actor", by: "actor", topic: "topic", year: "year" };
  var KIND_NAMES = {};
  KINDS.forEach(function (k, i) { KIND_NAMES[k] = i; KIND_NAMES[k + "s"] = i; });

  /* A query: {terms, phrases, filters, problems}. terms: the words all results hold,
     each {word, prefix} (prefix: the word being typed, the query's last, matched as
     the start of a word); phrases: lists of words that must follow each other;
     filters: {kinds: [kind index], actor: [words], topic: [words], years: [from, to]};
     problems: what could not be understood, in the words of `messages` (the page's
     strings: unknownKind with {kind}, badYear), English without them. */
  function parse(query, typing, messages) {
    var say = {
      unknownKind: "unknown kind \u201c{kind}\u201d: use briefing, meeting, position, quote, actor or topic",
      badYear: "a year is written year:2025 or year:2020-2025"
    };
    Object.keys(messages || {}).forEach(function (key) { if (messages[key] !== null && messages[key] !== undefined) say[key] = messages[key]; });
    var q = { terms: [], phrases: [], filters: { kinds: [], actor: [], topic: [], years: null }, problems: [] };
    var re = /(\w+):("([^"]*)"?|\S*)|"([^"]*)("?)|(\S+)/g;
    var m;
    var lastBare = null;
    var text = String(query);
    while ((m = re.exec(text)) !== null) {
      if (m[1] !== undefined && FILTERS[m[1].toLowerCase()]) {
        var key = FILTERS[m[1].toLowerCase()];
        var value = m[3] !== undefined ? m[3] : m[2];
        lastBare = null;
        if (!value) continue;
        if (key === "kind") {
          value.split(",").forEach(function (v) {
            var k = KIND_NAMES[fold(v).trim()];
            if (k === undefined) q.problems.push(say.unknownKind.split("{kind}").join(v));
            else if (q.filters.kinds.indexOf(k) === -1) q.filters.kinds.push(k);
          });
        } else if (key === "year") {
          var years = /^(\d{1,4})(?:(?:-|\.\.)(\d{1,4}))?$/.exec(value);
          if (!years) q.problems.push(say.badYear);
          else q.filters.years = [Number(years[1]), Number(years[2] || years[1])];
        } else {
          q.filters[key] = q.filters[key].concat(words(value));
        }
      } else if (m[4] !== undefined) {
        var phrase = lowerWords(m[4]);
        lastBare = null;
        if (phrase.length === 1) q.terms.push({ word: phrase[0], prefix: false });
        else if (phrase.length > 1) {
          q.phrases.push(phrase);
          phrase.forEach(function (w) { q.terms.push({ word: w, prefix: false }); });
        }
      } else {
        var found = lowerWords(m[0]);
        found.forEach(function (w) {
          var term = { word: w, prefix: false };
          q.terms.push(term);
          lastBare = term;
        });
        if (found.length === 0) lastBare = null;
      }
    }
    /* The word being typed: the last one, unless a space or quote followed it. */
    if (typing && lastBare && /[\p{Alphabetic}\p{N}\p{M}]$/u.test(text) && lastBare.word.length >= 2) lastBare.prefix = true;
    return q;
  }

  /* A page of postings: {docs, impacts}, documents in increasing order. */
  function decodePage(text) {
    var docs = [];
    var impacts = [];
    var previous = -1;
    var i = 0;
    while (i < text.length) {
      var n = 0;
      var v;
      do {
        v = VALUE[text.charAt(i++)];
        n = n * 32 + (v & 31);
      } while (v & 32);
      previous = docs.length === 0 ? n : previous + 1 + n;
      docs.push(previous);
      impacts.push(VALUE[text.charAt(i++)]);
    }
    return { docs: docs, impacts: impacts };
  }

  /* Ranks the documents that every group holds. groups: for each word of the query, a
     list of Maps (document -> impact), one per term it matches (several for a prefix);
     a document's score is the sum over the groups of its best impact there. allow(doc)
     says whether the filters let it through. Best first, ties by document. */
  function rank(groups, allow) {
    if (groups.length === 0) return [];
    var sizes = groups.map(function (g) {
      return g.reduce(function (n, m) { return n + m.size; }, 0);
    });
    var driver = sizes.indexOf(Math.min.apply(null, sizes));
    var seen = new Set();
    var out = [];
    groups[driver].forEach(function (map) {
      map.forEach(function (_, doc) {
        if (seen.has(doc)) return;
        seen.add(doc);
        if (allow && !allow(doc)) return;
        var score = 0;
        for (var g = 0; g < groups.length; g++) {
          var best = 0;
          for (var t = 0; t < groups[g].length; t++) {
            var impact = groups[g][t].get(doc);
            if (impact !== undefined && impact + 1 > best) best = impact + 1;
          }
          if (best === 0) return;
          score += best - 1;
        }
        out.push({ doc: doc, score: score });
      });
    });
    out.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return out;
  }

  /* Whether the words of text hold phrase (a list of words as eachWord gives them)
     in a row, each compared by its term through stem. */
  function hasPhrase(text, phrase, stem) {
    var want = phrase.map(function (w) { return term(w, stem); });
    var got = [];
    eachWord(text, function (w) { got.push(term(w, stem)); });
    outer: for (var i = 0; i + want.length <= got.length; i++) {
      for (var j = 0; j < want.length; j++) if (got[i + j] !== want[j]) continue outer;
      return true;
    }
    return false;
  }

  /* The densest window of about `size` words of text: [{text, mark}] parts, marked
     where a word matches (matches(word) is true, for a word as eachWord gives it).
     Ellipses where it is cut. Pairs of characters overlap: each is marked once. */
  function excerpt(text, matches, size) {
    size = size || 30;
    var spans = [];
    eachWord(text, function (w, start, end) { spans.push({ start: start, end: end, hit: matches(w) }); });
    if (spans.length === 0) return [{ text: text, mark: false }];
    var best = 0;
    var bestHits = -1;
    var hits = 0;
    for (var i = 0; i < spans.length; i++) {
      if (spans[i].hit) hits++;
      if (i >= size && spans[i - size].hit) hits--;
      var from = Math.max(0, i - size + 1);
      if (hits > bestHits) { bestHits = hits; best = from; }
    }
    /* Start a little before the first match of the window, for its context. */
    var first = best;
    while (first < spans.length && !spans[first].hit && first < best + size) first++;
    if (first < spans.length && spans[first].hit) best = Math.max(0, first - 4);
    var last = Math.min(spans.length - 1, best + size - 1);
    var start = best === 0 ? 0 : spans[best].start;
    var end = last === spans.length - 1 ? text.length : spans[last].end;
    var parts = [];
    if (start > 0) parts.push({ text: "\u2026 ", mark: false });
    var at = start;
    for (var s = best; s <= last; s++) {
      if (!spans[s].hit || spans[s].end <= at) continue;
      var markFrom = Math.max(at, spans[s].start);
      if (markFrom > at) parts.push({ text: text.slice(at, markFrom), mark: false });
      if (parts.length && parts[parts.length - 1].mark && markFrom === at) parts[parts.length - 1].text += text.slice(markFrom, spans[s].end);
      else parts.push({ text: text.slice(markFrom, spans[s].end), mark: true });
      at = spans[s].end;
    }
    if (end > at) parts.push({ text: text.slice(at, end), mark: false });
    if (end < text.length) parts.push({ text: " \u2026", mark: false });
    return parts;
  }

  exports.KINDS = KINDS;
  exports.fold = fold;
  exports.words = words;
  exports.lowerWords = lowerWords;
  exports.term = term;
  exports.eachWord = eachWord;
  exports.parse = parse;
  exports.decodePage = decodePage;
  exports.rank = rank;
  exports.hasPhrase = hasPhrase;
  exports.excerpt = excerpt;
})(typeof module === "object" && module.exports ? module.exports : (window.dossierSearchCore = {}));
