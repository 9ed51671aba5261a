// Explain mode and what-if branches, end to end in Chromium: the Torbay example's 3.4
// explained step by step; a branch whose counts move a rating, compared with its
// original; discard; and a kept branch surviving a reload.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { axeViolations } from "./lib/axe.mjs";
import { useBrowser, expectText, expectContains, eventually, RESULTS } from "./lib/harness.mjs";

/** axe-core's WCAG A/AA violations on the page as it stands (ids and first targets). */
async function violations(page) {
  return (await axeViolations(page)).map((v) => ({ id: v.id, nodes: v.nodes }));
}

describe("explain mode and what-if comparison", () => {
  const env = useBrowser();

  test("explain 3.4 of the Torbay example: steps cite the rules and name its lowest key question", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    const button = calc.byTestId("explain-3.4");
    await button.focus();
    await page.keyboard.press("Enter");
    const panel = calc.byTestId("explain-panel-3.4");
    await eventually(async () => assert.equal(await panel.count(), 1));
    // Focus moves into the panel.
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "explain-heading-3.4"),
    );
    const steps = calc.byTestId("explain-steps-3.4").locator("li");
    await eventually(async () => assert.equal(await steps.count(), 9));
    const texts = (await steps.allInnerTexts()).map((s) => s.replace(/\s+/g, " ").trim());
    assert.deepEqual(
      texts.map((s) => s.match(/^Rule (\S+)/)?.[1]),
      ["1.1", "1.1", "1.2", "1.3", "1.3", "1.4", "1.4", "1.5", "1.5"],
    );
    assert.match(texts[0], /recommendations.*1 of 3 relevant cases answered Yes, 33\.3%.*Minority/);
    assert.match(texts[2], /lowest band among the key questions is Minority, on recommendations \(33\.3%\).*mechanical rating is Inadequate/);
    assert.match(texts[3], /one more Yes on recommendations \(1 of 3 becoming 2 of 3\) would make it Good/);
    // Which ways discretion may go, and why.
    assert.match(texts[5], /Discretion goes only where a flag points: it may go one band up, to Requires improvement .*it may not go down: Inadequate is the lowest rating/);
    assert.match(texts[8], /16 out of 36, in the band 7 to 18: Requires improvement/);
    // Readable on a projector: large type.
    const size = await panel.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 20, `explain panel font size ${size}px`);
    // Escape closes it and focus returns to the button.
    await page.keyboard.press("Escape");
    await eventually(async () => assert.equal(await panel.count(), 0));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "explain-3.4");
  });

  test("branch, change counts so a rating moves, compare, discard", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.loadExample();
    await calc.button("branch").click();
    await eventually(async () => assert.equal(await calc.currentScenarioName(), "What-if: Torbay YOT, March 2021"));
    await expectText(calc.byTestId("compare-summary"), "No differences from the original yet.");

    // 3.4 recommendations 1 of 3 -> 3 of 3: 3.4 Inadequate -> Outstanding, 16 -> 19, Good.
    await calc.type(calc.countInput("3.4", "recommendations", "yes"), "3");
    await expectText(calc.overallScore, "19/36");
    await expectText(calc.byTestId("compare-changed-3.4"), "Changed");
    await expectContains(calc.byTestId("compare-original-3.4"), "Inadequate");
    await expectContains(calc.byTestId("compare-branch-3.4"), "Outstanding (changed)");
    await expectContains(calc.byTestId("compare-branch-3.4"), "Score 3 (changed)");
    await expectContains(calc.byTestId("compare-total"), "16/36");
    await expectContains(calc.byTestId("compare-total"), "19/36 (changed)");
    await expectContains(calc.byTestId("compare-overall"), "Requires improvement");
    await expectContains(calc.byTestId("compare-overall"), "Good (changed)");
    await expectText(calc.byTestId("compare-changed-3.3"), "Same");
    await expectContains(calc.byTestId("compare-summary"), "3.4 Joint working: rating Inadequate, now Outstanding");
    await expectContains(calc.byTestId("compare-summary"), "Overall rating: Requires improvement, now Good");

    // Accessible with the comparison and an explanation showing, in presentation mode.
    await calc.button("presentation").click();
    await calc.button("explain-3.4").click();
    await eventually(async () => assert.equal(await calc.byTestId("explain-panel-3.4").count(), 1));
    assert.deepEqual(await violations(calc.page), [], "axe violations with the comparison and an explanation open");
    mkdirSync(join(RESULTS, "screenshots"), { recursive: true });
    await calc.byTestId("compare").screenshot({ path: join(RESULTS, "screenshots", "what-if-comparison.png") });
    await calc.byTestId("standard-3.4").screenshot({ path: join(RESULTS, "screenshots", "explain-3.4-presentation.png") });

    await calc.button("discard-branch").click();
    await eventually(async () => assert.equal(await calc.byTestId("compare").count(), 0));
    await eventually(async () => assert.equal(await calc.currentScenarioName(), "Torbay YOT, March 2021"));
    await expectText(calc.overallScore, "16/36");
    assert.equal(await calc.countInput("3.4", "recommendations", "yes").inputValue(), "1");
    assert.ok(!(await calc.scenarioNames()).some((n) => n.startsWith("What-if")), "the branch is gone");
  });

  test("a reload keeps a kept branch, and an unkept branch still compares after a reload", { timeout: 60_000 }, async (t) => {
    const { page, session, calc } = await env.open(t);
    await calc.loadExample();
    await calc.button("branch").click();
    await calc.type(calc.countInput("3.1", "safety", "yes"), "3");
    await expectText(calc.byTestId("compare-changed-3.1"), "Changed");

    // Still a branch after a reload: the link is stored.
    let after = await session.goto(page);
    await eventually(async () => assert.equal(await after.currentScenarioName(), "What-if: Torbay YOT, March 2021"));
    await expectText(after.byTestId("compare-changed-3.1"), "Changed");

    await after.button("keep-branch").click();
    await eventually(async () => assert.equal(await after.byTestId("compare").count(), 0));
    after = await session.goto(page);
    await eventually(async () =>
      assert.deepEqual(await after.scenarioNames(), ["Scenario 1", "Torbay YOT, March 2021", "What-if: Torbay YOT, March 2021"]),
    );
    assert.equal(await after.currentScenarioName(), "What-if: Torbay YOT, March 2021");
    assert.equal(await after.countInput("3.1", "safety", "yes").inputValue(), "3");
    assert.equal(await after.byTestId("compare").count(), 0, "a kept branch is an ordinary scenario");
  });
});
