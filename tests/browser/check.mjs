// Real-browser checks of a built dossier, run by tests/testsuite/browser.rs.
//
//   node check.mjs MODE SITE_DIR ARTIFACTS_DIR PAGE...
//
// MODE is `disk` (pages opened as file:// URLs), `server` (served by a small static
// server on 127.0.0.1 under /sub/path/, to prove sub-path hosting) or `axe`
// (accessibility with axe-core, light and dark schemes). PAGE is a path relative to
// the site root, such as `actors/steve-witkoff/index.html`.
//
// Debian's Chromium is driven through playwright-core; no browser is downloaded.
// Every problem found is printed on its own line and the exit code is 1; on success
// the last line says how many checks passed.

import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [mode, siteArg, artifactsArg, ...pages] = process.argv.slice(2);
if (!["disk", "server", "axe"].includes(mode) || !siteArg || !artifactsArg || pages.length === 0) {
  console.error("usage: node check.mjs disk|server|axe SITE_DIR ARTIFACTS_DIR PAGE...");
  process.exit(2);
}
const site = resolve(siteArg);
const artifacts = resolve(artifactsArg);
mkdirSync(artifacts, { recursive: true });

const CHROMIUM = process.env.DOSSIER_CHROMIUM || "/usr/bin/chromium";
const SUB_PATH = "/sub/path/";
const WIDTHS = [375, 1280];

const problems = [];
let passed = 0;
function check(ok, message) {
  if (ok) passed += 1;
  else problems.push(message);
  return ok;
}

// ---------- A static server for the built folder, under a sub-path ----------

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".png": "image/png",
};

function serve(root) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (url.pathname === SUB_PATH.slice(0, -1)) {
      response.writeHead(301, { location: SUB_PATH });
      return response.end();
    }
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
    response.end(request.method === "HEAD" ? undefined : readFileSync(file));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

// ---------- Helpers ----------

/** Collects console errors, uncaught exceptions and failed requests of a page. */
function watch(page, log) {
  page.on("console", (message) => {
    if (message.type() === "error") log.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => log.push(`uncaught exception: ${error.message}`));
  page.on("requestfailed", (request) =>
    log.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) log.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

/** The ids of a built page, read from its file. */
const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const html = readFileSync(file, "utf8");
    idCache.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
  }
  return idCache.get(file);
}

const checkedLinks = new Map();
/** Whether an internal link resolves: the file exists (or the server answers 200) and its fragment names an element. */
async function linkProblem(href, base) {
  const url = new URL(href);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = "";
  url.search = "";
  const key = url.href + "#" + fragment;
  if (checkedLinks.has(key)) return checkedLinks.get(key);
  let problem = null;
  let file;
  if (url.protocol === "file:") {
    file = fileURLToPath(url);
    if (!file.startsWith(site + sep) && file !== site) problem = "leaves the site";
    else if (!existsSync(file) || statSync(file).isDirectory()) problem = "no such file";
  } else {
    if (!url.href.startsWith(base)) problem = `leaves the site's path ${SUB_PATH}`;
    else {
      const response = await fetch(url.href, { method: "HEAD" });
      if (response.status !== 200) problem = `HTTP ${response.status}`;
      file = join(site, decodeURIComponent(url.pathname.slice(SUB_PATH.length)));
    }
  }
  if (!problem && fragment && file.endsWith(".html") && !idsOf(file).has(fragment)) {
    problem = `no element with id "${fragment}"`;
  }
  checkedLinks.set(key, problem);
  return problem;
}

function artifactName(pagePath, width, suffix = "") {
  const name = pagePath.replace(/\/index\.html$/, "").replace(/\.html$/, "").replace(/\//g, "_") || "index";
  return join(artifacts, `${mode}-${name === "index" ? "front" : name}-${width}${suffix}.png`);
}

// ---------- The checks ----------

async function pagesAndLinks(context, base) {
  for (const path of pages) {
    for (const width of WIDTHS) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const log = [];
      watch(page, log);
      await page.goto(base + path, { waitUntil: "load" });
      await page.waitForTimeout(100);
      check(log.length === 0, `${path} at ${width}px: ${log.join("; ")}`);
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      check(
        overflow.scroll <= overflow.inner,
        `${path} at ${width}px overflows sideways: the page is ${overflow.scroll}px wide in a ${overflow.inner}px window`,
      );
      await page.screenshot({ path: artifactName(path, width), fullPage: true });
      if (width === WIDTHS[WIDTHS.length - 1]) {
        // SVG links included: their href is not a string property, so resolve the attribute.
        const hrefs = await page.$$eval("a[href]", (links) =>
          links.map((a) => new URL(a.getAttribute("href"), document.baseURI).href),
        );
        for (const href of new Set(hrefs)) {
          if (!href.startsWith("file:") && !href.startsWith("http://127.0.0.1")) continue;
          const problem = await linkProblem(href, base);
          check(problem === null, `${path}: link ${href}: ${problem}`);
        }
      }
      await page.close();
    }
  }
}

/** Types a query in the header's search form, follows the first result, and checks where it lands. */
async function searchFinds(context, base, from, query, expectedTitle, expectedPath) {
  const page = await context.newPage();
  const log = [];
  watch(page, log);
  await page.goto(base + from);
  await page.fill("#site-search-q", query);
  await Promise.all([page.waitForURL(/search\/index\.html\?q=/), page.press("#site-search-q", "Enter")]);
  const first = page.locator(".search-result__title").first();
  try {
    await first.waitFor({ timeout: 5000 });
  } catch {
    check(false, `search for "${query}" from ${from} shows no result`);
    await page.close();
    return;
  }
  const title = (await first.textContent()).trim();
  check(title === expectedTitle, `search for "${query}": first result is "${title}", not "${expectedTitle}"`);
  await Promise.all([page.waitForURL("**/" + expectedPath), first.click()]);
  check(page.url() === base + expectedPath, `search result for "${query}" went to ${page.url()}`);
  const heading = (await page.locator("h1").textContent()).trim();
  check(heading === expectedTitle, `search result for "${query}" opened a page titled "${heading}"`);
  check(log.length === 0, `search for "${query}": ${log.join("; ")}`);
  await page.screenshot({ path: artifactName(`search-${query}`, 1280) });
  await page.close();
}

/** Without JavaScript the search page says so and links to the lists. */
async function searchWithoutScript(browser, base) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + "search/index.html?q=Kremlin");
  check(await page.locator("#search-noscript").isVisible(), "without JavaScript the search page does not say it needs it");
  for (const list of ["briefings", "actors", "topics", "meetings"]) {
    check(
      (await page.locator(`#search-noscript a[href="../${list}/index.html"]`).count()) === 1,
      `without JavaScript the search page does not link to the list of ${list}`,
    );
  }
  await context.close();
}

async function accessibility(browser, base) {
  const axePath = require.resolve("axe-core/axe.min.js");
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme });
    for (const path of pages) {
      const page = await context.newPage();
      await page.goto(base + path);
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const result = await axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        }));
      });
      for (const v of violations) {
        const serious = v.impact === "serious" || v.impact === "critical";
        const line = `${path} (${scheme}): ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(", ")}`;
        if (serious) check(false, line);
        else console.log(`note: ${line}`);
      }
      check(true, "");
      await page.close();
    }
    await context.close();
  }
}

// ---------- Main ----------

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});
let server;
try {
  let base = pathToFileURL(site + sep).href;
  if (mode === "server") {
    server = await serve(site);
    base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  }
  if (mode === "axe") {
    await accessibility(browser, base);
  } else {
    const context = await browser.newContext();
    await pagesAndLinks(context, base);
    await searchFinds(context, base, "index.html", "Kremlin", "Russia", "actors/russia/index.html");
    await searchFinds(context, base, "actors/steve-witkoff/index.html", "witkoff", "Steve Witkoff", "actors/steve-witkoff/index.html");
    await context.close();
    await searchWithoutScript(browser, base);
  }
} catch (error) {
  problems.push(`the check itself failed: ${error.stack || error}`);
} finally {
  await browser.close();
  if (server) server.close();
}

for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`browser ${mode}: ${passed} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
