// `dossier serve`'s error overlay in both colour schemes, run by
// tests/browsersuite/author.rs:
//
//   node overlay.mjs URL FILE
//
// URL is a served briefing page, FILE the briefing's source (with a line
// `date: 2025-12-21`). The file is broken so that the overlay shows; then, in the
// light scheme, in the dark one (switched on the open page) and in a page opened
// dark, every element the overlay draws must have text that contrasts with what is
// behind it by at least 4.5:1 (WCAG AA), whatever the site's stylesheet says about
// `pre` and `button`. Then the file builds, with a broken link: the same panel shows
// the link check's warning, under its own title, in both schemes.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [url, file] = process.argv.slice(2);
if (!url || !file) {
  console.error("usage: node overlay.mjs URL FILE");
  process.exit(2);
}
const CHROMIUM = process.env.DOSSIER_CHROMIUM || "/usr/bin/chromium";
const PATIENCE_MS = 15000;
const MINIMUM = 4.5;

async function waitForOverlay(page, words = "error:") {
  const started = Date.now();
  while (Date.now() - started < PATIENCE_MS) {
    const shown = await page
      .evaluate((words) => (document.getElementById("dossier-build-error")?.textContent || "").includes(words), words)
      .catch(() => false);
    if (shown) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the overlay never showed "${words}"`);
}

/** The contrast of each element of the overlay against its effective background. */
function contrasts() {
  const rgba = (text) => {
    const [r, g, b, a = 1] = text.match(/[\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const colour = rgba(getComputedStyle(e).backgroundColor);
      if (colour.a > 0) return colour;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const box = document.getElementById("dossier-build-error");
  return [box, ...box.querySelectorAll("*")]
    .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
    .map((e) => {
      const fg = rgba(getComputedStyle(e).color);
      const bg = background(e);
      const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      return {
        element: e.tagName.toLowerCase(),
        color: getComputedStyle(e).color,
        background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`,
        ratio: (light + 0.05) / (dark + 0.05),
      };
    });
}

function judge(scheme, measured, failures) {
  const drawn = new Set(measured.map((m) => m.element));
  for (const element of ["strong", "button", "pre"]) {
    if (!drawn.has(element)) failures.push(`${scheme}: the overlay has no ${element} with text`);
  }
  for (const m of measured) {
    const line = `${scheme}: ${m.element} ${m.color} on ${m.background}: ${m.ratio.toFixed(2)}:1`;
    console.log(line);
    if (m.ratio < MINIMUM) failures.push(`${line}, under ${MINIMUM}:1`);
  }
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});
const good = readFileSync(file, "utf8");
const failures = [];
try {
  writeFileSync(file, good.replace("date: 2025-12-21", "date: <b>not a date</b>"));
  const light = await browser.newPage({ colorScheme: "light" });
  await light.goto(url);
  await waitForOverlay(light);
  judge("light", await light.evaluate(contrasts), failures);
  // Switched on the open page: the overlay takes the other scheme's colours.
  const panel = () => getComputedStyle(document.getElementById("dossier-build-error")).backgroundColor;
  const before = await light.evaluate(panel);
  await light.emulateMedia({ colorScheme: "dark" });
  const started = Date.now();
  while ((await light.evaluate(panel)) === before && Date.now() - started < PATIENCE_MS) {
    await new Promise((done) => setTimeout(done, 50));
  }
  if ((await light.evaluate(panel)) === before) failures.push("the overlay kept its colours when the scheme changed");
  judge("light, switched to dark", await light.evaluate(contrasts), failures);

  const dark = await browser.newPage({ colorScheme: "dark" });
  await dark.goto(url);
  await waitForOverlay(dark);
  judge("dark", await dark.evaluate(contrasts), failures);
  if ((await dark.evaluate(panel)) === before) failures.push("the overlay has the light scheme's colours in a dark page");

  // A build that is served with a broken link: the same panel, under its own title,
  // in both schemes.
  writeFileSync(file, good + "\nSee [a page that is not there](/briefings/nowhere/).\n");
  for (const [scheme, page] of [["light", light], ["dark", dark]]) {
    await page.emulateMedia({ colorScheme: scheme });
    await waitForOverlay(page, "goes nowhere");
    const title = await page.evaluate(() => document.querySelector("#dossier-build-error strong").textContent);
    if (title !== "The site was rebuilt, with these problems.") failures.push(`${scheme}: the problems are titled "${title}"`);
    judge(`${scheme}, a broken link`, await page.evaluate(contrasts), failures);
  }
  if (failures.length) throw new Error(failures.join("\n"));
  console.log("the overlay reads in the light and the dark scheme");
} catch (error) {
  console.log(error.message);
  process.exitCode = 1;
} finally {
  writeFileSync(file, good);
  await browser.close();
}
