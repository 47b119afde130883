/* dossier: full-text search in the browser, over the index that the build writes
   under search-index/ (see src/render/search/mod.rs for its layout).

   Every piece of the index is a classic script that hands its data to
   window.dossierSearch, loaded on demand with a <script> tag: browsers refuse fetch,
   modules and WebAssembly to pages opened from disk, but load scripts. Paths start
   from this script's own address, so search works from disk and under any sub-path.
   Results are built as DOM nodes: author text and the query are never HTML. */
(function () {
  "use strict";
  var core = window.dossierSearchCore;
  var stemmer = window.dossierStemmer;
  var script = document.currentScript;
  var input = document.getElementById("search-q");
  var results = document.getElementById("search-results");
  if (!core || !stemmer || !script || !input || !results) return;
  var notice = document.getElementById("search-noscript");
  if (notice) notice.hidden = true;

  var root = new URL("./", script.src).href;
  var base = new URL("search-index/", script.src).href;
  var KINDS = core.KINDS;
  /* The words shown, in the site's language: the page carries them (data-* of the
     results, from the interface strings), with {placeholders} to fill. */
  function said(name, fallback) {
    var text = results.getAttribute("data-" + name);
    return text === null ? fallback : text;
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  var LABELS = said("kinds", "Briefings|Meetings|Positions|Quotes|Actors|Topics").split("|");
  var SINGULAR = said("kind", "Briefing|Meeting|Position|Quote|Actor|Topic").split("|");
  var MESSAGES = { unknownKind: results.getAttribute("data-unknown-kind"), badYear: results.getAttribute("data-bad-year") };
  /* Groups are shown names first: actors and topics, then the rest by kind. */
  var ORDER = [4, 5, 0, 1, 2, 3];
  var SHOWN = 5;
  var SHOWN_ONE_KIND = 20;
  /* A query loads further pages of postings until it has enough results or has read
     this many bytes of them. */
  var PAGE_BUDGET = 160000;
  var PREFIX_TERMS = 12;

  /* The stemmer of the site's language (search-index/stemmer.js, written with the
     index), and the term the index holds for a word: its stem, folded. */
  function stem(word) { return stemmer.stem(word); }
  function termOf(word) { return core.term(word, stem); }

  /* ---------- Loading the index's scripts ---------- */

  var loaded = {};
  /* A file that cannot be loaded, or hands over nothing, fails the query with its
     path (the page says "Search failed: {error}" in its own language). */
  function load(path) {
    if (loaded[path]) return loaded[path];
    loaded[path] = new Promise(function (resolve, reject) {
      waiting[path] = resolve;
      var tag = document.createElement("script");
      tag.src = base + path;
      tag.async = true;
      tag.onload = function () {
        tag.remove();
        if (waiting[path]) { delete waiting[path]; reject(new Error("search-index/" + path)); }
      };
      tag.onerror = function () {
        tag.remove();
        delete waiting[path];
        delete loaded[path];
        reject(new Error("search-index/" + path));
      };
      document.head.appendChild(tag);
    });
    return loaded[path];
  }
  var waiting = {};
  function settle(path, data) {
    var resolve = waiting[path];
    if (resolve) { delete waiting[path]; resolve(data); }
  }
  window.dossierSearch = {
    manifest: function (data) { settle("manifest.js", data); },
    shard: function (n, terms) { settle("t/" + n + ".js", terms); },
    page: function (n, text) { settle("p/" + n + ".js", text); },
    docs: function (kind, n, rows) { settle("d/" + kind + "-" + n + ".js", rows); }
  };

  var manifestP = null;
  function manifest() {
    if (!manifestP) manifestP = load("manifest.js");
    return manifestP;
  }

  var shardMaps = {};
  function shard(m, n) {
    return load("t/" + n + ".js").then(function (terms) {
      if (!shardMaps[n]) {
        var map = new Map();
        terms.forEach(function (t) { map.set(t[0], t[1]); });
        shardMaps[n] = { map: map, terms: terms };
      }
      return shardMaps[n];
    });
  }

  /* The shard that may hold term: the last whose first term is not after it. */
  function shardOf(m, term) {
    var lo = 0;
    var hi = m.shards.length - 1;
    var at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (m.shards[mid][0] <= term) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return at >= 0 && term <= m.shards[at][1] ? at : -1;
  }

  /* A term's postings of one kind, as far as loaded: {docs: Map, pages, loaded, base}. */
  var postings = {};
  function postingsOf(term, entry) {
    var lists = [];
    entry.forEach(function (k) {
      var key = term + "\u0000" + k[0];
      if (!postings[key]) {
        var page = core.decodePage(k[2]);
        var map = new Map();
        for (var i = 0; i < page.docs.length; i++) map.set(page.docs[i], page.impacts[i]);
        postings[key] = { kind: k[0], count: k[1], docs: map, more: k[3], next: 0, base: k[4] };
      }
      lists.push(postings[key]);
    });
    return lists;
  }

  function loadNextPage(list) {
    var n = list.base + list.next;
    list.next += 1;
    return load("p/" + n + ".js").then(function (text) {
      var page = core.decodePage(text);
      for (var i = 0; i < page.docs.length; i++) list.docs.set(page.docs[i], page.impacts[i]);
      return text.length;
    });
  }

  /* The index's terms for one word of a query: its term; and for the word being
     typed, the terms that start with it (folded) or with its term too, the most
     frequent first. */
  function termsOf(m, term) {
    var exact = termOf(term.word);
    if (!term.prefix) return lookup(m, [exact], null);
    return lookup(m, [exact], [core.fold(term.word), exact]);
  }

  function lookup(m, exact, prefixes) {
    var shardsNeeded = {};
    exact.forEach(function (t) {
      var at = shardOf(m, t);
      if (at >= 0) shardsNeeded[at] = true;
    });
    (prefixes || []).forEach(function (p) {
      for (var i = 0; i < m.shards.length; i++) {
        if (m.shards[i][1] >= p && m.shards[i][0] <= p + "\uffff") shardsNeeded[i] = true;
      }
    });
    var numbers = Object.keys(shardsNeeded).slice(0, 6);
    return Promise.all(numbers.map(function (n) { return shard(m, Number(n)); })).then(function (shards) {
      var found = [];
      var seen = {};
      shards.forEach(function (s) {
        exact.forEach(function (t) {
          if (s.map.has(t) && !seen[t]) { seen[t] = true; found.push({ term: t, entry: s.map.get(t), exact: true }); }
        });
        (prefixes || []).forEach(function (p) {
          s.terms.forEach(function (t) {
            if (t[0].indexOf(p) === 0 && t[0].indexOf(":") === -1 && !seen[t[0]]) {
              seen[t[0]] = true;
              found.push({ term: t[0], entry: t[1], exact: false });
            }
          });
        });
      });
      var total = function (f) { return f.entry.reduce(function (n, k) { return n + k[1]; }, 0); };
      found.sort(function (a, b) { return (b.exact - a.exact) || total(b) - total(a); });
      return found.slice(0, PREFIX_TERMS);
    });
  }

  /* ---------- Running a query ---------- */

  /* For each kind: {ranked: [{doc, score}], complete}. */
  function run(q) {
    return manifest().then(function (m) {
      var groups = q.terms.map(function (t) { return termsOf(m, t); });
      var filterWords = q.filters.actor.map(function (w) { return "a:" + w; })
        .concat(q.filters.topic.map(function (w) { return "t:" + w; }));
      var filters = filterWords.map(function (t) { return lookup(m, [t], null); });
      return Promise.all([Promise.all(groups), Promise.all(filters)]).then(function (found) {
        return rankAll(m, q, found[0], found[1]);
      });
    });
  }

  function rankAll(m, q, groups, filters) {
    var kinds = q.filters.kinds.length ? q.filters.kinds : KINDS.map(function (_, i) { return i; });
    var spent = { bytes: 0 };
    return Promise.all(kinds.map(function (kind) {
      return rankKind(m, q, kind, groups, filters, spent);
    })).then(function (each) {
      var out = {};
      kinds.forEach(function (kind, i) { out[kind] = each[i]; });
      return { manifest: m, kinds: out };
    });
  }

  function kindLists(found, kind) {
    var lists = [];
    found.forEach(function (f) {
      postingsOf(f.term, f.entry).forEach(function (l) { if (l.kind === kind) lists.push(l); });
    });
    return lists;
  }

  function rankKind(m, q, kind, groups, filters, spent) {
    var info = m.kinds[kind];
    var range = yearRange(info, q.filters.years);
    if (!range || (q.terms.length === 0 && filters.length === 0)) return Promise.resolve({ ranked: [], complete: true });
    var termLists = groups.map(function (found) { return kindLists(found, kind); });
    var filterLists = filters.map(function (found) { return kindLists(found, kind); });
    if (termLists.some(function (l) { return l.length === 0; }) || filterLists.some(function (l) { return l.length === 0; })) {
      return Promise.resolve({ ranked: [], complete: true });
    }
    /* Filters are loaded whole: they decide, they do not rank. */
    var all = [];
    filterLists.forEach(function (lists) {
      lists.forEach(function (l) { for (var i = l.next; i < l.more; i++) all.push(loadNextPage(l)); });
    });
    return Promise.all(all).then(function () {
      var allow = function (doc) {
        if (doc < range[0] || doc >= range[1]) return false;
        for (var f = 0; f < filterLists.length; f++) {
          if (!filterLists[f].some(function (l) { return l.docs.has(doc); })) return false;
        }
        return true;
      };
      var want = q.filters.kinds.length === 1 ? SHOWN_ONE_KIND : SHOWN;
      var step = function () {
        var ranked;
        if (termLists.length) {
          ranked = core.rank(termLists.map(function (lists) { return lists.map(function (l) { return l.docs; }); }), allow);
        } else {
          ranked = [];
          filterLists[0][0].docs.forEach(function (_, doc) { if (allow(doc)) ranked.push({ doc: doc, score: 0 }); });
          ranked.sort(function (a, b) { return b.doc - a.doc; });
        }
        var open = [];
        termLists.forEach(function (lists) { lists.forEach(function (l) { if (l.next < l.more) open.push(l); }); });
        if (ranked.length >= want || open.length === 0 || spent.bytes > PAGE_BUDGET) {
          return { ranked: ranked, complete: open.length === 0 };
        }
        /* The least-read list gets its next page. */
        open.sort(function (a, b) { return a.docs.size / a.count - b.docs.size / b.count; });
        return loadNextPage(open[0]).then(function (bytes) { spent.bytes += bytes; return step(); });
      };
      return step();
    });
  }

  /* The documents of a kind in the years asked for, as [from, to), or null for none. */
  function yearRange(info, years) {
    if (!years) return [0, info.n];
    if (!info.y.length) return null;
    var from = info.n;
    var to = info.n;
    for (var i = 0; i < info.y.length; i++) {
      if (info.y[i][0] >= years[0] && from === info.n) from = info.y[i][1];
      if (info.y[i][0] > years[1]) { to = info.y[i][1]; break; }
    }
    return from < to ? [from, to] : null;
  }

  function docOf(m, kind, doc) {
    var per = m.kinds[kind].c;
    var chunk = Math.floor(doc / per);
    return load("d/" + kind + "-" + chunk + ".js").then(function (rows) { return rows[doc - chunk * per]; });
  }

  /* Keeps the ranked documents that hold every phrase, reading their text, until
     `want` are found; the rows of the kept ones. */
  function withText(m, kind, ranked, q, want) {
    var out = [];
    var at = 0;
    var checkLimit = q.phrases.length ? 60 : want;
    var next = function () {
      if (out.length >= want || at >= ranked.length || at >= checkLimit) return Promise.resolve(out);
      var batch = ranked.slice(at, at + (q.phrases.length ? 10 : want));
      at += batch.length;
      return Promise.all(batch.map(function (r) { return docOf(m, kind, r.doc); })).then(function (rows) {
        rows.forEach(function (row, i) {
          if (out.length >= want || !row) return;
          var text = row[0] + " " + row[3];
          if (q.phrases.every(function (p) { return core.hasPhrase(text, p, stem); })) out.push({ row: row, score: batch[i].score });
        });
        return next();
      });
    };
    return next();
  }

  /* ---------- Showing results ---------- */

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function matcher(q) {
    var stems = {};
    var prefixes = [];
    q.terms.forEach(function (t) {
      stems[termOf(t.word)] = true;
      if (t.prefix) prefixes.push(core.fold(t.word), termOf(t.word));
    });
    return function (word) {
      if (stems[termOf(word)]) return true;
      var folded = core.fold(word);
      for (var i = 0; i < prefixes.length; i++) if (folded.indexOf(prefixes[i]) === 0) return true;
      return false;
    };
  }

  var generation = 0;
  function show(text, typing) {
    var mine = ++generation;
    var q = core.parse(text, typing, MESSAGES);
    if (q.terms.length === 0 && q.filters.actor.length === 0 && q.filters.topic.length === 0) {
      results.textContent = "";
      if (q.problems.length) results.appendChild(element("p", "search-results__status", q.problems.join("; ") + "."));
      return Promise.resolve();
    }
    var started = performance.now();
    return run(q).then(function (found) {
      if (mine !== generation) return null;
      var m = found.manifest;
      var kinds = ORDER.filter(function (k) { return found.kinds[k] && found.kinds[k].ranked.length; });
      var want = q.filters.kinds.length === 1 ? SHOWN_ONE_KIND : SHOWN;
      return Promise.all(kinds.map(function (k) {
        return withText(m, k, found.kinds[k].ranked, q, want);
      })).then(function (rows) {
        if (mine !== generation) return;
        render(text, q, found, kinds, rows);
        results.setAttribute("data-ms", String(Math.round(performance.now() - started)));
      });
    }).catch(function (error) {
      if (mine !== generation) return;
      results.textContent = "";
      results.appendChild(element("p", "search-results__status", fill(said("failed", "Search failed: {error}"), { error: error.message })));
    });
  }

  function render(text, q, found, kinds, rows) {
    var matches = matcher(q);
    results.textContent = "";
    var total = 0;
    var shownKinds = [];
    kinds.forEach(function (k, i) {
      if (rows[i].length) { shownKinds.push(i); total += found.kinds[k].ranked.length; }
    });
    var status = element("p", "search-results__status");
    var query = text.trim();
    status.textContent = shownKinds.length === 0
      ? fill(said("nothing", "Nothing found for \u201c{query}\u201d."), { query: query })
      : fill(said("results", "Results for \u201c{query}\u201d"), { query: query }) + (q.problems.length ? " (" + q.problems.join("; ") + ")" : "") + ":";
    results.appendChild(status);
    shownKinds.forEach(function (i) {
      var k = kinds[i];
      var all = found.kinds[k];
      var section = element("section", "search-group");
      section.setAttribute("data-kind", KINDS[k]);
      var n = all.ranked.length;
      var count = q.phrases.length ? "" : " (" + (all.complete ? n : fill(said("at-least", "at least {n}"), { n: n })) + ")";
      section.appendChild(element("h2", "search-group__title", LABELS[k] + count));
      var list = element("ol", "search-results__list");
      rows[i].forEach(function (r) {
        var row = r.row;
        var item = element("li", "search-result");
        var link = element("a", "search-result__title", row[0]);
        link.href = new URL(row[1], root).href;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "badge badge--kind", SINGULAR[k]));
        if (row[2]) item.appendChild(element("span", "search-result__detail", row[2]));
        if (row[3]) {
          var excerpt = element("p", "search-result__excerpt");
          core.excerpt(row[3], matches, 30).forEach(function (part) {
            excerpt.appendChild(part.mark ? element("mark", null, part.text) : document.createTextNode(part.text));
          });
          item.appendChild(excerpt);
        }
        list.appendChild(item);
      });
      section.appendChild(list);
      if (q.filters.kinds.length !== 1 && all.ranked.length > rows[i].length) {
        var more = element("button", "search-group__more", fill(said("more", "More {kinds_lower}"), { kinds: LABELS[k], kinds_lower: LABELS[k].toLocaleLowerCase() }));
        more.type = "button";
        more.addEventListener("click", function () {
          input.value = input.value.trim() + " kind:" + KINDS[k];
          update(false);
          input.focus();
        });
        section.appendChild(more);
      }
      results.appendChild(section);
    });
  }

  /* ---------- The page ---------- */

  function remember(value) {
    try {
      var url = new URL(window.location.href);
      if (value) url.searchParams.set("q", value);
      else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.toString());
    } catch (e) {
      /* Some browsers refuse to change the address of a page opened from disk. */
    }
  }

  var pending = null;
  function update(typing) {
    window.clearTimeout(pending);
    remember(input.value);
    return show(input.value, typing);
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  if (input.value) update(false);
  input.addEventListener("input", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () { update(true); }, 60);
  });
  if (input.form) {
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(false);
    });
  }

  /* Arrows move between the input and the results; Enter follows a result. */
  function links() { return Array.prototype.slice.call(results.querySelectorAll(".search-result__title")); }
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var first = links()[0];
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  results.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at === -1) return;
    event.preventDefault();
    var next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0) input.focus();
    else if (next < all.length) all[next].focus();
  });
  window.dossierSearchReady = true;
})();
