// Shared setup for the end-to-end tests: a static server for dist/ (mounted under a
// sub-path by default), one Chromium per test file, a fresh browser context per test,
// and a watch on every page for errors, CSP violations and requests.
//
// Usage in a test file:
//   const env = useBrowser();                       // registers before/after hooks
//   test("...", async (t) => {
//     const { page, calc } = await env.open(t);     // new context, page, app started
//     ...
//   });
// Every page opened through env.open / session.newPage fails its test (in an after
// hook) on any uncaught page error or console error, unless the test allowed it with
// session.allowConsole(/pattern/).
//
// E2E_DIST names the built site to test (default: dist/ in the repository).
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../server.mjs";
import { Calculator } from "./calculator.mjs";
import { CHROMIUM_ARGS, launchChromium } from "./chromium.mjs";
export { CHROMIUM_ARGS };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = resolve(ROOT, process.env.E2E_DIST || "dist");
/** The sub-path most tests mount the site under, to prove sub-path hosting works. */
export const BASE = "/inspection/calculator/";
export const RESULTS = join(ROOT, "test-results");


/** The Torbay 2021 worked example (rule book section 2), as the scenario file. */
export const TORBAY = JSON.parse(readFileSync(join(ROOT, "examples", "torbay-2021.json"), "utf8"));

/** Launches Debian's Chromium (never a downloaded browser). */
export const launch = launchChromium;

/**
 * Serves the built site under `base` behind a recording proxy, so a test can see every
 * request that reached the server. Resolves to { url, origin, hits, close }.
 */
export async function startServer({ base = BASE, dir = DIST } = {}) {
  const inner = await serve({ dir, port: 0, base });
  const innerUrl = new URL(inner.url);
  const hits = [];
  const proxy = createServer((req, res) => {
    hits.push({ method: req.method, url: req.url, at: Date.now() });
    const upstream = httpRequest(
      { host: innerUrl.hostname, port: innerUrl.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise((r) => proxy.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${proxy.address().port}`;
  let closed = false;
  return {
    url: origin + base,
    origin,
    hits,
    async close() {
      if (closed) return;
      closed = true;
      proxy.closeAllConnections?.();
      await new Promise((r) => proxy.close(r));
      await inner.close();
    },
  };
}

/** Retries an assertion until it passes or the time is up; rethrows the last failure. */
export async function eventually(check, { timeout = 5000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** Waits until a locator's visible text (whitespace collapsed) equals or matches `expected`. */
export async function expectText(locator, expected, options) {
  await eventually(async () => {
    const text = (await locator.innerText({ timeout: 1000 })).replace(/\s+/g, " ").trim();
    if (expected instanceof RegExp) assert.match(text, expected);
    else assert.equal(text, expected);
  }, options);
}

/** Waits until a locator's text contains `part`. */
export async function expectContains(locator, part, options) {
  await eventually(async () => {
    const text = (await locator.innerText({ timeout: 1000 })).replace(/\s+/g, " ").trim();
    assert.ok(text.includes(part), `expected ${JSON.stringify(text)} to contain ${JSON.stringify(part)}`);
  }, options);
}

/** Waits until exactly one element matches and it is visible. */
export async function expectVisible(locator, options) {
  await eventually(async () => {
    assert.equal(await locator.count(), 1, `one element for ${locator}`);
    assert.equal(await locator.isVisible(), true, `${locator} is visible`);
  }, options);
}

/** Waits until a form control's value equals `expected`. */
export async function expectValue(locator, expected, options) {
  await eventually(async () => assert.equal(await locator.inputValue({ timeout: 1000 }), expected), options);
}

/** Waits until a locator matches exactly `n` elements. */
export async function expectCount(locator, n, options) {
  await eventually(async () => assert.equal(await locator.count(), n), options);
}

// Marks the page ready when the app's own start event fires (registered before any
// page script runs, so the event cannot be missed).
const READY_SCRIPT = `
  addEventListener("yj-rating-ready", () => { window.__yjRatingReady = true; }, { once: true });
`;

/**
 * A browser context with its pages watched. Everything a test needs goes through here.
 */
export class Session {
  constructor(env, context) {
    this.env = env;
    this.context = context;
    this.pages = [];
    /** Uncaught exceptions, console errors and CSP violation messages, with the page's URL. */
    this.problems = [];
    /** Every request any page or service worker of the context made, in order. */
    this.requests = [];
    this.allowed = [];
    context.on("request", (request) => this.requests.push({ url: request.url(), from: "context", request }));
    context.on("serviceworker", (worker) => {
      worker.on("console", (msg) => this.#console(msg, "service worker"));
    });
  }

  /** Lets console errors matching `pattern` through (for tests that provoke them). */
  allowConsole(pattern) {
    this.allowed.push(pattern);
  }

  #console(msg, where) {
    const text = msg.text();
    const csp = /Content Security Policy|Refused to/i.test(text);
    if ((msg.type() === "error" || csp) && !this.allowed.some((p) => p.test(text))) {
      this.problems.push(`${where}: console ${msg.type()}: ${text}`);
    }
  }

  /** Opens a new watched page (not navigated). */
  async newPage() {
    const page = await this.context.newPage();
    await page.addInitScript(READY_SCRIPT);
    page.on("pageerror", (err) => this.problems.push(`${page.url()}: page error: ${err.stack || err}`));
    page.on("console", (msg) => this.#console(msg, page.url()));
    page.on("request", (request) => this.requests.push({ url: request.url(), from: "page", request }));
    this.pages.push(page);
    return page;
  }

  /** Navigates to the app (or `path` below the base URL) and waits for it to start. */
  async goto(page, path = "") {
    await page.goto(this.env.url + path);
    await waitForApp(page);
    return new Calculator(page);
  }

  /** Requests that left for anywhere but the local server (data: and blob: URLs stay in the page). */
  foreignRequests() {
    const origin = this.env.server.origin;
    return this.requests
      .map((r) => r.url)
      .filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
  }

  /** Fails when any watched page reported an error or a CSP violation, or a request left the local server. */
  assertClean() {
    assert.deepEqual(this.problems, [], "the page reported errors or CSP violations");
    assert.deepEqual(this.foreignRequests(), [], "every request goes to the local server");
  }
}

/** Waits for the app's start event and its first render of the overall result. */
export async function waitForApp(page, { timeout = 20000 } = {}) {
  await page.waitForFunction(() => window.__yjRatingReady === true && typeof window.yjRating?.score === "function", null, {
    timeout,
  });
  await page.locator("[data-testid=overall]").waitFor({ state: "visible", timeout });
}

/**
 * Registers before/after hooks that start the server and Chromium for this file.
 * Returns an object whose url/server/browser are set once the hooks have run.
 */
export function useBrowser({ base = BASE, dir = DIST } = {}) {
  const env = {
    url: null,
    server: null,
    browser: null,
    /**
     * A fresh context and page on the app, started. Closes the context after the test
     * and fails the test if a page reported an error.
     * options: { context: BrowserContextOptions, init: [script...], path, navigate: false }
     */
    async open(t, options = {}) {
      const session = await env.session(t, options.context);
      for (const script of options.init || []) await session.context.addInitScript(script);
      const page = await session.newPage();
      let calc = new Calculator(page);
      if (options.navigate !== false) calc = await session.goto(page, options.path || "");
      return { session, context: session.context, page, calc };
    },
    /** A fresh watched context, closed after the test. */
    async session(t, contextOptions = {}) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
      const session = new Session(env, context);
      t.after(async () => {
        await context.close().catch(() => {});
        session.assertClean();
      });
      return session;
    },
  };
  before(async () => {
    env.server = await startServer({ base, dir });
    env.url = env.server.url;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
