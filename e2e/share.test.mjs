// Share links: the whole scenario in the address's fragment, opened as a new scenario.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, waitForApp, expectVisible, expectText, expectContains, expectValue, eventually } from "./lib/harness.mjs";
import { Calculator } from "./lib/calculator.mjs";

async function copyShareLink(page, calc) {
  await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));
  await calc.button("share").click();
  await expectVisible(calc.notice("notice-info", "Share link copied. It carries the whole scenario"));
  return page.evaluate(() => navigator.clipboard.readText());
}

describe("share links", () => {
  const env = useBrowser();
  const clipboard = { permissions: ["clipboard-read", "clipboard-write"] };

  test("a copied link opens as a new scenario beside the others, and leaves the address clean", { timeout: 60_000 }, async (t) => {
    const { session, page, calc } = await env.open(t, { context: clipboard });
    // Scenarios already held: a blank one and an edited Torbay.
    await calc.loadExample();
    await calc.rename("Mock inspection");
    await calc.type(calc.countInput("3.4", "recommendations", "yes"), "3");
    await expectText(calc.overallScore, "19/36");
    await calc.button("new-blank").click();
    await calc.rename("Untouched");
    await calc.type(calc.casesInput("2.2"), "6");
    await calc.switchTo("Mock inspection");
    await expectText(calc.overallScore, "19/36");

    const link = await copyShareLink(page, calc);
    assert.ok(link.startsWith(env.url + "#scenario="), `a link to this page with the scenario in its fragment: ${link}`);
    const namesBefore = await calc.scenarioNames();
    assert.deepEqual(namesBefore, ["Scenario 1", "Mock inspection", "Untouched"]);

    // Open it in a fresh page of the same browser (same saved scenarios).
    const other = await session.newPage();
    await other.goto(link);
    await waitForApp(other);
    const calc2 = new Calculator(other);
    await eventually(async () =>
      assert.deepEqual(await calc2.scenarioNames(), [...namesBefore, "Mock inspection (shared)"]),
    );
    assert.equal(await calc2.currentScenarioName(), "Mock inspection (shared)");
    await expectValue(calc2.scenarioName, "Mock inspection (shared)");
    await expectVisible(calc2.notice("notice-info", /^Opened the shared scenario as a new scenario, “Mock inspection \(shared\)”\. Your other scenarios are unchanged\./i));
    await expectText(calc2.overallScore, "19/36");
    await expectText(calc2.overallRating, /^\W*Good$/);
    await expectValue(calc2.countInput("3.4", "recommendations", "yes"), "3");
    assert.equal(await calc2.judgement("1.1").inputValue(), "Inadequate");

    // The fragment is gone from the address, so a reload does not open it again.
    await eventually(async () => assert.equal(other.url(), env.url));
    assert.equal(await other.evaluate(() => location.hash), "");
    await other.reload();
    await eventually(async () => assert.equal((await calc2.scenarioNames()).length, 4));

    // The scenarios already held are untouched.
    await calc2.switchTo("Untouched");
    await expectValue(calc2.casesInput("2.2"), "6");
    await calc2.switchTo("Mock inspection");
    await expectText(calc2.overallScore, "19/36");
    assert.equal(await calc2.currentScenarioName(), "Mock inspection");
  });

  test("a scenario opened from a link in another tab survives later edits in the first tab", { timeout: 60_000 }, async (t) => {
    const { session, page, calc } = await env.open(t, { context: clipboard });
    await calc.loadExample();
    await calc.rename("Mock inspection");
    const link = await copyShareLink(page, calc);

    const other = await session.newPage();
    await other.goto(link);
    await waitForApp(other);
    const calc2 = new Calculator(other);
    await eventually(async () => assert.ok((await calc2.scenarioNames()).includes("Mock inspection (shared)")));

    // Back in the first tab, keep working.
    await calc.type(calc.casesInput("2.1"), "5");
    await expectValue(calc.casesInput("2.1"), "5");
    await page.waitForTimeout(300);

    // Neither tab's work is lost from storage.
    const stored = JSON.parse((await calc.storage())["yj-rating.library"]);
    const names = stored.scenarios.map((s) => s.name);
    assert.ok(names.includes("Mock inspection (shared)"), `the shared scenario is still saved: ${names}`);
    const third = await session.newPage();
    const calc3 = await session.goto(third);
    await eventually(async () => assert.ok((await calc3.scenarioNames()).includes("Mock inspection (shared)")));
    await calc3.switchTo("Mock inspection");
    await expectValue(calc3.casesInput("2.1"), "5");
  });

  test("a link pasted into the open page's address opens too", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t, { context: clipboard });
    await calc.loadExample();
    const link = await copyShareLink(page, calc);
    await calc.button("new-blank").click();
    // Only the fragment changes: no reload, a hashchange.
    await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
    await eventually(async () =>
      assert.deepEqual(await calc.scenarioNames(), ["Scenario 1", "Torbay YOT, March 2021", "Scenario 1 (2)", "Torbay YOT, March 2021 (shared)"]),
    );
    await expectText(calc.overallScore, "16/36");
    await eventually(async () => assert.equal(await page.evaluate(() => location.hash), ""));
  });

  test("a damaged link shows an error notice and adds nothing", { timeout: 60_000 }, async (t) => {
    const { session, page, calc } = await env.open(t, { context: clipboard });
    await calc.loadExample();
    const link = await copyShareLink(page, calc);
    const names = await calc.scenarioNames();

    // Not base64url at all.
    const other = await session.newPage();
    const calc2 = await session.goto(other, "#scenario=%%%not-a-link");
    await expectContains(calc2.byTestId("notice-error"), "The share link is damaged");
    assert.deepEqual(await calc2.scenarioNames(), names);
    await eventually(async () => assert.equal(await other.evaluate(() => location.hash), ""));

    // Cut short when copied.
    const cut = link.slice(0, link.length - 40);
    const third = await session.newPage();
    const calc3 = await session.goto(third, cut.slice(env.url.length));
    await expectText(calc3.byTestId("notice-error").locator("p"), /^(The share link is damaged|The shared scenario could not be opened as a scenario: not valid JSON)/);
    assert.deepEqual(await calc3.scenarioNames(), names);
    await expectText(calc3.overallScore, "16/36");
  });
});
