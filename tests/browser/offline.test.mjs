// The offline file: dist/activation-playground.html copied alone into an empty folder, opened from
// file:// in a browser context with the network off. It renders the explorer's chart, trains,
// shows no errors and no CSP violation, and asks for nothing but itself.
// Run: node --test tests/browser/offline.test.mjs   (screenshot: build/screenshots/offline-*.png)
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import {lessonById} from "../../web/src/lessons/index.js";
import {copyFile, mkdir, mkdtemp, readFile, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {gzipSync} from "node:zlib";
import {canvasPixels, launchChromium, watchProblems} from "./chromium.mjs";
import {repoRoot} from "../js/helpers.mjs";
import {MAX_BYTES, OFFLINE_FILE} from "../../scripts/offline-html.mjs";

const distRoot = path.resolve(repoRoot, process.env.PAGE_DIST ?? "dist");
const screenshotDir = path.join(repoRoot, "build", "screenshots");

let browser;
let folder;
let html;

before(async () => {
  html = await readFile(path.join(distRoot, OFFLINE_FILE), "utf8");
  // Alone in a folder: nothing beside it to lean on.
  folder = await mkdtemp(path.join(os.tmpdir(), "ap-offline-"));
  await copyFile(path.join(distRoot, OFFLINE_FILE), path.join(folder, OFFLINE_FILE));
  await mkdir(screenshotDir, {recursive: true});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (folder) await rm(folder, {recursive: true, force: true});
});

test("the offline file is one file under 2 MB whose policy allows only its own inline hashes", () => {
  const bytes = Buffer.byteLength(html);
  console.log(`# offline file: ${(bytes / 1024).toFixed(0)} KB raw, ${(gzipSync(html).length / 1024).toFixed(0)} KB gzipped`);
  assert.ok(bytes < MAX_BYTES, `${bytes} bytes`);
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, "declares a Content-Security-Policy");
  // The markup alone (script and style contents removed): its tags are what a browser would fetch.
  const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, "$1</script>").replace(/<style>[\s\S]*?<\/style>/g, "<style></style>");
  const scriptTags = markup.match(/<script[^>]*>/g);
  assert.deepEqual(scriptTags, ['<script type="application/octet-stream" id="ap-wasm">', '<script type="module">'], "one data block (the wasm) and one inline module");
  const urls = [...markup.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
  assert.ok(urls.every((url) => url.startsWith("#") || url.startsWith("data:")), `no file or remote URL in the markup: ${urls.filter((url) => !url.startsWith("#") && !url.startsWith("data:"))}`);
  const code = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  assert.ok(!/(^|[;}])\s*import\s*[{*"'\w]/.test(code) && !/\bimport\(\s*["'][^"']+["']\s*\)/.test(code.replace(/import\("node:[^"]+"\)/g, "")), "the script imports nothing");
  assert.doesNotMatch(policy, /'self'|https?:|'unsafe-inline'|'unsafe-eval'|\*/, "nothing remote, nothing unsafe");
  const hashes = policy.match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? [];
  assert.equal(hashes.length, 2, "exactly the script's and the style's hashes");
  assert.match(html, /<!--[\s\S]*MIT License[\s\S]*THIRD-PARTY NOTICES[\s\S]*KaTeX[\s\S]*-->/, "carries the licences in a comment");
});

test("opened from file:// with the network off, it renders the chart, trains and shows no errors", async () => {
  const context = await browser.newContext({offline: true, viewport: {width: 1280, height: 900}, acceptDownloads: true});
  const page = await context.newPage();
  const problems = watchProblems(page);
  const requests = [];
  page.on("request", (request) => {
    if (!/^(data|blob):/.test(request.url())) requests.push(request.url());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`), true);
  });
  const url = pathToFileURL(path.join(folder, OFFLINE_FILE)).href;
  await page.goto(url);
  await page.waitForSelector('.ex[data-state="ready"]', {timeout: 30000});
  const chart = await canvasPixels(page, '[data-testid="activation-chart"]');
  assert.ok(chart.coloured > 100, `the activation chart is drawn (${chart.coloured} coloured pixels)`);
  await page.waitForSelector("#classifier[data-seq]", {state: "attached", timeout: 30000});
  const before = await canvasPixels(page, '[data-testid="boundary"]');
  await page.click('[data-testid="play"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]').textContent) >= 20, null, {timeout: 30000});
  await page.click('[data-testid="play"]');
  await page.waitForSelector('#classifier[data-running="false"]', {state: "attached"});
  const after = await canvasPixels(page, '[data-testid="boundary"]');
  assert.notEqual(after.hash, before.hash, "training changed the decision boundary");
  assert.match(await page.textContent('[data-testid="train-loss"]'), /^\d\.\d+/);
  // Downloads work from file:// too (Blob URLs; the chart PNG draws a Blob-URL SVG).
  for (const [testid, name] of [
    ["export-chart-png", /\.png$/],
    ["export-model-json", /\.json$/],
  ]) {
    const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
    assert.match(file.suggestedFilename(), name);
  }
  await page.screenshot({path: path.join(screenshotDir, "offline-1280.png")});
  // The guide's texts, loaded on demand in the page, are inlined in the offline file.
  await page.locator("[data-testid=guide]").scrollIntoViewIfNeeded();
  await page.waitForSelector("[data-testid=guide][data-shown]");
  assert.ok((await page.textContent("[data-testid=guide] [data-section=what]")).length > 20, "the guide shows its text");
  // A lesson's measurement runs in the offline file's own inlined lesson worker.
  const zigzag = lessonById("zigzag");
  await page.evaluate((step) => (location.hash = `v=1&lesson=zigzag&lessonStep=${step}`), zigzag.steps.findIndex((step) => step.measure));
  await page.waitForSelector('.lesson-measurement[data-state="idle"]');
  await page.click(".lesson-measure");
  await page.waitForSelector('.lesson-measurement[data-state="done"]', {timeout: 60000});
  const activations = await page.$$eval(".lesson-table tbody tr", (trs) => trs.map((tr) => tr.cells[0].textContent));
  assert.deepEqual(activations, ["sigmoid", "relu", "tanh", "elu"]);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, [url], "the file asks for nothing but itself");
  await context.close();
});
