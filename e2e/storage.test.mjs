// Local storage that is corrupt, full or disabled: a clear notice, nothing lost, and the
// calculator keeps working.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowser, expectText, expectContains, expectVisible, expectCount, eventually } from "./lib/harness.mjs";

const KEY = "yj-rating.library";
const ASIDE = "yj-rating.unreadable.";
const GARBAGE = '{"version":1,"scenarios":[{"id":1,"name":"Half-written\u00e9 \u2014 ';

describe("storage problems", () => {
  const env = useBrowser();

  test("unreadable saved data is kept aside, reported and offered for download", { timeout: 60_000 }, async (t) => {
    // Garbage is in place before the page's first load (once only: a reload must not put it back).
    const seed = `
      if (!sessionStorage.getItem("e2e-seeded")) {
        sessionStorage.setItem("e2e-seeded", "1");
        localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(GARBAGE)});
      }`;
    const { page, session, calc } = await env.open(t, { init: [seed] });

    const notice = calc.byTestId("notice-unreadable");
    await expectVisible(notice);
    assert.equal(await notice.getAttribute("role"), "alert");
    await expectContains(notice, "Some saved data could not be read");
    await expectContains(notice, "Nothing has been deleted");

    // The garbage is kept, byte for byte, under a key of its own.
    const stored = await calc.storage();
    const asideKeys = Object.keys(stored).filter((k) => k.startsWith(ASIDE));
    assert.equal(asideKeys.length, 1, `one key kept aside: ${Object.keys(stored)}`);
    assert.equal(stored[asideKeys[0]], GARBAGE);
    await expectContains(notice, asideKeys[0]);

    // "Download it" downloads exactly the garbage.
    const [download] = await Promise.all([page.waitForEvent("download"), calc.byTestId("download-unreadable").click()]);
    assert.match(download.suggestedFilename(), /^unreadable-.*\.json$/);
    assert.equal(readFileSync(await download.path(), "utf8"), GARBAGE);

    // The calculator works, and saving goes on without touching what was kept aside.
    await calc.loadExample();
    await expectText(calc.overallScore, "16/36");
    await eventually(async () => {
      const now = await calc.storage();
      assert.equal(now[asideKeys[0]], GARBAGE);
      assert.doesNotThrow(() => JSON.parse(now[KEY]));
      assert.match(now[KEY], /Torbay YOT, March 2021/);
    });

    // After a reload the work is there and the kept-aside data is still reported.
    const again = await session.goto(page);
    await eventually(async () => assert.equal(await again.currentScenarioName(), "Torbay YOT, March 2021"));
    await expectVisible(again.byTestId("notice-unreadable"));
    assert.equal((await again.storage())[asideKeys[0]], GARBAGE);

    // Once downloaded, it can be removed from the browser: the notice goes with it.
    await again.byTestId("remove-unreadable").click();
    await expectCount(again.byTestId("notice-unreadable"), 0);
    const after = await again.storage();
    assert.equal(after[asideKeys[0]], undefined, "the kept-aside copy is removed");
    assert.match(after[KEY], /Torbay YOT, March 2021/, "the library is untouched");
  });

  test("unreadable data that cannot be kept aside pauses saving until the user resumes it", { timeout: 60_000 }, async (t) => {
    // Garbage in place before the first load, and storage refusing the key it would be kept under.
    const seed = `
      localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(GARBAGE)});
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith(${JSON.stringify(ASIDE)})) throw new DOMException("Refused.", "QuotaExceededError");
        return setItem.call(this, key, value);
      };`;
    const { calc } = await env.open(t, { init: [seed] });
    const notice = calc.byTestId("notice-unreadable");
    await expectVisible(notice);
    await expectContains(notice, "could not be kept aside either, so saving is paused");

    // Saving stays paused: what could not be kept aside is not written over.
    await calc.loadExample();
    await expectText(calc.overallScore, "16/36");
    assert.equal((await calc.storage())[KEY], GARBAGE);

    // "Resume saving": the user has downloaded it, or chooses to let it go.
    await calc.byTestId("resume-saving").click();
    await eventually(async () => assert.match((await calc.storage())[KEY], /Torbay YOT, March 2021/));
  });

  test("when saving fails (storage full) a notice says so and the page keeps working", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await calc.type(calc.countInput("3.4", "recommendations", "yes"), "3");

    const notice = calc.byTestId("notice-save-failed");
    await expectVisible(notice);
    assert.equal(await notice.getAttribute("role"), "alert");
    await expectContains(notice, "could not be saved");
    // The edit took effect all the same, and further edits work.
    await expectText(calc.overallScore, "19/36");
    await calc.judgement("1.1").selectOption({ label: "Good" });
    await expectText(calc.overallScore, "21/36");
    await expectText(calc.overallRating, /^\W*Good$/);
    await expectCount(notice, 1);
  });

  test("when storage is disabled a notice says so and the calculator still works", { timeout: 60_000 }, async (t) => {
    const disable = `
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
      });`;
    const { calc } = await env.open(t, { init: [disable] });
    const notice = calc.byTestId("notice-storage-unavailable");
    await expectVisible(notice);
    await expectContains(notice, "not letting the calculator save your work");
    await expectContains(notice, "export them to files");

    await calc.type(calc.casesInput("2.1"), "4");
    for (const kq of ["desistance", "safety", "others"]) {
      await calc.type(calc.countInput("2.1", kq, "relevant"), "4");
      await calc.type(calc.countInput("2.1", kq, "yes"), "3");
    }
    await eventually(async () => assert.equal(await calc.ratingWords("2.1"), "Good"));
    await expectText(calc.overallScore, "2/36");
    await calc.loadExample();
    await expectText(calc.overallRating, /^\W*Requires improvement$/);
    await calc.button("new-blank").click();
    await eventually(async () => assert.equal((await calc.scenarioNames()).length, 3));
    // No save-failed notice piles up on top.
    await expectCount(calc.byTestId("notice-save-failed"), 0);
  });

  test("when storage refuses writes at start-up, the saved work is still shown and the notice says so", { timeout: 60_000 }, async (t) => {
    const { page, session, calc } = await env.open(t);
    await calc.loadExample();
    await eventually(async () => assert.match((await calc.storage())[KEY] ?? "", /Torbay YOT, March 2021/));
    const saved = (await calc.storage())[KEY];

    // From the next load on, every write is refused (a full store refuses the start-up probe too).
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    const again = await session.goto(page);
    await eventually(async () => assert.equal(await again.currentScenarioName(), "Torbay YOT, March 2021"));
    await expectText(again.overallScore, "16/36");
    const notice = again.byTestId("notice-storage-read-only");
    await expectVisible(notice);
    assert.equal(await notice.getAttribute("role"), "alert");
    await expectContains(notice, "Your saved scenarios are shown and nothing stored is lost");
    await expectCount(again.byTestId("notice-storage-unavailable"), 0);
    assert.equal((await again.storage())[KEY], saved, "what was stored is untouched");

    // An edit still takes effect; its failed save is reported in place of the start-up notice.
    await again.type(again.countInput("3.4", "recommendations", "yes"), "3");
    await expectText(again.overallScore, "19/36");
    await expectVisible(again.byTestId("notice-save-failed"));
    await expectCount(again.byTestId("notice-storage-read-only"), 0);
    assert.equal((await again.storage())[KEY], saved);
  });

  test("what another tab saves that this one cannot read is kept aside, never written over", { timeout: 60_000 }, async (t) => {
    const { session, calc } = await env.open(t);
    await calc.loadExample();
    await eventually(async () => assert.match((await calc.storage())[KEY] ?? "", /Torbay YOT, March 2021/));

    // Another tab of the same site (a newer version, say), once running, saves something this
    // one cannot read. (Written before that tab's app had read storage, it would be that app's
    // to keep aside too, at its start.)
    const other = await session.newPage();
    await session.goto(other);
    await other.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, GARBAGE]);

    const notice = calc.byTestId("notice-unreadable");
    await expectVisible(notice);
    await expectContains(notice, "another tab saved could not be read here");
    await eventually(async () => {
      const stored = await calc.storage();
      const aside = Object.keys(stored).filter((k) => k.startsWith(ASIDE));
      assert.equal(aside.length, 1, `one key kept aside: ${Object.keys(stored)}`);
      assert.equal(stored[aside[0]], GARBAGE);
    });

    // This tab's next change saves its own library again; what was kept aside stays.
    await calc.type(calc.countInput("3.4", "recommendations", "yes"), "3");
    await expectText(calc.overallScore, "19/36");
    await eventually(async () => {
      const stored = await calc.storage();
      const aside = Object.keys(stored).filter((k) => k.startsWith(ASIDE));
      assert.equal(stored[aside[0]], GARBAGE);
      assert.match(stored[KEY], /"recommendations":\{"relevant":3,"yes":3\}/);
      assert.match(stored[KEY], /Torbay YOT, March 2021/);
    });
    await other.close();
  });

  test("an edit not yet saved when another tab's save arrives is kept: both edits are merged and saved", { timeout: 60_000 }, async (t) => {
    const { page, calc } = await env.open(t);
    await calc.loadExample();
    await eventually(async () => assert.match((await calc.storage())[KEY] ?? "", /Torbay YOT, March 2021/));
    await expectText(calc.overallScore, "16/36");

    // In one task, so this tab's save cannot run in between: it types 2.1 desistance Yes = 2, and
    // another tab's save arrives with its own edit of the same scenario (3.4 recommendations Yes = 3).
    await page.evaluate((key) => {
      const theirs = JSON.parse(localStorage.getItem(key));
      const torbay = theirs.scenarios.find((s) => s.id === theirs.current);
      torbay.form.scenario.standards["3.4"].key_questions.recommendations.yes = 3;
      const input = document.querySelector('[data-testid="standards.2.1.key_questions.desistance.yes"]');
      input.value = "2";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      localStorage.setItem(key, JSON.stringify(theirs));
      window.dispatchEvent(new StorageEvent("storage", { key }));
    }, KEY);

    // Both edits stand, on the page and in storage.
    await eventually(async () => {
      assert.equal(await calc.countInput("2.1", "desistance", "yes").inputValue(), "2");
      assert.equal(await calc.countInput("3.4", "recommendations", "yes").inputValue(), "3");
    });
    await eventually(async () => {
      const stored = (await calc.storage())[KEY];
      assert.match(stored, /"recommendations":\{"relevant":3,"yes":3\}/);
      assert.match(stored, /"desistance":\{"relevant":4,"yes":2\}/);
    });
  });

  test("a scenario name is saved as it is typed: a reload straight after keeps it", { timeout: 60_000 }, async (t) => {
    const { page, session, calc } = await env.open(t);
    // Typed, never entered or left: no change event.
    await calc.scenarioName.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Peer review 2026");
    const again = await session.goto(page);
    await eventually(async () => assert.equal(await again.currentScenarioName(), "Peer review 2026"));
    assert.equal(await again.scenarioName.inputValue(), "Peer review 2026");

    // Spaces typed inside a name stay while typing; once entered it is trimmed, and a blank name keeps the old one.
    await again.scenarioName.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Mock inspection ");
    assert.equal(await again.scenarioName.inputValue(), "Mock inspection ");
    await page.keyboard.type("B");
    assert.equal(await again.scenarioName.inputValue(), "Mock inspection B");
    await page.keyboard.type("  ");
    await page.keyboard.press("Enter");
    await eventually(async () => assert.equal(await again.scenarioName.inputValue(), "Mock inspection B"));
    await again.scenarioName.fill("");
    await page.keyboard.press("Enter");
    await eventually(async () => assert.equal(await again.scenarioName.inputValue(), "Mock inspection B"));
    assert.equal(await again.currentScenarioName(), "Mock inspection B");
  });
});
