// A whole twelve-standard entry by keyboard (issue 11): the Torbay example typed into a
// blank scenario from the first judgement, counting every key. Judgements are chosen by
// their first letter; counts are typed and Enter goes on to the next count, across
// standards. Before issue 11 this took 188 keys, 123 of them Tab. The count is written to
// test-results/keystrokes.json for the closing note.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { useBrowser, RESULTS, TORBAY, expectText } from "./lib/harness.mjs";

describe("keystrokes", () => {
  const env = useBrowser();

  test("the Torbay example entered by keyboard alone, keys counted", { timeout: 120_000 }, async (t) => {
    const { page, calc } = await env.open(t, { context: { viewport: { width: 1280, height: 800 } } });
    const counted = { all: 0, tab: 0, enter: 0, typed: 0 };
    const press = async (key) => {
      counted.all++;
      if (key === "Tab") counted.tab++;
      else if (key === "Enter") counted.enter++;
      else counted.typed++;
      await page.keyboard.press(key);
    };
    const focused = (locator) => locator.evaluate((el) => el === document.activeElement);
    const tabTo = async (locator) => {
      for (let i = 0; i < 40 && !(await focused(locator)); i++) await press("Tab");
      assert.equal(await focused(locator), true, `reached ${locator} by Tab`);
    };

    const entries = Object.entries(TORBAY.standards);
    const judgements = entries.filter(([, e]) => "judgement" in e);
    const counts = entries.filter(([, e]) => !("judgement" in e));
    // The starting point, as a click on the first field would give.
    await calc.judgement(judgements[0][0]).focus();
    for (const [i, [id, entry]] of judgements.entries()) {
      if (i > 0) await tabTo(calc.judgement(id));
      await press(entry.judgement[0]);
      await expectText(calc.judgement(id).locator("option:checked"), entry.judgement);
    }
    await tabTo(calc.casesInput(counts[0][0]));
    const typed = counts.flatMap(([, e]) => [e.cases, ...Object.values(e.key_questions).flatMap((a) => [a.relevant, a.yes])]);
    for (const [i, value] of typed.entries()) {
      for (const digit of String(value)) await press(digit);
      if (i < typed.length - 1) await press("Enter");
    }
    await expectText(calc.overallScore, "16/36");
    for (const [id, entry] of counts) {
      for (const [kq, answers] of Object.entries(entry.key_questions)) {
        assert.equal(await calc.countInput(id, kq, "yes").inputValue(), String(answers.yes), `${id} ${kq} typed where it belongs`);
      }
    }
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(`${RESULTS}/keystrokes.json`, JSON.stringify({ ...counted, before: { all: 188, tab: 123 } }, null, 2));
    t.diagnostic(`keys: ${JSON.stringify(counted)}`);
    assert.ok(counted.all < 188, `fewer keys than before issue 11: ${JSON.stringify(counted)}`);
  });
});
