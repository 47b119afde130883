// Search in Ukrainian, from disk, over the fixture tests/fixtures/sites/ukrainian
// (`language: uk`), run by tests/browsersuite/search.rs:
//
//   node search-ukrainian.mjs SITE_DIR
//
// Ukrainian has no Snowball stemmer: words are folded (case, and the marks of й and
// ї) but not stemmed, in Rust and in the browser alike. Each word appears in one
// field of one document; the page's words (the groups, the status, a mistyped
// filter) are Ukrainian. Every problem is printed on its own line and the exit code
// is 1; the last line counts the checks.

import { createRequire } from "node:module";
import { resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [siteArg] = process.argv.slice(2);
if (!siteArg) {
  console.error("usage: node search-ukrainian.mjs SITE_DIR");
  process.exit(2);
}
const base = pathToFileURL(resolve(siteArg) + sep).href;

const problems = [];
let passed = 0;
function check(ok, message) {
  if (ok) passed += 1;
  else problems.push(message);
  return ok;
}

function watch(page, log) {
  page.on("console", (message) => {
    if (message.type() === "error") log.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => log.push(`uncaught exception: ${error.message}`));
  page.on("requestfailed", (request) => log.push(`request failed: ${request.url()}`));
}

async function results(page) {
  return page.$$eval("#search-results .search-group", (groups) =>
    groups.map((g) => ({
      kind: g.getAttribute("data-kind"),
      heading: g.querySelector("h2").textContent,
      results: [...g.querySelectorAll(".search-result")].map((r) => ({
        title: r.querySelector(".search-result__title").textContent,
        href: r.querySelector(".search-result__title").href,
        badge: r.querySelector(".badge--kind").textContent,
        marks: [...r.querySelectorAll(".search-result__excerpt mark")].map((m) => m.textContent),
      })),
    })),
  );
}

async function search(context, query) {
  const log = [];
  const page = await context.newPage();
  watch(page, log);
  await page.goto(base + "search/index.html?q=" + encodeURIComponent(query));
  await page.waitForSelector("#search-results[data-ms], #search-results .search-results__status", { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector("#search-results").textContent.length > 0, null, { timeout: 10000 });
  const groups = await results(page);
  const status = await page.locator(".search-results__status").first().textContent();
  await page.close();
  check(log.length === 0, `"${query}": ${log.join("; ")}`);
  return { groups, status };
}

/** `query` finds `title` first among `kind`, with `mark` highlighted (if given),
 *  its link ending in `path`, the group headed `heading`. */
async function finds(context, query, kind, title, path, heading, mark) {
  const { groups, status } = await search(context, query);
  check(status.includes(`Результати для «${query}»`), `"${query}": the status says "${status}"`);
  const group = groups.find((g) => g.kind === kind);
  if (!check(group, `"${query}": no ${kind} found (${JSON.stringify(groups)})`)) return;
  check(group.heading.startsWith(heading), `"${query}": the ${kind} group is headed "${group.heading}", not "${heading}"`);
  const first = group.results[0];
  check(first.title === title, `"${query}": the first ${kind} is "${first.title}", not "${title}"`);
  check(first.href.endsWith(path), `"${query}": the ${kind} links to ${first.href}, not …${path}`);
  if (mark) check(first.marks.includes(mark), `"${query}": "${mark}" is not highlighted (${first.marks})`);
}

async function checks(context) {
  const briefingPath = "briefings/zheneva/index.html";
  await finds(context, "Женеві", "briefing", "Переговори в Женеві", briefingPath, "Огляди");
  // A body word, a stance, a quote, a name; case folded, the mark of й folded.
  await finds(context, "ЗУСТРІЧ", "briefing", "Переговори в Женеві", briefingPath, "Огляди", "зустріч");
  await finds(context, "поступок", "position", "Рустем Умєров щодо теми «Мирний план»", briefingPath + "#position-1", "Позиції", "поступок");
  await finds(context, "прогресу", "quote", "Стів Віткофф", briefingPath + "#quote-1", "Цитати", "прогресу");
  await finds(context, "Жодних територіальних", "position", "Рустем Умєров щодо теми «Мирний план»", briefingPath + "#position-1", "Позиції", "Жодних");
  await finds(context, "Умєров", "actor", "Рустем Умєров", "actors/umerov/index.html", "Учасники");
  // No stemmer: another form of a word is another word.
  {
    const { groups: none, status } = await search(context, "поступки");
    check(none.length === 0, `"поступки" (not in the text) finds ${JSON.stringify(none)}`);
    check(status.includes("Нічого не знайдено"), `"поступки": the status says "${status}"`);
  }
  // A phrase, in a row only.
  {
    const { groups: phrase } = await search(context, '"значного прогресу"');
    check(phrase.some((g) => g.kind === "quote"), `the phrase "значного прогресу" finds ${JSON.stringify(phrase)}`);
    const { groups: apart } = await search(context, '"прогресу значного"');
    check(apart.length === 0, `the phrase "прогресу значного" finds ${JSON.stringify(apart)}`);
  }
  // A mistyped filter is told in Ukrainian.
  {
    const { status } = await search(context, "kind:memo");
    check(status.includes("невідомий вид «memo»"), `a mistyped kind says "${status}"`);
  }
  // The word being typed.
  {
    const log = [];
    const page = await context.newPage();
    watch(page, log);
    await page.goto(base + "search/index.html");
    await page.keyboard.press("/");
    await page.keyboard.type("прогр", { delay: 30 });
    await page.waitForFunction(() => document.querySelector('.search-group[data-kind="quote"]'), null, { timeout: 10000 });
    const typed = await results(page);
    check(typed[0]?.results[0]?.marks[0] === "прогресу", `typing "прогр" shows ${JSON.stringify(typed)}`);
    check(typed[0]?.results[0]?.badge === "Цитата", `the badge is "${typed[0]?.results[0]?.badge}"`);
    check(log.length === 0, `typing: ${log.join("; ")}`);
    await page.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.DOSSIER_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});
try {
  const context = await browser.newContext();
  await checks(context);
  await context.close();
} catch (error) {
  problems.push(`the check itself failed: ${error.stack || error}`);
} finally {
  await browser.close();
}

for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`search in Ukrainian: ${passed} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
