/* dossier: search over the prebuilt index (search-index.js sets window.DOSSIER_SEARCH).
   Works from a host and from disk: the index is a script, not a fetched file, and
   result links are made relative to this page through data-root. Without this script
   the search page lists everything instead. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var index = window.DOSSIER_SEARCH || [];
  var input = document.getElementById("search-q");
  var results = document.getElementById("search-results");
  var all = document.getElementById("search-all");
  if (!input || !results) return;

  var KINDS = { briefing: "Briefing", actor: "Actor", topic: "Topic", meeting: "Meeting" };
  var LIMIT = 100;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var prepared = index.map(function (entry, order) {
    var words = (entry.w || []).map(fold);
    return {
      entry: entry,
      order: order,
      title: fold(entry.t),
      words: words,
      own: [fold(entry.t)].concat(words, [fold(entry.d || "")]).join(" \u0001 ")
    };
  });
  /* A meeting is found by its participants' names and aliases, a briefing by its topics'. */
  prepared.forEach(function (item) {
    var related = (item.entry.r || []).map(function (i) {
      var other = prepared[i];
      return other ? other.title + " \u0001 " + other.words.join(" \u0001 ") : "";
    });
    item.haystack = [item.own].concat(related).join(" \u0001 ");
  });

  function startsWord(text, term) {
    return text.indexOf(term) === 0 || text.indexOf(" " + term) !== -1;
  }

  /* Every term must occur somewhere; the title and aliases weigh most. */
  function score(item, query, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      if (item.haystack.indexOf(term) === -1) return -1;
      if (startsWord(item.title, term)) total += 10;
      else if (item.title.indexOf(term) !== -1) total += 5;
      else if (item.words.some(function (w) { return startsWord(w, term); })) total += 4;
      else total += 1;
    }
    if (item.title === query) total += 100;
    else if (item.words.indexOf(query) !== -1) total += 80;
    else if (item.title.indexOf(query) === 0) total += 40;
    return total;
  }

  function search(text) {
    var query = fold(text).trim().replace(/\s+/g, " ");
    if (!query) return null;
    var terms = query.split(" ");
    var found = [];
    prepared.forEach(function (item) {
      var s = score(item, query, terms);
      if (s >= 0) found.push({ item: item, score: s });
    });
    found.sort(function (a, b) { return b.score - a.score || a.item.order - b.item.order; });
    return found.map(function (f) { return f.item.entry; });
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(text) {
    var found = search(text);
    results.textContent = "";
    if (found === null) {
      if (all) all.hidden = false;
      return;
    }
    var status = element("p", "search-results__status");
    status.textContent = found.length === 0
      ? "Nothing found for \u201c" + text.trim() + "\u201d."
      : found.length + (found.length === 1 ? " result" : " results") + " for \u201c" + text.trim() + "\u201d" +
        (found.length > LIMIT ? " (the first " + LIMIT + " shown)." : ".");
    results.appendChild(status);
    if (found.length) {
      var list = element("ol", "search-results__list");
      found.slice(0, LIMIT).forEach(function (entry) {
        var item = element("li", "search-result");
        var link = element("a", "search-result__title", entry.t);
        link.href = root + entry.u;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "badge badge--kind", KINDS[entry.k] || entry.k));
        if (entry.d) item.appendChild(element("span", "search-result__detail", entry.d));
        list.appendChild(item);
      });
      results.appendChild(list);
    }
    if (all) all.hidden = true;
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  show(initial);

  var pending = null;
  input.addEventListener("input", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () { show(input.value); }, 80);
  });
  var form = input.form;
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(pending);
      show(input.value);
      try {
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value);
        window.history.replaceState(null, "", url.toString());
      } catch (e) {
        /* Some browsers refuse to change the address of a page opened from disk. */
      }
    });
  }
})();
