// Accessibility: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation in the page's main
// states; every control has an accessible name; the page works by keyboard alone with
// visible focus.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { axeViolations } from "./lib/axe.mjs";
import { useBrowser, ROOT, expectText, expectContains, expectValue, eventually } from "./lib/harness.mjs";

async function assertNoViolations(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${state}:\n${JSON.stringify(violations, null, 2)}`);
}

/** The element with focus: its test id or tag, and how its focus is drawn. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
      testid: el.dataset?.testid ?? null,
      tag: el.tagName.toLowerCase(),
      text: el.textContent.trim().slice(0, 60),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      focusVisible: el.matches(":focus-visible"),
    };
  });
}

function assertFocusVisible(f) {
  assert.ok(f.focusVisible, `${f.tag} ${f.testid ?? f.text} matches :focus-visible`);
  const outline = f.outlineStyle !== "none" && f.outlineWidth >= 2;
  const shadow = f.boxShadow && f.boxShadow !== "none";
  assert.ok(outline || shadow, `focus is drawn on ${f.tag} ${f.testid ?? f.text}: outline ${f.outlineStyle} ${f.outlineWidth}px, box-shadow ${f.boxShadow}`);
}

/** Presses Tab until `done(focused)` holds; returns the focus, failing after `limit` presses. */
async function tabUntil(page, done, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (done(f)) return f;
  }
  assert.fail(`not reached within ${limit} Tab presses`);
}

describe("accessibility", () => {
  const env = useBrowser();

  test("axe finds no WCAG A/AA violations: blank, Torbay, errors showing, presentation mode", { timeout: 120_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await assertNoViolations(page, "the blank calculator");

    await calc.loadExample();
    await page.locator(".questions summary").first().click();
    await assertNoViolations(page, "the Torbay example");

    await calc.type(calc.countInput("3.1", "desistance", "yes"), "9");
    await calc.type(calc.countInput("3.2", "safety", "relevant"), "abc");
    await calc.discretionRadio("3.4", 1).check();
    await calc.discretionReason("3.4").focus();
    await page.keyboard.press("Tab"); // the reason left blank: now an error
    await eventually(async () => assert.equal(await calc.errorSummary.locator("li").count(), 3));
    await assertNoViolations(page, "the page with validation errors");

    await calc.button("presentation").click();
    await eventually(async () => assert.match(await page.locator(".app").getAttribute("class"), /\bpresentation\b/));
    assert.equal(await calc.button("presentation").getAttribute("aria-pressed"), "true");
    await assertNoViolations(page, "presentation mode");
  });

  test("axe finds no WCAG A/AA violations on a phone: actions folded and unfolded, the overview's columns", { timeout: 90_000 }, async (t) => {
    const { page, calc } = await env.open(t, { context: { viewport: { width: 390, height: 844 } } });
    await assertNoViolations(page, "the blank calculator on a phone, actions folded");
    await calc.loadExample(); // unfolds the actions
    assert.equal(await calc.byTestId("actions-toggle").getAttribute("aria-expanded"), "true");
    await page.locator(".questions summary").first().click();
    await assertNoViolations(page, "the Torbay example on a phone, actions unfolded and a judgement's questions open");
  });

  test("axe finds no WCAG A/AA violations in a case-by-case grid, with a paste problem showing", { timeout: 90_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.byTestId("import-file").setInputFiles(join(ROOT, "examples", "peer-review-cases.json"));
    await expectText(calc.overallScore, "11/36");
    await calc.byTestId("entry-totals-3.4").check(); // one standard as totals beside the grid
    await calc.byTestId("cell-2-0-2.1-desistance").evaluate((el) => {
      const data = new DataTransfer();
      data.setData("text/plain", "maybe");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expectContains(calc.byTestId("grid-problems-2"), "is not an answer");
    await assertNoViolations(page, "the peer review's grids");
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("table.grid input")].filter((el) => !el.getAttribute("aria-label") && !el.labels?.length).length,
    );
    assert.equal(unnamed, 0, "every grid cell and case field is named");
  });

  test("every input, select and textarea has an accessible name", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample(); // discretion forms (textareas, radios) are showing
    const unnamed = await page.evaluate(() => {
      const name = (el) => {
        const byledby = (el.getAttribute("aria-labelledby") || "")
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ");
        const labels = [...(el.labels || [])].map((l) => l.textContent).join(" ");
        return `${el.getAttribute("aria-label") || ""} ${byledby} ${labels}`.trim();
      };
      return [...document.querySelectorAll("input, select, textarea")]
        .filter((el) => !name(el))
        .map((el) => el.outerHTML.slice(0, 120));
    });
    assert.deepEqual(unnamed, []);
    // The counts' names place them: which standard and key question.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const names = nodes.filter((n) => n.role?.value === "textbox").map((n) => n.name?.value ?? "");
    assert.ok(names.some((n) => /^Yes\s*, 3\.4 Joint working, recommendations$/.test(n)), `a count is named by its place: ${names.slice(0, 8)}`);
    assert.ok(names.some((n) => /^Cases inspected\s*, 2\.1 Assessment$/.test(n)), "cases inspected is named by its standard");
    assert.ok(names.every((n) => n.trim() !== ""), "no unnamed textbox in the accessibility tree");
    const combos = nodes.filter((n) => n.role?.value === "combobox").map((n) => n.name?.value ?? "");
    assert.ok(combos.includes("Rating proposed for 1.1 Governance and leadership"), `the judgement selects are named: ${combos}`);
  });

  test("the page works by keyboard alone, with focus always visible", { timeout: 90_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    // First stop: the skip link.
    await page.keyboard.press("Tab");
    const skip = await focused(page);
    assert.equal(skip.tag, "a");
    assert.match(skip.text, /Skip to the standards/);
    assertFocusVisible(skip);

    // Load the example with the keyboard.
    const load = await tabUntil(page, (f) => f.testid === "load-example");
    assertFocusVisible(load);
    await page.keyboard.press("Enter");
    await expectText(calc.overallScore, "16/36");

    // Pick a judgement with the keyboard.
    const select = await tabUntil(page, (f) => f.testid === "standards.1.1.judgement");
    assertFocusVisible(select);
    await page.keyboard.press("ArrowDown"); // Inadequate -> Requires improvement
    await expectValue(calc.judgement("1.1"), "Requires improvement");
    await expectText(calc.overallScore, "17/36");

    // On to the first count: type, then step with the arrow keys.
    const first = await tabUntil(page, (f) => f.tag === "input" && f.testid?.startsWith("standards."));
    assert.equal(first.testid, "standards.2.1.cases", "the first count input reached by Tab");
    assertFocusVisible(first);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("12");
    await expectValue(calc.casesInput("2.1"), "12");
    await page.keyboard.press("ArrowUp");
    await expectValue(calc.casesInput("2.1"), "13");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expectValue(calc.casesInput("2.1"), "11");

    // The step buttons are skipped: the next stop is the next count.
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).testid, "standards.2.1.key_questions.desistance.relevant");
    await page.keyboard.press("Tab");
    const yes = await focused(page);
    assert.equal(yes.testid, "standards.2.1.key_questions.desistance.yes");
    assertFocusVisible(yes);
    await page.keyboard.press("ArrowDown"); // 4 of 4 -> 3 of 4: Good
    await expectValue(calc.countInput("2.1", "desistance", "yes"), "3");
    await eventually(async () => assert.equal(await calc.ratingWords("2.1"), "Good"));
    await expectText(calc.overallScore, "16/36");

    // Discretion by keyboard on 3.4: radios and the reason.
    const radio = await tabUntil(page, (f) => f.testid?.startsWith("discretion-3.4-"), 120);
    assertFocusVisible(radio);
    await page.keyboard.press("ArrowDown"); // keep -> one band up
    assert.equal(await calc.discretionRadio("3.4", 1).isChecked(), true);
    const reason = await tabUntil(page, (f) => f.testid === "standards.3.4.discretion.reason");
    assertFocusVisible(reason);
    await page.keyboard.type("Agreed by the panel");
    await eventually(async () => assert.equal(await calc.ratingWords("3.4"), "Requires improvement"));
    await expectText(calc.overallScore, "17/36");
  });
});
