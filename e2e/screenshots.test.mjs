// Screenshots of the Torbay example at phone, tablet, desktop and projector sizes, in presentation
// mode and in print, and of a peer review's case grid, saved under test-results/screenshots/ for people to look at.
import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync, rmSync } from "node:fs";
import { join } from "node:path";
import { useBrowser, RESULTS, ROOT, expectText, eventually } from "./lib/harness.mjs";

const DIR = join(RESULTS, "screenshots");

function assertSaved(path) {
  const size = statSync(path).size; // throws when missing
  assert.ok(size > 10_000, `${path} is a real screenshot (${size} bytes)`);
}

/** The widest horizontal overflow: page scroll width beyond the viewport. */
function overflow(page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));
}

const SIZES = [
  ["phone", 390, 844],
  ["tablet", 820, 1180],
  ["desktop", 1280, 900],
  ["projector-1024", 1024, 768],
  ["projector-1920", 1920, 1080],
];

describe("screenshots", () => {
  const env = useBrowser();
  before(() => mkdirSync(DIR, { recursive: true }));

  for (const [name, width, height] of SIZES) {
    test(`Torbay example at ${name} width (${width}x${height})`, { timeout: 60_000 }, async (t) => {
      const path = join(DIR, `torbay-${name}.png`);
      rmSync(path, { force: true });
      const { page, calc } = await env.open(t, { context: { viewport: { width, height } } });
      await calc.loadExample();
      await expectText(calc.overallScore, "16/36");
      await page.screenshot({ path, fullPage: true });
      assertSaved(path);
      const o = await overflow(page);
      assert.ok(o.scrollWidth <= o.clientWidth, `no horizontal scroll at ${width}px: ${o.scrollWidth} > ${o.clientWidth} (${o.wide})`);
    });
  }

  for (const [name, width, height] of SIZES.slice(0, 2)) {
    test(`the case-by-case grid of a peer review at ${name} width`, { timeout: 60_000 }, async (t) => {
      const path = join(DIR, `peer-review-grid-${name}.png`);
      rmSync(path, { force: true });
      const { page, calc } = await env.open(t, { context: { viewport: { width, height } } });
      await calc.byTestId("import-file").setInputFiles(join(ROOT, "examples", "peer-review-cases.json"));
      await expectText(calc.overallScore, "11/36");
      await page.screenshot({ path, fullPage: true });
      assertSaved(path);
      // The grid scrolls sideways inside its own box; the page never does.
      const o = await overflow(page);
      assert.ok(o.scrollWidth <= o.clientWidth, `no horizontal scroll at ${width}px: ${o.scrollWidth} > ${o.clientWidth} (${o.wide})`);
    });
  }

  test("presentation mode at 1920x1080", { timeout: 60_000 }, async (t) => {
    const path = join(DIR, "torbay-presentation-1920.png");
    rmSync(path, { force: true });
    const { page, calc } = await env.open(t, { context: { viewport: { width: 1920, height: 1080 } } });
    await calc.loadExample();
    await calc.button("presentation").click();
    await eventually(async () => assert.match(await page.locator(".app").getAttribute("class"), /\bpresentation\b/));
    // Presentation mode is larger type.
    const size = await page.locator(".app").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size > 20, `presentation type is large (${size}px)`);
    await page.screenshot({ path });
    assertSaved(path);
    const o = await overflow(page);
    assert.ok(o.scrollWidth <= o.clientWidth, `no horizontal scroll in presentation mode (${o.wide})`);
  });

  test("print: scenario controls hidden, results shown", { timeout: 60_000 }, async (t) => {
    const path = join(DIR, "torbay-print.png");
    rmSync(path, { force: true });
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    await calc.discretionRadio("3.4", 1).check();
    await calc.type(calc.discretionReason("3.4"), "Agreed by the panel");
    await expectText(calc.overallScore, "17/36");
    const heading = calc.byTestId("print-heading");
    assert.equal(await heading.isVisible(), false, "the print heading is for paper only");
    await page.emulateMedia({ media: "print" });
    // The printout says what it is and when: the scenario's name and today's date.
    assert.equal(await heading.isVisible(), true);
    const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    assert.equal(await heading.innerText(), `Torbay YOT, March 2021 \u2014 printed ${today}`);
    for (const hidden of [".scenario-bar", ".notices", "[data-testid=drop-zone]", ".skip-link", "[data-testid=load-example]", "[data-testid=share]", ".step"]) {
      const count = await page.locator(hidden).count();
      for (let i = 0; i < count; i++) {
        assert.equal(await page.locator(hidden).nth(i).isVisible(), false, `${hidden} is hidden in print`);
      }
    }
    // What matters is printed: the result, every standard's rating, the reason for discretion.
    assert.equal(await calc.overall.isVisible(), true);
    await expectText(calc.overallScore, "17/36");
    for (const id of ["1.1", "2.1", "3.4"]) assert.equal(await calc.rating(id).isVisible(), true, `rating ${id} printed`);
    assert.equal(await calc.discretionReason("3.4").isVisible(), true, "the discretion reason is printed");
    await page.screenshot({ path, fullPage: true });
    assertSaved(path);
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 10_000, "the page prints to PDF");
  });
});
