// An editor's journey in a real Chromium, with JavaScript and without it: sign in, change a
// service's hours, see them on the public page, revert, retire (gone from search and the API),
// restore.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, addUser, signIn } from "./server.mjs";

const PASSWORD = "a quiet walk by the fjord";
let server, browser;
before(async () => {
  server = await startServer();
  addUser(server.dataDir, "editor@example.org", "editor", PASSWORD);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); });

// Reloads `path` until `check(text)` holds: the public pages follow an edit within a second or two.
async function eventually(page, path, check) {
  for (let i = 0; i < 50; i++) {
    const response = await page.goto(server.base + path);
    const text = await page.locator("body").innerText();
    if (check(text, response.status())) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`${path} never showed the change`);
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`an editor edits hours, reverts, retires and restores a service (${mode})`, async () => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(server.base + "/admin");
    assert.match(page.url(), /\/admin\/login\?next=/, "signing in comes first");
    await signIn(page, server.base, "editor@example.org", PASSWORD);
    await Promise.all([page.waitForURL(/\/admin\/services$/), page.click("nav a >> text=Services")]);
    await page.fill("#q", "Samaritans helpline");
    await Promise.all([page.waitForURL(/\/admin\/services\?q=/), page.click("form.filters button")]);
    await Promise.all([page.waitForURL(/\/admin\/services\/[0-9a-f-]{36}$/), page.click("table a >> text=Samaritans helpline")]);
    const id = page.url().match(/services\/([0-9a-f-]{36})/)[1];
    await page.fill("#c0-hours", "Mo-Fr 09:00-17:00");
    await page.fill("#f-note", "hours from the website");
    await Promise.all([page.waitForURL(/\?saved=1$/), page.click("form.stacked > button[type=submit]")]);
    await eventually(page, `/services/${id}`, (text) => text.includes("Mon–Fri 09:00–17:00"));

    await page.goto(server.base + `/admin/services/${id}/history`);
    assert.ok((await page.locator("ol.history").innerText()).includes("hours from the website"));
    const first = page.locator("ol.history > li").last();
    await Promise.all([page.waitForURL(/\/history$/), first.locator("button").click()]);
    await eventually(page, `/services/${id}`, (text) => text.includes("24 hours, every day"));

    await page.goto(server.base + `/admin/services/${id}/retire`);
    await page.check("input[name=status][value=defunct]");
    await page.fill("#reason", "The source says the line closed.");
    await Promise.all([page.waitForURL(/\?saved=1$/), page.click("form.stacked button[type=submit]")]);
    await eventually(page, `/gb/search?q=samaritans`, (text) => !text.includes("Samaritans helpline"));
    const api = await page.request.get(server.base + `/api/services/${id}`);
    assert.equal(api.status(), 404, "gone from the API");

    await page.goto(server.base + `/admin/services/${id}/retire`);
    await page.fill("#note", "It reopened.");
    await Promise.all([page.waitForURL(/\?saved=1$/), page.click("form.stacked button[type=submit]")]);
    await eventually(page, `/gb/search?q=samaritans`, (text) => text.includes("Samaritans helpline"));
    assert.equal((await context.cookies()).every((c) => c.path === "/admin"), true, "cookies only under /admin");
    await context.close();
  });
}
