// Hostile input through every door (issue 15): the JS API on cyclic, very deep and
// oversized objects refuses them with an Error and the page keeps working (edits update
// and are saved); a share link with a duplicate key is refused with its path; the server
// sends the hosting headers the README lists.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { useBrowser, TORBAY, DIST, expectText, expectContains, eventually } from "./lib/harness.mjs";
import { HASHED } from "./server.mjs";

/**
 * Calls window.yjRating.score on a hostile object built in the page (`kind` picks it: the
 * page's CSP allows no eval, so the builders live here); resolves to what it threw.
 */
async function scoreThrown(page, kind) {
  return page.evaluate((kind) => {
    const base = () => ({ format: "yj-rating-scenario", version: 1, framework: "youth-2018", standards: {} });
    const nest = (depth, wrap) => {
      let value = {};
      for (let i = 0; i < depth; i++) value = wrap(value);
      return value;
    };
    const build = {
      cyclic: () => {
        const scenario = base();
        scenario.standards.self = scenario;
        return scenario;
      },
      deep: () => ({ ...base(), title: nest(5000, (a) => ({ a })) }),
      deeper: () => nest(100000, (a) => [a]),
      huge: () => ({ ...base(), title: "x".repeat(33_000_000) }),
      bigint: () => ({ ...base(), version: 1n }),
      nothing: () => undefined,
    }[kind];
    try {
      window.yjRating.score(build());
      return null;
    } catch (e) {
      return { isError: e instanceof Error, message: e.message };
    }
  }, kind);
}

/** The page still works: an edit updates the result and is saved (a reload finds it). */
async function stillWorks(session, page, calc) {
  const result = await page.evaluate((scenario) => window.yjRating.score(scenario), TORBAY);
  assert.equal(result.total, 16);
  await calc.loadExample();
  await expectText(calc.overallScore, "16/36");
  await calc.type(calc.countInput("3.4", "recommendations", "yes"), "3");
  await expectText(calc.overallScore, "19/36");
  const after = await session.goto(page);
  await expectText(after.overallScore, "19/36");
  assert.equal(await after.countInput("3.4", "recommendations", "yes").inputValue(), "3");
}

describe("hostile input", () => {
  const env = useBrowser();

  test("yjRating.score refuses a cyclic object, then the page still works", { timeout: 60_000 }, async (t) => {
    const { session, page, calc } = await env.open(t);
    const thrown = await scoreThrown(page, "cyclic");
    assert.ok(thrown, "a cyclic object throws");
    assert.equal(thrown.isError, true);
    assert.match(thrown.message, /^not a scenario object: .*circular/i);
    await stillWorks(session, page, calc);
    session.assertClean();
  });

  test("yjRating.score refuses an object nested 5,000 deep, then the page still works", { timeout: 60_000 }, async (t) => {
    const { session, page, calc } = await env.open(t);
    const thrown = await scoreThrown(page, "deep");
    assert.ok(thrown, "a 5,000-deep object throws");
    assert.equal(thrown.isError, true);
    assert.match(thrown.message, /^title(\.a){63}: nested more than 64 deep$/);
    // Many deep objects in a row change nothing either.
    for (let i = 0; i < 20; i++) {
      const again = await scoreThrown(page, "deeper");
      assert.ok(again?.isError, "a 100,000-deep array throws an Error");
    }
    await stillWorks(session, page, calc);
    session.assertClean();
  });

  test("yjRating.score refuses an oversized object and values JSON cannot hold", { timeout: 60_000 }, async (t) => {
    const { session, page, calc } = await env.open(t);
    const huge = await scoreThrown(page, "huge");
    assert.match(huge?.message ?? "", /^not a scenario object: as JSON it is \d+ characters long, more than the 32000000 a scenario file may have$/);
    const bigint = await scoreThrown(page, "bigint");
    assert.match(bigint?.message ?? "", /^not a scenario object: .*BigInt/i);
    const nothing = await scoreThrown(page, "nothing");
    assert.equal(nothing?.message, "not a scenario object: it cannot be written as JSON");
    await stillWorks(session, page, calc);
    session.assertClean();
  });

  test("a share link with a duplicate key is refused with its path, adding nothing", { timeout: 60_000 }, async (t) => {
    const { session, calc } = await env.open(t);
    const names = await calc.scenarioNames();
    const text = `{"format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
      "standards": {"3.2": {"cases": 3, "key_questions": {
        "safety": {"relevant": 2, "yes": 0}, "safety": {"relevant": 2, "yes": 2}}}}}`;
    const fragment = "#scenario=" + Buffer.from(text).toString("base64url");
    const other = await session.newPage();
    const calc2 = await session.goto(other, fragment);
    await expectContains(calc2.byTestId("notice-error"), 'standards.3.2.key_questions: duplicate key "safety"');
    assert.deepEqual(await calc2.scenarioNames(), names);
    await eventually(async () => assert.equal(await other.evaluate(() => location.hash), ""));
  });

  test("a shared name with a right-to-left override or a control character shows them, never reordered", { timeout: 60_000 }, async (t) => {
    const { session } = await env.open(t);
    const text = JSON.stringify({
      format: "yj-rating-scenario", version: 1, framework: "youth-2018",
      title: "Torbay \u202eweiver\u0007", standards: {},
    });
    const fragment = "#scenario=" + Buffer.from(text).toString("base64url");
    const other = await session.newPage();
    const calc = await session.goto(other, fragment);
    const shown = "Torbay \\u{202e}weiver\\u{7} (shared)";
    await eventually(async () => assert.equal(await calc.currentScenarioName(), shown));
    assert.equal(await calc.scenarioName.inputValue(), shown);
    await expectContains(calc.byTestId("notice-info"), shown);
  });

  test("the server sends the hosting headers: CSP with frame-ancestors, nosniff, caching", { timeout: 30_000 }, async () => {
    const page = await fetch(env.url);
    assert.equal(page.status, 200);
    await page.text();
    assert.equal(page.headers.get("content-security-policy"), "frame-ancestors 'none'");
    assert.equal(page.headers.get("x-frame-options"), "DENY");
    assert.equal(page.headers.get("x-content-type-options"), "nosniff");
    assert.equal(page.headers.get("cache-control"), "no-cache");
    const worker = await fetch(new URL("sw.js", env.url));
    assert.equal(worker.status, 200);
    assert.equal(worker.headers.get("cache-control"), "no-cache");
    assert.equal(worker.headers.get("x-content-type-options"), "nosniff");
    const hashed = readdirSync(DIST).filter((name) => HASHED.test(name));
    assert.ok(hashed.some((name) => name.endsWith("_bg.wasm")), `the WebAssembly is hashed: ${hashed}`);
    assert.ok(hashed.some((name) => name.endsWith(".css")), `the style sheet is hashed: ${hashed}`);
    for (const name of hashed) {
      const asset = await fetch(new URL(name, env.url));
      assert.equal(asset.status, 200, name);
      assert.equal(asset.headers.get("cache-control"), "public, max-age=31536000, immutable", name);
      assert.equal(asset.headers.get("x-content-type-options"), "nosniff", name);
      // WebAssembly streams only when it is sent as application/wasm.
      if (name.endsWith(".wasm")) assert.equal(asset.headers.get("content-type"), "application/wasm", name);
    }
  });
});
