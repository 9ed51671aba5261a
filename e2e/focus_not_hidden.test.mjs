// Focus never hides under the pinned score bar (WCAG 2.2, 2.4.11; issue 11): walking back
// through the Torbay example with Shift+Tab and forward again with Tab, 160 moves, no
// focused control ends up entirely under the bar, on a desktop, on a phone (where the bar is slim) and in presentation mode on a
// 1,024x768 projector.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./lib/harness.mjs";

const CASES = [
  ["desktop", 1280, 900, false],
  ["phone", 390, 844, false],
  ["projector, presentation mode", 1024, 768, true],
];

describe("focus not hidden", () => {
  const env = useBrowser();
  for (const [name, width, height, presentation] of CASES) {
    test(`Shift+Tab through the standards at ${name} (${width}x${height})`, { timeout: 90_000 }, async (t) => {
      const { page, calc } = await env.open(t, { context: { viewport: { width, height } } });
      await calc.loadExample();
      if (presentation) await calc.button("presentation").click();
      await page.locator("main input[type=text]").last().focus();
      // A long walk back through the standards, then forward again.
      const hidden = [];
      let moves = 0;
      for (const key of ["Shift+Tab", "Tab"]) {
        for (let i = 0; i < 80; i++, moves++) {
          await page.keyboard.press(key);
          const where = await page.evaluate(() => {
            const bar = document.querySelector(".summary").getBoundingClientRect();
            const el = document.activeElement;
            const box = el.getBoundingClientRect();
            return { bar: bar.bottom, bottom: box.bottom, id: el.dataset?.testid ?? el.tagName };
          });
          if (where.bottom <= where.bar + 1) hidden.push(`${key} to ${where.id}`);
        }
      }
      t.diagnostic(`${hidden.length} of ${moves} moves left focus under the pinned bar at ${width}x${height}`);
      assert.deepEqual(hidden, [], `focused controls entirely under the pinned bar at ${width}x${height}`);
      if (width < 600) {
        const bar = await page.locator(".summary").evaluate((el) => el.getBoundingClientRect().height);
        assert.ok(bar < height / 8, `the pinned bar is slim on a phone (${bar} px of ${height})`);
      }
    });
  }
});
