// Browser tests of the page shell and the classifier against the built site (dist/), served
// on 127.0.0.1 and driven through Debian's Chromium with the real wasm core (no mocks).
// Run: node --test tests/browser/classifier.test.mjs   (PAGE_DIST=<folder> tests another build)
// Screenshots go to build/screenshots/; the responsiveness test prints frame and main-thread task figures.
import {test} from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import {canvasPixels, mainThreadTaskTimes, screenshotDir, useWorld, watchProblems} from "./chromium.mjs";
import {parse, serialize} from "../../web/src/state/url.js";
import {mergeSchemas} from "../../web/src/state/merge.js";
import {classifierSchema} from "../../web/src/classifier/schema.js";
import {explorerSchema} from "../../web/src/explorer/schema.js";
import {i18nSchema} from "../../web/src/i18n/schema.js";

// The page's keys without the embed's presentation keys (a link carries lang; the page writes it back).
const {schema} = mergeSchemas(classifierSchema, explorerSchema, i18nSchema);
/**
 * The page's longest main-thread task while training, in thread CPU time (measured 10-30 ms on a
 * quiet 2-core machine; wall time adds whatever the OS gives other processes, see mainThreadTaskTimes in chromium.mjs).
 */
const MAX_TASK_CPU_MS = 100;

const world = useWorld();

/** Records frame intervals from the first script on (main-thread tasks come from a trace, see measure). */
function instrument() {
  window.__frames = [];
  let last = 0;
  const tick = (now) => {
    if (last) window.__frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Opens the page with a hash and waits for the classifier to have its first frame. */
async function openPage(hash = "", {width = 1280, height = 900} = {}) {
  const page = await world.browser.newPage({viewport: {width, height}});
  const problems = watchProblems(page);
  const foreign = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(world.server.url).origin) foreign.push(request.url());
  });
  await page.addInitScript(instrument);
  await page.goto(world.server.url + hash);
  await waitForFrame(page);
  return {page, problems, foreign};
}

async function waitForFrame(page) {
  await page.waitForSelector("#classifier:not(.is-loading)", {timeout: 30000});
  await page.waitForFunction(() => /^\d+\.\d+|^\d\.\d+e/.test(document.querySelector('[data-testid="train-loss"]')?.textContent ?? ""), null, {
    timeout: 30000,
  });
}

const epoch = async (page) => Number(await page.textContent('[data-testid="epoch"]'));

/** The frame the classifier last drew: configuration token, frame number and edits applied (see markFrame). */
const drawnFrame = (page) =>
  page.evaluate(() => {
    const {token, seq, edits} = document.getElementById("classifier").dataset;
    return {token: Number(token), seq: Number(seq), edits: Number(edits)};
  });

/** Waits until the classifier has drawn a frame of which every given field is at least the given value. */
async function waitForDrawnFrame(page, least, timeout = 30000) {
  await page.waitForFunction(
    (wanted) => {
      const data = document.getElementById("classifier").dataset;
      return Object.entries(wanted).every(([key, value]) => Number(data[key]) >= value);
    },
    least,
    {timeout},
  );
}

/** Waits until a lazily drawn panel (".diagnostics", ".space") shows the given epoch's data. */
async function waitForPanelEpoch(page, selector, wantedEpoch) {
  await page.waitForSelector(`${selector}[data-epoch="${wantedEpoch}"]`, {timeout: 30000});
}

/**
 * Clicks Step and waits until the next epoch is shown. The click is dispatched rather than made
 * with the mouse, so the run bar is not scrolled into view and the panels in view stay in view.
 */
async function stepOnce(page) {
  const from = await epoch(page);
  await page.dispatchEvent('[data-testid="step"]', "click");
  await page.waitForFunction((e) => Number(document.querySelector('[data-testid="epoch"]').textContent) === e + 1, from);
  return from + 1;
}

async function setPlaying(page, on) {
  await page.click('[data-testid="play"]');
  await page.waitForSelector(`[data-testid="play"]${on ? ".is-playing" : ":not(.is-playing)"}`);
}
const number = async (page, testid) => Number(await page.textContent(`[data-testid="${testid}"]`));


async function playUntil(page, predicate, timeout = 30000) {
  await setPlaying(page, true);
  await page.waitForFunction(predicate, null, {timeout, polling: 100});
  await setPlaying(page, false);
}

test("the page loads without console errors and asks no other origin", async () => {
  const {page, problems, foreign} = await openPage();
  // Both sections have loaded everything they ask for.
  await page.waitForSelector('.ex[data-state="ready"]', {timeout: 30000});
  await page.waitForFunction(() => {
    const thumbnails = document.querySelectorAll('[data-testid="dataset"] canvas');
    return thumbnails.length > 0 && [...thumbnails].every((canvas) => canvas.dataset.painted === "true");
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  assert.equal(await epoch(page), 0);
  assert.match(await page.evaluate(() => location.hash), /^#v=1&/);
  assert.equal(await page.title(), "Activation Playground");
  assert.equal(await page.locator('[data-testid="dataset"] [data-value]').count(), 8);
  // uPlot positions its own parts through the CSSOM, which a strict CSP allows; the page itself sets no style.
  assert.equal(await page.locator(":not(.uplot *)[style]").count(), 0, "no element outside the charts carries a style attribute");
  // Every text comes from the message files: no raw message key shows anywhere.
  const rawKeys = await page.evaluate(() => {
    const found = [];
    const looksLikeKey = (text) => /^(app|classifier)\.[A-Za-z]/.test(text.trim());
    const walker = document.createTreeWalker(document.getElementById("classifier"), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (looksLikeKey(walker.currentNode.textContent)) found.push(walker.currentNode.textContent);
    for (const element of document.querySelectorAll("[aria-label], [title], optgroup[label]")) {
      for (const name of ["aria-label", "title", "label"]) {
        const value = element.getAttribute(name);
        if (value && looksLikeKey(value)) found.push(value);
      }
    }
    return found;
  });
  assert.deepEqual(rawKeys, []);
  // Section links scroll; they do not replace the state in the hash.
  const before = await page.evaluate(() => location.hash);
  await page.click('.site-nav a[href="#explorer"]');
  // The (smooth) scroll has arrived: the section's top is at the window's top, or the page cannot scroll further.
  await page.waitForFunction(() => {
    const section = document.getElementById("explorer");
    const offset = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const top = section.getBoundingClientRect().top - offset - (parseFloat(getComputedStyle(section).scrollMarginTop) || 0);
    const atEnd = Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight;
    return Math.abs(top) <= 1 || (atEnd && top > 0);
  });
  assert.equal(await page.evaluate(() => location.hash), before);
  await page.close();
});

test("the page works under a strict Content-Security-Policy", async () => {
  const policy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; " +
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
  const page = await world.browser.newPage({viewport: {width: 1280, height: 900}});
  const problems = watchProblems(page, {responses: false});
  await page.route("**/*", async (route) => {
    const response = await route.fetch();
    await route.fulfill({response, headers: {...response.headers(), "content-security-policy": policy}});
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${world.server.url}#v=1&dataset=circle&compare=1`);
  await waitForFrame(page);
  await stepOnce(page);
  await page.locator(".panel--diagnostics").scrollIntoViewIfNeeded();
  await waitForPanelEpoch(page, ".diagnostics", 1);
  await page.locator(".panel--space").scrollIntoViewIfNeeded();
  await waitForPanelEpoch(page, ".space", 1);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("play advances the epoch and changes the boundary canvas", async () => {
  const {page, problems} = await openPage();
  const before = await canvasPixels(page, '[data-testid="boundary"]');
  assert.ok(before.width >= 100 && before.height >= 100);
  await playUntil(page, () => Number(document.querySelector('[data-testid="epoch"]').textContent) >= 30);
  assert.ok((await epoch(page)) >= 30);
  const after = await canvasPixels(page, '[data-testid="boundary"]');
  assert.notEqual(after.hash, before.hash);
  const stepped = await epoch(page);
  await page.click('[data-testid="step"]');
  await page.waitForFunction((e) => Number(document.querySelector('[data-testid="epoch"]').textContent) === e + 1, stepped);
  await page.click('[data-testid="reset"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="epoch"]').textContent === "0");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the loss falls on circle", async () => {
  const {page, problems} = await openPage("#v=1&dataset=circle&epf=10");
  const first = await number(page, "train-loss");
  await playUntil(page, () => Number(document.querySelector('[data-testid="epoch"]').textContent) >= 300, 60000);
  const trainLoss = await number(page, "train-loss");
  const testLoss = await number(page, "test-loss");
  assert.ok(trainLoss < first * 0.6, `training loss ${first} -> ${trainLoss}`);
  assert.ok(testLoss < 0.45, `test loss ${testLoss}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a URL hash round-trips through the controls", async () => {
  const wanted = {
    ...parse("", schema).state,
    dataset: "xor",
    noise: 0.2,
    train: 0.6,
    seed: 7,
    features: ["x", "y", "xy"],
    hidden: [3, 5],
    act: ["relu", "leaky_relu(negative_slope:0.2)"],
    opt: "adam",
    lr: 0.1,
    batch: 20,
    reg: "l2",
    regRate: 0.001,
    showTest: true,
  };
  const hash = `#${serialize(wanted, schema)}`;
  const {page, problems} = await openPage(hash);
  assert.equal(await page.evaluate(() => location.hash), hash, "the page writes back exactly the hash it read");
  assert.equal(await page.getAttribute('[data-testid="dataset"] [data-value="xor"]', "aria-pressed"), "true");
  assert.equal(await page.inputValue('[data-testid="learning-rate"]'), "0.1");
  assert.equal(await page.locator(".net-col--hidden").count(), 2);
  assert.equal(await page.locator(".net-col--hidden").nth(1).locator(".unit").count(), 5);
  assert.equal(await page.locator(".unit--input[aria-pressed=true]").count(), 3);
  assert.equal(await page.inputValue(".net-col--hidden >> nth=0 >> select"), "relu");
  assert.equal(await page.inputValue(".net-col--hidden >> nth=1 >> select"), "leaky_relu");
  assert.equal(await page.isChecked('[data-testid="showTest"]'), true);

  // Change settings through the controls; the hash follows.
  await page.selectOption('[data-testid="learning-rate"]', "0.3");
  await page.click('[data-testid="dataset"] [data-value="spiral"]');
  await page.click(".net-layers .icon-plus");
  await page.waitForFunction(() => /&lr=0\.3&/.test(location.hash) && /&dataset=spiral&/.test(location.hash) && /&hidden=3,5,5&/.test(location.hash));
  const changed = await page.evaluate(() => location.hash);
  const expected = {...wanted, lr: 0.3, dataset: "spiral", hidden: [3, 5, 5], act: [...wanted.act, wanted.act[1]]};
  assert.deepEqual(parse(changed, schema).state, expected);

  // The changed link opens the same settings in a fresh page.
  const second = await openPage(changed);
  assert.equal(await second.page.evaluate(() => location.hash), changed);
  assert.equal(await second.page.inputValue('[data-testid="learning-rate"]'), "0.3");
  assert.equal(await second.page.locator(".net-col--hidden").count(), 3);
  assert.deepEqual([...problems, ...second.problems], []);
  await second.page.close();
  await page.close();
});

test("a bad link falls back to defaults with a visible notice", async () => {
  const {page, problems} = await openPage("#v=1&lr=banana&hidden=4,999&act=%3Cimg%20src%3Dx%3E&zzz=1");
  const text = await page.textContent("#notices");
  // Settings are named as the page names them, once each; an unknown key is quoted as it came.
  assert.match(text, /Learning rate/);
  assert.match(text, /Hidden layers/);
  assert.match(text, /zzz/);
  assert.doesNotMatch(text, /“lr”|“hidden”/);
  assert.equal((text.match(/Layer activations/g) ?? []).length, 1, "one notice for the activations");
  assert.equal(await page.locator("#notices img").count(), 0);
  assert.equal(await page.inputValue('[data-testid="learning-rate"]'), "0.03");
  await page.click("#notices .notices-all button");
  assert.equal(await page.isHidden("#notices"), true, "Dismiss all clears every notice");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a learning rate of 10 shows the divergence warning", async () => {
  // Sigmoid + cross-entropy outputs stay finite at this rate; a regression's linear output does not.
  const {page, problems} = await openPage("#v=1&dataset=reg-plane&hidden=4,2&act=tanh,tanh&opt=sgd");
  assert.equal(await page.isVisible('[data-testid="diverged-warning"]'), false);
  await page.selectOption('[data-testid="learning-rate"]', "10");
  await page.click('[data-testid="play"]');
  // The warning may first say "unstable" while the loss still grows; wait for the divergence itself.
  await page.waitForFunction(() => document.querySelector('[data-testid="train-loss"]').textContent === "diverged", null, {timeout: 30000});
  assert.equal(await page.isVisible('[data-testid="diverged-warning"]'), true);
  assert.match(await page.textContent('[data-testid="diverged-warning"]'), /diverged/i);
  assert.equal(await page.textContent('[data-testid="test-loss"]'), "diverged");
  await page.click('[data-testid="diverged-warning"] button');
  await page.waitForSelector('[data-testid="diverged-warning"]', {state: "hidden"});
  assert.equal(await page.inputValue('[data-testid="learning-rate"]'), "1");
  assert.equal(await epoch(page), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a learning rate of 10 on the default circle page warns that training is unstable", async () => {
  const {page, problems} = await openPage("");
  await page.selectOption('[data-testid="learning-rate"]', "10");
  await page.click('[data-testid="play"]');
  await page.waitForSelector('[data-testid="diverged-warning"]', {state: "visible", timeout: 30000});
  assert.match(await page.textContent('[data-testid="diverged-warning"]'), /unstable/i);
  await page.click('[data-testid="diverged-warning"] button');
  await page.waitForSelector('[data-testid="diverged-warning"]', {state: "hidden"});
  assert.equal(await page.inputValue('[data-testid="learning-rate"]'), "1");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the diagram, unit hover, weight editing, hidden space and compare mode work", async () => {
  const {page, problems} = await openPage("#v=1&dataset=circle&hidden=4,2&compare=1&compareAct=relu");
  // Keyboard: the run buttons are real buttons.
  await page.focus('[data-testid="step"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('[data-testid="epoch"]').textContent === "1");
  const plain = await canvasPixels(page, '[data-testid="boundary"]');
  await page.hover(".net-col--hidden .unit >> nth=0");
  await page.waitForSelector(".boundary.is-unit");
  const unit = await canvasPixels(page, '[data-testid="boundary"]');
  assert.notEqual(unit.hash, plain.hash, "hovering a unit shows its map on the big plot");

  // Each inspector names the unit it shows ("layer:index"); with two hidden layers the output is layer 2.
  const firstUnit = '.inspector[data-unit="0:0"]';
  const outputUnit = '.inspector[data-unit="2:0"]';
  await page.click(".net-col--hidden .unit >> nth=0");
  await page.waitForSelector(`${firstUnit} .weight-input`);
  const beforeWeight = await drawnFrame(page);
  await page.fill(`${firstUnit} .weight-input >> nth=0`, "3.5");
  await page.press(`${firstUnit} .weight-input >> nth=0`, "Enter");
  await waitForDrawnFrame(page, {edits: beforeWeight.edits + 1});
  // Off the unit, the big plot shows the whole network again, drawn after the edit.
  await page.locator(".panel--output").hover();
  await page.waitForSelector(".boundary:not(.is-unit)");
  await page.locator(`${firstUnit} .weight-input >> nth=0`).blur();

  // The output unit's bias is editable too: a large bias pushes every cell to class 2.
  const lossBefore = await page.textContent('[data-testid="train-loss"]');
  const boundaryBefore = await canvasPixels(page, '[data-testid="boundary"]');
  await page.click(".unit--output");
  await page.waitForSelector(`${outputUnit} .bias-input`);
  assert.doesNotMatch(await page.textContent(outputUnit), /null|undefined/);
  const beforeBias = await drawnFrame(page);
  await page.fill(`${outputUnit} .bias-input`, "20");
  await page.press(`${outputUnit} .bias-input`, "Enter");
  await waitForDrawnFrame(page, {edits: beforeBias.edits + 1});
  assert.notEqual(await page.textContent('[data-testid="train-loss"]'), lossBefore, "the loss follows the new bias");
  await page.locator(`${outputUnit} .bias-input`).blur();
  assert.equal(await page.inputValue(`${outputUnit} .bias-input`), "20");
  await page.fill(`${outputUnit} .bias-input`, "");
  await page.press(`${outputUnit} .bias-input`, "Enter");
  assert.equal(await page.getAttribute(`${outputUnit} .bias-input`, "aria-invalid"), "true", "an empty field is marked, not sent");
  const afterBias = await drawnFrame(page);
  assert.equal(afterBias.edits, beforeBias.edits + 1, "the empty field sent no edit");
  await page.locator(".panel--output").hover();
  await page.waitForSelector(".boundary:not(.is-unit)");
  const boundaryAfter = await canvasPixels(page, '[data-testid="boundary"]');
  assert.notEqual(boundaryAfter.hash, boundaryBefore.hash, "the boundary is redrawn with the new bias");

  // A click on the plot adds a point of the chosen class to the link and the data: a new configuration.
  const beforeAdd = await drawnFrame(page);
  const box = await page.locator('[data-testid="boundary"]').boundingBox();
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25);
  await page.waitForFunction(() => /&added=3\.\d\d:3\.\d\d:0&/.test(location.hash));
  await waitForDrawnFrame(page, {token: beforeAdd.token + 1});

  await page.locator(".panel--compare").scrollIntoViewIfNeeded();
  const b = await canvasPixels(page, '[data-testid="boundary-b"]');
  assert.ok(b.width >= 100 && b.coloured > 0, "the compare boundary is drawn");
  await page.locator(".panel--space").scrollIntoViewIfNeeded();
  await waitForPanelEpoch(page, ".space", await epoch(page));
  const next = await stepOnce(page);
  await waitForPanelEpoch(page, ".space", next);
  const space = await canvasPixels(page, ".space-canvas");
  assert.ok(space.coloured > 50, "the hidden-space view draws points");
  assert.deepEqual(problems, []);
  await page.close();
});

async function measure(page, label, seconds) {
  await page.evaluate(() => {
    window.__frames = [];
  });
  const startEpoch = await epoch(page);
  await world.browser.startTracing(page, {categories: ["disabled-by-default-devtools.timeline"]});
  await setPlaying(page, true);
  // The window is a number of animation frames (60 a second when the page keeps up), counted by
  // instrument(); a slower machine takes longer to reach it instead of measuring less.
  const started = Date.now();
  await page.waitForFunction((count) => window.__frames.length >= count, seconds * 60, {timeout: 60000});
  const elapsed = (Date.now() - started) / 1000;
  await setPlaying(page, false);
  const tasks = mainThreadTaskTimes(await world.browser.stopTracing());
  // A Chromium whose trace names these events differently must fail here, not pass with no tasks.
  assert.ok(tasks.length > 100, `the trace holds ${tasks.length} main-thread tasks`);
  const frames = await page.evaluate(() => window.__frames.slice().sort((a, b) => a - b));
  const pick = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))] ?? 0;
  const stats = {
    longestTaskCpu: tasks.reduce((m, task) => Math.max(m, task.cpu), 0),
    longestTaskWall: tasks.reduce((m, task) => Math.max(m, task.wall), 0),
    tasksOver50msWall: tasks.filter((task) => task.wall > 50).length,
    frames: frames.length,
    medianFrame: pick(0.5),
    p95Frame: pick(0.95),
    maxFrame: frames[frames.length - 1] ?? 0,
  };
  const epochs = (await epoch(page)) - startEpoch;
  console.log(
    `${label}: ${epochs} epochs in ${elapsed.toFixed(1)} s (${(epochs / elapsed).toFixed(0)}/s); frames ${stats.frames}, ` +
      `median ${stats.medianFrame.toFixed(1)} ms, p95 ${stats.p95Frame.toFixed(1)} ms, max ${stats.maxFrame.toFixed(1)} ms; ` +
      `longest main-thread task ${stats.longestTaskCpu.toFixed(1)} ms CPU (${stats.longestTaskWall.toFixed(1)} ms wall); ` +
      `${stats.tasksOver50msWall} tasks over 50 ms wall`,
  );
  return {...stats, epochs};
}

test("both reference configurations train with the page responsive", async () => {
  const A = "#v=1&dataset=circle&features=x,y&hidden=4,2&act=tanh,tanh&lr=0.03&batch=10&opt=sgd&points=500&train=0.5";
  const B = "#v=1&dataset=spiral&features=x,y,x2,y2,xy,sinx,siny&hidden=8,8,8,8,8,8&act=tanh,tanh,tanh,tanh,tanh,tanh&lr=0.03&batch=10&opt=sgd&points=500&train=0.5";
  for (const [label, hash] of [
    ["reference A (circle, x y, 4-2)", A],
    ["reference B (spiral, 7 features, 6x8)", B],
  ]) {
    const {page, problems} = await openPage(hash);
    await page.locator(".panel--output").scrollIntoViewIfNeeded();
    const stats = await measure(page, label, 4);
    assert.ok(stats.epochs > 30, `${label} trained only ${stats.epochs} epochs`);
    assert.ok(stats.longestTaskCpu <= MAX_TASK_CPU_MS, `${label}: a main-thread task took ${stats.longestTaskCpu} ms of CPU`);
    // Diagnostics in view: layer statistics are computed and drawn every frame too.
    await page.locator(".panel--diagnostics").scrollIntoViewIfNeeded();
    const diag = await measure(page, `${label}, diagnostics in view`, 3);
    assert.ok(diag.longestTaskCpu <= MAX_TASK_CPU_MS, `${label}: a main-thread task took ${diag.longestTaskCpu} ms of CPU with diagnostics`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("screenshots at 1280 and 360 px wide, without horizontal overflow", async () => {
  for (const width of [1280, 360]) {
    const {page, problems} = await openPage("#v=1&dataset=spiral&hidden=6,6,4&epf=5&showTest=1", {width, height: 900});
    await playUntil(page, () => Number(document.querySelector('[data-testid="epoch"]').textContent) >= 150);
    await page.locator(".panel--diagnostics").scrollIntoViewIfNeeded();
    await waitForPanelEpoch(page, ".diagnostics", await epoch(page));
    await stepOnce(page);
    await page.locator(".panel--space").scrollIntoViewIfNeeded();
    await waitForPanelEpoch(page, ".space", await epoch(page));
    await waitForPanelEpoch(page, ".space", await stepOnce(page));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => window.scrollY === 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.screenshot({path: path.join(screenshotDir, `classifier-${width}.png`), fullPage: true});
    await page.locator("#classifier").screenshot({path: path.join(screenshotDir, `classifier-section-${width}.png`)});
    assert.ok(overflow <= 1, `the page is ${overflow} px wider than a ${width} px window`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("a network activation's parameter out of range or in conflict is refused in its field; the link stays valid", async () => {
  const {page, problems} = await openPage("#v=1&act=hardtanh,hardtanh");
  const hashBefore = await page.evaluate(() => location.hash);
  const tokenBefore = await page.getAttribute("#classifier", "data-token");
  const field = (name) => page.locator(`.network-settings .field--param:has(label:text-is("${name}")) input`);
  const message = page.locator(".network-settings .field-error:not([hidden])");
  // Out of its own range.
  await field("min_val").fill("50");
  await field("min_val").press("Enter");
  await page.waitForFunction(() => document.querySelector(".network-settings .field-error:not([hidden])"));
  assert.equal(await field("min_val").getAttribute("aria-invalid"), "true");
  assert.match(await message.textContent(), /min_val must be between −?-?10 and 10/);
  // In range, but above max_val: the core refuses it (asked on the main thread).
  await field("min_val").fill("5");
  await field("min_val").press("Enter");
  await page.waitForFunction(() => /does not fit/.test(document.querySelector(".network-settings .field-error:not([hidden])")?.textContent ?? ""));
  assert.equal(await message.count(), 1, "one message");
  assert.equal(await page.evaluate(() => location.hash), hashBefore, "the link never carries the refused value");
  assert.equal(await page.getAttribute("#classifier", "data-token"), tokenBefore, "the network was not reconfigured");
  // A valid value is used.
  await field("min_val").fill("-0.5");
  await field("min_val").press("Enter");
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get("act") === "hardtanh(min_val:-0.5),hardtanh(min_val:-0.5)");
  assert.deepEqual(problems, []);
  await page.close();
});
