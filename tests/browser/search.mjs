// Search in a real browser, over the fixture tests/fixtures/search-site, run by
// tests/browsersuite/browser.rs:
//
//   node search.mjs disk|server SITE_DIR
//
// `disk` opens the pages as file:// URLs; `server` serves the folder on 127.0.0.1
// under /sub/path/. Each word searched for appears in one field of one document
// only, so that finding it proves that field is indexed. Every problem is printed on
// its own line and the exit code is 1; the last line counts the checks.

import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [mode, siteArg] = process.argv.slice(2);
if (!["disk", "server"].includes(mode) || !siteArg) {
  console.error("usage: node search.mjs disk|server SITE_DIR");
  process.exit(2);
}
const site = resolve(siteArg);
const SUB_PATH = "/sub/path/";

const problems = [];
let passed = 0;
function check(ok, message) {
  if (ok) passed += 1;
  else problems.push(message);
  return ok;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };
function serve(root) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (!url.pathname.startsWith(SUB_PATH)) {
      response.writeHead(404);
      return response.end("outside the site");
    }
    let file = join(root, decodeURIComponent(url.pathname.slice(SUB_PATH.length)));
    if (!file.startsWith(root)) {
      response.writeHead(403);
      return response.end();
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404);
      return response.end("not found");
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

function watch(page, log) {
  page.on("console", (message) => {
    if (message.type() === "error") log.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => log.push(`uncaught exception: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText || "";
    // Chromium asks for the favicon after the page has loaded; a click on a result
    // that navigates meanwhile aborts that request, which says nothing of the site
    // (seen under load). Any other failure, or a favicon that fails otherwise, counts.
    const favicon = new URL(request.url()).pathname.endsWith("/favicon.svg");
    if (favicon && reason === "net::ERR_ABORTED") return;
    log.push(`request failed: ${request.url()} (${reason})`);
  });
}

/** What the results show: for each group, its kind and its results. */
async function shown(page) {
  return page.$$eval("#search-results .search-group", (groups) =>
    groups.map((g) => ({
      kind: g.getAttribute("data-kind"),
      results: [...g.querySelectorAll(".search-result")].map((r) => ({
        title: r.querySelector(".search-result__title").textContent,
        href: r.querySelector(".search-result__title").getAttribute("href"),
        excerpt: r.querySelector(".search-result__excerpt")?.textContent || "",
        marks: [...r.querySelectorAll(".search-result__excerpt mark")].map((m) => m.textContent),
      })),
    })),
  );
}

/** Opens search/?q=query and waits for its results (or for "Nothing found"). */
async function search(context, base, query, log) {
  const page = await context.newPage();
  watch(page, log);
  await page.goto(base + "search/index.html?q=" + encodeURIComponent(query));
  await page.waitForSelector("#search-results[data-ms]", { timeout: 10000 });
  return page;
}

/** Searches `query`, expects `kind`'s first result to be `title` at `path`, with
 *  `mark` highlighted in its excerpt; follows the link and checks the page and anchor. */
async function finds(context, base, query, kind, title, path, mark) {
  const log = [];
  const page = await search(context, base, query, log);
  const groups = await shown(page);
  const group = groups.find((g) => g.kind === kind);
  if (!check(group, `"${query}": no ${kind} found (found ${JSON.stringify(groups.map((g) => g.kind))})`)) {
    await page.close();
    return;
  }
  const first = group.results[0];
  check(first.title === title, `"${query}": first ${kind} is "${first.title}", not "${title}"`);
  if (mark) {
    check(
      first.marks.some((m) => m.toLowerCase() === mark.toLowerCase()),
      `"${query}": the excerpt "${first.excerpt}" does not highlight "${mark}" (marks: ${first.marks})`,
    );
  }
  const link = page.locator(`.search-group[data-kind="${kind}"] .search-result__title`).first();
  await Promise.all([page.waitForURL("**/" + path.split("#")[0] + "*"), link.click()]);
  check(page.url() === base + path, `"${query}": the ${kind} result went to ${page.url()}, not ${base + path}`);
  const [, anchor] = path.split("#");
  if (anchor) {
    const text = await page.locator("#" + anchor).textContent();
    check(
      text && text.toLowerCase().includes(mark.toLowerCase()),
      `"${query}": #${anchor} on the page does not hold "${mark}": ${text}`,
    );
  }
  check(log.length === 0, `"${query}": ${log.join("; ")}`);
  await page.close();
}

/** The kinds and titles that `query` shows. */
async function titles(context, base, query) {
  const log = [];
  const page = await search(context, base, query, log);
  const groups = await shown(page);
  check(log.length === 0, `"${query}": ${log.join("; ")}`);
  await page.close();
  return groups.flatMap((g) => g.results.map((r) => `${g.kind}: ${r.title}`));
}

async function same(context, base, query, expected) {
  const got = await titles(context, base, query);
  check(
    JSON.stringify(got) === JSON.stringify(expected),
    `"${query}" shows ${JSON.stringify(got)}, not ${JSON.stringify(expected)}`,
  );
}

const VIENNA = "Vienna talks on the nuclear file";
const GENEVA = "Geneva contacts";

async function checks(context, base) {
  // One field each.
  await finds(context, base, "cordial", "briefing", VIENNA, "briefings/vienna-talks/index.html", "cordial");
  await finds(context, base, "moratorium", "meeting", "Vienna round", "meetings/vienna-round/index.html", "moratorium");
  await finds(context, base, "stockpiling", "position", "Lea Brun on Enrichment", "briefings/vienna-talks/index.html#position-1", "stockpiling");
  await finds(context, base, "brinkmanship", "quote", "Dana Ames", "briefings/vienna-talks/index.html#quote-1", "brinkmanship");
  // A stemmed form, accents folded, a name.
  await finds(context, base, "negotiated", "briefing", VIENNA, "briefings/vienna-talks/index.html", "negotiations");
  await finds(context, base, "ZURICH", "briefing", VIENNA, "briefings/vienna-talks/index.html", "Zürich");
  await finds(context, base, "ames", "actor", "Dana Ames", "actors/envoy-ames/index.html");
  // All words must match; a phrase must be in a row.
  await same(context, base, "sanctions relief", [`briefing: ${VIENNA}`, `briefing: ${GENEVA}`].sort());
  await same(context, base, '"sanctions relief"', [`briefing: ${VIENNA}`]);
  await same(context, base, "sanctions moratorium", []);
  // Filters.
  await same(context, base, "sanctions year:2024", [`briefing: ${GENEVA}`]);
  await same(context, base, "kind:quote actor:ames", ["quote: Dana Ames"]);
  await same(context, base, "actor:brun kind:position year:2025", ["position: Lea Brun on Enrichment"]);
  await same(context, base, "inspections topic:uranium kind:briefing", [`briefing: ${VIENNA}`, `briefing: ${GENEVA}`].sort());

  // The prefix of the word being typed, results as the reader types, the address
  // kept, arrows and Enter.
  {
    const log = [];
    const page = await context.newPage();
    watch(page, log);
    await page.goto(base + "briefings/geneva-contacts/index.html");
    await page.keyboard.press("/");
    check(
      (await page.evaluate(() => document.activeElement && document.activeElement.id)) === "site-search-q",
      "/ does not focus the search field of a page",
    );
    await page.goto(base + "search/index.html");
    await page.keyboard.press("/");
    await page.keyboard.type("brinkm", { delay: 30 });
    await page.waitForFunction(() => document.querySelector('.search-group[data-kind="quote"]'), null, { timeout: 10000 });
    const groups = await shown(page);
    check(groups[0]?.results[0]?.title === "Dana Ames", `typing "brinkm" shows ${JSON.stringify(groups)}`);
    check(groups[0]?.results[0]?.marks[0] === "brinkmanship", `typing "brinkm" highlights ${groups[0]?.results[0]?.marks}`);
    if (mode === "server") {
      check(new URL(page.url()).searchParams.get("q") === "brinkm", `the address does not keep the query: ${page.url()}`);
    }
    await page.keyboard.press("ArrowDown");
    check(
      (await page.evaluate(() => document.activeElement.className)) === "search-result__title",
      "ArrowDown does not move to the first result",
    );
    await Promise.all([page.waitForURL("**/briefings/vienna-talks/index.html#quote-1"), page.keyboard.press("Enter")]);
    check(log.length === 0, `typing: ${log.join("; ")}`);
    await page.close();
  }

  // Author text and the query are shown as text, never as HTML.
  {
    const log = [];
    const page = await search(context, base, "hostile <img src=x onerror=alert(1)>", log);
    const groups = await shown(page);
    const excerpt = groups.find((g) => g.kind === "briefing")?.results[0]?.excerpt || "";
    check(excerpt.includes("<img src=x onerror=alert(1)>"), `the hostile summary is not shown as text: "${excerpt}"`);
    check((await page.locator("#search-results img").count()) === 0, "an image element came from the index or the query");
    check(
      (await page.locator(".search-results__status").textContent()).includes("<img src=x"),
      "the query is not shown as text",
    );
    check(log.length === 0, `hostile: ${log.join("; ")}`);
    await page.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.DOSSIER_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});
let server;
try {
  let base = pathToFileURL(site + sep).href;
  if (mode === "server") {
    server = await serve(site);
    base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  }
  const context = await browser.newContext();
  await checks(context, base);
  await context.close();
} catch (error) {
  problems.push(`the check itself failed: ${error.stack || error}`);
} finally {
  await browser.close();
  if (server) server.close();
}

for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`search ${mode}: ${passed} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
