// Starts the real `helpatlas serve` on a free port with a fresh data directory, and Debian's Chromium.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const binary = process.env.HELPATLAS_BIN || join(root, "target/debug/helpatlas");
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Flags that keep Chromium from reaching out to the network (this machine has none) or needing a GPU.
export const chromiumFlags = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--disable-extensions",
];

// `prepare(dataDir)` runs before the server starts, e.g. to import records into its data directory.
export async function startServer(prepare = () => {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "helpatlas-e2e-"));
  prepare(dataDir);
  const child = spawn(binary, ["serve", "--bind", "127.0.0.1:0", "--data-dir", dataDir], {
    env: { ...process.env, NO_COLOR: "1", HELPATLAS_LOG: "info" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("server did not start in 60 s")), 60000);
    createInterface({ input: child.stderr }).on("line", (line) => {
      const match = line.match(/http:\/\/(127\.0\.0\.1:\d+)/);
      if (match) { clearTimeout(timer); ok(`http://${match[1]}`); }
    });
    child.on("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  return {
    base,
    dataDir,
    stop() { child.kill(); rmSync(dataDir, { recursive: true, force: true }); },
  };
}

// Imports a file into the data directory with `helpatlas import`; returns what the command printed.
export function importFile(dataDir, path, ...flags) {
  const run = spawnSync(binary, ["import", path, ...flags, "--data-dir", dataDir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`);
  return run.stdout;
}

// Creates an account of the editors' area with `helpatlas user add`, the password on standard input.
export function addUser(dataDir, email, role, password) {
  const run = spawnSync(binary, ["user", "add", email, "--role", role, "--password-stdin", "--data-dir", dataDir], { input: password + "\n" });
  if (run.status !== 0) throw new Error(`user add failed: ${run.stderr}`);
}

// Signs in through the form, as a person does.
export async function signIn(page, base, email, password) {
  await page.goto(base + "/admin/login");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await Promise.all([page.waitForURL(base + "/admin"), page.click("form.stacked button[type=submit]")]);
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

// Pages that stand for every template of the public site.
export function templatePages(serviceId) {
  return {
    home: "/",
    country: "/no",
    results: "/no/helplines",
    search: "/gb/search?q=anxiety",
    service: `/services/${serviceId}`,
    report: `/services/${serviceId}/report`,
    reportSent: `/services/${serviceId}/report/sent`,
    suggest: "/no/suggest?kind=helplines",
    articles: "/articles",
    article: "/articles/online-therapy?country=no",
    places: "/places?q=tromso&country=no",
    notFound: "/zz",
    badRequest: "/no/helplines?topic=sadness",
    serviceOriginalMarked: `/services/${serviceId}?hl=de`,
    resultsTranslated: "/us/helplines?hl=es",
    articleTranslated: "/articles/helplines?hl=es",
    nothingFound: "/no/search?q=cant+sleep",
  };
}
