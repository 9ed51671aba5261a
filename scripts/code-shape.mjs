// Checks the shape the code keeps (issue 10), so it cannot drift back:
//   1. no function in src/ or crates/*/src longer than MAX_LINES lines;
//   2. the web app's layers use only those below them: ui -> app -> persist, and
//      `words` and `browser` use none of them;
//   3. the engine and the workbook depend on nothing of the browser or of Leptos.
// Prints what breaks a rule and exits 1; prints the longest functions otherwise.
// Usage: node scripts/code-shape.mjs
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const MAX_LINES = 100;
const root = new URL("..", import.meta.url).pathname;

function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return rustFiles(path);
    return name.endsWith(".rs") ? [path] : [];
  });
}

/** Code with comments, strings and character literals blanked, lines kept. */
function codeOnly(text) {
  let out = "";
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    let m;
    if (rest.startsWith("//")) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (rest.startsWith("/*")) {
      const end = text.indexOf("*/", i + 2);
      const chunk = text.slice(i, end < 0 ? text.length : end + 2);
      out += chunk.replace(/[^\n]/g, " ");
      i += chunk.length;
    } else if ((m = /^r(#*)"/.exec(rest))) {
      const close = `"${m[1]}`;
      const end = text.indexOf(close, i + m[0].length);
      const chunk = text.slice(i, end < 0 ? text.length : end + close.length);
      out += chunk.replace(/[^\n]/g, " ");
      i += chunk.length;
    } else if (rest[0] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1).replace(/[^\n]/g, " ");
      i = j + 1;
    } else if ((m = /^'(\\.|[^\\'\n])'/.exec(rest)) || (m = /^'\\u\{[0-9a-fA-F]+\}'/.exec(rest))) {
      out += " ".repeat(m[0].length);
      i += m[0].length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** Every function with a body: its name, first line and length in lines. */
function functions(code) {
  const found = [];
  const header = /\bfn\s+([A-Za-z_][A-Za-z0-9_]*)/g;
  let m;
  while ((m = header.exec(code))) {
    let i = m.index;
    let depth = 0;
    let open = -1;
    for (; i < code.length; i++) {
      const c = code[i];
      if (open < 0 && c === ";" && depth === 0) break; // a declaration without a body
      if (c === "(" || c === "[" || (c === "{" && open >= 0)) depth++;
      else if (c === ")" || c === "]") depth--;
      else if (c === "{" && open < 0 && depth === 0) {
        open = i;
        depth = 1;
      } else if (c === "}") {
        depth--;
        if (open >= 0 && depth === 0) break;
      }
    }
    if (open < 0) continue;
    const first = code.slice(0, m.index).split("\n").length;
    const last = code.slice(0, i).split("\n").length;
    found.push({ name: m[1], line: first, lines: last - first + 1 });
  }
  return found;
}

const problems = [];
const sources = [join(root, "src"), ...readdirSync(join(root, "crates")).map((c) => join(root, "crates", c, "src"))];
const all = sources.flatMap(rustFiles).flatMap((file) =>
  functions(codeOnly(readFileSync(file, "utf8"))).map((f) => ({ ...f, file: relative(root, file) })),
);
for (const f of all.filter((f) => f.lines > MAX_LINES)) {
  problems.push(`${f.file}:${f.line}: fn ${f.name} is ${f.lines} lines long (at most ${MAX_LINES})`);
}

// The app's layers: what each top-level module of src/ may use of the others.
const mayUse = {
  ui: ["app", "persist", "words", "browser"],
  app: ["persist", "words", "browser"],
  persist: ["browser"],
  words: [],
  browser: [],
  lib: ["ui", "app", "persist", "words", "browser"],
  main: [],
};
for (const file of rustFiles(join(root, "src"))) {
  const path = relative(join(root, "src"), file);
  const layer = path.split(sep)[0].replace(/\.rs$/, "");
  const code = codeOnly(readFileSync(file, "utf8"));
  for (const [, used] of code.matchAll(/\bcrate::([a-z_]+)/g)) {
    if (used !== layer && mayUse[layer] && !mayUse[layer].includes(used) && used in mayUse) {
      problems.push(`src/${path}: the ${layer} layer uses crate::${used}, which it may not (it may use: ${mayUse[layer].join(", ") || "none"})`);
    }
  }
}

// The model crates stay free of the browser and of Leptos.
for (const crate of ["engine", "workbook"]) {
  const manifest = readFileSync(join(root, "crates", crate, "Cargo.toml"), "utf8");
  for (const dep of ["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo"]) {
    if (new RegExp(`^${dep}[\\w-]*\\s*=`, "m").test(manifest)) {
      problems.push(`crates/${crate}/Cargo.toml: depends on ${dep}; the ${crate} knows nothing of the browser`);
    }
  }
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
const longest = all.sort((a, b) => b.lines - a.lines).slice(0, 5);
console.log(`code shape ok: ${all.length} functions, none over ${MAX_LINES} lines; layers kept. Longest:`);
for (const f of longest) console.log(`  ${f.lines} lines  fn ${f.name}  ${f.file}:${f.line}`);
