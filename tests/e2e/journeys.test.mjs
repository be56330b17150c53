// A person's journeys, in a real Chromium: with JavaScript and without it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser } from "./server.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const EXIT = "https://www.bbc.com/weather";

// The exit page is another site; answer it locally so nothing leaves this machine.
async function newPage(options = {}) {
  const context = await browser.newContext(options);
  await context.route("https://www.bbc.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>" }));
  return context.newPage();
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`choose a place, filter, open a service and find its phone link (${mode})`, async () => {
    const page = await newPage({ javaScriptEnabled });
    await page.goto(server.base + "/");
    await page.selectOption("#country", "no");
    await Promise.all([page.waitForURL(/\/no\?hl=en$/), page.click("form.choose button")]);
    await Promise.all([page.waitForURL(/\/no\/helplines\?hl=en$/), page.click("#kind-helplines ~ p a")]);
    await page.click("form.filters summary");
    await page.check("input[name=channel][value=phone]");
    await Promise.all([page.waitForURL(/channel=phone/), page.click("form.filters button[type=submit]")]);
    const results = await page.locator("ol.results > li").count();
    assert.ok(results > 0, "phone helplines in Norway");
    await Promise.all([page.waitForURL(/\/services\/[0-9a-f-]{36}\?hl=en$/), page.locator("ol.results > li h2 a").first().click()]);
    const tel = await page.locator(".channels a[href^='tel:']").first().getAttribute("href");
    assert.match(tel, /^tel:\+?\d{3,15}$/);
    await page.context().close();
  });

  test(`quick exit leaves the site (${mode})`, async () => {
    const page = await newPage({ javaScriptEnabled });
    await page.goto(server.base + "/no");
    await Promise.all([page.waitForURL(EXIT), page.click("#quick-exit")]);
    assert.equal(page.url(), EXIT);
    if (javaScriptEnabled) {
      // The site's page was replaced in history, not pushed: going back does not return to it.
      await page.goBack().catch(() => {});
      assert.ok(!page.url().startsWith(server.base + "/no"), `back went to ${page.url()}`);
    }
    await page.context().close();
  });

  test(`type-ahead finds Tromsø (${mode})`, async () => {
    const page = await newPage({ javaScriptEnabled });
    await page.goto(server.base + "/no");
    await page.fill("#place", "tromsoe");
    if (javaScriptEnabled) {
      const suggestion = page.locator(".suggestions a", { hasText: "Tromsø" }).first();
      await suggestion.waitFor();
      await Promise.all([page.waitForURL(/\/no\?city=\d+/), suggestion.click()]);
    } else {
      await Promise.all([page.waitForURL(/\/places\?/), page.press("#place", "Enter")]);
      await Promise.all([page.waitForURL(/\/no\?city=\d+/), page.click("ul.places a >> text=Tromsø")]);
    }
    assert.match(await page.locator("h1").innerText(), /Tromsø/);
    await page.context().close();
  });
}

test("the Escape key is a quick exit", async () => {
  const page = await newPage();
  await page.goto(server.base + "/gb");
  await Promise.all([page.waitForURL(EXIT), page.keyboard.press("Escape")]);
  await page.context().close();
});

test("keyboard only: the quick exit comes first, then the page can be used", async () => {
  const page = await newPage();
  await page.goto(server.base + "/");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "quick-exit");
  // Reach the country list by keyboard, choose Norway and submit.
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement.id)) !== "country"; i++) {
    await page.keyboard.press("Tab");
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), "country");
  await page.selectOption("#country", "no");
  await page.keyboard.press("Tab");
  await Promise.all([page.waitForURL(/\/no\?hl=en$/), page.keyboard.press("Enter")]);
  await page.context().close();
});

test("the crisis banner is visible without scrolling on a 320 px phone", async () => {
  const page = await newPage({ viewport: { width: 320, height: 568 } });
  for (const path of ["/", "/no", "/no/helplines", "/zz"]) {
    await page.goto(server.base + path);
    const box = await page.locator("aside.crisis").boundingBox();
    assert.ok(box && box.y + box.height <= 568, `${path}: banner ends at ${box && box.y + box.height}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${path}: page is ${width}px wide`);
  }
  await page.context().close();
});

test("a printed results page is a one-page help card with the emergency number", async () => {
  const page = await newPage();
  await page.goto(server.base + "/gb/support-groups");
  assert.ok((await page.locator("ol.results > li").count()) > 10, "a long results page");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("form.filters").isVisible(), false, "filters are not printed");
  assert.equal(await page.locator("aside.crisis").isVisible(), true, "the crisis banner is printed");
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) || [];
  assert.equal(pages.length, 1, `printed on ${pages.length} pages`);
  await page.context().close();
});
