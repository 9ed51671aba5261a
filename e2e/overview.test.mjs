// The ratings at a glance (issue 11): in the release build, one row per standard that
// follows edits, and each standard's name jumps to its section, whose heading lands below
// the pinned score bar, by mouse and by keyboard, on a desktop and on a phone.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./lib/harness.mjs";

describe("ratings at a glance", () => {
  const env = useBrowser();
  for (const [name, width, height, screens] of [["desktop", 1280, 800, 2], ["phone", 390, 844, 3]]) {
    test(`on a blank page the overview is in the first screen and the first field and count near it (${name})`, { timeout: 60_000 }, async (t) => {
      const { page } = await env.open(t, { context: { viewport: { width, height } } });
      const where = await page.evaluate(() => ({
        overview: document.querySelector("[data-testid=overview]").getBoundingClientRect().top,
        field: document.querySelector("main select, main input").getBoundingClientRect().top,
        count: document.querySelector("main input.count-field").getBoundingClientRect().top,
      }));
      t.diagnostic(`at ${width}x${height}: overview ${Math.round(where.overview)} px, first field ${Math.round(where.field)}, first count ${Math.round(where.count)}`);
      assert.ok(where.overview < height, `the overview starts in the first screen (${where.overview} px)`);
      assert.ok(where.field < screens * height, `the first field is within ${screens} screens (${where.field} px)`);
      assert.ok(where.count < screens * height, `the first count is within ${screens} screens (${where.count} px)`);
    });
  }
  for (const [name, width, height] of [["desktop", 1280, 800], ["phone", 390, 844]]) {
    test(`a name jumps to its standard, below the pinned bar (${name})`, { timeout: 60_000 }, async (t) => {
      const { page, calc } = await env.open(t, { context: { viewport: { width, height } } });
      await calc.loadExample();
      const overview = calc.byTestId("overview");
      assert.equal(await overview.locator("tbody th a").count(), 12);
      await overview.getByRole("link", { name: "3.2 Planning" }).click();
      await page.waitForFunction(() => location.hash === "#standard-3-2");
      const where = await page.evaluate(() => ({
        bar: document.querySelector(".summary").getBoundingClientRect().bottom,
        heading: document.getElementById("standard-3-2").getBoundingClientRect(),
      }));
      assert.ok(where.heading.top >= where.bar - 1, `the heading (${where.heading.top}) is below the bar (${where.bar})`);
      assert.ok(where.heading.bottom <= height, "and on screen");
      // By keyboard: Enter on the focused link.
      await overview.getByRole("link", { name: "2.4 Reviewing" }).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => location.hash === "#standard-2-4");
    });
  }

  test("on a phone the scenario and file actions fold behind one button, opened by keyboard", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t, { context: { viewport: { width: 390, height: 844 } } });
    const toggle = calc.byTestId("actions-toggle");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await toggle.getAttribute("aria-controls"), "scenario-actions");
    assert.equal(await calc.button("export").isVisible(), false, "folded: the actions take no room");
    await toggle.focus();
    await page.keyboard.press("Enter");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.ok(await calc.button("export").isVisible(), "unfolded: the actions are shown");
    // The next Tab goes into the actions.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "new-blank");
    await toggle.press("Space");
    assert.equal(await calc.button("export").isVisible(), false, "folded again");
  });

  test("on a wide screen the actions are always shown and the fold button is not", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t, { context: { viewport: { width: 1280, height: 800 } } });
    assert.equal(await calc.byTestId("actions-toggle").isVisible(), false);
    assert.ok(await calc.button("export").isVisible());
  });

  test("a row follows an edit of its standard", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.loadExample();
    const row = calc.byTestId("overview-2.1");
    assert.match(await row.innerText(), /Outstanding\s+3/);
    await calc.byTestId("standards.2.1.key_questions.desistance.yes").fill("0");
    await assert.doesNotReject(async () => {
      for (let i = 0; i < 50 && !/Inadequate\s+0/.test(await row.innerText()); i++) await new Promise((r) => setTimeout(r, 50));
    });
    assert.match(await row.innerText(), /Inadequate\s+0/);
    assert.match(await calc.byTestId("overview-total").innerText(), /13\/36/);
  });
});
