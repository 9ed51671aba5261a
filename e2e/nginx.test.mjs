// The README's example host configuration, hosting/nginx.conf, on Debian's nginx (which
// scripts/setup installs): it serves dist/ under a sub-path with the headers the README
// asks for and the precompressed files, and the calculator runs from it.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, ROOT, DIST } from "./lib/harness.mjs";
import { Calculator } from "./lib/calculator.mjs";

const NGINX = "/usr/sbin/nginx";
const BASE = "/calculator/";

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One GET with these request headers; resolves to { status, headers } (the body is not decoded). */
function get(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("hosting on nginx with hosting/nginx.conf", () => {
  let dir, port, nginx, stderr = "";

  before(async () => {
    assert.ok(existsSync(NGINX), "nginx is installed (scripts/setup installs Debian's nginx-light)");
    dir = mkdtempSync(join(tmpdir(), "yj-nginx-"));
    port = await freePort();
    // The example as a host would use it, but for the port and where dist/ is.
    const site = readFileSync(join(ROOT, "hosting", "nginx.conf"), "utf8")
      .replace("listen 80;", `listen 127.0.0.1:${port};`)
      .replace("alias /srv/yj-rating-calculator/;", `alias ${DIST}/;`);
    assert.ok(site.includes(`alias ${DIST}/;`) && site.includes(`:${port};`), "the example's listen and alias lines were found");
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/${t};`).join("\n");
    writeFileSync(
      join(dir, "nginx.conf"),
      `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\n` +
        `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\nevents {}\n` +
        `http {\ninclude /etc/nginx/mime.types;\ndefault_type application/octet-stream;\naccess_log off;\n${temp}\n${site}\n}\n`,
    );
    nginx = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
    nginx.stderr.on("data", (d) => (stderr += d));
    for (let i = 0; i < 100; i++) {
      try {
        await get(port, BASE);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    assert.fail(`nginx did not start: ${stderr}${existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : ""}`);
  });

  after(() => {
    nginx?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the page: precompressed, never framed, revalidated on each load", async () => {
    const page = await get(port, BASE, { "accept-encoding": "gzip, deflate, br" });
    assert.equal(page.status, 200);
    assert.match(page.headers["content-type"], /^text\/html/);
    assert.equal(page.headers["content-encoding"], "br", "the .br file is served");
    assert.equal(page.headers["cache-control"], "no-cache");
    assert.equal(page.headers["content-security-policy"], "frame-ancestors 'none'");
    assert.equal(page.headers["x-frame-options"], "DENY");
    assert.equal(page.headers["x-content-type-options"], "nosniff");
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    assert.match(page.headers.vary, /Accept-Encoding/);
    const redirect = await get(port, BASE.slice(0, -1));
    assert.equal(redirect.status, 301, "the sub-path without its slash goes to the page");
  });

  test("the wasm: its type, the .gz file for a browser without brotli, cached for a year", async () => {
    // The page's boot module fetches it once the first screen is painted.
    const wasm = readdirSync(DIST).find((f) => f.endsWith(".wasm"));
    assert.ok(wasm, "the build has its wasm");
    const answer = await get(port, BASE + wasm, { "accept-encoding": "gzip" });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers["content-type"], "application/wasm");
    assert.equal(answer.headers["content-encoding"], "gzip");
    assert.equal(answer.headers["cache-control"], "public, max-age=31536000, immutable");
    assert.equal(answer.headers["content-security-policy"], undefined, "no page headers on a file");
    const plain = await get(port, BASE + wasm);
    assert.equal(plain.headers["content-encoding"], undefined, "sent as it is to a client that takes neither");
    const sw = await get(port, BASE + "sw.js", { "accept-encoding": "br" });
    assert.equal(sw.headers["cache-control"], "no-cache", "the service worker is revalidated");
  });

  test("the calculator runs from it", { timeout: 60_000 }, async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const problems = [];
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      await page.goto(`http://127.0.0.1:${port}${BASE}`);
      await page.waitForFunction(() => window.yjRating && !document.getElementById("prerender"), null, { timeout: 30_000 });
      await new Calculator(page).loadExample();
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
