// Frameworks as files (rule book sections 3 and 5): the refreshed youth framework with
// its resettlement standard, and a user's own framework imported, scored, kept across a
// reload, exported inside a scenario file and brought back by importing that file.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useBrowser, waitForApp, ROOT, TORBAY, expectText, expectContains, expectVisible, eventually } from "./lib/harness.mjs";
import { Calculator } from "./lib/calculator.mjs";

const THEME_PATH = join(ROOT, "examples", "frameworks", "theme-inspection.json");
const THEME = JSON.parse(readFileSync(THEME_PATH, "utf8"));

/** The theme-based inspection's scenario, as the user types it. */
const THEME_SCENARIO = {
  standards: {
    L1: { judgement: "Satisfactory" },
    T1: { cases: 20, key_questions: { assessment: { relevant: 20, yes: 15 }, delivery: { relevant: 20, yes: 19 } } },
    T2: { cases: 100, key_questions: { risk: { relevant: 100, yes: 59 } } },
    T3: { cases: 10, key_questions: { safety: { relevant: 10, yes: 9 } } },
  },
};

async function exportCurrent(page, calc) {
  const [download] = await Promise.all([page.waitForEvent("download"), calc.button("export").click()]);
  const path = await download.path();
  return { path, text: readFileSync(path, "utf8") };
}

/** Opens the framework panel (a disclosure, closed at first and after a reload). */
async function openFrameworks(calc) {
  const panel = calc.byTestId("framework-panel");
  if (!(await panel.evaluate((details) => details.open))) await calc.byTestId("framework-toggle").click();
  assert.equal(await panel.evaluate((details) => details.open), true, "the framework panel opens");
}

async function frameworkOptions(calc) {
  return calc.byTestId("framework-choice").locator("option").allInnerTexts();
}

async function expectThemeScores(calc) {
  await expectText(calc.overallScore, "10/16");
  await expectText(calc.overallRating, /^\W*Satisfactory$/);
  await eventually(async () => assert.equal(await calc.ratingWords("T2"), "Poor"));
  await expectText(calc.live, "Score 10 out of 16: Satisfactory.");
}

describe("frameworks as files", () => {
  const env = useBrowser();

  test("youth-2021: resettlement left not rated, the overall rating still named", { timeout: 120_000 }, async (t) => {
    const { calc } = await env.open(t);
    await openFrameworks(calc);
    await expectContains(calc.byTestId("framework-current"), "(youth-2018)");
    await openFrameworks(calc);
    await calc.byTestId("framework-choice").selectOption("youth-2021");
    await calc.button("new-under-framework").click();
    await expectContains(calc.byTestId("framework-current"), "(youth-2021)");
    await expectContains(calc.byTestId("framework-note"), "not reproduced");
    await expectContains(calc.byTestId("note-4.1"), "Does not count in the score");
    await expectText(calc.overallRating, "0 of 12 standards rated: overall between Inadequate and Outstanding");

    // Torbay's findings, with 3.4 now a judgement (Good); 4.1 left alone.
    const refreshed = structuredClone(TORBAY);
    refreshed.standards["3.4"] = { judgement: "Good" };
    await calc.enterScenario(refreshed);
    await expectText(calc.overallScore, "18/36");
    await expectText(calc.overallRating, /^\W*Requires improvement$/);
    await expectText(calc.live, "Score 18 out of 36: Requires improvement.");
    await expectContains(calc.rating("4.1"), "Not entered yet");
    await expectContains(calc.rating("4.1"), "Does not count in the score");
    await expectText(calc.subtotal("4"), "0/0");

    // Rating it changes nothing in the score.
    await calc.judgement("4.1").selectOption({ label: "Outstanding" });
    await eventually(async () => assert.equal(await calc.ratingWords("4.1"), "Outstanding"));
    await expectText(calc.overallScore, "18/36");
    await expectText(calc.overallRating, /^\W*Requires improvement$/);
  });

  test("converting Torbay to youth-2021 lists what is left out first", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await openFrameworks(calc);
    await calc.loadExample();
    await openFrameworks(calc);
    await calc.byTestId("framework-choice").selectOption("youth-2021");
    await calc.button("convert-framework").click();
    await expectText(calc.byTestId("convert-dropped"), "3.4 Joint working: entered from cases, rated by judgement in youth-2021");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), "convert-heading"));
    await calc.button("convert-confirm").click();
    await eventually(async () =>
      assert.deepEqual(await calc.scenarioNames(), ["Scenario 1", "Torbay YOT, March 2021", "Torbay YOT, March 2021 (youth-2021)"]),
    );
    await expectContains(calc.byTestId("framework-current"), "(youth-2021)");
    await expectText(calc.overallScore, "16/36");
    await calc.switchTo("Torbay YOT, March 2021");
    await expectText(calc.overallRating, /^\W*Requires improvement$/);
  });

  test("a custom framework: import, score, reload, export, delete, re-import", { timeout: 120_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await openFrameworks(calc);
    await calc.byTestId("import-framework").setInputFiles(THEME_PATH);
    await expectVisible(calc.notice("notice-info", "Imported the framework “Theme-based inspection (training example)”"));
    assert.deepEqual(await frameworkOptions(calc), [
      "Youth offending services inspection framework (2018-2021)",
      "Youth offending services inspection framework (refreshed, late 2021 to early 2025)",
      "Theme-based inspection (training example) (imported)",
    ]);
    await openFrameworks(calc);
    await calc.button("new-under-framework").click();
    await calc.rename("Themes");
    await expectContains(calc.byTestId("framework-current"), "(theme-inspection)");
    assert.deepEqual(await calc.judgement("L1").locator("option").allInnerTexts(), [
      "Not rated yet",
      ...THEME.ratings,
    ]);
    await calc.enterScenario(THEME_SCENARIO);
    await expectThemeScores(calc);

    // A reload keeps the framework and the scenario.
    await page.reload();
    await waitForApp(page);
    await openFrameworks(calc);
    await eventually(async () => assert.equal(await calc.currentScenarioName(), "Themes"));
    await expectThemeScores(calc);

    // The exported file carries the framework.
    const file = await exportCurrent(page, calc);
    const exported = JSON.parse(file.text);
    assert.equal(exported.version, 2);
    assert.equal(exported.framework, "theme-inspection");
    assert.deepEqual(exported.framework_definition, THEME);

    // Remove the scenario, then the framework (refused while a scenario uses it).
    await openFrameworks(calc);
    await calc.button("remove-framework").click();
    await expectVisible(calc.notice("notice-error", "cannot be removed while scenarios use it: “Themes”"));
    await calc.button("delete").click();
    await openFrameworks(calc);
    await calc.byTestId("framework-choice").selectOption("theme-inspection");
    await calc.button("remove-framework").click();
    await eventually(async () => assert.equal((await frameworkOptions(calc)).length, 2));

    // Importing the exported scenario brings the framework back, scored the same.
    await calc.byTestId("import-file").setInputFiles(file.path);
    await expectVisible(calc.notice("notice-info", "Its framework, “Theme-based inspection (training example)”, was added."));
    await eventually(async () => assert.equal(await calc.currentScenarioName(), "Themes"));
    await expectThemeScores(calc);
    assert.equal((await frameworkOptions(calc)).length, 3);
  });

  test("a share link of a scenario under an imported framework carries the framework", { timeout: 120_000 }, async (t) => {
    const { page, calc } = await env.open(t, { context: { permissions: ["clipboard-read", "clipboard-write"] } });
    await openFrameworks(calc);
    await calc.byTestId("import-framework").setInputFiles(THEME_PATH);
    await expectVisible(calc.notice("notice-info", "Imported the framework"));
    await openFrameworks(calc);
    await calc.button("new-under-framework").click();
    await calc.rename("Themes");
    await calc.enterScenario(THEME_SCENARIO);
    await expectThemeScores(calc);
    await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));
    await calc.button("share").click();
    await expectVisible(calc.notice("notice-info", "Share link copied"));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(env.url + "#scenario="), link);

    // Opened in another browser profile, which has never seen the framework.
    const other = await env.session(t);
    const page2 = await other.newPage();
    await page2.goto(link);
    await waitForApp(page2);
    const calc2 = new Calculator(page2);
    await openFrameworks(calc2);
    await eventually(async () => assert.equal(await calc2.currentScenarioName(), "Themes (shared)"));
    await expectVisible(calc2.notice("notice-info", "Its framework, “Theme-based inspection (training example)”, was added."));
    await expectContains(calc2.byTestId("framework-current"), "(theme-inspection)");
    await expectThemeScores(calc2);
    assert.equal((await frameworkOptions(calc2)).length, 3);
  });

  test("a bad framework file is refused with the paths of its problems", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await openFrameworks(calc);
    const bad = structuredClone(THEME);
    bad.key_question_bands[2].from_percent = 50;
    bad.standards[2].id = "T1";
    await calc.byTestId("import-framework").setInputFiles({
      name: "bad-framework.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expectVisible(
      calc.notice(
        "notice-error",
        "“bad-framework.json” could not be imported as a framework: key_question_bands.2.from_percent: thresholds must increase (key_question_bands.1 starts at 60); standards.2.id: duplicate id \"T1\".",
      ),
    );
    assert.equal((await frameworkOptions(calc)).length, 2);
    await expectContains(calc.byTestId("framework-current"), "(youth-2018)");
  });
});
