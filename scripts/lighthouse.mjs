// Lighthouse's mobile performance audit of the built page (issue 12's target: at least 90),
// served by the project's own server (e2e/server.mjs) and run in Debian's Chromium.
// Lighthouse is not one of the project's packages (it is large and only this measurement
// uses it): npx fetches the pinned version from npm into its cache on first use.
//
// Usage (after scripts/setup and a release build): node scripts/lighthouse.mjs [--dir dist] [--runs 3]
// Prints each run's score and metrics, and the median score.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../e2e/server.mjs";
import { CHROMIUM_PATH } from "../e2e/lib/chromium.mjs";

const LIGHTHOUSE = "lighthouse@12.8.2";
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = arg("--dir", "dist");
const runs = Number(arg("--runs", 3));

const server = await serve({ dir, port: 0 });
const out = mkdtempSync(join(tmpdir(), "yj-lighthouse-"));
const scores = [];
try {
  for (let i = 0; i < runs; i++) {
    const report = join(out, `run-${i}.json`);
    // Lighthouse's defaults: a mobile device, simulated slow 4G and a 4x slower CPU.
    // Asynchronously: the server answers from this process.
    await promisify(execFile)(
      "npx",
      ["--yes", LIGHTHOUSE, server.url, "--only-categories=performance", "--output=json", `--output-path=${report}`, "--quiet",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 << 20 },
    );
    const result = JSON.parse(readFileSync(report, "utf8"));
    const score = Math.round(result.categories.performance.score * 100);
    scores.push(score);
    const metric = (id) => result.audits[id].displayValue;
    console.log(
      `run ${i + 1}: performance ${score}; first contentful paint ${metric("first-contentful-paint")}, ` +
        `largest contentful paint ${metric("largest-contentful-paint")}, total blocking time ${metric("total-blocking-time")}, ` +
        `cumulative layout shift ${metric("cumulative-layout-shift")}, speed index ${metric("speed-index")}`,
    );
    // Which element Lighthouse took for the largest paint: a node the app re-creates when
    // it starts paints again, later than the pre-rendered copy did.
    const lcp = result.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
    if (lcp) console.log(`  largest contentful paint element: ${lcp.selector} ${lcp.snippet?.slice(0, 120) ?? ""}`);
  }
} finally {
  await server.close();
  rmSync(out, { recursive: true, force: true });
}
scores.sort((a, b) => a - b);
console.log(`Lighthouse ${LIGHTHOUSE.split("@")[1]} mobile performance, median of ${runs}: ${scores[Math.floor(runs / 2)]} (target: at least 90)`);
