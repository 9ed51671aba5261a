// Saving in the browser, named scenarios, undo, and scenario files (rule book section 4).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { useBrowser, TORBAY, expectText, expectContains, expectValue, expectCount, expectVisible, eventually } from "./lib/harness.mjs";

/** Drops a file with `text` onto the drop zone, as a drag from the desktop would. */
async function dropFile(page, calc, name, text) {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: "application/json" }));
      return data;
    },
    { name, text },
  );
  const zone = calc.byTestId("drop-zone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await eventually(async () => assert.match(await zone.getAttribute("class"), /\bdragging\b/));
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
  await eventually(async () => assert.doesNotMatch(await zone.getAttribute("class"), /\bdragging\b/));
}

async function exportCurrent(page, calc) {
  const [download] = await Promise.all([page.waitForEvent("download"), calc.button("export").click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, text: readFileSync(path, "utf8") };
}

describe("persistence and scenario files", () => {
  const env = useBrowser();

  test("a reload finds the scenario intact, text that is not a number kept verbatim", { timeout: 60_000 }, async (t) => {
    const { page, session, calc } = await env.open(t);
    await calc.loadExample();
    await calc.rename("Mock inspection");
    await calc.judgement("1.1").selectOption({ label: "Good" });
    await calc.type(calc.countInput("2.1", "desistance", "yes"), "three");
    await calc.type(calc.countInput("2.2", "others", "yes"), " 2 ");
    await calc.byTestId("rounding").check();
    // 1.1 Good (+2), 2.1 unreadable (-3), 2.2 others 2 of 3 (Good, -1): 14 so far.
    await expectText(calc.overallScore, "14/36");
    const before = await calc.storage();

    const calcAfter = await session.goto(page);
    await eventually(async () => assert.equal(await calcAfter.currentScenarioName(), "Mock inspection"));
    assert.equal(await calcAfter.scenarioName.inputValue(), "Mock inspection");
    assert.equal(await calcAfter.judgement("1.1").inputValue(), "Good");
    assert.equal(await calcAfter.countInput("2.1", "desistance", "yes").inputValue(), "three");
    assert.equal(await calcAfter.countInput("2.2", "others", "yes").inputValue(), " 2 ");
    assert.equal(await calcAfter.countInput("3.4", "recommendations", "yes").inputValue(), "1");
    assert.equal(await calcAfter.byTestId("rounding").isChecked(), true);
    await expectText(calcAfter.fieldError(calcAfter.countInput("2.1", "desistance", "yes")), "Error: Enter a whole number, like 4");
    await expectText(calcAfter.overallScore, "14/36");
    await expectText(calcAfter.rating("2.1"), /Not rated|Incomplete/);
    assert.deepEqual(await calcAfter.scenarioNames(), ["Scenario 1", "Mock inspection"]);
    // Loading changed nothing stored.
    assert.deepEqual(await calcAfter.storage(), before);
  });

  test("named scenarios: new, rename, duplicate, switch, delete and undo", { timeout: 90_000 }, async (t) => {
    const { page, session, calc } = await env.open(t);
    assert.deepEqual(await calc.scenarioNames(), ["Scenario 1"]);
    await calc.type(calc.casesInput("2.1"), "4");
    await calc.rename("Alpha");
    await eventually(async () => assert.deepEqual(await calc.scenarioNames(), ["Alpha"]));

    await calc.button("new-blank").click();
    await eventually(async () => assert.deepEqual(await calc.scenarioNames(), ["Alpha", "Scenario 1"]));
    assert.equal(await calc.currentScenarioName(), "Scenario 1");
    await expectValue(calc.casesInput("2.1"), "");
    await calc.rename("Beta");
    await calc.type(calc.casesInput("2.1"), "7");
    await calc.judgement("1.2").selectOption({ label: "Outstanding" });
    await expectText(calc.overallScore, "3/36");

    await calc.button("duplicate").click();
    await eventually(async () => assert.deepEqual(await calc.scenarioNames(), ["Alpha", "Beta", "Copy of Beta"]));
    assert.equal(await calc.currentScenarioName(), "Copy of Beta");
    await expectValue(calc.casesInput("2.1"), "7");
    await eventually(async () => assert.equal(await calc.ratingWords("1.2"), "Outstanding"));
    await calc.type(calc.casesInput("2.1"), "9");

    // Each scenario keeps its own fields.
    await calc.switchTo("Alpha");
    await expectValue(calc.casesInput("2.1"), "4");
    await expectText(calc.rating("1.2"), "Not entered yet");
    await expectValue(calc.scenarioName, "Alpha");
    await expectText(calc.overallScore, "0/36");
    await calc.switchTo("Beta");
    await expectValue(calc.casesInput("2.1"), "7");
    await expectText(calc.overallScore, "3/36");
    await calc.switchTo("Copy of Beta");
    await expectValue(calc.casesInput("2.1"), "9");

    // Delete Beta, then undo.
    await calc.switchTo("Beta");
    await calc.button("delete").click();
    await expectContains(calc.byTestId("undo-notice"), "Deleted “Beta”.");
    await eventually(async () => assert.deepEqual(await calc.scenarioNames(), ["Alpha", "Copy of Beta"]));
    assert.notEqual(await calc.currentScenarioName(), "Beta");
    await calc.button("undo-delete").click();
    await eventually(async () => assert.deepEqual(await calc.scenarioNames(), ["Alpha", "Beta", "Copy of Beta"]));
    assert.equal(await calc.currentScenarioName(), "Beta");
    await expectValue(calc.casesInput("2.1"), "7");
    await eventually(async () => assert.equal(await calc.ratingWords("1.2"), "Outstanding"));
    await expectCount(calc.byTestId("undo-notice"), 0);

    // All of it survives a reload, with the same scenario current.
    const again = await session.goto(page);
    await eventually(async () => assert.deepEqual(await again.scenarioNames(), ["Alpha", "Beta", "Copy of Beta"]));
    assert.equal(await again.currentScenarioName(), "Beta");
    await expectValue(again.casesInput("2.1"), "7");
    await again.switchTo("Copy of Beta");
    await expectValue(again.casesInput("2.1"), "9");

    // Deleting the last scenario leaves a blank one.
    for (const name of ["Alpha", "Beta", "Copy of Beta"]) {
      await again.switchTo(name);
      await again.button("delete").click();
      await expectContains(again.byTestId("undo-notice"), `Deleted “${name}”.`);
    }
    await eventually(async () => assert.deepEqual(await again.scenarioNames(), ["Scenario 1"]));
    await expectValue(again.casesInput("2.1"), "");
  });

  test("each scenario's judgement selects show its own ratings after switching", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.rename("Alpha");
    await calc.button("new-blank").click();
    await calc.rename("Beta");
    await calc.judgement("1.2").selectOption({ label: "Outstanding" });
    await eventually(async () => assert.equal(await calc.ratingWords("1.2"), "Outstanding"));

    await calc.switchTo("Alpha");
    await expectText(calc.rating("1.2"), "Not entered yet");
    await expectValue(calc.judgement("1.2"), "");
    await calc.switchTo("Beta");
    await eventually(async () => assert.equal(await calc.ratingWords("1.2"), "Outstanding"));
    // The select must show what the standard is rated: not "Not rated yet".
    await eventually(async () =>
      assert.equal(await calc.judgement("1.2").inputValue(), "Outstanding", "Beta's 1.2 select after switching back (its heading says Outstanding)"),
    );
  });

  test("export, delete, then import by file picker and by drag and drop", { timeout: 90_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    await calc.rename("Exported one");
    await calc.type(calc.countInput("2.1", "others", "yes"), "3");
    await expectText(calc.overallScore, "15/36");

    const file = await exportCurrent(page, calc);
    assert.match(file.name, /\.json$/);
    const exported = JSON.parse(file.text);
    const expected = structuredClone(TORBAY);
    expected.title = "Exported one";
    expected.standards["2.1"].key_questions.others.yes = 3;
    assert.equal(exported.format, "yj-rating-scenario");
    assert.equal(exported.version, 1, "nothing of version 2 is used");
    assert.deepEqual(exported, expected, "the exported file is the scenario in the rule book's format");

    // Delete it: gone.
    await calc.button("delete").click();
    await eventually(async () => assert.deepEqual(await calc.scenarioNames(), ["Scenario 1"]));
    await expectText(calc.overallScore, "0/36");

    // Import through the file picker.
    await calc.byTestId("import-file").setInputFiles(file.path);
    await eventually(async () => assert.deepEqual(await calc.scenarioNames(), ["Scenario 1", "Exported one"]));
    assert.equal(await calc.currentScenarioName(), "Exported one");
    await expectVisible(calc.notice("notice-info", `Opened “${basename(file.path)}” as a new scenario, “Exported one”.`));
    await expectText(calc.overallScore, "15/36");
    await expectValue(calc.countInput("2.1", "others", "yes"), "3");
    await expectValue(calc.countInput("3.4", "police", "relevant"), "2");
    assert.equal(await calc.judgement("1.3").inputValue(), "Good");

    // Import the same file by dropping it: a second copy, never a replacement.
    await dropFile(page, calc, "dropped.json", file.text);
    await eventually(async () =>
      assert.deepEqual(await calc.scenarioNames(), ["Scenario 1", "Exported one", "Exported one (2)"]),
    );
    assert.equal(await calc.currentScenarioName(), "Exported one (2)");
    await expectVisible(calc.notice("notice-info", "Opened “dropped.json” as a new scenario, “Exported one (2)”"));
    await expectText(calc.overallScore, "15/36");
    await expectValue(calc.countInput("2.1", "others", "yes"), "3");

    // The re-exported copy is the same scenario under its new name.
    const again = JSON.parse((await exportCurrent(page, calc)).text);
    assert.deepEqual(again, { ...expected, title: "Exported one (2)" });
  });

  test("an invalid file shows an error naming the JSON path and changes nothing", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    await calc.switchTo("Scenario 1");
    await calc.type(calc.casesInput("2.4"), "5");
    const names = await calc.scenarioNames();
    await page.waitForTimeout(200);
    const stored = await calc.storage();

    const unknownField = JSON.stringify({ ...TORBAY, standards: { "2.1": { cases: 4, colour: "red" } } });
    await calc.byTestId("import-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(unknownField) });
    await expectVisible(calc.notice("notice-error", "“broken.json” could not be opened as a scenario: standards.2.1.colour: unknown field"));

    const newer = JSON.stringify({ ...TORBAY, version: 3 });
    await dropFile(page, calc, "newer.json", newer);
    await expectVisible(calc.notice("notice-error", /“newer\.json” could not be opened as a scenario: version: .*version 3, newer than this calculator reads/));

    await calc.byTestId("import-file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not json at all") });
    await expectVisible(calc.notice("notice-error", "“notes.txt” could not be opened as a scenario: not valid JSON"));

    // Nothing changed: the same scenarios, the same one current, the same fields, the same storage.
    assert.deepEqual(await calc.scenarioNames(), names);
    assert.equal(await calc.currentScenarioName(), "Scenario 1");
    await expectValue(calc.casesInput("2.4"), "5");
    assert.deepEqual(await calc.storage(), stored);
    // Errors are announced.
    for (const role of await calc.notice("notice-error").evaluateAll((els) => els.map((e) => e.getAttribute("role")))) {
      assert.equal(role, "alert");
    }
    // One message area: each refusal replaced the one before, not piled up under it.
    assert.equal(await calc.notice("notice-error").count(), 1);
  });

  test("a file with impossible counts is refused, naming the path (rule book section 4)", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    const names = await calc.scenarioNames();
    const impossible = JSON.stringify({
      format: "yj-rating-scenario",
      version: 1,
      framework: "youth-2018",
      standards: { "3.2": { cases: 3, key_questions: { safety: { relevant: 2, yes: 12 } } } },
    });
    await calc.byTestId("import-file").setInputFiles({ name: "impossible.json", mimeType: "application/json", buffer: Buffer.from(impossible) });
    await expectVisible(calc.notice("notice-error", "“impossible.json” could not be opened as a scenario: standards.3.2.key_questions.safety.yes: 12 is more than relevant (2)"));
    assert.deepEqual(await calc.scenarioNames(), names);
  });
});
