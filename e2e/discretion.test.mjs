// Professional discretion (rule book 1.3, 1.4): on a flagged standard the rating may move
// one band with a written reason; without a reason it stays mechanical and an error shows.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, expectText, expectContains, expectCount, eventually } from "./lib/harness.mjs";

/** Torbay with 3.4 recommendations at 2 of 3 (66.7%, Good): 18/36, Requires improvement. */
async function torbayWith34Good(page, calc) {
  await calc.loadExample();
  const yes = calc.countInput("3.4", "recommendations", "yes");
  await yes.focus();
  await page.keyboard.press("ArrowUp");
  await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Good"));
  await expectText(calc.overallScore, "18/36");
  await expectText(calc.overallRating, /^\W*Requires improvement$/);
}

describe("professional discretion", () => {
  const env = useBrowser();

  test("one band up with a reason changes the rating, the score and the overall rating", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await torbayWith34Good(page, calc);

    // The flags that allow discretion are shown.
    await expectContains(calc.byTestId("flag-3.4-near-boundary"), "1.7 points from the 65% boundary");
    await expectContains(calc.byTestId("flag-3.4-small-sample"), "recommendations has 3 relevant cases");

    // The choices: keep Good, one band up (Outstanding), one band down (Requires improvement).
    const fieldset = calc.discretionFieldset("3.4");
    await expectContains(fieldset, "Keep the mechanical rating: Good");
    await expectContains(fieldset, "One band up: Outstanding");
    await expectContains(fieldset, "One band down: Requires improvement");
    assert.equal(await calc.discretionRadio("3.4", 0).isChecked(), true, "the mechanical rating is kept by default");

    await calc.discretionRadio("3.4", 1).check();
    await calc.type(calc.discretionReason("3.4"), "Panel weighed the strength of joint decision-making.");

    await expectContains(calc.rating("3.4"), "Changed by discretion from Good");
    await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Outstanding"));
    await expectContains(calc.rating("3.4"), "Score 3");
    await expectText(calc.overallScore, "19/36");
    await expectText(calc.overallRating, /^\W*Good$/);
    await expectText(calc.subtotal("3"), "3/12");
    await expectText(calc.live, "Score 19 out of 36: Good.");
    assert.equal(await calc.errorSummary.count(), 0);
    assert.equal(await fieldset.locator(".field-error").count(), 0);

    // One band down instead: Requires improvement, 17/36.
    await calc.discretionRadio("3.4", 2).check();
    await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Requires improvement"));
    await expectContains(calc.rating("3.4"), "Changed by discretion from Good");
    await expectText(calc.overallScore, "17/36");
    await expectText(calc.overallRating, /^\W*Requires improvement$/);

    // Back to the mechanical rating: the mark goes.
    await calc.discretionRadio("3.4", 0).check();
    await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Good"));
    await expectText(calc.overallScore, "18/36");
    await eventually(async () => assert.doesNotMatch(await calc.rating("3.4").innerText(), /Changed by discretion/));
    // The reason typed is kept.
    assert.equal(await calc.discretionReason("3.4").inputValue(), "Panel weighed the strength of joint decision-making.");
  });

  test("discretion on Torbay's 3.4 (Inadequate, small sample) lifts it to Requires improvement", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.loadExample();
    // Inadequate has no band below: only keep or one band up.
    await expectContains(calc.discretionFieldset("3.4"), "One band up: Requires improvement");
    await expectCount(calc.discretionRadio("3.4", 2), 0);
    await expectText(calc.byTestId("discretion-not-offered-3.4"), "One band down is not possible: Inadequate is the lowest rating.");
    await calc.discretionRadio("3.4", 1).check();
    await calc.type(calc.discretionReason("3.4"), "x");
    await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Requires improvement"));
    await expectContains(calc.rating("3.4"), "Changed by discretion from Inadequate");
    await expectText(calc.overallScore, "17/36");
    await expectText(calc.overallRating, /^\W*Requires improvement$/);
  });

  test("without a reason an error shows by the field and in the summary, and the rating stays mechanical", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await torbayWith34Good(page, calc);
    await calc.discretionRadio("3.4", 1).check();

    // Said quietly while the reason could still be typed; an error once its box is left.
    const fieldset = calc.discretionFieldset("3.4");
    await expectText(calc.byTestId("discretion-awaiting-3.4"), "Not applied until a reason is written below.");
    await expectCount(fieldset.locator(".field-error"), 0);
    await expectCount(calc.errorSummary, 0);
    await calc.discretionReason("3.4").focus();
    await page.keyboard.press("Tab");
    await expectText(fieldset.locator(".field-error"), "Error: a reason is required");
    await expectText(calc.errorSummary.locator("li"), "3.4 Joint working, professional discretion: a reason is required");
    await expectContains(calc.errorSummary, "There is a problem");
    // Still mechanical: Good, 18/36.
    await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Good"));
    assert.doesNotMatch(await calc.rating("3.4").innerText(), /Changed by discretion/);
    await expectText(calc.overallScore, "18/36");

    // Only spaces is no reason either.
    await calc.type(calc.discretionReason("3.4"), "   ");
    await page.waitForTimeout(150);
    await expectText(fieldset.locator(".field-error"), "Error: a reason is required");
    await expectText(calc.overallScore, "18/36");
    assert.equal(await calc.discretionReason("3.4").inputValue(), "   ", "the typed text is kept");

    // A reason clears the error and applies the discretion.
    await page.keyboard.type("Strong evidence from the police interviews.");
    await expectCount(fieldset.locator(".field-error"), 0);
    await expectCount(calc.errorSummary, 0);
    await expectText(calc.overallScore, "19/36");
  });

  test("the error summary link for a missing reason moves focus to the discretion field", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await torbayWith34Good(page, calc);
    await calc.discretionRadio("3.4", 1).check();
    await calc.discretionReason("3.4").focus();
    await page.keyboard.press("Tab"); // left blank
    const link = calc.errorSummary.getByRole("link", { name: /professional discretion/ });
    await link.click();
    // Focus lands inside the discretion fieldset (its reason box or one of its radios).
    await eventually(async () =>
      assert.equal(
        await page.evaluate(() => !!document.activeElement?.closest("#f-standards-3-4-discretion")),
        true,
        `focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`,
      ),
    );
  });

  test("discretion is offered only the way a flag points, and the page says why", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    // 62 of 100 is Too few, 3 points below the 65% boundary: the flag points up only.
    await calc.type(calc.casesInput("2.1"), "100");
    for (const [kq, relevant, yes] of [["desistance", "100", "62"], ["safety", "0", "0"], ["others", "0", "0"]]) {
      await calc.type(calc.countInput("2.1", kq, "relevant"), relevant);
      await calc.type(calc.countInput("2.1", kq, "yes"), yes);
    }
    await eventually(async () => assert.equal(await calc.ratingWords("2.1"), "Requires improvement"));
    const fieldset = calc.discretionFieldset("2.1");
    await expectContains(fieldset, "One band up: Good");
    assert.deepEqual(await fieldset.locator(".radio label").allInnerTexts(), [
      "Keep the mechanical rating: Requires improvement",
      "One band up: Good",
    ]);
    await expectCount(calc.discretionRadio("2.1", 2), 0);
    await expectText(
      calc.byTestId("discretion-not-offered-2.1"),
      "One band down (Inadequate) is not offered: discretion goes only where a flag points, and no flag here points down.",
    );
    await expectContains(calc.byTestId("flag-2.1-near-boundary"), "it could justify one band up");
  });

  test("a standard without a flag offers no discretion", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    // 20 of 20 on every key question: 100%, far from any boundary, not a small sample,
    // and one case cannot change it.
    await calc.type(calc.casesInput("2.1"), "20");
    for (const kq of ["desistance", "safety", "others"]) {
      await calc.type(calc.countInput("2.1", kq, "relevant"), "20");
      await calc.type(calc.countInput("2.1", kq, "yes"), "20");
    }
    await eventually(async () => assert.equal(await calc.ratingWords("2.1"), "Outstanding"));
    await expectText(calc.overallScore, "3/36");
    const standard = calc.byTestId("standard-2.1");
    assert.equal(await standard.locator(".flags").count(), 0, "no flags");
    assert.equal(await standard.locator("fieldset.discretion").count(), 0, "no discretion form");
    assert.equal(await calc.discretionRadio("2.1", 0).count(), 0);
    assert.equal(await calc.discretionReason("2.1").count(), 0);

    // Make one key question rest on 4 relevant cases: a small sample, so the flag and
    // the form appear.
    await calc.type(calc.countInput("2.1", "others", "relevant"), "4");
    await calc.type(calc.countInput("2.1", "others", "yes"), "4");
    await expectContains(calc.byTestId("flag-2.1-small-sample"), "others has 4 relevant cases");
    await expectCount(calc.discretionRadio("2.1", 1), 1);
    await expectContains(calc.discretionFieldset("2.1"), "One band down: Good");
  });

  test("a reason still missing when exporting is reported then, beside the field and at the top", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await torbayWith34Good(page, calc);
    await calc.discretionRadio("3.4", 1).check();
    await expectCount(calc.errorSummary, 0);
    await calc.button("export").click();
    await expectContains(calc.notice("notice-error"), "Correct the 1 problem listed at the top before exporting");
    await expectText(calc.discretionFieldset("3.4").locator(".field-error"), "Error: a reason is required");
    await expectText(calc.errorSummary.locator("li"), "3.4 Joint working, professional discretion: a reason is required");
  });
});
