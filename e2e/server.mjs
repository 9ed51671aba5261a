// A static file server for dist/: serves precompressed .br/.gz files when the browser
// accepts them, and can mount the site under a sub-path to prove it works there.
// Usage: node e2e/server.mjs [--dir dist] [--port 8080] [--base /some/path/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * File names Trunk gives a content hash (`app-0123456789abcdef_bg.wasm`): never change.
 * Trunk writes the 64-bit hash in hex without leading zeros, so one name in sixteen has 15
 * digits (`main-a07c386ac690394.css`); fewer than 8 would take a hash below 2^32.
 */
export const HASHED = /-[0-9a-f]{8,16}(_bg)?(\.wasm)?\.(js|wasm|css)$/;

/**
 * The response headers a host should send (README, "Hosting"): on the page, a content
 * security policy of `frame-ancestors 'none'`, which only a header can carry (the rest of
 * the policy is the page's meta, one source of it, and two policies would report every
 * violation twice); no type sniffing; index.html, sw.js and other unhashed files
 * revalidated on every load, hashed files cached for a year.
 */
export function hostingHeaders(file) {
  const headers = {
    "content-type": TYPES[extname(file)] || "application/octet-stream",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
    vary: "Accept-Encoding",
  };
  if (extname(file) === ".html") {
    headers["content-security-policy"] = "frame-ancestors 'none'";
    headers["x-frame-options"] = "DENY";
  }
  return headers;
}

/** Starts a server; resolves to { url, close } once listening. */
export function serve({ dir = "dist", port = 0, base = "/", host = "127.0.0.1" } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    let path = decodeURIComponent(url.pathname.slice(base.length));
    if (path === "" || path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      await stat(file);
    } catch {
      res.writeHead(404).end("not found");
      return;
    }
    const accepts = req.headers["accept-encoding"] || "";
    let body = null;
    let encoding = null;
    for (const [name, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (accepts.includes(name)) {
        try {
          body = await readFile(file + suffix);
          encoding = name;
          break;
        } catch {}
      }
    }
    if (!body) body = await readFile(file);
    const headers = hostingHeaders(file);
    if (encoding) headers["content-encoding"] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolveStart) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({ url: `http://${host}:${actual}${base}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
  );
  const { url } = await serve({ dir: args.dir, port: Number(args.port || 8080), base: args.base || "/" });
  console.log(`Serving the calculator at ${url} (Ctrl+C to stop)`);
}
