// A build for a project page under a fixed sub-path (`trunk build --public-url /calc/`),
// which scripts/test makes in target/dist-calc: every file is asked for under /calc/ and
// the calculator works there.
import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { useBrowser, ROOT, expectText } from "./lib/harness.mjs";

const SUBPATH_DIST = join(ROOT, "target", "dist-calc");

describe("a build with --public-url /calc/", () => {
  before(() =>
    assert.ok(
      existsSync(join(SUBPATH_DIST, "index.html")),
      "scripts/test builds it first: trunk build --release --offline --public-url /calc/ --dist target/dist-calc",
    ),
  );
  const env = useBrowser({ base: "/calc/", dir: SUBPATH_DIST });

  test("loads, scores and asks only for files under /calc/", { timeout: 60_000 }, async (t) => {
    const { calc } = await env.open(t);
    await calc.loadExample();
    await expectText(calc.overallScore, "16/36");
    const outside = env.server.hits.filter((hit) => !hit.url.startsWith("/calc/"));
    assert.deepEqual(outside, [], "no request outside /calc/");
    assert.ok(env.server.hits.some((hit) => /\.wasm$/.test(hit.url)), "the wasm was loaded from /calc/");
  });
});
