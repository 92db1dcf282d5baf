// The first view on a slow link (issue 12): on Chrome's "Fast 3G" profile (CDP network
// throttling: 562.5 ms round trip, 1.44 Mbit/s down), with the server's gzip on, how many bytes
// the first view transfers (workers included, counted by the server) and when the activation
// chart and the trainer are ready. Prints the figures. Run: node --test tests/browser/load.test.mjs
import {test} from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import {startServer} from "../../scripts/serve.mjs";
import {launchChromium} from "./chromium.mjs";
import {repoRoot} from "../js/helpers.mjs";

const distRoot = path.resolve(repoRoot, process.env.PAGE_DIST ?? "dist");
/** Chrome DevTools' "Fast 3G" preset (renamed "Slow 4G" in newer DevTools). */
const FAST_3G = {offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9};
/** The limits: at most 350 KB gzipped for the first view, the chart visible within 2.5 s, the trainer interactive within 3.5 s. */
const MAX_FIRST_VIEW_BYTES = 350 * 1024;
const MAX_CHART_MS = 2500;
const MAX_TRAINER_MS = 3500;

/**
 * Marks the first animation frame on which: the activation chart shows curves (the build-time
 * preview or the live chart), the live explorer is ready, and the trainer's first frame is drawn.
 */
function markReadiness() {
  window.__ready = {};
  const look = () => {
    const marks = window.__ready;
    if (!marks.chart && document.querySelector('.ex:is([data-state="preview"], [data-state="ready"]) canvas.ex-chart[data-drawn="true"]')) marks.chart = performance.now();
    if (!marks.explorer && document.querySelector('.ex[data-state="ready"] canvas.ex-chart[data-drawn="true"]')) marks.explorer = performance.now();
    if (!marks.trainer && document.querySelector("#classifier:not(.is-loading)[data-seq]")) marks.trainer = performance.now();
    if (!marks.chart || !marks.explorer || !marks.trainer) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

test("on Fast 3G the first view stays within its byte budget, and the chart and the trainer are ready in time", async () => {
  const sent = [];
  const server = await startServer({root: distRoot, port: 0, onSent: (response) => sent.push(response)});
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({viewport: {width: 1280, height: 800}});
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", FAST_3G);
    await page.addInitScript(markReadiness);
    await page.goto(server.url, {waitUntil: "commit"});
    await page.waitForFunction(() => window.__ready.chart && window.__ready.explorer && window.__ready.trainer, null, {timeout: 30000, polling: 100});
    const ready = await page.evaluate(() => window.__ready);
    await page.waitForLoadState("networkidle");
    const bytes = sent.reduce((sum, response) => sum + response.bytes, 0);
    console.log(`Fast 3G: chart visible at ${Math.round(ready.chart)} ms, explorer live at ${Math.round(ready.explorer)} ms, trainer at ${Math.round(ready.trainer)} ms; first view ${(bytes / 1024).toFixed(1)} KB gzipped in ${sent.length} responses`);
    for (const response of sent) console.log(`  ${response.status} ${(response.bytes / 1024).toFixed(1).padStart(6)} KB  ${response.path}`);
    assert.ok(bytes <= MAX_FIRST_VIEW_BYTES, `the first view transfers ${(bytes / 1024).toFixed(1)} KB`);
    assert.ok(ready.chart <= MAX_CHART_MS, `the chart is visible at ${Math.round(ready.chart)} ms`);
    assert.ok(ready.trainer <= MAX_TRAINER_MS, `the trainer is ready at ${Math.round(ready.trainer)} ms`);
    assert.ok(!sent.some((response) => response.path.includes("katex")), "KaTeX is not part of the first view (the formula card is below it)");
    assert.deepEqual(sent.map((response) => response.path).filter((file) => /\/(guide|lessons|lesson-panel)-[\w-]+\.js$/.test(file)), [], "the guide's and the lessons' texts and code load on demand");
  } finally {
    await browser.close();
    await server.close();
  }
});
