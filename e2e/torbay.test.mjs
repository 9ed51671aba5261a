// The rule book's worked example (section 2): Torbay, March 2021, 16/36, Requires improvement.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, TORBAY, expectText, expectContains, expectValue, eventually } from "./lib/harness.mjs";
import { CASE_STANDARDS } from "./lib/calculator.mjs";

// Each standard's published rating, and its score.
const EXPECTED = {
  "1.1": ["Inadequate", 0],
  "1.2": ["Requires improvement", 1],
  "1.3": ["Good", 2],
  "1.4": ["Requires improvement", 1],
  "2.1": ["Outstanding", 3],
  "2.2": ["Outstanding", 3],
  "2.3": ["Outstanding", 3],
  "2.4": ["Outstanding", 3],
  "3.1": ["Inadequate", 0],
  "3.2": ["Inadequate", 0],
  "3.3": ["Inadequate", 0],
  "3.4": ["Inadequate", 0],
};

async function expectTorbay(calc) {
  await expectText(calc.overallScore, "16/36");
  await expectText(calc.overallRating, /^\W*Requires improvement$/);
  for (const [id, [rating, score]] of Object.entries(EXPECTED)) {
    await eventually(async () => assert.equal(await calc.ratingWords(id), rating, `rating of ${id}`));
    await expectContains(calc.rating(id), `Score ${score}`);
    assert.doesNotMatch(await calc.rating(id).innerText(), /Changed by discretion/, `${id} is not changed by discretion`);
  }
  await expectText(calc.subtotal("1"), "4/12");
  await expectText(calc.subtotal("2"), "12/12");
  await expectText(calc.subtotal("3"), "0/12");
  await expectText(calc.live, "Score 16 out of 36: Requires improvement.");
}

describe("Torbay 2021 worked example", () => {
  const env = useBrowser();

  test("typed in field by field, it scores 16/36, Requires improvement", { timeout: 120_000 }, async (t) => {
    const { calc } = await env.open(t);
    // A blank scenario to start with: nothing rated.
    await expectText(calc.overallScore, "0/36");
    await expectText(calc.overallRating, "0 of 12 standards rated: overall between Inadequate and Outstanding");
    await expectText(calc.live, "Score so far 0 out of 36, 0 of 12 standards rated: overall between Inadequate and Outstanding.");

    await calc.enterScenario(TORBAY);

    // What was typed is what the fields show.
    for (const id of CASE_STANDARDS) {
      const entry = TORBAY.standards[id];
      await expectValue(calc.casesInput(id), String(entry.cases));
      for (const [kq, answers] of Object.entries(entry.key_questions)) {
        await expectValue(calc.countInput(id, kq, "relevant"), String(answers.relevant));
        await expectValue(calc.countInput(id, kq, "yes"), String(answers.yes));
      }
    }
    await expectTorbay(calc);
    await expectText(calc.byTestId("framework"), /youth-2018|2018/);
    assert.equal(await calc.errorSummary.count(), 0, "no error summary for a valid scenario");
  });

  test("the Load Torbay 2021 example button gives the same result", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.button("load-example").click();
    await expectTorbay(calc);
    assert.equal(await calc.currentScenarioName(), "Torbay YOT, March 2021");
    assert.equal(await calc.judgement("1.1").inputValue(), "Inadequate");
    await expectValue(calc.countInput("3.4", "recommendations", "yes"), "1");
    await expectValue(calc.countInput("3.2", "safety", "relevant"), "2");
  });

  test("arrow keys step a count and the result and live region follow", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    await expectText(calc.live, "Score 16 out of 36: Requires improvement.");
    const yes = calc.countInput("3.4", "recommendations", "yes");
    await yes.focus();

    // 2 of 3 (66.7%): Good, 18/36.
    await page.keyboard.press("ArrowUp");
    await expectValue(yes, "2");
    await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Good"));
    await expectText(calc.overallScore, "18/36");
    await expectText(calc.live, "Score 18 out of 36: Requires improvement.");

    // 3 of 3: Outstanding, 19/36, and the overall rating becomes Good.
    await page.keyboard.press("ArrowUp");
    await expectValue(yes, "3");
    await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Outstanding"));
    await expectText(calc.overallScore, "19/36");
    await expectText(calc.overallRating, /^\W*Good$/);
    await expectText(calc.live, "Score 19 out of 36: Good.");
    await expectText(calc.subtotal("3"), "3/12");

    // Back down twice: the published result again.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expectValue(yes, "1");
    await expectTorbay(calc);

    // Stepping never goes below zero.
    const none = calc.countInput("3.3", "desistance", "yes");
    await none.focus();
    await page.keyboard.press("ArrowDown");
    await expectValue(none, "0");
    await expectText(calc.overallScore, "16/36");
    // Focus stays on the field being stepped.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "standards.3.3.key_questions.desistance.yes");
  });

  test("the − and + buttons step a count too", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.loadExample();
    const yes = calc.countInput("3.4", "recommendations", "yes");
    const row = yes.locator("xpath=..");
    await row.locator("button.step").last().click();
    await expectValue(yes, "2");
    await expectText(calc.overallScore, "18/36");
    await row.locator("button.step").first().click();
    await row.locator("button.step").first().click();
    await expectValue(yes, "0");
    await expectText(calc.overallScore, "16/36");
  });
});
