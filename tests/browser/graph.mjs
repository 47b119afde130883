// The network graph's size in a real browser, run by tests/browsersuite/author.rs:
//
//   node graph.mjs PAGE...
//
// Each PAGE is a built network page (a file path). At a desktop width (1280 px) the
// drawing takes most of the content's width and no more, and its labels show at 14 px
// or more; at a phone's width (390 px) its labels still show at 11 px or
// more, the drawing scrolls sideways in its own region, and the page itself does not.

import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const pages = process.argv.slice(2);
if (!pages.length) {
  console.error("usage: node graph.mjs PAGE...");
  process.exit(2);
}
const CHROMIUM = process.env.DOSSIER_CHROMIUM || "/usr/bin/chromium";
const SCREENS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

/** What the page shows of its graph, in CSS pixels. */
function measure() {
  const svg = document.querySelector("figure.graph-figure--network svg.graph");
  if (!svg) return null;
  const region = svg.closest(".graph-scroll");
  const shown = svg.getBoundingClientRect();
  const scale = shown.width / svg.viewBox.baseVal.width;
  const labels = [...svg.querySelectorAll(".graph__node text")].map(
    (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
  );
  return {
    width: shown.width,
    height: shown.height,
    content: svg.closest("main").querySelector("h1").getBoundingClientRect().width,
    smallest: Math.min(...labels),
    largest: Math.max(...labels),
    regionScrolls: region.scrollWidth > region.clientWidth + 1,
    regionFocusable: region.tabIndex === 0,
    pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
  };
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const failures = [];
const fail = (what) => failures.push(what);
try {
  for (const path of pages) {
    for (const screen of SCREENS) {
      const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height } });
      await page.goto(pathToFileURL(path).href);
      const m = await page.evaluate(measure);
      const where = `${path} at ${screen.width} px`;
      if (!m) {
        fail(`${where}: no network drawing`);
        await page.close();
        continue;
      }
      console.log(
        `${where}: drawn ${m.width.toFixed(0)}x${m.height.toFixed(0)} px of ${m.content.toFixed(0)}, labels ${m.smallest.toFixed(1)} to ${m.largest.toFixed(1)} px`,
      );
      if (m.pageScrolls) fail(`${where}: the page scrolls sideways`);
      if (screen.name === "desktop") {
        if (m.width < 0.6 * m.content) fail(`${where}: the drawing is ${m.width.toFixed(0)} px wide, under 60% of ${m.content.toFixed(0)}`);
        if (m.width > m.content + 1) fail(`${where}: the drawing is wider than the content`);
        if (m.smallest < 14) fail(`${where}: labels show at ${m.smallest.toFixed(1)} px, under 14`);
        if (m.largest > 20) fail(`${where}: labels show at ${m.largest.toFixed(1)} px, over 20`);
      } else {
        // A hundredth of a pixel is rounding.
        if (m.smallest < 10.99) fail(`${where}: labels show at ${m.smallest.toFixed(1)} px, under 11`);
        if (m.width > m.content + 1 && !m.regionScrolls) fail(`${where}: the drawing overflows a region that does not scroll`);
        if (!m.regionFocusable) fail(`${where}: the scrolling region cannot be reached by keyboard`);
      }
      await page.close();
    }
  }
  if (failures.length) throw new Error(failures.join("\n"));
  console.log("the network drawing uses the page's width with readable labels");
} catch (error) {
  console.log(error.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
