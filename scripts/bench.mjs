// The performance benchmark (run it as scripts/bench). Builds the release page and the
// bare Leptos counter (bench/counter), then measures:
//   1. transfer size of what each page loads at start: raw, gzip, brotli, per file and total,
//      and the ratio of the two pages;
//   2. first complete render of the calculator in headless Chromium, CPU throttled 4x
//      through the DevTools protocol: navigation start to the overall result and all twelve
//      standards in the DOM, read inside the page; a fresh context (cold cache, service
//      workers blocked) per load;
//   3. input to updated overall result in the DOM, same throttle, measured inside the page
//      with performance marks over a few hundred edits;
//   4. engine throughput natively (criterion: `cargo bench -p yj-rating-engine --bench score`).
// Prints a table with the targets and writes the same figures to bench-results/bench.json.
// Timings are reported, never asserted: the exit status is non-zero only when something
// could not be measured. (The deterministic size budget is scripts/size-check.mjs.)
//
// Options: --no-build (measure the pages already in dist/ and bench/counter/dist/)
//          --loads N (first-render loads, default 20)   --edits N (default 240)
//          --no-engine (skip the cargo bench run)   --throttle N (CPU slowdown, default 4)
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../e2e/server.mjs";
import { measurePage, wasmInside, fmt } from "./lib/page-sizes.mjs";
import { launchChromium } from "../e2e/lib/chromium.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const APP_DIST = join(ROOT, "dist");
const COUNTER_DIR = join(ROOT, "bench", "counter");
const COUNTER_DIST = join(COUNTER_DIR, "dist");
const RESULTS = join(ROOT, "bench-results");

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const LOADS = Math.max(option("--loads", 20), 1);
const WARMUP_LOADS = 1;
const EDITS = Math.max(option("--edits", 240), 1);
const WARMUP_EDITS = 10;
// The targets are set at 4x; `--throttle 1` shows the work itself, without the emulation's
// pauses (which make a 1 ms task take anywhere from 1 to 8 ms at 4x).
const THROTTLE = Math.max(option("--throttle", 4), 1);

const TARGETS = {
  gzipRatio: 1.5,
  firstRenderMs: 300,
  inputMedianMs: 4,
  inputP95Ms: 16,
  engineScenariosPerSecond: 1_000_000,
};


const errors = [];
const say = (text) => console.log(`\x1b[1m==> ${text}\x1b[0m`);

function run(command, args, cwd) {
  say(`${command} ${args.join(" ")}${cwd === ROOT ? "" : `   (in ${cwd.slice(ROOT.length + 1)})`}`);
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (status ${result.status})`);
}

// Percentiles by nearest rank: p95 of 240 values is the 228th smallest.
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
// Means, for timings the page can read only to a tenth of a millisecond (a median of such
// times moves in steps of 0.1).
const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
const round = (n, digits = 2) => (n == null ? null : Number(n.toFixed(digits)));

// ---------------------------------------------------------------------------------------
// In-page measurement scripts.

// Installed before any page script: notes performance.now() at the first DOM mutation
// after which `selectors` all match (a MutationObserver callback runs right after the
// mutation's task, before the browser renders), then a task after the next frame's
// rendering (that frame painted).
function firstRenderProbe(selectors) {
  const done = () => selectors.every((s) => document.querySelector(s));
  const observer = new MutationObserver(() => {
    if (window.__benchRender || !done()) return;
    observer.disconnect();
    const dom = performance.now();
    performance.mark("bench:first-render", { startTime: dom });
    const result = { dom, painted: null };
    window.__benchRender = result;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        result.painted = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

// Runs in the page: `edits` input events on `field` (or, with `keys`, key presses on it),
// cycling through `values`; for each, a mark just before the event and a mark when the
// text of `watch` (the overall score by default) changes in the DOM; returns the
// measured durations (ms). Waits for a frame between edits, as typing does.
async function editLoop({ field, values, edits, warmup, keys = false, watch = '[data-testid="overall-score"]' }) {
  const score = () => document.querySelector(watch)?.textContent ?? null;
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  // Counts the library's saves during the edits (autosave waits and saves a burst once).
  let saves = 0;
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === "yj-rating.library") saves++;
    return setItem.call(this, key, value);
  };
  // With keys, how long each press spends moving focus on (the browser's own work, timed
  // around every focus() the app calls), so a report says what the app's part is.
  const focus = HTMLElement.prototype.focus;
  let focusing = 0;
  if (keys) {
    HTMLElement.prototype.focus = function (...args) {
      const start = performance.now();
      try {
        return focus.apply(this, args);
      } finally {
        focusing += performance.now() - start;
      }
    };
  }
  const durations = [];
  const focusMoves = [];
  const unchanged = [];
  const texts = new Set();
  for (let i = 0; i < warmup + edits; i++) {
    const input = document.querySelector(`[data-testid="${field}"]`);
    if (!input) throw new Error(`no input [data-testid="${field}"]`);
    if (keys && document.activeElement !== input) {
      // As a typist's key press does, this one moves focus on to the next cell: the cell
      // pressed has focus first (given before the timing, a frame ahead).
      input.focus();
      await nextFrame();
    }
    const before = score();
    const value = values[i % values.length];
    const end = new Promise((resolveEnd) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        resolveEnd(null);
      }, 2000);
      const observer = new MutationObserver(() => {
        const now = score();
        if (now === before) return;
        const t = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        texts.add(now);
        resolveEnd(t);
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    focusing = 0;
    performance.mark(`bench:edit-${i}:start`);
    if (keys) {
      input.dispatchEvent(new KeyboardEvent("keydown", { key: value, bubbles: true, cancelable: true }));
    } else {
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const t = await end;
    if (t === null) {
      if (i >= warmup) unchanged.push({ edit: i - warmup, value, score: before });
    } else {
      performance.mark(`bench:edit-${i}:end`, { startTime: t });
      const measure = performance.measure(`bench:edit-${i}`, `bench:edit-${i}:start`, `bench:edit-${i}:end`);
      if (i >= warmup) {
        durations.push(measure.duration);
        focusMoves.push(focusing);
      }
    }
    await nextFrame();
  }
  Storage.prototype.setItem = setItem;
  HTMLElement.prototype.focus = focus;
  return { durations, focusMoves, unchanged, scores: [...texts], saves };
}

// ---------------------------------------------------------------------------------------

async function throttledPage(browser) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (err) => problems.push(String(err)));
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  return { context, page, problems };
}

/** Loads `url` `loads` times (after a warm-up), each in a fresh throttled context. */
async function firstRender(browser, url, selectors, loads) {
  const samples = [];
  for (let i = 0; i < WARMUP_LOADS + loads; i++) {
    const { context, page, problems } = await throttledPage(browser);
    try {
      await page.addInitScript(firstRenderProbe, selectors);
      const visit = async () => {
        await page.goto(url);
        await page.waitForFunction(() => window.__benchRender?.painted != null, null, { timeout: 60000 });
        return page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0];
          const resources = performance.getEntriesByType("resource");
          return {
            ...window.__benchRender,
            // When the last file the page loads at start had arrived.
            loaded: Math.max(nav.responseEnd, ...resources.map((r) => r.responseEnd)),
            domContentLoaded: nav.domContentLoadedEventEnd,
            // The page's first paint of any content: for a release build of the app, its
            // pre-rendered first screen, before the wasm runs.
            fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
          };
        });
      };
      const sample = await visit();
      // A second visit in the same profile: files from the HTTP cache and, where the
      // browser keeps it, compiled code from its code cache.
      await page.goto("about:blank");
      await page.waitForTimeout(1000);
      sample.second_dom = (await visit()).dom;
      if (problems.length) throw new Error(`the page reported errors: ${problems.join("; ")}`);
      if (i >= WARMUP_LOADS) samples.push(sample);
    } finally {
      await context.close();
    }
  }
  const of = (key) => samples.map((s) => s[key]);
  const summary = (key) => ({ median: round(median(of(key))), worst: round(Math.max(...of(key))) });
  return {
    loads: samples.length,
    warmup_loads: WARMUP_LOADS,
    dom_ms: summary("dom"),
    painted_ms: summary("painted"),
    first_contentful_paint_ms: summary("fcp"),
    loaded_ms: summary("loaded"),
    second_visit_dom_ms: summary("second_dom"),
    samples: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v)]))),
  };
}

/**
 * Input to updated result. By default: the Torbay example, typing into a count field.
 * With `grid`: the peer review example (18 cases recorded case by case), answering one
 * cell of the grid with the keyboard.
 */
async function inputLatency(browser, url, { grid = false } = {}) {
  const { context, page, problems } = await throttledPage(browser);
  try {
    await page.goto(url);
    await page.locator('[data-testid="overall"]').waitFor({ timeout: 60000 });
    let loop;
    if (grid) {
      await page.locator('[data-testid="import-file"]').setInputFiles(join(ROOT, "examples", "peer-review-cases.json"));
      await page.waitForFunction(() => document.querySelector('[data-testid="overall-score"]')?.textContent === "11/36", null, {
        timeout: 60000,
      });
      // Case 1's desistance answer for 2.1, No then Yes: the key question's percentage
      // changes every time.
      loop = {
        field: "cell-2-0-2.1-desistance",
        values: ["n", "y"],
        keys: true,
        watch: '[data-testid="kq-2.1-desistance"] td.percentage .figure',
      };
    } else {
      await page.locator('[data-testid="load-example"]').click();
      // The Torbay example scores 16/36; standard 2.1's key questions are all 4 of 4 (Outstanding),
      // so typing 0 and 4 into its desistance Yes count moves the overall score every time.
      await page.waitForFunction(() => document.querySelector('[data-testid="overall-score"]')?.textContent === "16/36", null, {
        timeout: 60000,
      });
      loop = { field: "standards.2.1.key_questions.desistance.yes", values: ["0", "4"] };
    }
    const result = await page.evaluate(editLoop, { ...loop, edits: EDITS, warmup: WARMUP_EDITS });
    const { field, values } = loop;
    if (problems.length) throw new Error(`the page reported errors: ${problems.join("; ")}`);
    if (result.unchanged.length) {
      throw new Error(`${result.unchanged.length} edits did not change the overall score (first: ${JSON.stringify(result.unchanged[0])})`);
    }
    const d = result.durations;
    return {
      edits: d.length,
      warmup_edits: WARMUP_EDITS,
      field,
      values: ["0", "4"],
      watched: loop.watch ?? "overall score",
      results_seen: result.scores,
      library_saves: result.saves,
      median_ms: round(median(d), 3),
      p95_ms: round(percentile(d, 95), 3),
      worst_ms: round(Math.max(...d), 3),
      durations_ms: d.map((x) => round(x, 3)),
      mean_ms: round(mean(d), 3),
      ...(loop.keys ? { focus_move_mean_ms: round(mean(result.focusMoves), 3) } : {}),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------

/** Runs the engine's criterion benchmark (scores only) and reads its `thrpt:` lines. */
function engineThroughput() {
  const args = ["bench", "-p", "yj-rating-engine", "--bench", "score", "--", "^score/"];
  say(`cargo ${args.join(" ")}`);
  const result = spawnSync("cargo", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  process.stderr.write(result.stderr);
  process.stdout.write(result.stdout);
  if (result.status !== 0) throw new Error(`cargo bench failed (status ${result.status})`);
  const units = { "elem/s": 1, "Kelem/s": 1e3, "Melem/s": 1e6, "Gelem/s": 1e9 };
  const benches = {};
  let name = null;
  for (const line of result.stdout.split("\n")) {
    const id = line.match(/^(\S+)/);
    if (id && !/^(Benchmarking|Found|Gnuplot|WARNING)/.test(line)) name = id[1];
    const thrpt = line.match(/thrpt:\s*\[\s*\S+ \S+\s+(\S+) (\S+)\s+\S+ \S+\s*\]/);
    if (thrpt && name && units[thrpt[2]]) benches[name] = Math.round(Number(thrpt[1]) * units[thrpt[2]]);
  }
  const names = Object.keys(benches).filter((n) => n.startsWith("score/"));
  if (!names.length) throw new Error("no `thrpt:` line for a score/ benchmark in cargo bench's output");
  const slowest = names.reduce((a, b) => (benches[a] <= benches[b] ? a : b));
  return { command: `cargo ${args.join(" ")}`, scenarios_per_second: benches, slowest, slowest_per_second: benches[slowest] };
}

// ---------------------------------------------------------------------------------------

const started = new Date();
const load = { start: loadavg().map((x) => round(x)) };
const results = {
  date: started.toISOString(),
  commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim(),
  dirty: spawnSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).stdout.trim() !== "",
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, load_average: load },
  targets: TARGETS,
  cpu_throttle: THROTTLE,
};

if (!flag("--no-build")) {
  run("trunk", ["build", "--release", "--offline"], ROOT);
  run("trunk", ["build", "--release", "--offline"], COUNTER_DIR);
}

say("transfer sizes");
const app = measurePage(APP_DIST);
const counter = measurePage(COUNTER_DIST);
const ratio = Object.fromEntries(["raw", "gzip", "brotli"].map((k) => [k, round(app.total[k] / counter.total[k], 3)]));
results.size = {
  app: { ...app, dir: "dist", wasm: wasmInside(APP_DIST, app.files) },
  counter: { ...counter, dir: "bench/counter/dist", wasm: wasmInside(COUNTER_DIST, counter.files) },
  ratio,
};

let browser;
let servers = [];
try {
  const appServer = await serve({ dir: APP_DIST, port: 0 });
  const counterServer = await serve({ dir: COUNTER_DIST, port: 0 });
  servers = [appServer, counterServer];
  browser = await launchChromium();
  results.browser = browser.version();

  say(`first complete render: ${LOADS} loads (+${WARMUP_LOADS} warm-up) of each page, CPU throttled ${THROTTLE}x`);
  try {
    results.first_render = {
      // The live app's (the pre-rendered first screen carries no test ids).
      app: await firstRender(browser, appServer.url, ['[data-testid="overall"]', '[data-testid="standard-3.4"]'], LOADS),
      counter: await firstRender(browser, counterServer.url, ['[data-testid="counter"]'], LOADS),
    };
  } catch (err) {
    errors.push(`first render: ${err.message}`);
  }

  say(`input to updated result: ${EDITS} edits (+${WARMUP_EDITS} warm-up), CPU throttled ${THROTTLE}x`);
  try {
    results.input = await inputLatency(browser, appServer.url);
  } catch (err) {
    errors.push(`input latency: ${err.message}`);
  }
  say(`a grid cell answered to updated result: ${EDITS} key presses (+${WARMUP_EDITS} warm-up), CPU throttled ${THROTTLE}x`);
  try {
    results.grid_input = await inputLatency(browser, appServer.url, { grid: true });
  } catch (err) {
    errors.push(`grid input latency: ${err.message}`);
  }
} finally {
  await browser?.close();
  for (const s of servers) await s.close();
}

if (!flag("--no-engine")) {
  try {
    results.engine = engineThroughput();
  } catch (err) {
    errors.push(`engine: ${err.message}`);
  }
}
load.end = loadavg().map((x) => round(x));
results.errors = errors;

// ---------------------------------------------------------------------------------------
// The report.

const pad = (s, n) => String(s ?? "-").padStart(n);
const line = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]) : pad(c, widths[i]))).join("  ");
const out = [];
out.push("");
out.push(`Performance benchmark, ${results.date} (commit ${results.commit}${results.dirty ? ", with local changes" : ""})`);
out.push(`Machine: ${results.machine.cpu}, ${results.machine.cores} cores, load average ${load.start.join(" ")} at start, ${load.end.join(" ")} at end; ${results.browser ? `Chromium ${results.browser}` : "no browser"}`);
out.push("");
out.push("Transfer size of what the page loads at start (bytes)");
const sw = [50, 10, 10, 10];
for (const [label, page] of [["app (dist/)", app], ["bare Leptos counter (bench/counter/dist/)", counter]]) {
  out.push(line([label, "raw", "gzip", "brotli"], sw));
  for (const f of page.files) out.push(line([`  ${f.file}`, fmt(f.raw), fmt(f.gzip), fmt(f.brotli)], sw));
  out.push(line(["  total", fmt(page.total.raw), fmt(page.total.gzip), fmt(page.total.brotli)], sw));
  for (const f of page.background) out.push(line([`  (background, not counted) ${f.file}`, fmt(f.raw), fmt(f.gzip), fmt(f.brotli)], sw));
}
out.push(line(["ratio app / counter", `${ratio.raw}x`, `${ratio.gzip}x`, `${ratio.brotli}x`], sw));
const wasm = results.size.app.wasm;
if (wasm) {
  out.push(line([`app's wasm binary (${wasm.module})`, fmt(wasm.raw), fmt(wasm.gzip), fmt(wasm.brotli)], sw));
}

const rows = [];
const verdict = (ok) => (ok == null ? "-" : ok ? "pass" : "MISS");
rows.push(["transfer size, gzip, app / counter", `${ratio.gzip}x (${fmt(app.total.gzip)} / ${fmt(counter.total.gzip)} B)`, `<= ${TARGETS.gzipRatio}x`, verdict(ratio.gzip <= TARGETS.gzipRatio)]);
const fr = results.first_render;
if (fr) {
  const n = `${fr.app.loads} loads`;
  rows.push([`first complete render, median (${n})`, `${fr.app.dom_ms.median} ms`, `<= ${TARGETS.firstRenderMs} ms`, verdict(fr.app.dom_ms.median <= TARGETS.firstRenderMs)]);
  rows.push([`first complete render, worst (${n})`, `${fr.app.dom_ms.worst} ms`, `<= ${TARGETS.firstRenderMs} ms`, verdict(fr.app.dom_ms.worst <= TARGETS.firstRenderMs)]);
  rows.push(["  then painted, median / worst", `${fr.app.painted_ms.median} / ${fr.app.painted_ms.worst} ms`, "", ""]);
  rows.push(["  all files arrived, median / worst", `${fr.app.loaded_ms.median} / ${fr.app.loaded_ms.worst} ms`, "", ""]);
  rows.push(["  counter's first render, median / worst", `${fr.counter.dom_ms.median} / ${fr.counter.dom_ms.worst} ms`, "", ""]);
  // Issue 12's targets, each the app's median against the counter's in this run: first
  // contentful paint no later, first complete render at most 1.3x, and a second visit (same
  // profile) at most 1.1x.
  const againstCounter = (label, key, limit, withTimes = true) => {
    const [app, counter] = [fr.app[key].median, fr.counter[key].median];
    const ratio = app / counter;
    const times = withTimes ? ` (${app} / ${counter} ms)` : "";
    rows.push([`${label}, app / counter (median)`, `${round(ratio, 2)}x${times}`, `<= ${limit.toFixed(1)}x`, verdict(ratio <= limit)]);
  };
  againstCounter("first contentful paint", "first_contentful_paint_ms", 1.0);
  againstCounter("first complete render", "dom_ms", 1.3, false);
  againstCounter("second visit render", "second_visit_dom_ms", 1.1);
} else rows.push(["first complete render", "not measured", `<= ${TARGETS.firstRenderMs} ms`, "-"]);
const inp = results.input;
if (inp) {
  rows.push([`input to updated result, median (${inp.edits} edits)`, `${inp.median_ms} ms`, `<= ${TARGETS.inputMedianMs} ms`, verdict(inp.median_ms <= TARGETS.inputMedianMs)]);
  rows.push([`input to updated result, p95 (${inp.edits} edits)`, `${inp.p95_ms} ms`, `<= ${TARGETS.inputP95Ms} ms`, verdict(inp.p95_ms <= TARGETS.inputP95Ms)]);
  rows.push([`  library saves during the ${inp.edits + inp.warmup_edits} edits`, `${inp.library_saves}`, "", ""]);
  rows.push(["  worst", `${inp.worst_ms} ms`, "", ""]);
} else rows.push(["input to updated result", "not measured", `<= ${TARGETS.inputMedianMs} / ${TARGETS.inputP95Ms} ms`, "-"]);
const grid = results.grid_input;
if (grid) {
  // The same targets: a key press in the grid must feel as instant as a typed count.
  rows.push([`grid key press to result, median (${grid.edits}, 18 cases)`, `${grid.median_ms} ms`, `<= ${TARGETS.inputMedianMs} ms`, verdict(grid.median_ms <= TARGETS.inputMedianMs)]);
  rows.push([`grid key press to result, p95`, `${grid.p95_ms} ms`, `<= ${TARGETS.inputP95Ms} ms`, verdict(grid.p95_ms <= TARGETS.inputP95Ms)]);
  rows.push(["  mean; of it, moving focus on (mean)", `${grid.mean_ms} ms; ${grid.focus_move_mean_ms} ms`, "", ""]);
} else rows.push(["grid key press to result", "not measured", `<= ${TARGETS.inputMedianMs} / ${TARGETS.inputP95Ms} ms`, "-"]);
const eng = results.engine;
if (eng) {
  rows.push([`engine, slowest full scenario (${eng.slowest})`, `${fmt(eng.slowest_per_second)} /s`, `>= ${fmt(TARGETS.engineScenariosPerSecond)} /s`, verdict(eng.slowest_per_second >= TARGETS.engineScenariosPerSecond)]);
  for (const [name, perSecond] of Object.entries(eng.scenarios_per_second)) if (name !== eng.slowest) rows.push([`  ${name}`, `${fmt(perSecond)} /s`, "", ""]);
} else rows.push(["engine throughput", flag("--no-engine") ? "skipped" : "not measured", `>= ${fmt(TARGETS.engineScenariosPerSecond)} /s`, "-"]);
out.push("");
out.push(`Timings: headless Chromium, CPU throttled ${THROTTLE}x (DevTools protocol); engine natively, one core`);
const tw = [52, 34, 16, 6];
out.push(line(["measure", "result", "target", ""], tw));
for (const r of rows) out.push(line(r, tw));
for (const e of errors) out.push(`NOT MEASURED: ${e}`);

mkdirSync(RESULTS, { recursive: true });
const jsonPath = join(RESULTS, "bench.json");
writeFileSync(jsonPath, JSON.stringify(results, null, 2) + "\n");
out.push("");
out.push(`Written: ${jsonPath.slice(ROOT.length + 1)}`);
console.log(out.join("\n"));
process.exit(errors.length ? 1 : 0);
