// Planning a sample and placing a score (issue 14) in the built page: the planner's figures
// and working typed with the keyboard, "Record these cases" opening grids with that many
// rows, the JS API's plan and margins, and the strip of published scores (its sentence,
// its marker, shown in print and presentation mode, hidden under an imported framework),
// with axe-core finding nothing on either.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, expectText, eventually } from "./lib/harness.mjs";
import { axeViolations } from "./lib/axe.mjs";

describe("sample planner", () => {
  const env = useBrowser();

  test("typed counts give both samples and the working; bad text is reported beside the field", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await page.locator(".planner > summary").click();
    await calc.type(calc.byTestId("plan-court"), "100");
    await calc.type(calc.byTestId("plan-out-of-court"), "50");
    await expectText(calc.byTestId("plan-result"), "Domain two: 63 court disposals. Domain three: 42 out-of-court disposals. 105 cases in all.");
    assert.equal(await calc.byTestId("plan-steps").locator("li").count(), 6);
    await calc.type(calc.byTestId("plan-court"), "-3");
    await expectText(calc.byTestId("plan-court-error"), "Enter a number that is 0 or more");
    await expectText(calc.byTestId("plan-result"), "");
    assert.equal(await calc.byTestId("plan-steps").count(), 0);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("Record these cases opens a scenario whose grids have that many rows", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await page.locator(".planner > summary").click();
    await calc.type(calc.byTestId("plan-court"), "4");
    await calc.type(calc.byTestId("plan-out-of-court"), "9");
    await expectText(calc.byTestId("plan-result"), "Domain two: 4 court disposals. Domain three: 3 out-of-court disposals. 7 cases in all.");
    await calc.byTestId("plan-record").click();
    await eventually(async () => assert.equal(await calc.currentScenarioName(), "Sample plan: 4 court, 3 out-of-court"));
    assert.equal(await calc.byTestId("grid-2").locator("tbody tr").count(), 4);
    assert.equal(await calc.byTestId("grid-3").locator("tbody tr").count(), 3);
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "case-label-2-0"));
    // Kept like any other scenario: it is there after a reload.
    await page.reload();
    await page.waitForSelector("[data-testid=grid-2]");
    assert.equal(await calc.byTestId("grid-2").locator("tbody tr").count(), 4);
  });

  test("the page's JS API plans and gives margins, refusing what is not a count", { timeout: 60_000 }, async (t) => {
    const { page } = await env.open(t);
    const plan = await page.evaluate(() => window.yjRating.plan(100, 50));
    assert.equal(plan.court.sample, 63);
    assert.equal(plan.out_of_court.sample, 42);
    assert.equal(plan.total_sample, 105);
    const margins = await page.evaluate(() => window.yjRating.margins(4, undefined));
    assert.equal(margins.sample, 4);
    assert.ok(Math.abs(margins.margin_80 - 32.04) < 0.01, `${margins.margin_80}`);
    const refused = await page.evaluate(() => {
      try {
        window.yjRating.plan(-1, 2);
        return null;
      } catch (e) {
        return e.message;
      }
    });
    assert.match(refused, /^court: must be a whole number/);
  });
});

describe("where a score sits", () => {
  const env = useBrowser();

  test("Torbay's 16/36 among the published inspections, in print and presentation mode", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    const sentence = calc.byTestId("placement-sentence");
    await expectText(sentence, "16/36: 18 of 81 published inspections scored lower, 3 the same and 60 higher.");
    const strip = calc.byTestId("placement-strip");
    assert.equal(await strip.getAttribute("data-lowest"), "16");
    assert.equal(await strip.locator("circle").count(), 81);
    assert.equal(await strip.locator("circle.noted").count(), 2);
    assert.deepEqual(await axeViolations(page), []);
    await page.emulateMedia({ media: "print" });
    assert.equal(await strip.isVisible(), true, "the strip is printed");
    assert.equal(await sentence.isVisible(), true);
    assert.equal(await page.locator(".placement-source").isVisible(), true, "the source is cited in print");
    await page.emulateMedia({ media: "screen" });
    await calc.button("presentation").click();
    assert.equal(await strip.isVisible(), true, "the strip is shown in presentation mode");
  });

  test("a partial scenario shows the range it can reach; an edit moves it", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    const strip = calc.byTestId("placement-strip");
    assert.equal(await strip.getAttribute("data-highest"), "36");
    await calc.judgement("1.1").selectOption({ label: "Inadequate" });
    await eventually(async () => assert.equal(await strip.getAttribute("data-highest"), "33"));
    await expectText(calc.byTestId("placement-sentence"), /^Still between 0\/36 and 33\/36: from 0 to \d+ of 81/);
  });
});
