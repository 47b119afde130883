// The search benchmark's browser half (benches/search.sh runs it): serves a built
// site on 127.0.0.1, runs a fixed set of queries in headless Chromium, each in a
// fresh browser context (nothing cached), and prints, per query, the bytes served
// (the search page, its stylesheet and scripts, and every index file it loaded) and
// the time from the last index script arriving to the first result shown; then their
// median and 90th percentile as one Markdown row.
//
//   node benches/search.mjs SITE_DIR LABEL [RUNS]
//
// Needs tests/browser's node_modules (playwright-core) and /usr/bin/chromium.

import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, resolve } from "node:path";

const require = createRequire(new URL("../tests/browser/", import.meta.url));
const { chromium } = require("playwright-core");

const [siteArg, label = "", runsArg = "3"] = process.argv.slice(2);
const site = resolve(siteArg);
const runs = Number(runsArg);

// Words of the benchmark corpus (../shared/bench/gen_corpus.py): common words (in
// nearly every briefing), a name, a place, a title's number, a stance, filters, a
// phrase, and a word typed letter by letter (a prefix).
const QUERIES = [
  "ceasefire",
  "verification breakthrough",
  "petrov",
  "carpathia",
  "4868",
  "third parties",
  '"lasting ceasefire"',
  "kind:quote verification",
  "year:2020 summit",
  "topic:prisoners withdrawal",
  "actor:castillo ceasefire",
  { typed: "reconstr" },
];

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };
let served = 0;
const server = createServer((request, response) => {
  let file = join(site, decodeURIComponent(new URL(request.url, "http://localhost").pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!file.startsWith(site) || !existsSync(file)) {
    response.writeHead(404);
    return response.end();
  }
  const body = readFileSync(file);
  served += body.length;
  response.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
  response.end(body);
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.DOSSIER_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});

// In the page: when the first result is shown (or that there is none), and when the
// last index script that came before it arrived.
const OBSERVE = () => {
  window.__firstResult = null;
  new MutationObserver(() => {
    if (window.__firstResult === null && document.querySelector("#search-results .search-result, #search-results[data-ms]")) {
      window.__firstResult = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function once(query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const before = served;
  if (typeof query === "string") {
    await page.goto(base + "search/index.html?q=" + encodeURIComponent(query));
  } else {
    await page.goto(base + "search/index.html");
    await page.locator("#search-q").pressSequentially(query.typed, { delay: 40 });
  }
  await page.waitForFunction(() => window.__firstResult !== null, null, { timeout: 60000 });
  await page.waitForSelector("#search-results[data-ms]");
  const found = await page.locator("#search-results .search-result").count();
  const timing = await page.evaluate(() => {
    const index = performance
      .getEntriesByType("resource")
      .filter((e) => e.name.includes("/search-index/") && e.responseEnd <= window.__firstResult);
    const last = Math.max(...index.map((e) => e.responseEnd));
    return { afterLast: window.__firstResult - last, files: index.length };
  });
  // Let the script finish what it loads after the first result (chunks of other kinds).
  await page.waitForTimeout(200);
  const bytes = served - before;
  await context.close();
  return { bytes, found, ...timing };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}
function p90(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
}

const rows = [];
for (const query of QUERIES) {
  const tries = [];
  for (let r = 0; r < runs; r++) tries.push(await once(query));
  const row = {
    query: typeof query === "string" ? query : `${query.typed} (typed)`,
    bytes: median(tries.map((t) => t.bytes)),
    ms: median(tries.map((t) => t.afterLast)),
    files: median(tries.map((t) => t.files)),
    found: tries[0].found,
  };
  rows.push(row);
  console.error(`${label} ${row.query}: ${(row.bytes / 1000).toFixed(1)} kB, ${row.files} index files, ${row.ms.toFixed(1)} ms, ${row.found} results shown`);
}
await browser.close();
server.close();

const kb = (b) => (b / 1000).toFixed(1);
console.log(
  `| ${label} | ${kb(median(rows.map((r) => r.bytes)))} | ${kb(p90(rows.map((r) => r.bytes)))} | ${kb(Math.max(...rows.map((r) => r.bytes)))} | ` +
    `${median(rows.map((r) => r.ms)).toFixed(1)} | ${p90(rows.map((r) => r.ms)).toFixed(1)} |`,
);
for (const r of rows) console.log(`| ${label} | ${r.query} | ${kb(r.bytes)} kB | ${r.files} files | ${r.ms.toFixed(1)} ms | ${r.found} shown |`);
