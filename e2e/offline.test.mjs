// Offline: once loaded, the service worker serves the whole calculator with no network.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, waitForApp, expectText, eventually } from "./lib/harness.mjs";
import { Calculator } from "./lib/calculator.mjs";

describe("offline", () => {
  const env = useBrowser();

  test("after one visit the calculator loads and scores with no network and no server", { timeout: 90_000 }, async (t) => {
    const { session, context, page, calc } = await env.open(t);
    await calc.type(calc.casesInput("2.1"), "4");

    // Wait for the service worker to install (precache) and take control of the page.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, env.url, "the service worker's scope is the sub-path the site is mounted at");
    const controlled = await page
      .waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 5000 })
      .then(() => true, () => false);
    if (!controlled) {
      await page.reload();
      await waitForApp(page);
    }
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.state), "activated");
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const names = [];
      for (const key of keys) for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
      return names;
    });
    assert.ok(cached.some((p) => p.endsWith("/index.html")), `index.html is precached: ${cached}`);
    assert.ok(cached.some((p) => /_bg\.wasm$/.test(p)), "the wasm is precached");

    // Cut the network, and stop the server too.
    await context.setOffline(true);
    await env.server.close();
    const hitsBefore = env.server.hits.length;

    await page.reload();
    await waitForApp(page);
    const offline = new Calculator(page);
    // What was typed before is still there (local storage), and the calculator scores.
    assert.equal(await offline.casesInput("2.1").inputValue(), "4");
    await offline.loadExample();
    await expectText(offline.overallScore, "16/36");
    await expectText(offline.overallRating, /^\W*Requires improvement$/);
    await offline.type(offline.countInput("3.4", "recommendations", "yes"), "3");
    await expectText(offline.overallScore, "19/36");
    await eventually(async () => assert.equal(await offline.ratingWords("3.4"), "Outstanding"));

    // A new tab opened offline works too.
    const fresh = await session.newPage();
    const calc2 = await session.goto(fresh);
    await expectText(calc2.overallScore, "19/36");
    assert.equal(env.server.hits.length, hitsBefore, "nothing reached the (stopped) server");
  });
});
