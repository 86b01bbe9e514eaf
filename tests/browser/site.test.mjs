// Browser tests: the real generated site from disk in Debian's headless Chromium (links, search, print, axe, screenshots).
//
// Run: KATLAS_SITE=<built site> KATLAS_SCREENSHOTS=<folder> node site.test.mjs
// (ctest runs `katlas build` first and sets both; see tests/CMakeLists.txt.)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";

const require = createRequire(import.meta.url);
const site = path.resolve(process.env.KATLAS_SITE ?? "site");
const shots = path.resolve(process.env.KATLAS_SCREENSHOTS ?? "screenshots");
const chromiumPath = process.env.KATLAS_CHROMIUM ?? "/usr/bin/chromium";
const url = (page) => pathToFileURL(path.join(site, page)).href;

let playwright;
try {
  playwright = require("playwright-core");
} catch {
  console.error("playwright-core is missing: run `npm ci --prefix tests/browser`");
  process.exit(77); // ctest: skipped
}
if (!existsSync(path.join(site, "index.html"))) throw new Error(`no site at ${site}: run katlas build first`);

// The concept pages a reader is most likely to land on, when the content has them.
const conceptPages = ["tolerance", "withdrawal-peak", "withdrawal", "cyp3a4"]
  .map((id) => `concepts/${id}.html`)
  .filter((p) => existsSync(path.join(site, p)));

let browser;
before(async () => {
  browser = await playwright.chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  mkdirSync(shots, { recursive: true });
});
after(async () => browser?.close());

async function open(pagePath, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url(pagePath));
  return { page, context, errors };
}

describe("navigation", () => {
  test("the home page has one h1, a skip link, landmarks and the start-here paths", async () => {
    const { page, context, errors } = await open("index.html");
    assert.equal(await page.locator("h1").count(), 1);
    assert.equal(await page.locator("a.skip-link").getAttribute("href"), "#main");
    for (const landmark of ["header", "nav", "main", "footer"]) assert.ok(await page.locator(landmark).count() >= 1, landmark);
    assert.match(await page.locator("main").innerText(), /Start here/);
    assert.match(await page.locator(".disclaimer").innerText(), /For education only/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("following links from home reaches a concept page and back through the breadcrumb", async () => {
    const { page, context } = await open("index.html");
    const first = page.locator(".path a").first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForLoadState();
    assert.match(page.url(), /\/concepts\/[a-z0-9-]+\.html$/);
    assert.ok((await page.locator("h1").innerText()).length > 0, `h1 on the page of ${title}`);
    await page.locator(".breadcrumb a").first().click();
    assert.match(page.url(), /\/index\.html$/);
    await context.close();
  });

  test("home to \"why does my dose stop working\" to withdrawal takes two clicks", async () => {
    if (!existsSync(path.join(site, "concepts/tolerance.html"))) return;  // content without the tolerance page
    const { page, context, errors } = await open("index.html");
    await page.locator(".path").filter({ hasText: "I use kratom daily" }).getByRole("link", { name: "Tolerance" }).click();
    assert.match(page.url(), /\/concepts\/tolerance\.html$/);
    assert.match(await page.locator("main").innerText(), /does less than it used to/);
    await page.getByRole("navigation", { name: "Reading path: I use kratom daily" }).getByRole("link", { name: /withdrawal/i }).click();
    assert.match(page.url(), /\/concepts\/withdrawal\.html$/);
    assert.match(await page.locator(".get-help").innerText(), /When to get medical help now/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a term's hint shows on keyboard focus and Escape puts it away", async () => {
    const { page, context, errors } = await open("concepts/tolerance.html");
    const term = page.locator(".term").first();
    if (await term.count() === 0) return;  // content whose details name no other concept
    const hint = term.locator(".term-hint");
    assert.equal(await hint.isVisible(), false);
    await term.locator("a").focus();
    assert.equal(await hint.isVisible(), true);
    const described = await term.locator("a").getAttribute("aria-describedby");
    assert.equal(described, await hint.getAttribute("id"));
    await page.keyboard.press("Escape");
    assert.equal(await hint.isVisible(), false);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await hint.isVisible(), true, "the hint comes back when the link is focused again");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("every link on every page opens a page that exists", async () => {
    const { page, context } = await open("index.html");
    const seen = new Set(), todo = ["index.html"];
    while (todo.length) {
      const current = todo.pop();
      if (seen.has(current)) continue;
      seen.add(current);
      await page.goto(url(current));
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
      for (const href of hrefs) {
        if (!href.startsWith("file:")) continue;
        const file = decodeURIComponent(new URL(href).pathname);
        assert.ok(existsSync(file), `${current} links to missing ${file}`);
        const relative = path.relative(site, file);
        if (relative.endsWith(".html") && !seen.has(relative)) todo.push(relative);
      }
    }
    assert.ok(seen.size > 5, `crawled ${seen.size} pages`);
    await context.close();
  });

  test("the site works without JavaScript except for search", async () => {
    const { page, context } = await open("index.html", { javaScriptEnabled: false });
    await page.locator(".path a").first().click();
    assert.match(page.url(), /\/concepts\//);
    await page.goto(url("search.html"));
    assert.match(await page.content(), /Search needs JavaScript/);
    await context.close();
  });
});

describe("search", () => {
  test("typing a query lists results and clicking one opens it", async () => {
    const { page, context, errors } = await open("search.html");
    await page.locator("#search-input").fill("withdrawal");
    const results = page.locator("#search-results a");
    await results.first().waitFor();
    assert.ok((await results.count()) > 0);
    assert.match(await page.locator("#search-status").innerText(), /result/);
    const title = (await results.first().innerText()).trim();
    await results.first().click();
    await page.waitForLoadState();
    assert.equal((await page.locator("h1").innerText()).trim(), title);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the header search box works by keyboard: Enter, arrow down, Enter", async () => {
    const { page, context } = await open(conceptPages[0] ?? "index.html");
    await page.locator("#site-search").fill("tolerance");
    await page.keyboard.press("Enter");
    await page.waitForURL(/search\.html\?q=tolerance/);
    await page.locator("#search-results a").first().waitFor();
    await page.locator("#search-input").focus();
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement?.closest("#search-results") !== null);
    assert.ok(focused, "arrow down moves into the results");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/concepts\//);
    await context.close();
  });

  test("a search from the header on the home page puts focus on the results: one Tab reaches the first", async () => {
    const { page, context, errors } = await open("index.html");
    await page.locator("#site-search").focus();
    await page.keyboard.type("withdrawal");
    await page.keyboard.press("Enter");
    await page.waitForURL(/search\.html\?q=withdrawal/);
    await page.locator("#search-results a").first().waitFor();
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement === document.querySelector("#search-results a"));
    assert.ok(first, "one Tab after the search focuses the first result");
    const top = await page.locator("#search-input").evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top >= 0, "the search box and the count stay in sight");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the search page has one search box, and every search landmark has a name of its own", async () => {
    const { page, context } = await open("search.html");
    assert.equal(await page.getByRole("search").count(), 1, "one search landmark on search.html");
    assert.equal(await page.locator("input[type=search]").count(), 1, "one search box on search.html");
    for (const pagePath of ["search.html", "index.html", conceptPages[0]].filter(Boolean)) {
      await page.goto(url(pagePath));
      const names = await page.getByRole("search").evaluateAll((forms) => forms.map((f) => f.getAttribute("aria-label")));
      assert.ok(names.length >= 1, pagePath);
      assert.ok(names.every((n) => n && n.trim()), `${pagePath}: every search landmark is named (${names})`);
      assert.equal(new Set(names).size, names.length, `${pagePath}: search landmark names are unique (${names})`);
    }
    await context.close();
  });

  test("the arrow-key hint shows with a mouse and keyboard, and not on a touch phone", async () => {
    const desktop = await open("search.html", { viewport: { width: 1366, height: 900 } });
    assert.equal(await desktop.page.locator(".keys-hint").isVisible(), true);
    await desktop.context.close();
    const phone = await open("search.html", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    assert.equal(await phone.page.locator(".keys-hint").isVisible(), false);
    assert.match(await phone.page.locator("#search-help").innerText(), /Results appear as you type/);
    await phone.context.close();
  });

  test("the site's search ranks as `katlas search` does: the same first three for every query of the shared list", async (t) => {
    const cli = process.env.KATLAS_CLI;
    if (!cli) return t.skip("KATLAS_CLI is not set (ctest sets it)");
    // The reader's questions (tests/reader-questions.tsv, which the C++ tests run through
    // Atlas::search) and a few that test folding, typos and names.
    const queries = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "reader-questions.tsv"), "utf8")
      .split("\n").filter((line) => line && !line.startsWith("#")).map((line) => line.split("\t")[0]);
    queries.push("CYP 3A4", "μ-opioid receptor", "κ receptor", "7oh", "MITRAGYNÍNE", "kratom and alcohol", "ß",
                 "withdrawl symtoms", "stopping", "a", "zzzzqqq");
    const { page, context, errors } = await open("search.html");
    let compared = 0;
    for (const query of queries) {
      const expected = JSON.parse(execFileSync(cli, ["search", query, "--limit", "3", "--json"], { encoding: "utf8" }))
        .map((hit) => hit.id);
      await page.locator("#search-input").fill(query);
      const shown = await page.locator("#search-results a").evaluateAll((links) =>
        links.slice(0, 3).map((a) => a.getAttribute("href").replace(/^concepts\//, "").replace(/\.html$/, "")));
      assert.deepEqual(shown, expected, `the first three for "${query}"`);
      compared += expected.length > 0 ? 1 : 0;
    }
    assert.ok(compared >= 30, `${compared} queries with results compared`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a query with no match says so", async () => {
    const { page, context } = await open("search.html");
    await page.goto(url("search.html") + "?q=zzzzqqq");
    assert.match(await page.locator("#search-status").innerText(), /No results/);
    await context.close();
  });
});

describe("phone", () => {
  test("at 390 px nothing is wider than the screen, and a connection diagram gives way to its list of links", async () => {
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    for (const pagePath of ["index.html", "kinds/phase.html", ...conceptPages]) {
      const { page, context } = await open(pagePath, phone);
      const wide = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll("body *")) {
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.right <= window.innerWidth + 1) continue;
          // A labelled region that scrolls sideways on its own is allowed to hold something wider.
          const region = el.closest("[role=group][aria-labelledby], [role=region][aria-label]");
          if (region && region !== el && getComputedStyle(region).overflowX === "auto") continue;
          out.push(el.tagName.toLowerCase() + "." + el.className);
        }
        return { out, scroll: document.scrollingElement.scrollWidth };
      });
      assert.ok(wide.scroll <= 390, `${pagePath} scrolls sideways (${wide.scroll} px)`);
      assert.deepEqual(wide.out, [], `${pagePath}: elements wider than the screen`);
      if (await page.locator("figure.neighbourhood").count()) {
        assert.equal(await page.locator("figure.neighbourhood svg.diagram").isVisible(), false, pagePath);
        assert.ok(await page.locator("figure.neighbourhood ul.diagram-list").isVisible(), pagePath);
        assert.ok((await page.locator("figure.neighbourhood ul.diagram-list a").count()) > 0, pagePath);
      }
      await context.close();
    }
  });

  test("on a desktop no diagram text falls outside its drawing, and no two labels overlap", async () => {
    for (const pagePath of ["index.html", ...conceptPages]) {
      const { page, context } = await open(pagePath, { viewport: { width: 1366, height: 900 } });
      const problems = await page.evaluate(() => {
        const out = [];
        for (const svg of document.querySelectorAll("svg.diagram, svg.timeline:not(.swatch)")) {
          const frame = svg.getBoundingClientRect();
          const boxes = [...svg.querySelectorAll("text")].map((t) => [t.textContent, t.getBoundingClientRect()]);
          for (const [text, b] of boxes)
            if (b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1 || b.bottom > frame.bottom + 1)
              out.push(`clipped: ${text}`);
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, p] = boxes[i], [c, q] = boxes[j];
              const overlap = Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1 &&
                              Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
              if (overlap) out.push(`overlap: ${a} / ${c}`);
            }
        }
        return out;
      });
      assert.deepEqual(problems, [], pagePath);
      await context.close();
    }
  });
});

describe("print", () => {
  test("print media hides navigation and search but keeps the help box and sources", async () => {
    const target = conceptPages.find((p) => p.includes("withdrawal")) ?? conceptPages[0] ?? "index.html";
    const { page, context } = await open(target);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".site-nav").evaluate((e) => getComputedStyle(e).display), "none");
    assert.equal(await page.locator(".header-search").evaluate((e) => getComputedStyle(e).display), "none");
    if (await page.locator(".get-help").count())
      assert.notEqual(await page.locator(".get-help").evaluate((e) => getComputedStyle(e).display), "none");
    assert.ok(await page.locator("h1").isVisible());
    await context.close();
  });

  // A4 less Chromium's default margins, in CSS pixels.
  const paper = { width: 718, height: 1047 };

  test("on paper a link's address follows its text once, and never after a link that shows its address", async () => {
    const { page, context } = await open(conceptPages[0] ?? "sources.html", { viewport: paper });
    await page.emulateMedia({ media: "print" });
    const links = await page.locator("main a[href^='http']").evaluateAll((as) =>
      as.map((a) => ({ text: a.textContent, href: a.getAttribute("href"), after: getComputedStyle(a, "::after").content })));
    assert.ok(links.length > 0, "the page links to its sources");
    for (const { text, href, after } of links) {
      // "doi:10.1/x" shows the address of https://doi.org/10.1/x as much as the URL itself would.
      const address = href.replace(/^https?:\/\/(doi\.org\/)?/, "");
      const printed = text + (after.startsWith("\"") ? after : "");  // `none`, or the quoted text with attr() filled in
      assert.equal(printed.split(address).length - 1, 1, `printed once: ${printed}`);
    }
    assert.ok(links.some(({ text, href }) => text.includes(href)), "a link whose text is its URL is on the page");
    await context.close();
  });

  test("on paper headings stay with what follows and nothing kept whole is taller than half a page", async () => {
    for (const pagePath of ["index.html", ...conceptPages, "kinds/phase.html"].filter((p) => existsSync(path.join(site, p)))) {
      const { page, context } = await open(pagePath, { viewport: paper });
      await page.emulateMedia({ media: "print" });
      const headings = await page.locator("h1, h2, h3").evaluateAll((hs) => hs.map((h) => getComputedStyle(h).breakAfter));
      assert.ok(headings.every((b) => b === "avoid"), `${pagePath}: headings ${headings}`);
      // A block that cannot break moves whole to the next page, leaving its height empty at worst.
      const whole = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => getComputedStyle(e).breakInside.startsWith("avoid") || e.localName === "svg")
          .map((e) => ({ what: `${e.localName}.${e.className.baseVal ?? e.className}`, height: e.getBoundingClientRect().height })));
      for (const { what, height } of whole)
        assert.ok(height <= paper.height / 2, `${pagePath}: ${what} is ${Math.round(height)}px tall`);
      await context.close();
    }
  });
});

describe("accessibility", () => {
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // One page of every sort, the search page as a reader arrives there: with results.
  const pages = ["index.html", "topics.html", "kinds/phase.html", "glossary.html", "sources.html", "contested.html",
                 "search.html?q=withdrawal", ...conceptPages].filter((p) => existsSync(path.join(site, p.split("?")[0])));
  const devices = {
    desktop: { viewport: { width: 1366, height: 900 } },
    phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  };
  for (const [device, options] of Object.entries(devices))
    for (const scheme of ["light", "dark"])
      for (const pagePath of pages)
        test(`axe finds no problem, best practice included, on ${pagePath} (${device}, ${scheme})`, async () => {
          const [file, query] = pagePath.split("?");
          const context = await browser.newContext({ ...options, colorScheme: scheme });
          const page = await context.newPage();
          await page.goto(url(file) + (query ? `?${query}` : ""));
          if (query) await page.locator("#search-results a").first().waitFor();
          await page.addScriptTag({ content: axeSource });
          const result = await page.evaluate(() =>
            window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }));
          const report = result.violations.map((v) =>
            `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
          assert.deepEqual(report, []);
          await context.close();
        });
});

describe("hostile content", () => {
  // KATLAS_HOSTILE_SITE: built from tests/fixtures/hostile, whose titles, aliases, summary,
  // details, relation note and source carry <script>, event handlers and javascript: URLs.
  const hostile = process.env.KATLAS_HOSTILE_SITE ? path.resolve(process.env.KATLAS_HOSTILE_SITE) : null;
  const htmlFiles = (dir) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".html")).map(String);

  test("no page built from hostile content opens a dialog, carries an event handler or a javascript: link",
       { skip: hostile ? false : "KATLAS_HOSTILE_SITE not set" }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const files = htmlFiles(hostile);
    assert.ok(files.includes("concepts/tolerance.html"), "the hostile concept has a page");
    for (const file of files) {
      await page.goto(pathToFileURL(path.join(hostile, file)).href);
      const found = await page.evaluate(() => {
        const handlers = [...document.querySelectorAll("*")].flatMap((e) =>
          [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`));
        const scriptLinks = [...document.querySelectorAll("[href], [src]")]
          .map((e) => e.getAttribute("href") ?? e.getAttribute("src"))
          .filter((u) => /^\s*(javascript|data|vbscript):/i.test(u));
        const inlineScripts = [...document.querySelectorAll("script:not([src])")]
          .filter((s) => s.type !== "application/ld+json").length;
        const frames = document.querySelectorAll("iframe, object, embed").length;
        return { handlers, scriptLinks, inlineScripts, frames };
      });
      assert.deepEqual(found, { handlers: [], scriptLinks: [], inlineScripts: 0, frames: 0 }, file);
    }
    // Hovering and focusing would fire an injected onmouseover or onfocus.
    for (const file of ["concepts/tolerance.html", "sources.html"]) {
      await page.goto(pathToFileURL(path.join(hostile, file)).href);
      for (const link of await page.locator("main a:visible").all()) {
        await link.hover();
        await link.focus();
      }
    }
    await page.goto(pathToFileURL(path.join(hostile, "concepts/tolerance.html")).href);
    assert.equal((await page.locator("h1").innerText()).trim(), "Tolerance <script>alert(1)</script>");
    assert.deepEqual(dialogs, []);
    await context.close();
  });
});

describe("screenshots", () => {
  const targets = ["index.html", conceptPages[0], conceptPages.find((p) => p.includes("withdrawal-peak"))].filter(Boolean);
  for (const width of [390, 1280])
    for (const target of targets)
      test(`screenshot of ${target} at ${width}px`, async () => {
        const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
        const page = await context.newPage();
        await page.goto(url(target));
        const name = `${path.basename(target, ".html")}-${width}.png`;
        await page.screenshot({ path: path.join(shots, name), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${target} scrolls sideways by ${overflow}px at ${width}px`);
        await context.close();
      });
});
