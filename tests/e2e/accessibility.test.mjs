// axe-core (WCAG 2.2 AA rules) on every page template, in light and dark colour schemes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { startServer, launchBrowser, templatePages, addUser, signIn } from "./server.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let server, browser, pages;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const home = await (await fetch(server.base + "/gb")).text();
  pages = templatePages(home.match(/\/services\/([0-9a-f-]{36})/)[1]);
});
after(async () => { await browser?.close(); server?.stop(); });

async function axeFailures(page, pages) {
  const failures = [];
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(server.base + path);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }));
    for (const v of result.violations) {
      failures.push(`${name} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")}`);
    }
  }
  return failures;
}

for (const colorScheme of ["light", "dark"]) {
  test(`no axe-core violations in the editors' area (${colorScheme})`, async () => {
    const email = `axe-${colorScheme}@example.org`;
    addUser(server.dataDir, email, "admin", "a quiet walk by the fjord");
    const context = await browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    const login = await axeFailures(page, { login: "/admin/login" });
    await signIn(page, server.base, email, "a quiet walk by the fjord");
    const id = pages.service.split("/").pop();
    const failures = login.concat(await axeFailures(page, {
      dashboard: "/admin",
      services: "/admin/services?q=a",
      service: `/admin/services/${id}`,
      history: `/admin/services/${id}/history`,
      retire: `/admin/services/${id}/retire`,
      closures: `/admin/services/${id}/closures`,
      verify: `/admin/services/${id}/verify`,
      organizations: "/admin/organizations",
      newOrganization: "/admin/organizations/new",
      newLocation: "/admin/locations/new",
      retired: "/admin/retired",
      users: "/admin/users",
      audit: "/admin/audit",
      account: "/admin/account",
      queue: "/admin/queue",
      links: "/admin/links",
    }));
    await context.close();
    assert.deepEqual(failures, []);
  });

  test(`no axe-core violations on any template (${colorScheme})`, async () => {
    // bypassCSP lets the test inject axe; the site itself never allows inline scripts.
    const context = await browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    const failures = [];
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(server.base + path);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      }));
      for (const v of result.violations) {
        failures.push(`${name} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")}`);
      }
    }
    await context.close();
    assert.deepEqual(failures, []);
  });
}

// Arabic (right to left) and Japanese pass as English does.
for (const lang of ["ar", "ja"]) {
  test(`no axe-core violations on any template in ${lang}`, async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const inLanguage = Object.fromEntries(Object.entries(pages).map(([name, path]) => {
      const url = new URL(path, "http://localhost");
      url.searchParams.set("hl", lang);
      return [name, url.pathname + url.search];
    }));
    const failures = await axeFailures(page, inLanguage);
    await context.close();
    assert.deepEqual(failures, []);
  });
}
