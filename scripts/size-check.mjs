// The size budget: fails (exit 1) when what the built page loads at start, gzip-compressed,
// exceeds bench/size-budget.json. Deterministic (sizes of an already-built dist/).
// Usage: node scripts/size-check.mjs [dist]       (after trunk build --release --offline)
// scripts/bench reports the same figures beside the bare Leptos baseline.
import { readFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measurePage, fmt } from "./lib/page-sizes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = resolve(process.argv[2] || join(root, "dist"));
const budget = JSON.parse(readFileSync(join(root, "bench", "size-budget.json"), "utf8"));

let page;
try {
  page = measurePage(dir);
} catch (err) {
  console.error(`size-check: ${err.message}`);
  process.exit(1);
}
const pad = (s, n) => String(s).padStart(n);
console.log(`size-check: what ${dir}/index.html loads at start (bytes)`);
console.log(`  ${"file".padEnd(48)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
for (const f of page.files) console.log(`  ${f.file.padEnd(48)}${pad(fmt(f.raw), 10)}${pad(fmt(f.gzip), 10)}${pad(fmt(f.brotli), 10)}`);
const t = page.total;
console.log(`  ${"total".padEnd(48)}${pad(fmt(t.raw), 10)}${pad(fmt(t.gzip), 10)}${pad(fmt(t.brotli), 10)}`);
const headroom = budget.gzip_bytes - t.gzip;
if (t.gzip > budget.gzip_bytes) {
  console.error(
    `size-check: FAIL: the page loads ${fmt(t.gzip)} bytes gzip, over the budget of ${fmt(budget.gzip_bytes)} ` +
      `(bench/size-budget.json) by ${fmt(-headroom)} bytes.\n` +
      `  Budget: ${budget.why}\n` +
      `  Make the page smaller, or raise the budget in bench/size-budget.json with the reason.`,
  );
  process.exit(1);
}
console.log(`size-check: ok: ${fmt(t.gzip)} bytes gzip, within the budget of ${fmt(budget.gzip_bytes)} (${fmt(headroom)} to spare)`);
