// What a built page loads, and its transfer size: the files index.html references
// (stylesheets, module preloads, scripts) plus everything those import or fetch relative
// to themselves (the boot module's wasm), each raw, gzip (level 9) and brotli (quality 11),
// as scripts/postbuild.mjs precompresses them.
// The service worker (sw.js) is registered after start and loads in the background, so
// it is listed apart and not counted. Used by scripts/bench.mjs and scripts/size-check.mjs.
import { readFileSync, existsSync } from "node:fs";
import { join, normalize, posix } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

/** Compressed sizes of a buffer, as a host serving the precompressed files sends it. */
export function sizesOf(data) {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const local = (url) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);

/** URLs a file refers to that the browser loads when the page starts. */
function references(name, text) {
  const found = [];
  if (name.endsWith(".html")) {
    // Every <link href> except icons and the manifest, every <script src>.
    for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
      const rel = tag.match(/\brel="([^"]*)"/i)?.[1] ?? "";
      const href = tag.match(/\bhref="([^"]*)"/i)?.[1];
      if (href && !/\b(icon|manifest)\b/i.test(rel)) found.push(href);
    }
    for (const [, src] of text.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/gi)) found.push(src);
  } else if (name.endsWith(".js")) {
    // Static imports and re-exports, bare side-effect imports, dynamic imports with a literal.
    for (const [, spec] of text.matchAll(/\b(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g)) found.push(spec);
    for (const [, spec] of text.matchAll(/\bimport\s*["']([^"']+)["']/g)) found.push(spec);
    for (const [, spec] of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(spec);
    // Files fetched relative to the module, as the boot module fetches the wasm. (Not every
    // `new URL`: wasm-bindgen's glue names a default it never uses here.)
    for (const [, spec] of text.matchAll(/\bfetch\(\s*new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) found.push(spec);
  } else if (name.endsWith(".css")) {
    for (const [, , url] of text.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) found.push(url);
    for (const [, url] of text.matchAll(/@import\s+["']([^"']+)["']/g)) found.push(url);
  }
  return found.filter(local).map((url) => url.split(/[?#]/)[0]);
}

/**
 * The files a built page loads at start, in discovery order, with their sizes; the total;
 * and `background` (sw.js, not counted). Throws when a referenced file is missing.
 */
export function measurePage(dir) {
  const files = [];
  const seen = new Set();
  const queue = ["index.html"];
  while (queue.length) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(`${path} is referenced by the page but does not exist (is ${dir} built?)`);
    const data = readFileSync(path);
    files.push({ file: name, ...sizesOf(data) });
    for (const url of references(name, data.toString("utf8"))) {
      const target = normalize(posix.join(posix.dirname(name), url)).replace(/^\.\//, "");
      if (target.startsWith("..")) throw new Error(`${name} refers outside the site: ${url}`);
      if (!seen.has(target)) queue.push(target);
    }
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  const background = existsSync(join(dir, "sw.js")) ? [{ file: "sw.js", ...sizesOf(readFileSync(join(dir, "sw.js"))) }] : [];
  return { dir, files, total, background };
}

/** The page's wasm binary among the files it loads, or null. */
export function wasmInside(dir, files) {
  const wasm = files.find((f) => f.file.endsWith(".wasm"));
  return wasm ? { module: wasm.file, raw: wasm.raw, gzip: wasm.gzip, brotli: wasm.brotli } : null;
}

export const fmt = (n) => n.toLocaleString("en-GB");
