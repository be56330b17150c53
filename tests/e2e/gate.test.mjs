// Hostile records in a real Chromium: an HSDS file with script tags, attribute breaks, `javascript:`,
// `data:` and `vbscript:` links in several spellings, direction overrides, invisible and control
// characters and invalid numbers in every text and link field is imported with `--skip-invalid`; then
// every page that shows its records is loaded. No dialog may open, no Content-Security-Policy violation
// may be reported (the policy is the last line of defence, not the first), no link may have another
// scheme than https, http, tel, sms or mailto, and no direction override may reach the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, launchBrowser, importFile } from "./server.mjs";

const TEXTS = [
  "<script>alert('text')</script>",
  "\"><img src=x onerror=alert('attr')>",
  "' onmouseover='alert(1)' x='",
  "Hjelp\u202Eenilpleh",
  "\u2066isolated\u2069 and \u202Aembedded\u202C",
  "zero\u200Bwidth\u2060joiner\uFEFF",
  "bell\u0007escape\u001Bnext\u0085line",
];
const URLS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(2)",
  " javascript:alert(3)",
  "java\tscript:alert(4)",
  "%6Aavascript:alert(5)",
  "&#106;avascript:alert(6)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==",
  "vbscript:msgbox(8)",
  "https://user:secret@example.org/9",
  "https://example.org/\u202E10",
];
const PHONES = ["not a number <b>", "+47 1", "+47 javascript:alert(1)"];

const id = (n) => "6a7e0000-0000-4000-8000-" + n.toString(16).padStart(12, "0");

// One organization document per hostile value, its service offered in Norway.
function documentOf(n, text, url, phone, email) {
  const [org, service, location] = [id(n * 10), id(n * 10 + 1), id(n * 10 + 2)];
  return {
    id: org, name: `Org ${n} ${text}`, description: text, website: url, uri: `https://example.org/source/${n}`,
    email,
    locations: [{
      id: location, organization_id: org, location_type: "physical", name: text, latitude: 59.91, longitude: 10.75,
      addresses: [{ id: id(n * 10 + 3), location_id: location, address_1: text, city: text, region: text, state_province: "Oslo",
        postal_code: "0150", country: "NO", address_type: "physical" }],
    }],
    services: [{
      id: service, organization_id: org, name: `Service ${n} ${text}`, alternate_name: text, description: text,
      url, status: "active", eligibility_description: text,
      service_areas: [{ id: id(n * 10 + 4), service_id: service, name: "NO" }],
      service_at_locations: [{ id: id(n * 10 + 5), service_id: service, location_id: location }],
      phones: [{ id: id(n * 10 + 6), service_id: service, number: phone, description: text }],
    }],
  };
}

const [PAGE, NUMBER, EMAIL] = ["https://example.org/page", "+47 22 40 00 40", "help@example.org"];
const cases = [
  ...TEXTS.map((t) => [t, PAGE, NUMBER, `${t}@example.org`]),
  ...URLS.map((u) => ["Plain text", u, NUMBER, EMAIL]),
  ...PHONES.map((p) => ["Plain text", PAGE, p, EMAIL]),
];
const documents = cases.map(([t, u, p, e], i) => documentOf(i + 1, t, u, p, e));

let server, browser, importOutput;
before(async () => {
  server = await startServer((dataDir) => {
    const file = join(dataDir, "hostile.json");
    writeFileSync(file, JSON.stringify(documents));
    importOutput = importFile(dataDir, file, "--skip-invalid");
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); });

const ALLOWED = new Set(["https:", "http:", "tel:", "sms:", "mailto:"]);

test("every dropped link and number is named in the import's report", () => {
  for (let n = TEXTS.length + 1; n <= cases.length; n++) {
    const named = importOutput.split("\n").some((l) => l.startsWith("left out:") && (l.includes(id(n * 10 + 1)) || l.includes(`document ${n} .services[0]`)));
    assert.ok(named, `document ${n} is not named:\n${importOutput}`);
  }
});

test("pages of hostile records open no dialog, break no policy and link nowhere else", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  const violations = [];
  page.on("dialog", (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  page.on("console", (message) => { if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const paths = documents.map((_, i) => `/services/${id((i + 1) * 10 + 1)}`);
  paths.push("/no", "/no/in-person", "/no/search?q=service");
  let shown = 0;
  for (const path of paths) {
    const response = await page.goto(server.base + path);
    if (response.status() === 404) continue;
    shown++;
    assert.equal(response.status(), 200, path);
    const protocols = await page.$$eval("a[href]", (links) => links.map((a) => a.protocol));
    for (const protocol of protocols) assert.ok(ALLOWED.has(protocol), `${path}: a ${protocol} link`);
    const text = await page.evaluate(() => document.documentElement.outerHTML);
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(text), `${path}: a direction override reached the page`);
    assert.equal(await page.locator("img, iframe, object, embed").count(), 0, `${path}: an element from data`);
    violations.push(...(await page.evaluate(() => window.__violations)));
  }
  assert.ok(shown >= documents.length, `only ${shown} pages shown`);
  assert.deepEqual(dialogs, [], "no dialog opens");
  assert.deepEqual(violations, [], "no Content-Security-Policy violation");
  await context.close();
});
