// Counts that break the rule book's validity rule (section 1: 0 <= yes <= relevant <=
// cases inspected, whole numbers): a message by the field, an entry in the error summary
// that leads to it, the rest of the page still working, the typed text never touched.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, expectText, expectValue, expectCount, eventually } from "./lib/harness.mjs";

// [what, field path, text typed, message by the field, entry in the summary]
const PROBLEMS = [
  ["yes above relevant", "standards.2.1.key_questions.desistance.yes", "5", "5 is more than relevant (3)", "2.1 Assessment, desistance: Yes answers: 5 is more than relevant (3)"],
  ["relevant above cases inspected", "standards.2.2.key_questions.desistance.relevant", "3", "3 is more than the cases inspected (2)", "2.2 Planning, desistance: relevant cases: 3 is more than the cases inspected (2)"],
  ["a negative number", "standards.2.3.cases", "-1", "Enter a number that is 0 or more", "2.3 Implementation and delivery, cases inspected: Enter a number that is 0 or more"],
  ["a non-number", "standards.2.4.key_questions.safety.yes", "abc", "Enter a whole number, like 4", "2.4 Reviewing, safety: Yes answers: Enter a whole number, like 4"],
];

async function enterProblems(calc) {
  await calc.type(calc.casesInput("2.1"), "4");
  await calc.type(calc.countInput("2.1", "desistance", "relevant"), "3");
  await calc.type(calc.countInput("2.1", "desistance", "yes"), "5");
  await calc.type(calc.casesInput("2.2"), "2");
  await calc.type(calc.countInput("2.2", "desistance", "relevant"), "3");
  await calc.type(calc.countInput("2.2", "desistance", "yes"), "1");
  await calc.type(calc.casesInput("2.3"), "-1");
  await calc.type(calc.casesInput("2.4"), "4");
  await calc.type(calc.countInput("2.4", "safety", "relevant"), "4");
  await calc.type(calc.countInput("2.4", "safety", "yes"), "abc");
}

describe("invalid counts", () => {
  const env = useBrowser();

  test("each problem shows by its field and in the error summary; nothing typed is changed", { timeout: 90_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.judgement("1.1").selectOption({ label: "Good" });
    await enterProblems(calc);

    await expectText(calc.errorSummary.locator("h2"), "There is a problem");
    const links = calc.errorSummary.locator("li a");
    await eventually(async () => assert.deepEqual(await links.allInnerTexts(), PROBLEMS.map((p) => p[4])));

    for (const [what, path, typed, message] of PROBLEMS) {
      const field = calc.byTestId(path);
      await expectValue(field, typed);
      await expectText(calc.fieldError(field), `Error: ${message}`);
      assert.equal(await field.getAttribute("aria-invalid"), "true", `${what}: aria-invalid`);
      const errorId = await calc.fieldError(field).getAttribute("id");
      assert.ok(errorId, `${what}: the message has an id`);
      assert.ok((await field.getAttribute("aria-describedby"))?.split(" ").includes(errorId), `${what}: the field is described by its message`);
    }
    // Fields without a problem carry no message.
    const fine = calc.countInput("2.1", "desistance", "relevant");
    assert.equal(await fine.getAttribute("aria-invalid"), null);
    assert.equal(await calc.fieldError(fine).count(), 0);

    // The standards with problems are not rated; the rest of the page still scores.
    await expectText(calc.rating("2.1"), "Not rated: check the counts");
    await expectText(calc.rating("2.2"), "Not rated: check the counts");
    await expectText(calc.overallScore, "2/36");
    await calc.type(calc.casesInput("3.1"), "10");
    for (const kq of ["desistance", "safety", "others"]) {
      await calc.type(calc.countInput("3.1", kq, "relevant"), "10");
      await calc.type(calc.countInput("3.1", kq, "yes"), "7");
    }
    await eventually(async () => assert.equal(await calc.ratingWords("3.1"), "Good"));
    await expectText(calc.overallScore, "4/36");
    await expectText(calc.overallRating, "2 of 12 standards rated: overall between Inadequate and Outstanding");

    // Every typed text is still there, untouched by the other edits.
    for (const [, path, typed] of PROBLEMS) await expectValue(calc.byTestId(path), typed);

    // Stepping a non-number leaves it alone rather than replacing it.
    const abc = calc.byTestId(PROBLEMS[3][1]);
    await abc.focus();
    await page.keyboard.press("ArrowUp");
    await page.waitForTimeout(100);
    await expectValue(abc, "abc");

    // Correcting one problem removes just its message and entry; its standard scores.
    await calc.type(calc.countInput("2.1", "desistance", "yes"), "3");
    await expectCount(links, 3);
    await expectCount(calc.fieldError(calc.countInput("2.1", "desistance", "yes")), 0);
    assert.equal(await calc.countInput("2.1", "desistance", "yes").getAttribute("aria-invalid"), null);
    await expectText(calc.rating("2.1"), /Incomplete/);
  });

  test("each link in the error summary moves focus to its field", { timeout: 90_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await enterProblems(calc);
    const links = calc.errorSummary.locator("li a");
    await expectCount(links, PROBLEMS.length);
    for (const [what, path] of PROBLEMS) {
      const link = links.filter({ hasText: PROBLEMS.find((p) => p[1] === path)[4] });
      await link.click();
      await eventually(async () =>
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), path, `${what}: focus on the field`),
      );
      // Typing goes into the field that has the focus.
      await page.keyboard.press("End");
      await page.keyboard.type("0");
      const value = await calc.byTestId(path).inputValue();
      assert.ok(value.endsWith("0"), `${what}: typed into the focused field (${value})`);
      await page.keyboard.press("Backspace");
    }
    // Keyboard: Enter on a link does the same.
    await links.first().focus();
    await page.keyboard.press("Enter");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), PROBLEMS[0][1]));
  });
});
