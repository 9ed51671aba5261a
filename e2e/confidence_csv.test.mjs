// Sample confidence and the CSV export (issue #5), end to end: counts typed with the
// keyboard, the interval read off the page, and the downloaded CSV checked row by row.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useBrowser, ROOT, TORBAY, expectText, expectContains, expectVisible, eventually } from "./lib/harness.mjs";
import { CASE_STANDARDS, KEY_QUESTIONS } from "./lib/calculator.mjs";

/** A strict RFC 4180 reader: records of fields, CRLF line ends, doubled quotes. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      assert.equal(field, "", "a quote inside an unquoted field");
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r") {
      assert.equal(text[i + 1], "\n", "CR without LF");
      i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else {
      assert.notEqual(c, "\n", "a bare LF outside quotes");
      field += c;
    }
  }
  assert.equal(quoted, false, "unterminated quoted field");
  assert.deepEqual([field, record], ["", []], "the last record ends with CRLF");
  return records;
}

const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** axe-core's WCAG 2.x A and AA violations on the page (evaluated over DevTools, CSP untouched). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
  const results = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
    tags,
  );
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

/** Clicks Export CSV and returns the download's suggested name and text. */
async function exportCsv(page, calc) {
  const [download] = await Promise.all([page.waitForEvent("download"), calc.button("export-csv").click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

describe("sample confidence and CSV export", () => {
  const env = useBrowser();

  test("counts typed in show the interval and band chances, and 95% widens it", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.type(calc.casesInput("2.1"), "5");
    await calc.type(calc.countInput("2.1", "desistance", "relevant"), "5");
    await calc.type(calc.countInput("2.1", "desistance", "yes"), "3");
    await calc.type(calc.countInput("2.1", "safety", "relevant"), "0");
    await calc.type(calc.countInput("2.1", "safety", "yes"), "0");
    await calc.type(calc.countInput("2.1", "others", "relevant"), "5");
    await calc.type(calc.countInput("2.1", "others", "yes"), "5");
    await expectContains(calc.rating("2.1"), "Requires improvement");

    // Collapsed by default; opened from the keyboard.
    const toggle = calc.byTestId("confidence-toggle-2.1");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await calc.byTestId("confidence-2.1-desistance-interval").count(), 0);
    await toggle.focus();
    await calc.page.keyboard.press("Enter");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");

    // Wilson at 80% for 3 of 5: 33.0% to 82.0%.
    await expectText(calc.byTestId("confidence-2.1-desistance-interval"), "80% sure: 33%\u201382%");
    await expectText(calc.byTestId("confidence-2.1-others-interval"), "80% sure: 75%\u2013100%");
    await expectText(calc.byTestId("confidence-2.1-safety-none"), "No figures: no relevant cases entered");
    await expectContains(
      calc.byTestId("confidence-words-2.1"),
      "With 5 relevant cases, there is a 34% chance the true figure is in a lower band than Too few",
    );

    await calc.byTestId("confidence-level-2.1").selectOption("95");
    await expectText(calc.byTestId("confidence-2.1-desistance-interval"), "95% sure: 23%\u201388%");
    // Information only: the rating and score stay.
    await expectContains(calc.rating("2.1"), "Requires improvement");
    await expectText(calc.overallScore, "1/36");
  });

  test("Export CSV downloads every key-question count and result of the scenario", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    const { name, text } = await exportCsv(page, calc);
    assert.equal(name, "torbay-yot-march-2021.csv");
    const [header, ...rows] = parseCsv(text);
    assert.deepEqual(header.slice(0, 6), ["Domain", "Standard id", "Standard", "Rated by", "Key question id", "Key question"]);
    assert.ok(rows.every((r) => r.length === header.length), "every row has every column");
    const col = (name) => {
      const i = header.indexOf(name);
      assert.notEqual(i, -1, `a ${name} column`);
      return i;
    };
    // One row per judgement standard, one per key question of each case standard.
    const expected = [
      ...["1.1", "1.2", "1.3", "1.4"].map((id) => [id, ""]),
      ...CASE_STANDARDS.flatMap((id) => KEY_QUESTIONS[id].map((kq) => [id, kq])),
    ];
    assert.deepEqual(rows.map((r) => [r[col("Standard id")], r[col("Key question id")]]), expected);
    // Every count as typed, and the results as the page shows them.
    for (const row of rows) {
      const id = row[col("Standard id")];
      const kq = row[col("Key question id")];
      if (kq === "") {
        assert.equal(row[col("Rating")], TORBAY.standards[id].judgement, id);
        continue;
      }
      const entry = TORBAY.standards[id];
      assert.equal(row[col("Cases inspected")], String(entry.cases), `${id} cases`);
      assert.equal(row[col("Relevant cases")], String(entry.key_questions[kq].relevant), `${id} ${kq} relevant`);
      assert.equal(row[col("Yes")], String(entry.key_questions[kq].yes), `${id} ${kq} yes`);
      assert.equal(row[col("Rating")], await calc.ratingWords(id), `${id} rating`);
    }
    const row = (id, kq) => rows.find((r) => r[col("Standard id")] === id && r[col("Key question id")] === kq);
    const safety32 = row("3.2", "safety");
    assert.deepEqual(
      [safety32[col("Percentage")], safety32[col("Band")], safety32[col("Drives the rating")], safety32[col("Flags")], safety32[col("Discretion allowed")]],
      ["0.0", "Minority", "yes", "one-case (up); small-sample (up or down)", "Requires improvement"],
    );
    assert.deepEqual([safety32[col("80% interval from")], safety32[col("80% interval to")]], ["0.0", "45.1"]);
    assert.equal(row("3.4", "recommendations")[col("Key question")].includes(", analytical and personalised"), true);
    const scores = rows.filter((r) => r[col("Key question id")] === "" || r[col("Key question id")] === KEY_QUESTIONS[r[col("Standard id")]][0]);
    assert.equal(scores.reduce((sum, r) => sum + Number(r[col("Score")]), 0), 16);
  });

  test("Export CSV waits for the problems listed at the top to be corrected", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.type(calc.casesInput("2.1"), "2");
    await calc.type(calc.countInput("2.1", "desistance", "relevant"), "3");
    await calc.type(calc.countInput("2.1", "desistance", "yes"), "1");
    await expectVisible(calc.errorSummary);
    let downloads = 0;
    page.on("download", () => downloads++);
    await calc.button("export-csv").click();
    await expectContains(calc.notice("notice-error"), "Correct the 1 problem listed at the top before exporting CSV");
    await calc.type(calc.casesInput("2.1"), "3");
    await eventually(async () => assert.equal(await calc.errorSummary.count(), 0));
    const { text } = await exportCsv(page, calc);
    assert.ok(text.includes("\r\nCourt disposals,2.1,Assessment,cases,desistance,"), text.slice(0, 400));
    assert.equal(downloads, 1);
  });

  test("open panels pass axe, in presentation mode too", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    for (const id of CASE_STANDARDS) await calc.byTestId(`confidence-toggle-${id}`).click();
    await expectText(calc.byTestId("confidence-3.4-recommendations-interval"), "80% sure: 11%\u201368%");
    assert.deepEqual(await axeViolations(page), []);
    await calc.button("presentation").click();
    await calc.byTestId("confidence-level-3.1").selectOption("95");
    await expectText(calc.byTestId("confidence-3.4-recommendations-interval"), "95% sure: 6%\u201379%");
    assert.deepEqual(await axeViolations(page), []);
  });
});
