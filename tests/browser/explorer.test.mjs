// Browser tests of the activation explorer against the built site (dist/), served on
// 127.0.0.1 and driven through Debian's Chromium. Run: node --test tests/browser/explorer.test.mjs
// EXPLORER_DIST=<folder> points at another build; screenshots go to build/screenshots/.
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import path from "node:path";
import {canvasPixels, startBrowserAndServer, watchProblems} from "./chromium.mjs";
import {catalogNames, repoRoot} from "../js/helpers.mjs";
import {explorerSchema} from "../../web/src/explorer/schema.js";
import {decodeParams, encodeParams} from "../../web/src/explorer/model.js";
import {parse, serialize} from "../../web/src/state/url.js";

const distRoot = path.resolve(repoRoot, process.env.EXPLORER_DIST ?? "dist");
const screenshotDir = path.join(repoRoot, "build", "screenshots");

let world;
let server;
let browser;

before(async () => {
  world = await startBrowserAndServer(distRoot);
  ({server, browser} = world);
  await mkdir(screenshotDir, {recursive: true});
});

after(async () => {
  await world?.close();
});

/** Opens the page (optionally with a hash) and waits for the explorer; collects console errors. */
async function openExplorer(hash = "", {width = 1280, height = 900} = {}) {
  const page = await browser.newPage({viewport: {width, height}});
  // HTTP errors are reported by path here, not by full URL as watchProblems does.
  const problems = watchProblems(page, {responses: false});
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(server.url + hash);
  await page.waitForSelector('.ex[data-state="ready"], .ex[data-state="error"]', {timeout: 20000});
  const state = await page.getAttribute(".ex", "data-state");
  assert.equal(state, "ready", await page.textContent(".ex"));
  await page.locator('[data-testid="activation-chart"]').scrollIntoViewIfNeeded();
  await nextFrames(page);
  return {page, problems};
}

/** Waits two animation frames so canvases have redrawn. */
function nextFrames(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function chartPixels(page, testId = "activation-chart") {
  await nextFrames(page);
  return page.$eval(`[data-testid="${testId}"]`, (canvas) => canvas.toDataURL("image/png"));
}

/** The explorer's part of the URL hash, as an object of raw strings. */
async function explorerHash(page) {
  const hash = await page.evaluate(() => location.hash);
  return Object.fromEntries(
    hash
      .replace(/^#/, "")
      .split("&")
      .map((part) => part.split("="))
      .filter(([key]) => key.startsWith("ex")),
  );
}

/** Waits until the page has written `key=value` into its hash (it debounces). */
async function waitForHash(page, key, value) {
  await page.waitForFunction(
    ([k, v]) => new URLSearchParams(location.hash.slice(1)).get(k) === v,
    [key, value],
    {timeout: 5000},
  );
}

function assertNoProblems(problems) {
  assert.deepEqual(problems, [], problems.join("\n"));
}

test("explorer parameter tokens round-trip through the URL schema", () => {
  const values = {beta: 1.702, threshold: Infinity, negative_slope: -0.25};
  assert.deepEqual(decodeParams(encodeParams(values)), values);
  assert.equal(encodeParams({}), "-");
  const state = {
    exFns: ["softplus", "swish", "relu"],
    exParams: [encodeParams({beta: 2, threshold: Infinity}), "beta:1.5", "-"],
    exActive: 1,
    exXMin: -2.5,
    exXMax: 7,
    exShowF: true,
    exShowDf: false,
    exSatThreshold: 0.125,
    exDepth: 33,
  };
  const text = serialize(state, explorerSchema);
  assert.match(text, /exParams=beta:2;threshold:inf,beta:1\.5,-/);
  const parsed = parse(text, explorerSchema);
  assert.deepEqual(parsed.notices, []);
  assert.deepEqual({...parsed.state}, {...state});
});

test("the catalog is listed in full, grouped, with no console errors", async (t) => {
  const {page, problems} = await openExplorer();
  const readyAt = await page.evaluate(() => performance.getEntriesByName("explorer-ready")[0]?.startTime);
  t.diagnostic(`explorer ready ${Math.round(readyAt)} ms after navigation start`);
  const catalogSize = await page.evaluate(async () => {
    const {loadCore} = await import(new URL("./lib/activation-playground.mjs", document.baseURI).href);
    return (await loadCore()).activations().length;
  });
  const items = await page.$$eval('[data-testid="activation-list"] [data-name]', (nodes) => nodes.map((n) => n.dataset.name));
  assert.equal(items.length, catalogSize);
  assert.equal(catalogSize, catalogNames().length, `catalog has ${catalogSize} activations`);
  const groups = await page.$$eval('[data-testid="activation-list"] .ex-group', (nodes) => nodes.length);
  assert.ok(groups >= 4, `${groups} groups`);
  const inlineStyles = await page.$$eval(".ex [style]", (nodes) => nodes.length);
  assert.equal(inlineStyles, 0, "no style attributes in the explorer");
  assertNoProblems(problems);
  await page.close();
});

test("choosing an activation changes the chart's pixels and the URL", async () => {
  const {page, problems} = await openExplorer();
  const before = await chartPixels(page);
  await page.click('[data-testid="activation-list"] [data-name="relu"] .ex-item-select');
  await waitForHash(page, "exFns", "relu");
  const after = await chartPixels(page);
  assert.notEqual(after, before);
  assert.equal(await page.textContent(".ex-legend-item--active .ex-legend-text"), await page.textContent('[data-name="relu"] .ex-item-label'));
  assertNoProblems(problems);
  await page.close();
});

test("dragging a parameter slider redraws the chart while dragging", async (t) => {
  const {page, problems} = await openExplorer("#v=1&exFns=elu&exParams=-");
  const slider = page.locator('.ex-params input[type="range"][data-param="alpha"]');
  await slider.scrollIntoViewIfNeeded();
  const before = await chartPixels(page);
  const box = await slider.boundingBox();
  const {min, max, value} = await slider.evaluate((input) => ({min: Number(input.min), max: Number(input.max), value: Number(input.value)}));
  const startX = box.x + ((value - min) / (max - min)) * box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(startX, y);
  await page.mouse.down();
  await page.mouse.move(startX + box.width * 0.3, y, {steps: 6});
  const during = await chartPixels(page);
  const valueDuring = await slider.evaluate((input) => Number(input.value));
  await page.mouse.up();
  assert.ok(valueDuring > value, `slider moved from ${value} to ${valueDuring}`);
  assert.notEqual(during, before, "the chart changed before the mouse was released");
  const hash = await explorerHash(page);
  assert.match(hash.exParams, /^alpha:/);
  // Cost of one slider step: state update, evaluation and DOM (the canvas draws in the next frame).
  const perStep = await slider.evaluate((input) => {
    const started = performance.now();
    for (let i = 0; i < 40; i += 1) {
      input.value = String(0.5 + i * 0.05);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }
    return (performance.now() - started) / 40;
  });
  t.diagnostic(`one slider step takes ${perStep.toFixed(2)} ms before the frame's redraw`);
  assert.ok(perStep < 50, `slider step ${perStep} ms`);
  assertNoProblems(problems);
  await page.close();
});

test("search filters the list and says when nothing matches", async () => {
  const {page, problems} = await openExplorer();
  const visible = () => page.$$eval('[data-testid="activation-list"] [data-name]', (nodes) => nodes.filter((n) => !n.closest("[hidden]")).map((n) => n.dataset.name));
  const all = await visible();
  await page.fill(".ex-search", "relu");
  const filtered = await visible();
  assert.ok(filtered.length > 1 && filtered.length < all.length, `${filtered.length} of ${all.length}`);
  const matches = await page.$$eval('[data-testid="activation-list"] [data-name]', (nodes) =>
    nodes
      .filter((n) => !n.closest("[hidden]"))
      .map((n) => `${n.dataset.name} ${n.textContent} ${n.closest(".ex-group").dataset.group}`.toLowerCase().includes("relu")),
  );
  assert.ok(matches.every(Boolean), "every visible item matches the search");
  assert.ok(filtered.includes("leaky_relu"));
  await page.fill(".ex-search", "no such activation");
  assert.deepEqual(await visible(), []);
  assert.equal(await page.isVisible(".ex-list-empty"), true);
  await page.fill(".ex-search", "");
  assert.equal((await visible()).length, all.length);
  assertNoProblems(problems);
  await page.close();
});

test("overlaying an activation adds a legend entry and a curve", async () => {
  const {page, problems} = await openExplorer("#v=1&exFns=sigmoid&exParams=-");
  const before = await chartPixels(page);
  await page.click('[data-testid="activation-list"] [data-name="tanh"] .ex-item-add');
  await waitForHash(page, "exFns", "sigmoid,tanh");
  const legend = await page.$$eval(".ex-legend-item", (nodes) => nodes.map((n) => n.dataset.name));
  assert.deepEqual(legend, ["sigmoid", "tanh"]);
  assert.notEqual(await chartPixels(page), before);
  // Removing it again restores the single curve.
  await page.click('.ex-legend-item[data-name="tanh"] .ex-legend-remove');
  await waitForHash(page, "exFns", "sigmoid");
  assert.equal(await page.$$eval(".ex-legend-item", (nodes) => nodes.length), 1);
  assertNoProblems(problems);
  await page.close();
});

test("explorer state round-trips through the URL hash", async () => {
  const hash =
    "#v=1&exFns=swish,relu,gelu&exParams=beta:2.5,-,-&exActive=0&exXMin=-3&exXMax=4&exShowF=1&exShowDf=0&exSatThreshold=0.2&exDepth=7";
  const {page, problems} = await openExplorer(hash);
  assert.deepEqual(await page.$$eval(".ex-legend-item", (nodes) => nodes.map((n) => n.dataset.name)), ["swish", "relu", "gelu"]);
  assert.equal(await page.inputValue('.ex-params input[data-param="beta"]'), "2.5");
  assert.equal(await page.isChecked(".ex-toggle-df input"), false);
  assert.equal(await page.inputValue(".ex-xmin"), "-3");
  assert.equal(await page.inputValue(".ex-depth input[type=range]"), "7");
  const pixels = await chartPixels(page);

  // Change settings through the controls, then reopen the written link.
  await page.check(".ex-toggle-df input");
  await page.fill(".ex-xmax", "6");
  await page.press(".ex-xmax", "Enter");
  await page.click('.ex-legend-item[data-name="gelu"] .ex-legend-focus');
  await waitForHash(page, "exActive", "2");
  await waitForHash(page, "exXMax", "6");
  const written = await explorerHash(page);
  assert.equal(written.exShowDf, "1");
  const link = await page.evaluate(() => location.hash);
  const changedPixels = await chartPixels(page);
  assert.notEqual(changedPixels, pixels);

  const reopened = await openExplorer(link);
  assert.deepEqual(await explorerHash(reopened.page), written);
  assert.equal(await chartPixels(reopened.page), changedPixels, "the same link draws the same chart");
  assert.equal(await reopened.page.textContent(".ex-legend-item--active .ex-legend-text"), "GELU");
  assertNoProblems(problems);
  assertNoProblems(reopened.problems);
  await reopened.page.close();
  await page.close();
});

test("the crosshair reads out x, f(x) and f'(x) by mouse and by keyboard", async () => {
  const {page, problems} = await openExplorer("#v=1&exFns=relu&exParams=-&exXMin=-5&exXMax=5");
  const chart = page.locator('[data-testid="activation-chart"]');
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await nextFrames(page);
  const text = await page.textContent(".ex-readout");
  assert.match(text, /x = \d/);
  assert.match(text, /f′ = 1/);
  await page.mouse.move(0, 0);
  await chart.focus();
  await page.keyboard.press("Home");
  assert.match(await page.textContent(".ex-readout"), /x = −5.*f = 0.*f′ = 0/s);
  assertNoProblems(problems);
  await page.close();
});

test("the list and the legend work from the keyboard and keep the focus", async () => {
  const {page, problems} = await openExplorer("#v=1&exFns=sigmoid,tanh&exParams=-,-&exActive=0");
  await page.focus(".ex-search");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement.closest("[data-name]")?.dataset.name);
  assert.ok(first, "Tab from the search box reaches the first list item");
  await page.keyboard.press("Enter");
  await waitForHash(page, "exFns", `${first},tanh`);
  await page.focus('.ex-legend-item[data-name="tanh"] .ex-legend-focus');
  await page.keyboard.press("Enter");
  await waitForHash(page, "exActive", "1");
  const focused = await page.evaluate(() => document.activeElement.closest(".ex-legend-item")?.dataset.name);
  assert.equal(focused, "tanh", "focus stays on the legend entry after it re-renders");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "the focused control shows a focus ring");
  assertNoProblems(problems);
  await page.close();
});

test("a tap on a touch screen sets the crosshair", async () => {
  const context = await browser.newContext({viewport: {width: 360, height: 740}, hasTouch: true, isMobile: true});
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${server.url}#v=1&exFns=sigmoid&exParams=-&exXMin=-5&exXMax=5`);
  await page.waitForSelector('.ex[data-state="ready"]', {timeout: 20000});
  const chart = page.locator('[data-testid="activation-chart"]');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.75, box.y + box.height / 2);
  await nextFrames(page);
  assert.match(await page.textContent(".ex-readout"), /x = \d.*f = 0\.9/s);
  assertNoProblems(problems);
  await context.close();
});

test("an invalid parameter or unknown activation from a link is reported, not fatal", async () => {
  const {page, problems} = await openExplorer("#v=1&exFns=hardtanh,no_such_fn,sigmoid&exParams=min_val:2;max_val:1,-,-");
  // The refused pair goes back to the defaults (the link with it), with a notice beside the unknown name's.
  await waitForHash(page, "exParams", "-,-");
  assert.match(await page.textContent(".ex-notice"), /Hard ?tanh.*do not fit together/i);
  assert.equal(await page.isVisible(".ex-errors li"), false);
  assert.deepEqual(await page.$$eval(".ex-legend-item", (nodes) => nodes.map((n) => n.dataset.name)), ["hardtanh", "sigmoid"]);
  assert.match(await page.textContent(".ex-notice"), /no_such_fn/);
  await waitForHash(page, "exFns", "hardtanh,sigmoid");
  assertNoProblems(problems);
  await page.close();
});

test("screenshots at 1280 and 360 px wide", async () => {
  const hash = "#v=1&exFns=silu,relu,tanh&exParams=-,-,-&exActive=0&exXMin=-5&exXMax=5&exSatThreshold=0.05&exDepth=12";
  for (const width of [1280, 360]) {
    const {page, problems} = await openExplorer(hash, {width});
    // The keyboard crosshair (and its focus ring) stays put while the screenshot scrolls.
    await page.focus('[data-testid="activation-chart"]');
    for (let i = 0; i < 18; i += 1) await page.keyboard.press("ArrowLeft");
    await nextFrames(page);
    assert.match(await page.textContent(".ex-readout"), /x = −1\.8/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`);
    await page.locator(".ex").screenshot({path: path.join(screenshotDir, `explorer-${width}.png`)});
    assertNoProblems(problems);
    await page.close();
  }
});

test("an out-of-range parameter is refused in its field: the chart and the link keep the last valid value", async () => {
  const {page, problems} = await openExplorer("#v=1&exFns=leaky_relu&exParams=-");
  const field = page.locator('.ex-params .ex-param:has([data-param="negative_slope"]) .ex-number');
  const before = await chartPixels(page);
  const hashBefore = await page.evaluate(() => location.hash);
  await field.fill("5");
  await field.press("Enter");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  const message = page.locator(".ex-params .ex-field-error:not([hidden])");
  assert.equal(await message.count(), 1, "one message, in the field's row");
  assert.match(await message.textContent(), /negative_slope must be between 0 and 1; the chart keeps 0\.01/);
  assert.equal(await field.getAttribute("aria-describedby"), await message.getAttribute("id"));
  assert.equal(await page.isVisible(".ex-errors li"), false, "the engine was not asked, so it reports nothing");
  assert.equal(await chartPixels(page), before, "the chart keeps the last valid curve");
  assert.equal(await page.inputValue('.ex-params input[data-param="negative_slope"]'), "0.01", "the slider stays at the valid value");
  assert.equal(await page.evaluate(() => location.hash), hashBefore, "the link never carries the refused value");
  // A valid value clears the mark and is used.
  await field.fill("0.3");
  await field.press("Enter");
  await waitForHash(page, "exParams", "negative_slope:0.3");
  assert.equal(await field.getAttribute("aria-invalid"), null);
  assert.equal(await message.count(), 0);
  assert.notEqual(await chartPixels(page), before);
  assertNoProblems(problems);
  await page.close();
});

test("parameters that conflict with each other are refused in the field, from the number box, the slider and a link", async () => {
  const {page, problems} = await openExplorer("#v=1&exFns=hardtanh&exParams=-");
  const row = (name) => page.locator(`.ex-params .ex-param:has([data-param="${name}"])`);
  const before = await chartPixels(page);
  const hashBefore = await page.evaluate(() => location.hash);
  const checkRefused = async (name, how) => {
    const field = row(name).locator(".ex-number");
    assert.equal(await field.getAttribute("aria-invalid"), "true", `${how}: marked invalid`);
    const message = page.locator(".ex-params .ex-field-error:not([hidden])");
    assert.equal(await message.count(), 1, `${how}: one message`);
    assert.match(await message.textContent(), new RegExp(`This ${name} does not fit the other parameters`));
    assert.equal(await page.isVisible(".ex-errors li"), false, `${how}: no raw engine error under the chart`);
    assert.equal(await chartPixels(page), before, `${how}: the chart keeps the last valid curve`);
    assert.equal(await page.evaluate(() => location.hash), hashBefore, `${how}: the link is unchanged`);
  };
  // Number box: min_val 5 is inside [-10, 10] but above max_val 1.
  await row("min_val").locator(".ex-number").fill("5");
  await row("min_val").locator(".ex-number").press("Enter");
  await checkRefused("min_val", "number box");
  // Slider: max_val dragged to -5, below min_val -1; the slider snaps back.
  const slider = page.locator('.ex-params input[type="range"][data-param="max_val"]');
  await slider.evaluate((input) => {
    input.value = "-5";
    input.dispatchEvent(new Event("input", {bubbles: true}));
  });
  await checkRefused("max_val", "slider");
  assert.equal(await slider.inputValue(), "1", "the slider is back at the valid value");
  assertNoProblems(problems);
  await page.close();

  // A link with a conflicting pair shows the defaults, says so, and no longer carries the pair.
  const linked = await openExplorer("#v=1&exFns=hardtanh&exParams=min_val:2;max_val:1");
  await waitForHash(linked.page, "exParams", "-");
  assert.match(await linked.page.textContent(".ex-notice"), /do not fit together/);
  assert.equal(await linked.page.isVisible(".ex-errors li"), false);
  assertNoProblems(linked.problems);
  await linked.page.close();
});

test("before the core arrives the explorer draws its default chart from the build-time preview; the live chart then draws the same curves", async () => {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const problems = watchProblems(page, {responses: false});
  // The .wasm is held back until the preview has been looked at.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url);
  const preview = '.ex[data-state="preview"] canvas.ex-chart[data-drawn="true"]';
  await page.waitForSelector(preview);
  await page.locator(preview).scrollIntoViewIfNeeded();
  await nextFrames(page);
  const drawn = await canvasPixels(page, preview);
  assert.ok(drawn.coloured > 500, `the preview's curves are drawn (${drawn.coloured} coloured pixels)`);
  assert.equal(await page.$('[data-testid="activation-chart"]'), null, "the live chart is not there yet");
  await page.locator(".section--explorer").screenshot({path: path.join(screenshotDir, "explorer-preview-1280.png")});
  release();
  const live = '.ex[data-state="ready"] canvas.ex-chart[data-drawn="true"]';
  await page.waitForSelector(live, {timeout: 30000});
  assert.equal(await page.$(preview), null, "the preview is gone");
  await nextFrames(page);
  const liveDrawn = await canvasPixels(page, live);
  // The same curves and shading at 2001 samples instead of 241: nearly the same coloured pixels.
  const ratio = liveDrawn.coloured / drawn.coloured;
  assert.ok(ratio > 0.85 && ratio < 1.15, `the live chart draws what the preview drew (coloured pixels ${liveDrawn.coloured} vs ${drawn.coloured})`);
  assertNoProblems(problems);
  await page.close();
});

test("a link to another chart shows no preview: the explorer says it is loading until the core is there", async () => {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}#v=1&exFns=relu`);
  await page.waitForSelector('.ex[data-state="loading"] .ex-status');
  assert.equal(await page.$(".ex canvas"), null);
  release();
  await page.waitForSelector('.ex[data-state="ready"] canvas.ex-chart[data-drawn="true"]', {timeout: 30000});
  await page.close();
});
