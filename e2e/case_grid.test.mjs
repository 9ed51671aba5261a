// Case-by-case entry (issue 5): a peer reviewer records 18 cases by keyboard alone,
// pastes a block from a spreadsheet, switches between totals and cases, and keeps it all
// through a reload and an export.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useBrowser, ROOT, expectText, expectContains, expectValue, eventually } from "./lib/harness.mjs";

/** The peer review example: 10 court cases (domain 2) and 8 out-of-court cases (domain 3). */
const PEER_REVIEW = JSON.parse(readFileSync(join(ROOT, "examples", "peer-review-cases.json"), "utf8"));

/** The grid's columns for a domain, in page order (every case standard entered by case). */
const COLUMNS = {
  2: ["2.1", "2.2", "2.3", "2.4"].flatMap((s) => ["desistance", "safety", "others"].map((kq) => [s, kq])),
  3: [
    ...["3.1", "3.2", "3.3"].flatMap((s) => ["desistance", "safety", "others"].map((kq) => [s, kq])),
    ["3.4", "recommendations"],
    ["3.4", "police"],
  ],
};

const KEY = { yes: "y", no: "n", "not-relevant": "-" };
const SHOWN = { yes: "Y", no: "N", "not-relevant": "–" };

/** Each case of a domain as the keys a reviewer types, row by row. */
function keystrokes(domain) {
  return PEER_REVIEW.case_samples[domain].cases.map((c) => COLUMNS[domain].map(([s, kq]) => KEY[c.answers[s][kq]]));
}

function cell(calc, domain, row, [standard, kq]) {
  return calc.byTestId(`cell-${domain}-${row}-${standard}-${kq}`);
}

async function focusedTestId(page) {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
}

/** Sends a paste of `text` to a cell, as the browser does for Ctrl+V from a spreadsheet. */
async function paste(locator, text) {
  await locator.focus();
  await locator.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

// The peer review's ratings as the engine computes them from its 18 cases
// (`yj-rating score examples/peer-review-cases.json`).
const EXPECTED = {
  "2.1": "Good",
  "2.2": "Inadequate",
  "2.3": "Outstanding",
  "2.4": "Good",
  "3.1": "Inadequate",
  "3.2": "Good",
  "3.3": "Inadequate",
  "3.4": "Good",
};

describe("case-by-case entry", () => {
  const env = useBrowser();

  test("a peer reviewer enters 18 cases by keyboard alone and reads the ratings", { timeout: 180_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    const keyboard = page.keyboard;
    for (const domain of ["2", "3"]) {
      await calc.byTestId(`enter-by-case-${domain}`).click();
      // The grid opens with one case, its first cell ready for typing.
      await eventually(async () => assert.equal(await focusedTestId(page), `cell-${domain}-0-${COLUMNS[domain][0].join("-")}`));
      const rows = keystrokes(domain);
      for (const [r, keys] of rows.entries()) {
        for (const key of keys) await keyboard.press(key);
        // Past the last cell of the last case, "Add a case" has focus: Enter adds the next.
        assert.equal(await focusedTestId(page), `add-case-${domain}`, `after case ${r + 1} of domain ${domain}`);
        if (r < rows.length - 1) await keyboard.press("Enter");
      }
      await expectText(calc.byTestId(`cases-${COLUMNS[domain][0][0]}`), `Cases inspected: ${rows.length} (from the case grid)`);
    }
    for (const [id, rating] of Object.entries(EXPECTED)) {
      await eventually(async () => assert.equal(await calc.ratingWords(id), rating, `rating of ${id}`));
    }
    await expectText(calc.overallScore, "11/36");
    // What was typed is what the example holds, cell by cell.
    const first = PEER_REVIEW.case_samples["3"].cases[7];
    for (const column of COLUMNS["3"]) {
      await expectValue(cell(calc, "3", 7, column), SHOWN[first.answers[column[0]][column[1]]]);
    }
    // Screen readers hear the case, the key question and the answer.
    assert.match(await cell(calc, "2", 0, ["2.1", "safety"]).getAttribute("aria-label"), /^Case 1, 2\.1 safety: (Yes|No|Not relevant)$/);

    // Everything survives a reload, and the export carries the grid (scenario file version 2).
    await page.reload();
    await expectText(calc.overallScore, "11/36");
    const [download] = await Promise.all([page.waitForEvent("download"), calc.button("export").click()]);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(exported.version, 2);
    assert.deepEqual(exported.standards["2.1"], { by_case: true });
    const answers = (s) => s.cases.map((c) => c.answers);
    assert.deepEqual(answers(exported.case_samples["2"]), answers(PEER_REVIEW.case_samples["2"]));
    assert.deepEqual(answers(exported.case_samples["3"]), answers(PEER_REVIEW.case_samples["3"]));
  });

  test("arrow keys move between cells, Delete clears one", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.byTestId("enter-by-case-3").click();
    await calc.byTestId("add-case-3").click();
    const start = cell(calc, "3", 0, ["3.1", "desistance"]);
    await start.focus();
    await page.keyboard.press("ArrowDown");
    assert.equal(await focusedTestId(page), "cell-3-1-3.1-desistance");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("y");
    await expectValue(cell(calc, "3", 1, ["3.1", "safety"]), "Y");
    assert.equal(await focusedTestId(page), "cell-3-1-3.1-others", "typing an answer moves on");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Delete");
    await expectValue(cell(calc, "3", 1, ["3.1", "safety"]), "");
    await page.keyboard.press("q"); // not an answer: nothing changes
    await expectValue(cell(calc, "3", 1, ["3.1", "safety"]), "");
    await page.keyboard.press("ArrowUp");
    assert.equal(await focusedTestId(page), "cell-3-0-3.1-safety");
  });

  test("a block pasted from a spreadsheet fills the grid, adding cases, and names cells it cannot read", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.byTestId("entry-cases-2.1").check();
    await paste(cell(calc, "2", 0, ["2.1", "desistance"]), "Yes\tyes\tN/A\r\ny\tn\ty\r\nn\tmaybe\t-\r\nyes\tno\tno\r\n");
    await expectText(calc.byTestId("cases-2.1"), "Cases inspected: 4 (from the case grid)");
    await expectContains(calc.byTestId("grid-problems-2"), 'Row 3, 2.1 safety: "maybe" is not an answer');
    // Row 3's safety is still unanswered, so safety is not yet entered: 3 of 4 answered.
    await expectContains(calc.byTestId("grid-2"), "3 of 4 answered");
    await cell(calc, "2", 2, ["2.1", "safety"]).focus();
    await page.keyboard.press("-");
    // desistance 3 of 4 = 75%, safety 1 of 3 = 33.3%, others 1 of 2 = 50%: the lowest drives it.
    await expectText(calc.byTestId("kq-2.1-safety").locator("td.percentage .figure"), "33.3%");
    await eventually(async () => assert.equal(await calc.ratingWords("2.1"), "Inadequate"));
    await expectContains(calc.byTestId("grid-2"), "1 Yes of 3 relevant");
  });

  test("switching to totals keeps the grid's totals; switching back asks before discarding typed totals", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.byTestId("entry-cases-2.2").check();
    // desistance 2 of 3, safety 2 of 3 (66.7%), others 1 of 1: Good.
    await paste(cell(calc, "2", 0, ["2.2", "desistance"]), "y\ty\t-\ny\tn\t-\nn\ty\ty");
    await eventually(async () => assert.equal(await calc.ratingWords("2.2"), "Good"));
    await calc.byTestId("entry-totals-2.2").check();
    await expectValue(calc.casesInput("2.2"), "3");
    await expectValue(calc.countInput("2.2", "desistance", "yes"), "2");
    await expectValue(calc.countInput("2.2", "others", "relevant"), "1");
    await eventually(async () => assert.equal(await calc.ratingWords("2.2"), "Good"));
    await calc.type(calc.casesInput("2.2"), "9");
    // Back to case by case: the typed totals would be lost, so it asks first.
    await calc.byTestId("entry-cases-2.2").check();
    await expectContains(calc.byTestId("confirm-by-case-2.2"), "discards the totals typed for it");
    await calc.byTestId("confirm-by-case-2.2").getByRole("button", { name: "Keep the totals" }).click();
    await expectValue(calc.casesInput("2.2"), "9");
    await calc.byTestId("entry-cases-2.2").check();
    await calc.byTestId("confirm-by-case-yes-2.2").click();
    await expectText(calc.byTestId("cases-2.2"), "Cases inspected: 3 (from the case grid)");
    await eventually(async () => assert.equal(await calc.ratingWords("2.2"), "Good"));
  });

  test("the peer review example file imports and scores as the engine does", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.byTestId("import-file").setInputFiles({
      name: "peer-review-cases.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(PEER_REVIEW)),
    });
    await expectText(calc.overallScore, "11/36");
    const scored = await page.evaluate((s) => window.yjRating.score(s), PEER_REVIEW);
    assert.equal(scored.total, 11);
    for (const [id, rating] of Object.entries(EXPECTED)) {
      assert.equal(await calc.ratingWords(id), rating, `rating of ${id}`);
    }
    await expectValue(calc.byTestId("case-label-2-0"), "C1");
    await expectValue(calc.byTestId("case-note-2-0"), "Referral order");
  });
});
