// A right-to-left dossier in a real browser, run by tests/browsersuite/rtl.rs.
//
//   node rtl.mjs SITE_DIR ARTIFACTS_DIR
//
// Opens the Arabic fixture's pages from disk and checks that they mirror: the page is
// dir="rtl", the navigation runs from the right, the timeline's line and the matrix's
// sticky row headers sit on the right, and nothing overflows sideways. Screenshots
// at phone and desktop widths go to ARTIFACTS_DIR (rtl-*.png). Every problem is
// printed on its own line and the exit code is 1.

import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [siteArg, artifactsArg] = process.argv.slice(2);
if (!siteArg || !artifactsArg) {
  console.error("usage: node rtl.mjs SITE_DIR ARTIFACTS_DIR");
  process.exit(2);
}
const site = resolve(siteArg);
const artifacts = resolve(artifactsArg);
mkdirSync(artifacts, { recursive: true });

const problems = [];
let passed = 0;
function check(ok, message) {
  if (ok) passed += 1;
  else problems.push(message);
}

const PAGES = ["index.html", "briefings/florida/index.html", "positions/index.html", "network/index.html", "actors/witkoff/index.html"];

const browser = await chromium.launch({
  executablePath: process.env.DOSSIER_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});
try {
  const base = pathToFileURL(site + sep).href;
  const context = await browser.newContext();
  for (const path of PAGES) {
    for (const width of [375, 1280]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(base + path, { waitUntil: "load" });
      const seen = await page.evaluate(() => {
        const box = (selector) => {
          const node = document.querySelector(selector);
          return node ? node.getBoundingClientRect() : null;
        };
        const nav = [...document.querySelectorAll(".site-nav li")].map((li) => li.getBoundingClientRect());
        const timeline = document.querySelector(".timeline");
        const line = timeline ? getComputedStyle(timeline, "::before") : null;
        return {
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
          direction: getComputedStyle(document.body).direction,
          nav: nav.length > 1 && nav[0].top === nav[1].top ? [nav[0].left, nav[1].left] : null,
          timeline: timeline ? { box: timeline.getBoundingClientRect(), right: line.right, left: line.left } : null,
          rowHeader: box(".matrix tbody th[scope=row]"),
          cell: box(".matrix tbody td"),
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        };
      });
      const at = `${path} at ${width}px`;
      check(errors.length === 0, `${at}: ${errors.join("; ")}`);
      check(seen.dir === "rtl" && seen.lang === "ar", `${at}: the page is lang="${seen.lang}" dir="${seen.dir}", not lang="ar" dir="rtl"`);
      check(seen.direction === "rtl", `${at}: the body's direction is ${seen.direction}`);
      if (seen.nav) check(seen.nav[0] > seen.nav[1], `${at}: the first navigation item is left of the second`);
      if (seen.timeline) {
        // The resolved `left` and `right` of a positioned box are its used offsets
        // (CSSOM), never "auto": the line is on the right when it is nearer that edge.
        const [left, right] = [parseFloat(seen.timeline.left), parseFloat(seen.timeline.right)];
        check(right < left, `${at}: the timeline's line is not on the right (left ${seen.timeline.left}, right ${seen.timeline.right})`);
      }
      if (seen.rowHeader && seen.cell) check(seen.rowHeader.left > seen.cell.left, `${at}: the matrix's row headers are not on the right`);
      check(seen.scroll <= seen.inner, `${at}: the page is ${seen.scroll}px wide in a ${seen.inner}px window`);
      const name = path.replace(/\/index\.html$/, "").replace(/\.html$/, "").replace(/\//g, "_") || "front";
      await page.screenshot({ path: join(artifacts, `rtl-${name === "index" ? "front" : name}-${width}.png`), fullPage: true });
      await page.close();
    }
  }
  await context.close();
} catch (error) {
  problems.push(`the check itself failed: ${error.stack || error}`);
} finally {
  await browser.close();
}
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`browser rtl: ${passed} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
