// Presentation mode on a projector and the printout as a report (issue 11), in the release
// build: nothing cut off or scrolling sideways at 1,024x768 and 1,920x1,080, figures hidden
// and revealed by keyboard, Explain step by step by keyboard, axe clean throughout; the
// printed page one names the scenario, the date and the framework and gives the ratings
// table with discretion's reason. Page heights and screenshots go to test-results/.
import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { useBrowser, RESULTS, expectText, eventually } from "./lib/harness.mjs";
import { axeViolations } from "./lib/axe.mjs";

const DIR = join(RESULTS, "screenshots");

/** Elements that stick out of the viewport, and boxes that scroll sideways. */
function sideways(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll("main *, .summary *, .presenter-bar *")]
      .filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)})`);
    const scrolling = [...document.querySelectorAll(".table-wrap")]
      .filter((el) => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.querySelector("caption")?.textContent ?? el.className);
    return { page: document.documentElement.scrollWidth - width, out, scrolling };
  });
}

const visibility = (locator) => locator.evaluate((el) => getComputedStyle(el).visibility);

async function present(calc, page) {
  await calc.loadExample();
  await calc.button("presentation").click();
  await eventually(async () => assert.match(await page.locator(".app").getAttribute("class"), /\bpresentation\b/));
}

describe("presentation mode and the printout", () => {
  const env = useBrowser();
  const heights = {};
  before(() => mkdirSync(DIR, { recursive: true }));

  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ]) {
    test(`Torbay in presentation mode at ${width}x${height}: the overview first, nothing sideways`, { timeout: 60_000 }, async (t) => {
      const { page, calc } = await env.open(t, { context: { viewport: { width, height } } });
      await present(calc, page);
      for (const tool of [".scenario-bar", ".framework-panel", ".planner"]) {
        assert.equal(await page.locator(tool).first().isVisible(), false, `${tool} gives way in presentation mode`);
      }
      assert.equal(await calc.byTestId("showing").isVisible(), true, "the pinned bar names the scenario");
      // The overview is the main screen: it starts in the first screen.
      const top = await calc.byTestId("overview").evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top < height / 2, `the overview starts at ${top} px of ${height}`);
      const s = await sideways(page);
      assert.deepEqual(s, { page: 0, out: [], scrolling: [] }, `nothing cut off or scrolling sideways at ${width}x${height}`);
      heights[`${width}x${height}`] = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: join(DIR, `presentation-${width}x${height}.png`) });
      await page.screenshot({ path: join(DIR, `presentation-${width}x${height}-full.png`), fullPage: true });
      writeFileSync(join(RESULTS, "presentation-heights.json"), JSON.stringify(heights, null, 2));
    });
  }

  test("figures hidden and revealed by keyboard, the room's question answered a standard at a time", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t, { context: { viewport: { width: 1280, height: 800 } } });
    await present(calc, page);
    // Focus is on the presenter's bar once presentation mode starts.
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "hide-figures"));
    await page.keyboard.press("Enter");
    await expectText(calc.byTestId("live"), "Figures hidden for the room to work out.");
    const rating = calc.byTestId("rating-2.1");
    assert.equal(await visibility(rating), "hidden");
    assert.equal(await visibility(calc.byTestId("overview-2.1").locator(".overview-score")), "hidden");
    assert.equal(await visibility(calc.byTestId("overall")), "hidden");
    assert.equal(await visibility(page.locator("[data-testid='kq-2.1-desistance'] td.band")), "hidden");
    assert.equal(await visibility(page.locator("[data-testid='kq-2.1-desistance'] td.percentage")), "visible", "the counts and percentages stay for the room");
    assert.deepEqual(await axeViolations(page), [], "axe with figures hidden");
    await page.screenshot({ path: join(DIR, "presentation-figures-hidden.png") });

    // Tab to 2.1's Reveal in the overview and press it.
    const reveal = calc.byTestId("reveal-2.1").first();
    for (let i = 0; i < 40 && !(await reveal.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    assert.equal(await reveal.evaluate((el) => el === document.activeElement), true, "Reveal is reached by Tab");
    await page.keyboard.press("Enter");
    await eventually(async () => assert.equal(await visibility(rating), "visible"));
    assert.equal(await visibility(calc.byTestId("rating-2.2")), "hidden", "the next standard stays hidden");
    assert.equal(await visibility(calc.byTestId("overall")), "hidden");
    await calc.byTestId("reveal-overall").focus();
    await page.keyboard.press("Enter");
    await eventually(async () => assert.equal(await visibility(calc.byTestId("overall")), "visible"));
    await expectText(calc.overallScore, "16/36");

    // In print every figure shows, hidden or not.
    await page.emulateMedia({ media: "print" });
    assert.equal(await visibility(calc.byTestId("rating-2.2")), "visible", "print shows every figure");
    await page.emulateMedia({ media: "screen" });
    await calc.byTestId("hide-figures").focus();
    await page.keyboard.press("Enter");
    await eventually(async () => assert.equal(await visibility(calc.byTestId("rating-2.2")), "visible"));
  });

  test("Explain steps through by keyboard in presentation mode", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t, { context: { viewport: { width: 1024, height: 768 } } });
    await present(calc, page);
    await calc.button("explain-3.4").focus();
    await page.keyboard.press("Enter");
    const steps = calc.byTestId("explain-steps-3.4").locator("li");
    await eventually(async () => assert.equal(await steps.count(), 1));
    const total = Number((await calc.byTestId("explain-count-3.4").innerText()).match(/of (\d+)/)[1]);
    assert.ok(total > 3, `3.4's explanation has ${total} steps`);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await eventually(async () => assert.equal(await steps.count(), 3));
    await page.keyboard.press("ArrowLeft");
    await expectText(calc.byTestId("explain-count-3.4"), `Step 2 of ${total}`);
    // The buttons work by keyboard too.
    await calc.byTestId("explain-next-3.4").focus();
    await page.keyboard.press("Enter");
    await eventually(async () => assert.equal(await steps.count(), 3));
    assert.deepEqual(await axeViolations(page), [], "axe with an explanation stepping");
    const s = await sideways(page);
    assert.deepEqual(s, { page: 0, out: [], scrolling: [] }, "the open explanation fits at 1,024x768");
    await calc.byTestId("standard-3.4").screenshot({ path: join(DIR, "explain-step-by-step.png") });
    await page.keyboard.press("Escape");
    await eventually(async () => assert.equal(await calc.byTestId("explain-panel-3.4").count(), 0));
  });

  test("the printout reads as a report: page one, then the key-question tables", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    await calc.discretionRadio("3.4", 1).check();
    await calc.type(calc.discretionReason("3.4"), "Agreed by the panel");
    await expectText(calc.overallScore, "17/36");
    await page.emulateMedia({ media: "print" });
    const overview = calc.byTestId("overview");
    assert.match(await calc.byTestId("print-heading").innerText(), /^Torbay YOT, March 2021 \u2014 printed \d+ \w+ \d{4}$/);
    assert.match(await calc.byTestId("framework").innerText(), /^Framework: /);
    // The ratings table notes discretion and its reason.
    const row = calc.byTestId("overview-3.4");
    assert.match(await row.innerText(), /Changed by discretion from Inadequate/);
    assert.match(await row.innerText(), /Reason: Agreed by the panel/);
    await expectText(calc.byTestId("overview-subtotal-3"), /Domain 3 subtotal\s+\d+\/12/);
    // No controls on paper: no buttons, no radio buttons, no boxes round the figures.
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll("button, input[type=radio], input[type=checkbox], input[type=file]")]
        .filter((el) => el.getClientRects().length)
        .map((el) => el.dataset.testid ?? el.id),
    );
    assert.deepEqual(controls, [], "no controls printed");
    const boxed = await page.evaluate(() =>
      [...document.querySelectorAll("input[type=text], select, textarea")]
        .filter((el) => el.getClientRects().length)
        .filter((el) => {
          const s = getComputedStyle(el);
          return parseFloat(s.borderTopWidth) > 0 || s.appearance !== "none";
        })
        .map((el) => el.dataset.testid ?? el.id),
    );
    assert.deepEqual(boxed, [], "figures printed as text, without form styling");
    // Each key-question table heads its columns as a report does.
    const head = await page.locator("[data-testid='standard-2.1'] .kq-table thead th").allInnerTexts();
    assert.deepEqual(head.slice(0, 4), ["Key question", "Relevant cases", "Number Yes", "%"]);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    writeFileSync(join(RESULTS, "print-pages.json"), JSON.stringify({ pages }));
    writeFileSync(join(RESULTS, "torbay-print.pdf"), pdf);
    await overview.screenshot({ path: join(DIR, "print-page-one-overview.png") });
    await page.screenshot({ path: join(DIR, "print-full.png"), fullPage: true });
  });
});
