// Interface languages in Chromium: at 320 and 412 px wide, no header control (the quick exit, the
// brand, the place, the articles link, the language switcher and the English link) overlaps another
// or runs off the screen, in every language and in the pseudo-locale (accented, 40% longer) on every
// template; the switcher works without JavaScript; Arabic pages mirror.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, templatePages } from "./server.mjs";

const LANGUAGES = ["en", "es", "fr", "de", "pt", "it", "nl", "nb", "sv", "pl", "ar", "ja"];
const WIDTHS = [320, 412];
let server, browser, pages;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const gb = await (await fetch(server.base + "/gb")).text();
  pages = templatePages(gb.match(/\/services\/([0-9a-f-]{36})/)[1]);
});
after(async () => { await browser?.close(); server?.stop(); });

// Sets `hl`, replacing one the page's address may already carry (the first `hl` is the one that counts).
function inLanguage(path, lang) {
  const url = new URL(path, "http://localhost");
  url.searchParams.set("hl", lang);
  return url.pathname + url.search;
}

// The boxes of the header's visible controls, and how far the page runs past the viewport.
async function headerLayout(page) {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll("header.site > a, header.site > details > summary")]
      .filter((e) => e.getClientRects().length > 0 && !e.classList.contains("skip"));
    return {
      boxes: controls.map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.className || e.tagName, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

function problems(layout, width) {
  const found = [];
  const { boxes } = layout;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    if (a.left < 0 || a.right > width + 0.5) found.push(`${a.name} is outside the screen (${a.left}–${a.right})`);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j];
      const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
      if (!apart) found.push(`${a.name} overlaps ${b.name}`);
    }
  }
  if (layout.overflow > 0) found.push(`the page is ${layout.overflow} px wider than the screen`);
  return found;
}

test("header controls never overlap at 320 and 412 px, in every language", async () => {
  const failures = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const lang of LANGUAGES) {
      for (const path of [pages.home, pages.country, pages.service]) {
        await page.goto(server.base + inLanguage(path, lang));
        const layout = await headerLayout(page);
        if (layout.boxes.length < 4) failures.push(`${lang} ${path} ${width}px: only ${layout.boxes.length} controls`);
        for (const p of problems(layout, width)) failures.push(`${lang} ${path} ${width}px: ${p}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(failures, []);
});

test("the pseudo-locale renders every template without overlap", async () => {
  const failures = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(server.base + inLanguage(path, "en-XA"));
      assert.equal(await page.getAttribute("html", "lang"), "en-XA", name);
      for (const p of problems(await headerLayout(page), width)) failures.push(`${name} ${width}px: ${p}`);
    }
    await context.close();
  }
  assert.deepEqual(failures, []);
});

test("the quick exit no longer covers the articles link on the home page at 412 px", async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  await page.goto(server.base + "/");
  // The articles link is clickable where it is: nothing lies on top of its centre.
  const covered = await page.evaluate(() => {
    const link = document.querySelector("header.site .about");
    const r = link.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !link.contains(top);
  });
  assert.equal(covered, false);
  await context.close();
});

test("the language switcher works without JavaScript and keeps the language on every click", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  await page.goto(server.base + "/no");
  assert.equal(await page.getAttribute("html", "lang"), "nb");
  await page.click("details.langs summary");
  await page.click('details.langs a[hreflang="ja"]');
  assert.match(page.url(), /\/no\?hl=ja$/);
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  await page.click('main a[href^="/no/helplines"]');
  assert.match(page.url(), /\/no\/helplines\?hl=ja$/);
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  await page.fill("#q", "不安");
  await page.click("form.filters button[type=submit]");
  assert.match(page.url(), /hl=ja/);
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  await context.close();
});

test("Arabic pages mirror: the header starts at the right and the quick exit ends at the left", async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  await page.goto(server.base + "/eg");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  const { brand, exit, width } = await page.evaluate(() => ({
    brand: document.querySelector("header.site .brand").getBoundingClientRect().right,
    exit: document.querySelector("#quick-exit").getBoundingClientRect().left,
    width: window.innerWidth,
  }));
  assert.ok(brand > width / 2, `the brand is on the right (${brand} of ${width})`);
  assert.ok(exit < width / 2, `the quick exit is on the left (${exit} of ${width})`);
  await context.close();
});
