// Hosting: dist/ copied unchanged to a static host. Served from a sub-path with another .mjs
// content type, and under the strict Content-Security-Policy in every mode (the full
// page, #embed=1 and the element on a host page with that policy): zero violations.
// Run: node --test tests/browser/hosting.test.mjs
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {launchChromium, watchProblems} from "./chromium.mjs";
import {startServer} from "../../scripts/serve.mjs";
import {repoRoot} from "../js/helpers.mjs";

const distRoot = path.resolve(repoRoot, process.env.PAGE_DIST ?? "dist");
const SUB_PATH = "/courses/ml/week3/playground/";
/** The policy the issue names, exactly; the hosted build must need nothing more. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'";

let browser;
let hostRoot;
const servers = [];

before(async () => {
  browser = await launchChromium();
  // A university web space: the playground copied into a folder, a course page beside it.
  hostRoot = await mkdtemp(path.join(os.tmpdir(), "ap-static-host-"));
  await mkdir(path.join(hostRoot, "courses"), {recursive: true});
  await symlink(distRoot, path.join(hostRoot, "courses", "playground"), "dir");
  await writeFile(
    path.join(hostRoot, "courses", "week3.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Week 3</title><link rel="icon" href="data:,">
      <script type="module" src="./playground/lib/activation-playground-element.mjs"></script></head>
      <body><h1>Week 3</h1>
      <activation-playground id="lesson" activation="gelu" dataset="xor" panels="chart,boundary,network,loss,diagnostics" controls="all"></activation-playground>
      </body></html>`,
  );
});

after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (hostRoot) await rm(hostRoot, {recursive: true, force: true});
});

async function serve(options) {
  const server = await startServer({port: 0, host: "127.0.0.1", ...options});
  servers.push(server);
  return server;
}

/** A page that records CSP violations (from the first script on), problems and requests to other origins. */
async function openWatched(url) {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const problems = watchProblems(page);
  const foreign = [];
  const requested = [];
  page.on("request", (request) => {
    const target = new URL(request.url());
    if (["data:", "blob:"].includes(target.protocol)) return;
    requested.push(target.pathname);
    if (target.origin !== new URL(url).origin) foreign.push(request.url());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    // Capture on the document: violations inside the element's shadow root are composed events.
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`), true);
  });
  await page.goto(url);
  return {page, problems, foreign, requested};
}


/** Clicks play in the classifier inside `hostId`'s shadow root (or the page) and waits for epoch >= n. */
async function trainTo(page, epochs, hostId = null) {
  await page.evaluate((id) => {
    const scope = id ? document.getElementById(id).shadowRoot : document;
    scope.querySelector('[data-testid="play"]').click();
  }, hostId);
  await page.waitForFunction(
    ([id, n]) => {
      const scope = id ? document.getElementById(id).shadowRoot : document;
      return Number(scope.querySelector('[data-testid="epoch"]')?.textContent ?? -1) >= n;
    },
    [hostId, epochs],
    {timeout: 30000},
  );
}

test("dist/ served from a sub-path with .mjs as application/javascript loads, trains and asks nothing outside its folder", async () => {
  const server = await serve({root: distRoot, prefix: SUB_PATH, mimeTypes: {".mjs": "application/javascript"}});
  assert.ok(server.url.endsWith(SUB_PATH));
  const {page, problems, foreign, requested} = await openWatched(server.url);
  await page.waitForSelector('.ex[data-state="ready"]', {timeout: 30000});
  await page.waitForSelector("#classifier[data-seq]", {state: "attached", timeout: 30000});
  await trainTo(page, 10);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  const outside = requested.filter((pathname) => !pathname.startsWith(SUB_PATH));
  assert.deepEqual(outside, [], "every request stays inside the sub-path");
  assert.ok(requested.some((pathname) => pathname.endsWith(".wasm")), "the core was fetched from the sub-path");
  await page.close();
});

test("under the strict CSP the full page, #embed=1 and the element on a host page cause zero violations", async () => {
  const server = await serve({root: hostRoot, headers: {"content-security-policy": STRICT_CSP}, mimeTypes: {".mjs": "application/javascript"}});
  const modes = [
    {name: "full page", url: `${server.url}courses/playground/#v=1&dataset=xor&compare=1`},
    {name: "#embed=1", url: `${server.url}courses/playground/#v=1&embed=1&panels=chart,boundary,network,loss,diagnostics&controls=all`},
    {name: "element", url: `${server.url}courses/week3.html`, hostId: "lesson"},
  ];
  for (const mode of modes) {
    const {page, problems, foreign} = await openWatched(mode.url);
    if (mode.hostId) {
      await page.waitForFunction((id) => Boolean(document.getElementById(id)?.app), mode.hostId);
      await page.evaluate((id) => document.getElementById(id).app.ready, mode.hostId);
      await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('.ex[data-state="ready"]'), mode.hostId, {timeout: 30000});
    } else {
      await page.waitForSelector('.ex[data-state="ready"]', {state: "attached", timeout: 30000});
      await page.waitForSelector("#classifier[data-seq]", {state: "attached", timeout: 30000});
    }
    // Training exercises the worker, the charts (uPlot), the diagnostics and the boundary.
    await trainTo(page, 5, mode.hostId ?? null);
    // Exports make images (a Blob-URL SVG drawn onto a canvas) and Blob downloads: allowed too.
    for (const testid of ["export-chart-png", "export-boundary-png"]) {
      const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
      assert.match(file.suggestedFilename(), /\.png$/, `${mode.name}: ${testid}`);
    }
    // The formula (KaTeX) and every panel have rendered by now; collect the violations last.
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], `${mode.name}: CSP violations`);
    assert.deepEqual(problems, [], `${mode.name}: problems`);
    assert.deepEqual(foreign, [], `${mode.name}: requests to other origins`);
    await page.close();
  }
});
