// Trunk post-build hook (see Trunk.toml). In Trunk's staging directory it:
// 1. replaces Trunk's inline loader script (which a CSP without 'unsafe-inline' blocks)
//    with an external module, boot-<hash>.js;
// 2. has the boot module stream the wasm with fetch() (WebAssembly.instantiateStreaming,
//    under connect-src 'self'), so the browser compiles it while it downloads and keeps
//    the compiled code for the next visit; the fetch carries its subresource integrity.
//    index.html preloads it, except in a release build with a first screen, where it is
//    fetched once that screen is painted;
// 3. in a release build, given --prerender (the app's, not the benchmark's bare counter),
//    writes the app's first screen into index.html (prerender.mjs);
// 4. writes the service worker with the list of files to precache;
// 5. writes .gz and .br beside every file, for hosts that serve precompressed files.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("postbuild: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const hash = (data) => createHash("sha256").update(data).digest("hex").slice(0, 16);
const integrity = (data) => "sha384-" + createHash("sha384").update(data).digest("base64");

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const loader = html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/);
if (!loader) {
  console.error("postbuild: Trunk's loader script was not found in index.html");
  process.exit(1);
}
// The loader names them under the public URL ("./x.js", or "/calc/x.js" for a build with
// --public-url /calc/); the files themselves sit at the top of the staging directory.
const jsName = loader[1].match(/from '(?:[^']*\/)?([^'/]+\.js)'/)?.[1];
const wasmName = loader[1].match(/module_or_path: '(?:[^']*\/)?([^'/]+\.wasm)'/)?.[1];
if (!jsName || !wasmName) {
  console.error("postbuild: could not read the script and wasm names from Trunk's loader");
  process.exit(1);
}

const wasm = readFileSync(join(staging, wasmName));
const wasmIntegrity = integrity(wasm);

// A release build of the app shows a pre-rendered first screen (step 3). Its wasm is then
// fetched once that screen is painted, not preloaded: an early download competes with the
// page's own files for a slow connection, and Lighthouse's load model counts every request
// started before the largest paint as delaying it (the preload made its 2.9 s of 0.9 s).
// A page without a first screen (the benchmark's counter, a debug build) preloads it.
const firstScreen = process.argv.includes("--prerender") && process.env.TRUNK_PROFILE === "release";
const boot = `// Starts the calculator (written by scripts/postbuild.mjs).
import init, * as bindings from "./${jsName}";

// Streamed: the browser compiles the wasm while it downloads and caches the compiled
// code.${firstScreen ? "" : " The same request as the preload in index.html, so it is fetched once."}
const fetchWasm = () => fetch(new URL("./${wasmName}", import.meta.url), { integrity: "${wasmIntegrity}" });
${firstScreen ? "" : "const early = fetchWasm();\n"}// A pre-rendered first screen is painted before the app's start takes the main thread${firstScreen ? "\n// (and before the wasm is asked for)" : ""}: the start waits for the page's first contentful paint (at
// most a second; not at all in a tab out of sight, which paints nothing).
if (document.getElementById("prerender") && document.visibilityState === "visible") {
  await new Promise((shown) => {
    if (performance.getEntriesByName("first-contentful-paint").length) return shown();
    new PerformanceObserver(shown).observe({ type: "paint" });
    setTimeout(shown, 1000);
  });
}
await init({ module_or_path: ${firstScreen ? "fetchWasm()" : "early"} });
// The engine, for scripting the page: yjRating.score(scenario) returns the result object,
// yjRating.plan(court, outOfCourt) a sample plan, yjRating.margins(sample, population) margins.
window.yjRating = Object.freeze({ score: bindings.score, plan: bindings.plan, margins: bindings.margins });
// The calculator builds its page a part a task; it is ready once it says all are shown.
if (document.querySelector(".app.starting")) await new Promise((shown) => addEventListener("yj-rating-shown", shown, { once: true }));
dispatchEvent(new CustomEvent("yj-rating-ready"));
`;
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(staging, bootName), boot);

// Drop Trunk's loader and its wasm preload (a fetch); load the boot module instead.
html = html.replace(loader[0], "");
html = html.replace(/<link[^>]*rel="preload"[^>]*\.wasm"[^>]*>\s*/g, "");
html = html.replace(/<link[^>]*href="[^"]*\.wasm"[^>]*rel="preload"[^>]*>\s*/g, "");
const tags =
  (firstScreen ? "" : `<link rel="preload" href="./${wasmName}" as="fetch" type="application/wasm" crossorigin>\n`) +
  `<script type="module" src="./${bootName}" integrity="${integrity(boot)}"></script>\n`;
html = html.replace("</head>", `${tags}</head>`);
// Trunk writes absolute URLs for some assets (under --public-url /calc/, "/calc/x.css"):
// every built file sits beside index.html, so each is named relative to it.
html = html.replace(/(href|src)="\/(?!\/)(?:[^"]*\/)?([^"/]*)"/g, '$1="./$2"');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("postbuild: an inline script is left in index.html");
  process.exit(1);
}
writeFileSync(indexPath, html);
// A release build's page shows the calculator's first screen before the wasm runs: the
// page just written, opened in Chromium, gives it.
if (firstScreen) {
  const { prerender, withFirstScreen } = await import("./prerender.mjs");
  html = withFirstScreen(html, await prerender(staging));
  writeFileSync(indexPath, html);
}

// The service worker: precache every built file.
const files = readdirSync(staging).filter((f) => statSync(join(staging, f)).isFile() && !/\.(gz|br)$/.test(f) && f !== "sw.js");
const precache = ["./", ...files.sort().map((f) => `./${f}`)];
const version = hash(files.map((f) => f + ":" + hash(readFileSync(join(staging, f)))).join("\n"));
const sw = readFileSync(join(root, "static", "sw.js"), "utf8")
  .replace("/*PRECACHE*/[]", JSON.stringify(precache))
  .replace("/*VERSION*/", version);
writeFileSync(join(staging, "sw.js"), sw);

for (const file of readdirSync(staging)) {
  const path = join(staging, file);
  if (!statSync(path).isFile() || /\.(gz|br)$/.test(file)) continue;
  const data = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
console.log(`postbuild: ${bootName}, ${wasmName} (${wasm.length} bytes), sw.js with ${precache.length} files`);
