// The public's reports and suggestions in a real Chromium, with JavaScript and without it: the form
// is reached from the service and results pages, a mistake comes back with what was typed, a sent
// report leads to the confirmation with the crisis banner, no cookie is set; then an editor finds it
// urgent at the top of the queue and accepting it opens the service's form at the field reported.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, addUser, signIn } from "./server.mjs";

const PASSWORD = "a quiet walk by the fjord";
let server, browser;
before(async () => {
  // A person takes seconds to fill a form in; the test's browser does not, so the minimum is off.
  process.env.HELPATLAS_FORM_MIN_SECONDS = "0";
  server = await startServer();
  addUser(server.dataDir, "editor@example.org", "editor", PASSWORD);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); });

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`report a line that does not answer; an editor accepts it (${mode})`, async () => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(server.base + "/gb/search?q=samaritans");
    await Promise.all([page.waitForURL(/\/services\/[0-9a-f-]{36}\?hl=en$/), page.locator("ol.results > li h2 a").first().click()]);
    const serviceUrl = page.url();
    await Promise.all([page.waitForURL(/\/report\?hl=en$/), page.click("p.report a")]);
    await page.fill("#f-detail", "Nobody answered at 3 am.");
    await page.fill("#f-contact", "not an address");
    await page.click("form.form button[type=submit]");
    await page.waitForSelector("#problems");
    assert.equal(await page.inputValue("#f-detail"), "Nobody answered at 3 am.", "what was typed is kept");
    assert.match(await page.locator("#problems").innerText(), /choose what is wrong/);
    await page.check(`input[name=reason][value=number-does-not-work]`);
    await page.selectOption("#f-channel", "0");
    await page.fill("#f-contact", "");
    await Promise.all([page.waitForURL(/\/report\/sent\?hl=en$/), page.click("form.form button[type=submit]")]);
    assert.match(await page.locator("h1").innerText(), /your report was sent/);
    assert.ok(await page.locator("aside.crisis").isVisible(), "the crisis banner stays");
    assert.equal((await context.cookies()).length, 0, "no cookie on the public side");

    await page.goto(serviceUrl.replace(/\/services\/.*/, "/gb/helplines"));
    await Promise.all([page.waitForURL(/\/gb\/suggest\?kind=helplines&hl=en$/), page.click("p.suggest a")]);
    assert.equal(await page.inputValue("#f-kind"), "helplines", "the kind of the results page is chosen");

    await signIn(page, server.base, "editor@example.org", PASSWORD);
    await page.goto(server.base + "/admin/queue");
    const first = page.locator("section.group").first();
    assert.match(await first.innerText(), /Urgent:/);
    await Promise.all([page.waitForURL(/\/admin\/queue\/[0-9a-f-]{36}$/), first.locator("ul.queue a").first().click()]);
    await page.check("input[name=action][value=accept]");
    await Promise.all([page.waitForURL(/\/admin\/services\/.*\?report=/), page.click("form.stacked button[type=submit]")]);
    assert.match(page.url(), /#f-channels\[0\]\.value$/, "opened at the channel reported");
    assert.equal(await page.locator(":target").count(), 1, "the field reported is marked");
    assert.match(await page.locator("p.notice").first().innerText(), /from the public/);
    await context.close();
  });
}
