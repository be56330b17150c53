// Lighthouse 12.2.3, mobile preset, on home, country, results, service and article pages.
// Thresholds from the quality bar; the scores are written to ../../target/lighthouse.json for BENCHMARKS.md.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync } from "node:fs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer, chromiumPath, chromiumFlags, templatePages } from "./server.mjs";

const MINIMUM = { performance: 95, accessibility: 100, "best-practices": 100, seo: 95 };
let server, chrome, pages;
before(async () => {
  server = await startServer();
  chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags });
  const gb = await (await fetch(server.base + "/gb")).text();
  const all = templatePages(gb.match(/\/services\/([0-9a-f-]{36})/)[1]);
  pages = { home: all.home, country: all.country, results: all.results, service: all.service, article: all.article };
});
after(async () => { await chrome?.kill(); server?.stop(); });

test("Lighthouse mobile scores meet the quality bar", { timeout: 600000 }, async () => {
  const scores = {};
  const failures = [];
  for (const [name, path] of Object.entries(pages)) {
    const run = await lighthouse(server.base + path, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: Object.keys(MINIMUM),
    });
    scores[name] = {};
    for (const [category, minimum] of Object.entries(MINIMUM)) {
      const score = Math.round(run.lhr.categories[category].score * 100);
      scores[name][category] = score;
      if (score < minimum) {
        const failed = Object.values(run.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map((a) => a.id);
        failures.push(`${name} ${path}: ${category} ${score} < ${minimum} (failing audits: ${failed.join(", ")})`);
      }
    }
  }
  mkdirSync(new URL("../../target/", import.meta.url), { recursive: true });
  writeFileSync(new URL("../../target/lighthouse.json", import.meta.url), JSON.stringify({ date: new Date().toISOString(), scores }, null, 2));
  console.log(JSON.stringify(scores));
  assert.deepEqual(failures, []);
});
