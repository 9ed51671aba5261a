// Where the app's WebAssembly size is: the code bytes of every function, added up by the
// crate it comes from (its symbol's first path segment), and the largest functions.
// Reads the wasm cargo builds for the release page, through wasm-bindgen (keeping names)
// but not wasm-opt, which then shrinks the whole by about a quarter, much the same
// everywhere, so the shares hold for the shipped file.
// Usage: node scripts/wasm-size.mjs [file.wasm] [--top N]
//   (after trunk build --release, or cargo build --release --target wasm32-unknown-unknown)
//        node scripts/wasm-size.mjs --views
//   the code of each of the app's modules (src/ui/*, src/app, ...) with the Leptos code
//   instantiated for its views: Leptos's view code is generic over each view's type, so
//   most of it belongs to one view. The usual symbol names drop generic arguments, so
//   this builds the app once more with Rust's v0 mangling, which keeps them, into
//   target/v0 (a few minutes the first time), and credits a function to the app module
//   its name mentions most.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
const views = args.includes("--views");
const V0_TARGET = join(ROOT, "target", "v0");
const file = views
  ? join(V0_TARGET, "wasm32-unknown-unknown", "release", "yj-rating-app.wasm")
  : (args.find((a, i) => !a.startsWith("--") && i !== topAt + 1) ??
    join(ROOT, "target", "wasm32-unknown-unknown", "release", "yj-rating-app.wasm"));

/** The module's function bodies (sizes, by function index) and its name section. */
function readModule(buf) {
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = buf[p++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const name = () => {
    const length = leb();
    const text = buf.toString("utf8", p, p + length);
    p += length;
    return text;
  };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const end = p + size;
    if (id === 2) {
      // Imports: only imported functions take function indices before the module's own.
      for (let n = leb(); n > 0; n--) {
        name();
        name();
        const kind = buf[p++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          p++;
          if (leb() & 1) leb();
          leb();
        } else if (kind === 2) {
          if (leb() & 1) leb();
          leb();
        } else if (kind === 3) p += 2;
        else leb(); // a tag
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const length = leb();
        bodies.push(length);
        p += length;
      }
    } else if (id === 11) data = size;
    else if (id === 0 && name() === "name") {
      while (p < end) {
        const sub = buf[p++];
        const subEnd = leb() + p;
        if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), name());
        p = subEnd;
      }
    }
    p = end;
  }
  return { bodies: bodies.map((bytes, i) => ({ bytes, name: names.get(imported + i) ?? "" })), data, named: names.size };
}

/** The crate a function belongs to, from its name as wasm-bindgen leaves it (demangled:
 * "core::fmt::write", "<alloc::vec::Vec<T> as core::clone::Clone>::clone"). For a trait
 * impl, the crate of the type it is for, or of the trait when the type is generic. */
function crateOf(name) {
  let s = name.replace(/\[[0-9a-f]+\]/g, ""); // v0 names give each crate's hash: "core[c593…]::fmt"
  const impl = s.match(/^<(.*?) as ([^>]*)/);
  if (impl) {
    const type = impl[1].replace(/^[&*\[(]+|mut |const |dyn /g, "");
    s = /^[A-Za-z_][A-Za-z0-9_]*::/.test(type) ? type : impl[2];
  } else s = s.replace(/^[<&*\[(]+|mut /g, "");
  const crate = s.match(/^([A-Za-z_][A-Za-z0-9_]*)/)?.[1];
  if (!crate) return "(unnamed)";
  if (/^(str|char|bool|[iuf](8|16|32|64|128|size))$/.test(crate)) return "core"; // "<str>::find"
  if (/^(dlmalloc|__rust|__rdl|__rg|rust_)/.test(crate)) return "alloc";
  if (/^(__wbg|__wbindgen|__externref)/.test(crate) || /_[0-9a-f]{16}$/.test(crate)) return "wasm_bindgen";
  // A bare name: one of the functions the app exports to JavaScript, or its glue.
  if (!s.includes("::")) return "(exports and glue)";
  return crate;
}

/** The module as the page gets it, names kept: wasm-bindgen's output for cargo's file. */
function bound(path) {
  const buf = readFileSync(path);
  if (!buf.includes("__wbindgen_describe")) return buf;
  const out = mkdtempSync(join(tmpdir(), "wasm-size-"));
  try {
    const run = spawnSync("wasm-bindgen", ["--keep-debug", "--target", "web", "--out-dir", out, path], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`wasm-bindgen failed: ${run.stderr || run.error}`);
    const wasm = readdirSync(out).find((f) => f.endsWith("_bg.wasm"));
    return readFileSync(join(out, wasm));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The release wasm again, its symbols mangled with v0 (generic arguments kept). */
function buildWithV0Names() {
  const cargo = spawnSync(
    "cargo",
    ["build", "--release", "--offline", "--target", "wasm32-unknown-unknown", "--bin", "yj-rating-app"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, CARGO_TARGET_DIR: V0_TARGET, RUSTFLAGS: "-C symbol-mangling-version=v0" },
    },
  );
  if (cargo.status !== 0) {
    console.error("wasm-size: the v0-mangled build failed");
    process.exit(1);
  }
}

/** The app module a function's name mentions most ("standard", "case_grid", "app"), if any:
 * "yj_rating_app[0123abcd]::ui::standard::..." counts for "standard". */
function appModuleOf(name) {
  const counts = new Map();
  for (const [, module] of name.matchAll(/yj_rating_app(?:\[[0-9a-f]+\])?::(?:ui::)?(\w+)/g)) {
    counts.set(module, (counts.get(module) ?? 0) + 1);
  }
  if (!counts.size) return null;
  return [...counts].sort((a, b) => b[1] - a[1])[0][0].replace(/^__component_/, "");
}

if (views) buildWithV0Names();
let module;
try {
  module = readModule(bound(file));
} catch (err) {
  console.error(`wasm-size: cannot read ${file}: ${err.message}`);
  process.exit(1);
}
if (module.named === 0) {
  console.error(`wasm-size: ${file} has no function names (read the wasm cargo builds, before wasm-opt)`);
  process.exit(1);
}
const total = module.bodies.reduce((n, f) => n + f.bytes, 0);
// By crate; with --views, the app's modules first (each with the framework code made for it).
const byPart = new Map();
for (const f of module.bodies) {
  const appModule = views ? appModuleOf(f.name) : null;
  const part = appModule ? `app: ${appModule}` : crateOf(f.name);
  byPart.set(part, (byPart.get(part) ?? 0) + f.bytes);
}
const fmt = (n) => n.toLocaleString("en-GB");
const share = (n) => `${((100 * n) / total).toFixed(1)}%`.padStart(6);
console.log(`wasm-size: ${file}`);
console.log(`  ${module.bodies.length} functions, ${fmt(total)} bytes of code, ${fmt(module.data)} bytes of data`);
const rows = [...byPart].sort((a, b) => b[1] - a[1]);
const table = (title, list) => {
  console.log(`  ${title.padEnd(28)}${"code bytes".padStart(12)}${"share".padStart(8)}`);
  for (const [part, bytes] of list) {
    if (bytes / total < 0.002) continue;
    console.log(`  ${part.replace(/^app: /, "").padEnd(28)}${fmt(bytes).padStart(12)}  ${share(bytes)}`);
  }
};
if (views) {
  const app = rows.filter(([part]) => part.startsWith("app: "));
  const sum = app.reduce((n, [, bytes]) => n + bytes, 0);
  table("app module (with its views)", app);
  console.log(`  ${"all of the app's modules".padEnd(28)}${fmt(sum).padStart(12)}  ${share(sum)}`);
  table("the rest, by crate", rows.filter(([part]) => !part.startsWith("app: ")));
} else table("crate", rows);
if (top > 0) {
  console.log(`  the ${top} largest functions:`);
  for (const f of [...module.bodies].sort((a, b) => b.bytes - a.bytes).slice(0, top)) {
    console.log(`  ${fmt(f.bytes).padStart(8)}  ${f.name.slice(0, 110)}`);
  }
}
