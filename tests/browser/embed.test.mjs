// Embedding: the page in an iframe (#embed=1) and the <activation-playground> element on a blog
// page of another origin, driven in Debian's Chromium against the built site (dist/).
// Run: node --test tests/browser/embed.test.mjs   (screenshots go to build/screenshots/)
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {canvasPixels, startBrowserAndServer, watchProblems} from "./chromium.mjs";
import {startServer} from "../../scripts/serve.mjs";
import {repoRoot} from "../js/helpers.mjs";

const distRoot = path.resolve(repoRoot, process.env.PAGE_DIST ?? "dist");
const screenshotDir = path.join(repoRoot, "build", "screenshots");
/** Where the README's snippets say the files are hosted; the tests put the real server there. */
const README_HOST = "https://example.org/playground/";

let world;
let hostRoot;
let host;

before(async () => {
  world = await startBrowserAndServer(distRoot);
  hostRoot = await mkdtemp(path.join(os.tmpdir(), "ap-host-"));
  // A blog on another origin (another port): it has no favicon, like many.
  await writeFile(path.join(hostRoot, "favicon.ico"), "");
  host = await startServer({root: hostRoot, port: 0, host: "127.0.0.1"});
  await mkdir(screenshotDir, {recursive: true});
});

after(async () => {
  await host?.close();
  await world?.close();
  if (hostRoot) await rm(hostRoot, {recursive: true, force: true});
});

/** Serves `body` as a page of the blog's origin and opens it. */
async function openHostPage(name, body, {width = 900, height = 1000, head = ""} = {}) {
  await writeFile(
    path.join(hostRoot, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${head}</head><body>${body}</body></html>`,
  );
  const page = await world.browser.newPage({viewport: {width, height}});
  const problems = watchProblems(page);
  const wasmRequests = [];
  const paths = [];
  page.on("request", (request) => {
    const {pathname} = new URL(request.url());
    paths.push(pathname);
    if (pathname.endsWith(".wasm")) wasmRequests.push(request.url());
  });
  await page.goto(`${host.url}${name}.html`);
  return {page, problems, wasmRequests, paths};
}

const elementScript = () => `<script type="module" src="${world.server.url}lib/activation-playground-element.mjs"></script>`;

/** Waits until element `id` has an app whose sections are ready and, if it trains, its first frame drawn. */
async function waitForElement(page, id, {trainer = true} = {}) {
  await page.waitForFunction((elementId) => Boolean(document.getElementById(elementId)?.app), id);
  await page.evaluate((elementId) => document.getElementById(elementId).app.ready, id);
  if (trainer) await page.waitForSelector(`#${id} .section--classifier[data-seq]`, {state: "attached"});
}

const epochOf = (page, id) => page.evaluate((elementId) => Number(document.getElementById(elementId).shadowRoot.querySelector('[data-testid="epoch"]').textContent), id);

/** Waits until element `id`'s trainer says whether it runs (playing and in view). */
function waitForRunning(page, id, running) {
  return page.waitForSelector(`#${id} .section--classifier[data-running="${running}"]`, {state: "attached"});
}


/** The README's "Embed it" snippet for `kind` ("element" or "iframe"), pointed at the test server. */
async function readmeSnippet(kind) {
  const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
  const match = readme.match(new RegExp(`<!-- snippet:${kind} -->\\s*\`\`\`html\\n([\\s\\S]*?)\`\`\``));
  assert.ok(match, `README has the ${kind} snippet`);
  return match[1].replaceAll(README_HOST, world.server.url);
}

test("an iframe with #embed=1&panels=boundary shows the boundary and nothing of the explorer", async () => {
  const snippet = await readmeSnippet("iframe");
  assert.match(snippet, /#embed=1&panels=boundary/);
  const {page, problems} = await openHostPage("iframe", `<article class="post">${snippet}</article>`, {width: 760, height: 700});
  const frame = page.frameLocator("iframe");
  await frame.locator("#classifier[data-seq]").waitFor({state: "attached"});
  const inside = await page.frames()[1].evaluate(() => ({
    parts: [...document.querySelector(".ap-embed-grid").children].map((child) => child.className),
    explorerShown: Boolean(document.querySelector(".ex")?.checkVisibility()),
    headerShown: document.querySelector(".site-header").checkVisibility(),
    footerShown: document.querySelector(".site-footer").checkVisibility(),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  assert.deepEqual(inside.parts, ["runbar", "ap-part ap-part--boundary"]);
  assert.equal(inside.explorerShown, false);
  assert.equal(inside.headerShown, false);
  assert.equal(inside.footerShown, false);
  assert.ok(inside.overflow <= 0, `the embed is ${inside.overflow} px wider than its frame`);
  const boundary = await page.frames()[1].evaluate(() => {
    const canvas = document.querySelector('[data-testid="boundary"]');
    return {width: canvas.getBoundingClientRect().width, visible: canvas.checkVisibility()};
  });
  assert.ok(boundary.visible && boundary.width >= 150, `boundary ${boundary.width} px wide`);
  assert.deepEqual(problems, []);
  await page.close();
  for (const [width, height] of [
    [400, 300],
    [640, 400],
  ]) {
    const framed = await world.browser.newPage({viewport: {width, height}});
    const framedProblems = watchProblems(framed);
    await framed.goto(`${world.server.url}#embed=1&panels=boundary,loss&dataset=spiral`);
    await framed.waitForSelector("#classifier[data-seq]", {state: "attached"});
    // Resize observers (charts sizing themselves to their boxes) run before the next paint.
    await framed.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const overflow = await framed.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `at ${width}x${height} the embed is ${overflow} px too wide`);
    await framed.screenshot({path: path.join(screenshotDir, `embed-${width}x${height}.png`)});
    assert.deepEqual(framedProblems, []);
    await framed.close();
  }
});

test("two elements from another origin load the wasm once and train independently", async () => {
  const snippet = await readmeSnippet("element");
  const {page, problems, wasmRequests, paths} = await openHostPage(
    "two-elements",
    `<article class="post">${snippet}<p>Between the two.</p>
      <activation-playground id="trainer" dataset="xor" layers="4,4" panels="boundary,loss" controls="play"></activation-playground>
    </article>`,
    {width: 680, height: 1400},
  );
  await page.evaluate(() => document.querySelector("activation-playground").setAttribute("id", "chart"));
  await waitForElement(page, "chart", {trainer: false});
  await waitForElement(page, "trainer");
  const chart = await canvasPixels(page, '[data-testid="activation-chart"]', {host: "chart"});
  assert.ok(chart.coloured > 100, "the GELU chart is drawn");
  assert.equal(await page.evaluate(() => document.getElementById("chart").app.getState().exFns.join()), "gelu");
  assert.equal(await page.locator("#chart .section--classifier").count(), 0, "a chart alone mounts no trainer");

  await page.click('#trainer [data-testid="play"]');
  await page.waitForFunction(() => Number(document.getElementById("trainer").shadowRoot.querySelector('[data-testid="epoch"]').textContent) >= 20);
  assert.equal(wasmRequests.length, 1, `the .wasm was fetched ${wasmRequests.length} times: ${wasmRequests.join(" ")}`);
  // The element's on-demand parts: only those these two show (the chart's explorer, the loss chart's uPlot).
  const parts = paths.filter((file) => file.includes("/element-chunks/")).map((file) => file.split("/").pop().replace(/-[\w-]{8}\.js$/, ""));
  assert.deepEqual([...new Set(parts)].sort(), ["explorer", "live-explorer", "uPlot.esm"], paths.join(" "));
  await page.screenshot({path: path.join(screenshotDir, "embed-blog-680.png"), fullPage: true});
  assert.deepEqual(problems, []);
  await page.close();
});

test("elements train independently, never autoplay unless asked, and follow attribute changes", async () => {
  const {page, problems} = await openHostPage(
    "independent",
    `${elementScript()}
      <activation-playground id="one" dataset="circle" panels="boundary"></activation-playground>
      <activation-playground id="two" dataset="xor" panels="boundary"></activation-playground>
      <activation-playground id="three" dataset="moons" panels="boundary" autoplay="1"></activation-playground>`,
    {width: 700, height: 2400},
  );
  for (const id of ["one", "two", "three"]) await waitForElement(page, id);
  await waitForRunning(page, "three", true);
  await page.waitForFunction(() => Number(document.getElementById("three").shadowRoot.querySelector('[data-testid="epoch"]').textContent) >= 5);
  // One and two were not asked to play: their trainers are idle at epoch 0.
  for (const id of ["one", "two"]) {
    assert.equal(await page.getAttribute(`#${id} .section--classifier`, "data-running"), "false");
    assert.equal(await epochOf(page, id), 0);
  }
  await page.click('#one [data-testid="play"]');
  await page.waitForFunction(() => Number(document.getElementById("one").shadowRoot.querySelector('[data-testid="epoch"]').textContent) >= 10);
  await page.evaluate(() => document.getElementById("three").app.pause());
  await waitForRunning(page, "three", false);
  assert.equal(await epochOf(page, "two"), 0, "playing one element leaves the other alone");

  // An attribute change reconfigures the live element and redraws its boundary.
  const before = await canvasPixels(page, '[data-testid="boundary"]', {host: "two"});
  const token = Number(await page.getAttribute("#two .section--classifier", "data-token"));
  await page.evaluate(() => document.getElementById("two").setAttribute("dataset", "spiral"));
  await page.waitForFunction((t) => Number(document.getElementById("two").shadowRoot.querySelector(".section--classifier").dataset.token) > t, token);
  assert.equal(await page.evaluate(() => document.getElementById("two").app.getState().dataset), "spiral");
  assert.notEqual((await canvasPixels(page, '[data-testid="boundary"]', {host: "two"})).hash, before.hash);
  // Removing it restores the default.
  await page.evaluate(() => document.getElementById("two").removeAttribute("dataset"));
  await page.waitForFunction(() => document.getElementById("two").app.getState().dataset === "circle");
  assert.deepEqual(problems, []);
  await page.close();
});

test("an element scrolled out of view stops training and resumes where it was", async () => {
  const {page, problems} = await openHostPage(
    "scrolling",
    `${elementScript()}
      <activation-playground id="runner" panels="boundary" controls="play"></activation-playground>
      <div class="spacer" id="far"></div>`,
    {width: 700, height: 800, head: "<style>.spacer { height: 4000px; }</style>"},
  );
  await waitForElement(page, "runner");
  await page.click('#runner [data-testid="play"]');
  await page.waitForFunction(() => Number(document.getElementById("runner").shadowRoot.querySelector('[data-testid="epoch"]').textContent) >= 5);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await waitForRunning(page, "runner", false);
  const paused = await epochOf(page, "runner");
  // A round trip through the worker: anything it sent before it paused has arrived and been drawn.
  await page.evaluate(() => document.getElementById("runner").app.census());
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal(await epochOf(page, "runner"), paused, "no epochs while out of view");
  assert.equal(await page.evaluate(() => document.getElementById("runner").app.getState().dataset), "circle");
  await page.evaluate(() => window.scrollTo(0, 0));
  await waitForRunning(page, "runner", true);
  await page.waitForFunction((e) => Number(document.getElementById("runner").shadowRoot.querySelector('[data-testid="epoch"]').textContent) > e, paused);
  assert.ok((await epochOf(page, "runner")) > paused, "training resumed from where it paused");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a hostile host stylesheet does not change the element's layout", async () => {
  const body = `${elementScript()}<main class="column"><activation-playground id="styled" panels="chart,boundary" controls="all"></activation-playground></main>`;
  const column = "<style>.column { width: 680px; margin: 0; }</style>";
  const boxes = async (page) => {
    await waitForElement(page, "styled");
    return page.evaluate(() => {
      const element = document.getElementById("styled");
      const origin = element.getBoundingClientRect();
      const box = (selector) => {
        const rect = element.shadowRoot.querySelector(selector).getBoundingClientRect();
        return [rect.x - origin.x, rect.y - origin.y, rect.width, rect.height].map(Math.round);
      };
      return {
        host: [Math.round(origin.width), Math.round(origin.height)],
        runbar: box(".runbar"),
        chart: box('[data-testid="activation-chart"]'),
        boundary: box('[data-testid="boundary"]'),
        epoch: box('[data-testid="epoch"]'),
      };
    });
  };
  const plain = await openHostPage("plain-host", body, {width: 900, height: 1400, head: column});
  const expected = await boxes(plain.page);
  const hostile = await openHostPage("hostile-host", body, {
    width: 900,
    height: 1400,
    head: `${column}<style>* { font-size: 40px !important; display: block; line-height: 3 !important; color: red !important; } canvas { width: 10px !important; }</style>`,
  });
  const got = await boxes(hostile.page);
  await hostile.page.screenshot({path: path.join(screenshotDir, "embed-hostile-host.png"), fullPage: true});
  assert.deepEqual(got, expected);
  assert.deepEqual([...plain.problems, ...hostile.problems], []);
  await plain.page.close();
  await hostile.page.close();
});

test("mounting and destroying 50 elements leaves no trainer, listener or memory behind", async (t) => {
  const {page, problems} = await openHostPage("churn", `${elementScript()}<activation-playground id="probe" panels="boundary"></activation-playground><div id="slot"></div>`);
  await waitForElement(page, "probe");
  const cdp = await page.context().newCDPSession(page);
  const listeners = async () => {
    const counts = {};
    for (const target of ["document", "window"]) {
      const {result} = await cdp.send("Runtime.evaluate", {expression: target});
      const {listeners: found} = await cdp.send("DOMDebugger.getEventListeners", {objectId: result.objectId});
      counts[target] = found.length;
    }
    return counts;
  };
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const churn = (count) =>
    page.evaluate(async (n) => {
      const slot = document.getElementById("slot");
      for (let i = 0; i < n; i++) {
        const element = document.createElement("activation-playground");
        element.setAttribute("panels", i % 2 ? "chart,boundary" : "boundary,network,loss");
        slot.append(element);
        await element.app.ready;
        // Every chart the app draws must go with it: wait until the loss chart is drawn.
        if (i % 2 === 0) {
          while (!element.shadowRoot.querySelector(".uplot")) await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        element.remove();
        // The element destroys its app once it is sure it was not just moved.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }, count);
  const listenersBefore = await listeners();
  await churn(10);
  const heapAfter10 = await heap();
  await churn(40);
  const heapAfter50 = await heap();
  const census = await page.evaluate(() => document.getElementById("probe").app.census());
  t.diagnostic(`JS heap after 10 apps ${(heapAfter10 / 1e6).toFixed(1)} MB, after 50 ${(heapAfter50 / 1e6).toFixed(1)} MB; worker: ${JSON.stringify(census)}`);
  assert.deepEqual(census, {sessions: 1, trainers: 1}, "only the probe's session and trainer are left");
  assert.deepEqual(await listeners(), listenersBefore, "no listener left on document or window");
  assert.ok(heapAfter50 - heapAfter10 < 4e6, `the JS heap grew ${(heapAfter50 - heapAfter10) / 1e6} MB over 40 more apps`);
  assert.deepEqual(problems, []);
  await page.close();
});

/** The state keys that describe the experiment (not how an embed presents it). */
function experiment(state) {
  const {embed, panels, controls, autoplay, weights, ...rest} = state;
  return rest;
}

test("the embed dialog's snippets, pasted into a fresh page, reproduce the state", async () => {
  const page = await world.browser.newPage({viewport: {width: 1280, height: 900}});
  const problems = watchProblems(page);
  await page.goto(`${world.server.url}#v=1&dataset=spiral&hidden=6,3&act=relu,gelu&lr=0.1&noise=0.1&exFns=swish,elu&exParams=beta:2,-`);
  await page.evaluate(() => window.activationPlayground.ready);
  const original = experiment(await page.evaluate(() => window.activationPlayground.getState()));
  await page.click('[data-testid="embed-open"]');
  await page.waitForSelector('[data-testid="share-dialog"][open]');
  await page.check("#share-panel-chart");
  await page.check("#share-panel-network");
  await page.selectOption("#share-controls", "all");
  await page.waitForFunction(() => /panels="chart,boundary,network,loss"/.test(document.querySelector('[data-testid="snippet-element"]').value));
  const elementHtml = await page.inputValue('[data-testid="snippet-element"]');
  const iframeHtml = await page.inputValue('[data-testid="snippet-iframe"]');
  assert.match(elementHtml, /controls="all"/);
  // The live preview shows the snippet's own page.
  await page.frameLocator('[data-testid="share-preview"]').locator("#classifier[data-seq]").waitFor({state: "attached"});
  await page.screenshot({path: path.join(screenshotDir, "embed-dialog-1280.png")});
  assert.deepEqual(problems, []);
  await page.close();

  const pasted = await openHostPage("pasted", `<article>${elementHtml.replace("<activation-playground", '<activation-playground id="pasted"')}${iframeHtml}</article>`, {width: 1000, height: 1600});
  await waitForElement(pasted.page, "pasted");
  const fromElement = await pasted.page.evaluate(() => document.getElementById("pasted").app.getState());
  assert.deepEqual(experiment(fromElement), original, "the element shows the same experiment");
  assert.deepEqual(fromElement.panels, ["chart", "boundary", "network", "loss"]);
  assert.equal(fromElement.controls, "all");
  const frame = pasted.page.frames().find((candidate) => candidate !== pasted.page.mainFrame());
  await frame.waitForFunction(() => window.activationPlayground);
  await frame.evaluate(() => window.activationPlayground.ready);
  assert.deepEqual(experiment(await frame.evaluate(() => window.activationPlayground.getState())), original, "the iframe shows the same experiment");
  assert.deepEqual(pasted.problems, []);
  await pasted.page.close();
});

test("a link with the trained weights reopens the network as trained", async () => {
  const page = await world.browser.newPage({viewport: {width: 1280, height: 900}});
  const problems = watchProblems(page);
  await page.goto(`${world.server.url}#v=1&dataset=xor&hidden=6,4&lr=0.1`);
  await page.waitForSelector("#classifier[data-seq]", {state: "attached"});
  const fresh = await page.textContent('[data-testid="train-loss"]');
  await page.click('[data-testid="play"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]').textContent) >= 100);
  await page.click('[data-testid="play"]');
  await page.waitForSelector('[data-testid="play"]:not(.is-playing)');
  const trained = await page.textContent('[data-testid="train-loss"]');
  assert.notEqual(trained, fresh);
  await page.click('[data-testid="share-open"]');
  await page.waitForSelector('[data-testid="share-dialog"][open]');
  const plainLink = await page.inputValue('[data-testid="share-link"]');
  assert.doesNotMatch(plainLink, /weights=/);
  await page.check('[data-testid="share-weights"]');
  await page.waitForFunction(() => /&weights=[A-Za-z0-9_-]+/.test(document.querySelector('[data-testid="share-link"]').value));
  const link = await page.inputValue('[data-testid="share-link"]');
  assert.equal(await page.isVisible('[data-testid="share-long"]'), false, `a ${link.length}-character link gets no size warning`);
  await page.close();

  const reopened = await world.browser.newPage({viewport: {width: 1280, height: 900}});
  const reopenedProblems = watchProblems(reopened);
  await reopened.goto(link);
  await reopened.waitForSelector("#classifier[data-seq]", {state: "attached"});
  assert.equal(await reopened.textContent('[data-testid="epoch"]'), "0");
  assert.equal(await reopened.textContent('[data-testid="train-loss"]'), trained, "the shared weights give the trained loss");
  // Changing the network drops the weights: they belong to the shared configuration.
  await reopened.click(".net-layers .icon-plus");
  await reopened.waitForFunction(() => !location.hash.includes("weights=") && /&hidden=6,4,4&/.test(location.hash));
  assert.deepEqual([...problems, ...reopenedProblems], []);
  await reopened.close();
});
