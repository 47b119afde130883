// `dossier serve` in a real browser, run by tests/testsuite/browser.rs:
//
//   node reload.mjs URL FILE
//
// URL is a served briefing page, FILE the briefing's source (its title is `Talks`,
// its date `2025-12-21`). The page must reload by itself after an edit, show a
// broken build's error over the page as text, and recover when the file is mended.
// Debian's Chromium is driven through playwright-core, as in check.mjs.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [url, file] = process.argv.slice(2);
if (!url || !file) {
  console.error("usage: node reload.mjs URL FILE");
  process.exit(2);
}
const CHROMIUM = process.env.DOSSIER_CHROMIUM || "/usr/bin/chromium";
const PATIENCE_MS = 15000;

/** Evaluates `test` in the page until it returns true; a reload in between is fine. */
async function waitUntil(page, what, test) {
  const started = Date.now();
  while (Date.now() - started < PATIENCE_MS) {
    try {
      if (await page.evaluate(test)) return;
    } catch {
      // The page was reloading: its old context is gone. Try again.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  const shown = await page.evaluate(() => document.title + " | " + document.body.innerText.slice(0, 300)).catch(() => "?");
  throw new Error(`the page never ${what}; it shows ${JSON.stringify(shown)}`);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});
const good = readFileSync(file, "utf8");
try {
  const page = await browser.newPage();
  await page.goto(url);
  await waitUntil(page, "loaded the briefing", () => document.title.startsWith("Talks"));
  // Wait until the page listens for changes, then mark it: a reload loses the mark.
  await waitUntil(page, "connected its reload channel", () => window.dossierLiveReload === "connected");
  await page.evaluate(() => (window.dossierMark = "before"));

  writeFileSync(file, good.replace("title: Talks", "title: Talks, edited"));
  await waitUntil(
    page,
    "reloaded with the edit",
    () => document.title.startsWith("Talks, edited") && window.dossierMark === undefined,
  );

  // A broken file: the page stays, and the error shows over it, as text.
  await page.evaluate(() => (window.dossierMark = "broken"));
  writeFileSync(file, good.replace("date: 2025-12-21", "date: <b>bold</b>"));
  await waitUntil(page, "showed the error", () => {
    const box = document.getElementById("dossier-build-error");
    return !!box && box.textContent.includes("content/briefings/talks.md:3: error: '<b>bold</b>'");
  });
  const markup = await page.evaluate(() => document.querySelectorAll("#dossier-build-error b").length);
  if (markup !== 0) throw new Error("the error text was inserted as markup");
  if ((await page.evaluate(() => window.dossierMark)) !== "broken") throw new Error("a broken build reloaded the page");

  // Mended: the page reloads and the error is gone.
  writeFileSync(file, good.replace("title: Talks", "title: Talks, mended"));
  await waitUntil(
    page,
    "recovered",
    () =>
      document.title.startsWith("Talks, mended") &&
      !document.getElementById("dossier-build-error") &&
      window.dossierMark === undefined,
  );
  console.log("the served page reloaded, showed the error as text, and recovered");
} catch (error) {
  console.log(error.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
