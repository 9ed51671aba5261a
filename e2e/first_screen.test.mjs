// The pre-rendered first screen (issue 12): the release build's index.html carries the
// calculator's first screen, written by the app itself at build time
// (scripts/prerender.mjs). It shows before the wasm runs, takes no input that could be
// lost, says with JavaScript off that the calculator needs it, and gives way to the live
// app without moving anything.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, eventually } from "./lib/harness.mjs";

describe("first screen before the wasm runs", () => {
  const env = useBrowser();

  test("with JavaScript off, the page shows the first screen and says the calculator needs JavaScript", { timeout: 60_000 }, async (t) => {
    const { page } = await env.open(t, { navigate: false, context: { javaScriptEnabled: false } });
    await page.goto(env.url);
    const text = await page.locator("body").innerText();
    assert.match(text, /needs JavaScript/);
    const shell = page.locator("#prerender");
    assert.equal(await shell.getAttribute("inert"), "", "the copy takes no input");
    assert.equal(await shell.locator(".overview-table tbody th a").count(), 12, "the overview names every standard");
    assert.equal(await shell.locator("article.standard").count(), 12, "every standard of youth-2018");
    assert.equal(await shell.locator("input.count-field").count() > 20, true, "with its count fields");
    assert.match(await shell.locator(".overview").innerText(), /0 of 12 standards rated/);
    assert.ok(await shell.locator(".overview").isVisible(), "styled and on screen");
    assert.equal(await shell.locator(".print-heading").textContent(), "", "no printing date from the day of the build");
  });

  test("until the wasm has run the first screen is shown, takes no focus, and gives way to the same page", { timeout: 60_000 }, async (t) => {
    const { page } = await env.open(t, { navigate: false, context: { viewport: { width: 1280, height: 800 } } });
    let release;
    const gate = new Promise((r) => (release = r));
    await page.route(/\.wasm$/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(env.url, { waitUntil: "load" }).catch(() => {});
    const shell = page.locator("#prerender");
    await eventually(async () => assert.ok(await shell.locator(".overview").isVisible(), "the first screen is painted"));
    const before = await page.evaluate(() => {
      const field = document.querySelector("#prerender input.count-field");
      field.focus();
      return {
        focused: document.activeElement === field,
        overview: document.querySelector("#prerender .overview").innerText,
        standards: [...document.querySelectorAll("#prerender article.standard")].map((a) => a.innerText),
        countTop: field.getBoundingClientRect().top,
      };
    });
    assert.equal(before.focused, false, "a field of the copy cannot be focused, so nothing typed there is lost");
    release();
    await page.waitForFunction(() => window.yjRating && !document.getElementById("prerender"), null, { timeout: 30_000 });
    const after = await page.evaluate(() => ({
      apps: document.querySelectorAll(".app").length,
      overview: document.querySelector(".overview").innerText,
      standards: [...document.querySelectorAll("article.standard")].map((a) => a.innerText),
      countTop: document.querySelector("main input.count-field").getBoundingClientRect().top,
    }));
    assert.equal(after.apps, 1, "one calculator on the page");
    assert.equal(after.overview, before.overview, "the overview reads the same");
    assert.deepEqual(after.standards, before.standards, "every standard reads the same");
    assert.equal(after.countTop, before.countTop, "the first count field does not move");
  });

  test("the app builds its page a part a task, and the first screen gives way part by part behind it", { timeout: 60_000 }, async (t) => {
    const { page } = await env.open(t, { navigate: false, context: { viewport: { width: 1280, height: 800 } } });
    // The app's steps wait on zero-delay timers: hold those back, to look between steps.
    await page.addInitScript(() => {
      const setTimer = window.setTimeout;
      window.__holdSteps = true;
      window.setTimeout = (f, delay, ...rest) => setTimer(f, !delay && window.__holdSteps ? 3_000 : delay, ...rest);
    });
    await page.goto(env.url);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.waitForSelector("body > .app.starting", { timeout: 30_000 });
    const between = await page.evaluate(() => ({
      order: [...document.body.children].map((e) => (e.id === "prerender" ? "copy" : e.classList.contains("app") ? "live" : "")).filter(Boolean),
      live: document.querySelectorAll("body > .app .domain").length,
      copy: [...document.querySelectorAll("#prerender .domain h2")].map((h) => h.textContent),
      copyAbove: document.querySelectorAll("#prerender .overview, #prerender .masthead").length,
      height: document.documentElement.scrollHeight,
    }));
    assert.deepEqual(between.order, ["live", "copy"], "the live app first, the copy after it");
    assert.equal(between.live, 1, "the first domain is built with the page");
    assert.equal(between.copy.length, 2, `the copy keeps the two domains not built yet: ${between.copy}`);
    assert.equal(between.copyAbove, 0, "and nothing the app shows already");
    assert.equal(between.height, height, "the page keeps its height");
    await page.evaluate(() => (window.__holdSteps = false));
    await page.waitForFunction(() => window.__yjRatingReady === true, null, { timeout: 30_000 });
    const done = await page.evaluate(() => ({
      copy: document.getElementById("prerender"),
      live: document.querySelectorAll("body > .app:not(.starting) .domain").length,
      height: document.documentElement.scrollHeight,
    }));
    assert.equal(done.copy, null, "the copy is gone once all is built");
    assert.equal(done.live, 3);
    assert.equal(done.height, height);
  });
});
