// Nothing typed is lost or mangled (issue 11): a key question typed halfway is named
// before a file or link would drop it; relevant cases above the cases inspected are
// reported as soon as they are typed; a grid case's "Case N" is a placeholder, not text
// one types after; a scenario never renamed travels under its name.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowser, waitForApp, expectVisible, expectText, expectValue, eventually } from "./lib/harness.mjs";
import { Calculator } from "./lib/calculator.mjs";

describe("nothing typed lost or mangled", () => {
  const env = useBrowser();
  const clipboard = { permissions: ["clipboard-read", "clipboard-write"] };

  test("a key question typed halfway is named, and neither exported nor shared without it", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t, { context: clipboard });
    await calc.type(calc.casesInput("2.1"), "4");
    await calc.type(calc.countInput("2.1", "desistance", "relevant"), "4");
    await calc.type(calc.countInput("2.1", "desistance", "yes"), "3");
    await calc.type(calc.countInput("2.1", "safety", "relevant"), "2");
    let downloads = 0;
    page.on("download", () => downloads++);
    await calc.button("export").click();
    const notice = calc.notice("notice-error", "Fill in or clear 2.1 Assessment, safety: Yes answers before exporting");
    await expectVisible(notice);
    await calc.button("share").click();
    await expectVisible(calc.notice("notice-error", "Fill in or clear 2.1 Assessment, safety: Yes answers before sharing"));
    assert.equal(downloads, 0, "nothing was downloaded");

    // Once the other half is typed, the export holds the key question.
    await calc.type(calc.countInput("2.1", "safety", "yes"), "1");
    const [download] = await Promise.all([page.waitForEvent("download"), calc.button("export").click()]);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.deepEqual(exported.standards["2.1"].key_questions.safety, { relevant: 2, yes: 1 });
  });

  test("relevant cases above the cases inspected are reported before Yes is typed", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.type(calc.casesInput("2.2"), "4");
    const relevant = calc.countInput("2.2", "others", "relevant");
    await calc.type(relevant, "5");
    await expectText(calc.fieldError(relevant), /5 is more than the cases inspected \(4\)/);
    await expectVisible(calc.errorSummary);
  });

  test("a new grid case's reference is blank, with Case N as its placeholder", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.byTestId("enter-by-case-3").click();
    await calc.byTestId("add-case-3").click();
    const reference = calc.byTestId("case-label-3-0");
    await expectValue(reference, "");
    assert.equal(await reference.getAttribute("placeholder"), "Case 1");
    await reference.click();
    await page.keyboard.type("YJ-0412");
    await expectValue(reference, "YJ-0412");
  });

  test("a scenario never renamed is shared under its name", { timeout: 60_000 }, async (t) => {
    const { session, page, calc } = await env.open(t, { context: clipboard });
    assert.equal(await calc.currentScenarioName(), "Scenario 1");
    await calc.judgement("1.1").selectOption({ label: "Good" });
    await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));
    await calc.button("share").click();
    await expectVisible(calc.notice("notice-info", "Share link copied"));
    const link = await page.evaluate(() => navigator.clipboard.readText());

    const other = await session.newPage();
    await other.goto(link);
    await waitForApp(other);
    const calc2 = new Calculator(other);
    await eventually(async () => assert.equal(await calc2.currentScenarioName(), "Scenario 1 (shared)"));
  });
});
