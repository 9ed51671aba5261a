// The release build's pre-rendered first screen (issue 12), called by postbuild.mjs.
//
// The page's first screen is the app's own output, not a copy that could drift from it:
// the just-built site is opened in headless Chromium (Debian's, as the tests use) with an
// empty profile, so the app shows a blank scenario of the default framework, and the
// rendered calculator is written into index.html. There it is shown, inert, while the
// wasm downloads and compiles (and with JavaScript off, under the page's note that the
// calculator needs it); the app replaces it part by part as it builds its page
// (src/ui/mod.rs, `shown_in_steps`, and src/browser.rs, `hand_over_first_screen`).
//
// The copy keeps the look and drops what only the live app may have: controls' current
// state is written as attributes (a property set from Rust is not serialised), and test
// ids are dropped, so no test or benchmark can mistake the copy for the app, and so is the
// printout heading's date (the day of the build).
import { serve } from "../e2e/server.mjs";
import { launchChromium } from "../e2e/lib/chromium.mjs";

/** The app's first screen from the site in `dir`, as HTML for index.html's body. */
export async function prerender(dir) {
  const server = await serve({ dir, port: 0, base: "/" });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await page.goto(server.url);
    await page.waitForFunction(() => window.yjRating && document.querySelector("body > .app:not(.starting) main .domain"), null, {
      timeout: 60_000,
    });
    if (problems.length) throw new Error(`the app reported errors: ${problems.join("; ")}`);
    return await page.evaluate(() => {
      const app = document.querySelector("body > .app");
      for (const input of app.querySelectorAll("input")) {
        if (input.type === "checkbox" || input.type === "radio") input.toggleAttribute("checked", input.checked);
        else if (input.value) input.setAttribute("value", input.value);
      }
      for (const option of app.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
      for (const details of app.querySelectorAll("details")) details.toggleAttribute("open", details.open);
      const copy = app.cloneNode(true);
      for (const el of [copy, ...copy.querySelectorAll("[data-testid]")]) el.removeAttribute("data-testid");
      // The printout's heading carries the day it is printed: the build's day would be wrong.
      copy.querySelector(".print-heading")?.replaceChildren();
      if (copy.querySelector("script")) throw new Error("the first screen holds a script");
      return copy.outerHTML;
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** index.html with the first screen `shell` in its body, after the note for no JavaScript. */
export function withFirstScreen(html, shell) {
  const wrapped = `<div id="prerender" inert>${shell}</div>\n`;
  if (!html.includes("</noscript>")) throw new Error("index.html has no <noscript> note to follow");
  return html.replace(/(<\/noscript>\s*)/, `$1${wrapped}`);
}
