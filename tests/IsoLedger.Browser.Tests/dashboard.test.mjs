// The dashboard in headless Chromium against a running API loaded with the sample province (ops/test.sh sets it up).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const base = process.env.ISOLEDGER_URL ?? "http://127.0.0.1:5080";
const screenshots = new URL("./screenshots/", import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

let browser;
let page;
let vocabulary;
const vi = (kind, value) => vocabulary[kind].find((term) => term.value === value).vi;

before(async () => {
  const answer = await fetch(`${base}/api/vocabulary`, { headers: { "X-Api-Key": "dev-viewer" } });
  assert.equal(answer.status, 200);
  vocabulary = await answer.json();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${base}/dashboard`);
  await page.fill("#key", "dev-viewer");
  await page.click("#key-form button[type=submit]");
  await page.selectOption("#province", "Quảng Trị");
  await page.waitForSelector("#conversion-table tr[data-level=department]");
  await page.waitForSelector("#annual-table tr[data-code]");
});

after(async () => { await browser?.close(); });

const cells = (selector) => page.$$eval(selector, (rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));

test("the conversion chart and table show appendix A's figures: 14 on 2008, 26 converted or converting", async () => {
  assert.equal(await page.locator("#conversion-chart svg .bar-row").count(), 4);
  const rows = await cells("#conversion-table tr[data-level=department], #conversion-table tr[data-level=sub-department], #conversion-table tr[data-level=district]");
  const sum = (column) => rows.reduce((total, row) => total + Number(row[column]), 0);
  assert.equal(sum(2), 14, "on 2008");
  assert.equal(sum(5), 26, "converted or converting");
  assert.deepEqual(rows.map((row) => row[5]), ["11", "9", "6"]);
  await page.screenshot({ path: `${screenshots}overview.png`, fullPage: false });
});

test("the annual table shows 44 of 109 appendix B communes reported, with totals and percentages", async () => {
  assert.equal(await page.inputValue("#year"), "2020");
  const appendixB = await page.$$eval("#annual-table tr[data-code]", (rows) =>
    rows.filter((row) => /^QT-XA-\d{3}$/.test(row.dataset.code)).map((row) => row.cells[9].textContent.trim()));
  assert.equal(appendixB.length, 109);
  assert.equal(appendixB.filter((mark) => mark === "✓").length, 44);
  const totals = await page.$$eval("#annual-table tr.total", (rows) => rows.map((row) => row.textContent));
  assert.ok(totals.some((text) => text.includes("(125") && text.includes("60 (48,00%)")), "commune totals with the share that reported");
  await page.locator("#annual-table").screenshot({ path: `${screenshots}annual-table.png` });
});

test("level, column and inspection names on screen are the ones /api/vocabulary answers", async () => {
  const levels = await page.$$eval("#conversion-table tbody tr[data-level]:not([data-level=total])",
    (rows) => rows.map((row) => [row.dataset.level, row.cells[0].textContent]));
  assert.deepEqual(levels, vocabulary.levels.map((level) => [level.value, level.vi]));
  const groups = await page.$$eval("#annual-table tr.group td", (cells) => cells.map((cell) => cell.textContent));
  assert.ok(vocabulary.levels.every((level) => groups.includes(level.vi)), "the annual table's level groups");
  const options = await page.$$eval("#annual-level option", (items) => items.slice(1).map((item) => item.textContent));
  assert.deepEqual(options, vocabulary.levels.map((level) => level.vi));
  const headers = await page.$$eval("#annual-table thead th", (cells) => cells.map((cell) => cell.textContent));
  assert.deepEqual(headers, vocabulary.reportColumns.map((column) => column.vi));
  const inspections = await page.$$eval("#annual-table tr[data-code] td:nth-child(11)",
    (cells) => cells.map((cell) => cell.textContent));
  assert.ok(inspections.includes(vi("inspectionResults", "no-report")));
});

test("the annual table filters by name and sorts by column", async () => {
  await page.fill("#annual-filter", "Hướng");
  const names = await page.$$eval("#annual-table tr[data-code] td:nth-child(2)", (tds) => tds.map((td) => td.textContent));
  assert.ok(names.length > 0 && names.every((name) => name.includes("Hướng")));
  await page.fill("#annual-filter", "");
  await page.click("#annual-table th button >> text=Báo cáo");
  assert.equal(await page.getAttribute("#annual-table th[aria-sort=ascending] button", "type"), "button");
});

test("compliance flags are grouped by rule and link to their units", async () => {
  const groups = await page.locator("#compliance-list details").count();
  const empty = await page.locator("#compliance-list p").count();
  assert.ok(groups > 0 || empty === 1);
});

test("a unit page shows the status, the timeline and the state as of a date", async () => {
  await page.click('#annual-table a[href="#unit/QT-SO-02"]');
  await page.waitForSelector("#timeline li");
  assert.match(await page.textContent("#unit-title"), /Sở Nội vụ/);
  const steps = await page.$$eval("#timeline li", (items) => items.map((item) => item.textContent));
  assert.ok(steps.some((step) => step.includes(vi("events", "StandardConverted"))), "events named from the vocabulary");
  assert.ok(steps.every((step) => step.includes("19/11/2020")), "dates as Vietnamese write them");
  await page.fill("#as-of", "2020-12-31");
  await page.dispatchEvent("#as-of", "change");
  await page.waitForFunction(() => document.querySelector("#unit-status")?.textContent.includes("2015"));
  await page.screenshot({ path: `${screenshots}unit.png`, fullPage: true });
  await page.click("#home-link");
  await page.waitForSelector("#overview:not([hidden])");
});

test("the page switches to English and fits a phone", async () => {
  await page.click("#language");
  assert.equal(await page.textContent("h1"), "ISO 9001 dashboard");
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than a phone screen`);
  await page.screenshot({ path: `${screenshots}phone-english.png`, fullPage: false });
  await page.click("#language");
});

test("the province and year are in the address, so a link reproduces the view", async () => {
  const address = new URL(page.url());
  assert.equal(address.searchParams.get("province"), "Quảng Trị");
  assert.equal(address.searchParams.get("year"), await page.inputValue("#year"));
  await page.goto(`${base}/dashboard?province=${encodeURIComponent("Quảng Trị")}&year=2020`);
  await page.waitForSelector("#annual-table tr[data-code]");
  assert.equal(await page.inputValue("#province"), "Quảng Trị");
  assert.equal(await page.inputValue("#year"), "2020");
});

test("the summary table shows the report's declared units per tier: 165 = 30 + 10 + 125", async () => {
  await page.waitForSelector("#summary-table tr[data-criterion=declared]");
  const declared = await cells("#summary-table tr[data-criterion=declared]");
  assert.deepEqual(declared[0].slice(2), ["165", "30", "10", "125"]);
  const header = await page.$$eval("#summary-table th[scope=col]", (items) => items.map((item) => item.textContent));
  assert.ok(header.includes("Cấp tỉnh") && header.includes("Cấp xã"), "Vietnamese column names from the vocabulary");
});
