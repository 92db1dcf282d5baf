// The page a newcomer meets (issue 12): no layout shift through load and a full scroll, the
// trainer's run bar, network and output plot on the first 1280x800 screen (on a phone the
// output right after the run bar), a network diagram that fits its panel at every allowed size,
// formulas that fit their card. One page per viewport, reused across its checks.
// Run: node --test tests/browser/layout.test.mjs   (PAGE_DIST=<folder> tests another build)
import {test} from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import {screenshotDir, useWorld, watchProblems} from "./chromium.mjs";

/** Chrome's "good" cumulative layout shift is 0.1; the page aims at half of that. */
const MAX_CLS = 0.05;

const world = useWorld();

/** Records every layout shift (not caused by input) from the first paint on. */
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = entry.sources.map((s) => `${s.node?.className?.baseVal ?? s.node?.className ?? s.node?.nodeName} ${Math.round(s.previousRect.y)}->${Math.round(s.currentRect.y)}`);
      window.__shifts.push({value: entry.value, at: Math.round(entry.startTime), sources});
    }
  }).observe({type: "layout-shift", buffered: true});
}

const nextFrames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Opens the page at a viewport and waits until the trainer has drawn its first frame and the explorer is ready. */
async function openAt(width, height, hash = "") {
  const page = await world.browser.newPage({viewport: {width, height}});
  const problems = watchProblems(page);
  await page.addInitScript(recordShifts);
  await page.goto(world.server.url + hash);
  await page.waitForSelector("#classifier:not(.is-loading)[data-seq]", {timeout: 30000});
  await page.waitForSelector('.ex[data-state="ready"]', {timeout: 30000});
  await nextFrames(page);
  return {page, problems};
}

/** Scrolls to the bottom in steps of most of a screen, letting every step draw. */
async function scrollThrough(page) {
  const height = await page.evaluate(() => window.innerHeight);
  for (let y = 0; ; y += Math.round(height * 0.8)) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await nextFrames(page);
    const done = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
    if (done) break;
  }
  // The lazily drawn panels show the current frame once seen.
  const seq = await page.getAttribute("#classifier", "data-seq");
  await page.waitForFunction(() => document.querySelector(".diagnostics")?.dataset.epoch !== undefined, null, {timeout: 10000});
  return seq;
}

const layoutShift = (page) => page.evaluate(() => window.__shifts);

function assertStable(shifts, label) {
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  const detail = shifts.map((s) => `${s.value.toFixed(3)} at ${s.at} ms: ${s.sources.join(", ")}`).join("\n");
  console.log(`CLS at ${label}: ${total.toFixed(4)}`);
  assert.ok(total < MAX_CLS, `cumulative layout shift at ${label} is ${total.toFixed(3)}:\n${detail}`);
}

const box = (page, selector) => page.$eval(selector, (element) => element.getBoundingClientRect().toJSON());

function assertInViewport(rect, viewport, label) {
  assert.ok(rect.width > 0 && rect.height > 0, `${label} is drawn`);
  assert.ok(rect.top >= 0 && rect.left >= 0 && rect.bottom <= viewport.height && rect.right <= viewport.width, `${label} ${JSON.stringify(rect)} lies inside ${viewport.width}x${viewport.height}`);
}

test("at 1280x800 the run bar, network and output plot are on the first screen, and nothing shifts through load and a full scroll", async () => {
  const viewport = {width: 1280, height: 800};
  const {page, problems} = await openAt(viewport.width, viewport.height);
  assertInViewport(await box(page, '[data-testid="play"]'), viewport, "Play");
  assertInViewport(await box(page, ".runbar"), viewport, "the run bar");
  assertInViewport(await box(page, ".net-body"), viewport, "the network diagram");
  assertInViewport(await box(page, '[data-testid="boundary"]'), viewport, "the output plot");
  assertInViewport(await box(page, '.site-nav a[href="#explorer"]'), viewport, "the link to the activation explorer");
  await page.screenshot({path: path.join(screenshotDir, "layout-1280-first-screen.png")});
  await scrollThrough(page);
  assertStable(await layoutShift(page), "1280 px");
  assert.deepEqual(problems, []);
  await page.close();
});

test("on a 390 px phone the output plot follows the run bar, and nothing shifts through load and a full scroll", async () => {
  const {page, problems} = await openAt(390, 844);
  const runbar = await box(page, ".runbar");
  const output = await box(page, ".panel--output");
  const data = await box(page, ".panel--data");
  assert.ok(output.top > runbar.bottom && output.top < data.top, "the output panel comes right after the run bar");
  assert.ok(output.top - runbar.bottom < 40, `the output panel starts ${output.top - runbar.bottom} px under the run bar`);
  await page.screenshot({path: path.join(screenshotDir, "layout-390-first-screen.png")});
  // The explorer: the chart first, then the whole catalog (no small scroll box).
  const chart = await box(page, '[data-testid="activation-chart"]');
  const list = await page.$eval(".ex-list", (element) => ({top: element.getBoundingClientRect().top, scrolls: element.scrollHeight > element.clientHeight + 1}));
  assert.ok(chart.top < list.top, "on a phone the activation chart comes before the catalog");
  assert.equal(list.scrolls, false, "the catalog shows every activation without a scroll box of its own");
  await scrollThrough(page);
  assertStable(await layoutShift(page), "390 px");
  await page.screenshot({path: path.join(screenshotDir, "layout-390-full.png"), fullPage: true});
  assert.deepEqual(problems, []);
  await page.close();
});

/** The network diagram and its output units inside the network panel's content box; a scroll cue exactly when it scrolls. */
async function diagramFit(page) {
  return page.evaluate(() => {
    const panel = document.querySelector(".panel--network");
    const style = getComputedStyle(panel);
    const outer = panel.getBoundingClientRect();
    const inner = {left: outer.left + parseFloat(style.paddingLeft), right: outer.right - parseFloat(style.paddingRight)};
    const scroller = document.querySelector(".net-scroll");
    const body = document.querySelector(".net-body").getBoundingClientRect();
    const outputs = [...document.querySelectorAll(".unit--output")].map((unit) => unit.getBoundingClientRect());
    const scrollable = scroller.scrollWidth > scroller.clientWidth;
    return {
      inside: body.left >= inner.left - 0.5 && body.right <= inner.right + 0.5,
      outputsInside: outputs.every((r) => r.left >= inner.left - 0.5 && r.right <= inner.right + 0.5),
      scrollable,
      hintShown: !document.querySelector(".net-scroll-hint").hidden,
      level: document.querySelector(".net-columns").className,
      widths: `${Math.round(body.width)} px in ${Math.round(inner.right - inner.left)} px`,
    };
  });
}

for (const width of [360, 980, 1280, 1920]) {
  test(`the network diagram fits its panel at ${width} px for 1 to 8 hidden layers, up to 64 units`, async () => {
    const {page, problems} = await openAt(width, 900, "#v=1&features=x,y,x2,y2,xy,sinx,siny");
    const shapes = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => Array(n).fill(8)).concat([Array(8).fill(64)]);
    for (const hidden of shapes) {
      await page.evaluate((sizes) => window.activationPlayground.setState({hidden: sizes, act: sizes.map(() => "tanh")}), hidden);
      await page.waitForFunction(
        (sizes) => document.querySelectorAll(".net-col--hidden").length === sizes.length && document.querySelectorAll(".net-col--hidden:last-of-type .unit, .net-col--hidden .unit").length === sizes.reduce((a, b) => a + b, 0),
        hidden,
      );
      await nextFrames(page);
      const fit = await diagramFit(page);
      const label = `${hidden.length} x ${hidden[0]} at ${width} px (${fit.level}; ${fit.widths})`;
      assert.equal(fit.scrollable, false, `${label} fits without scrolling`);
      assert.equal(fit.hintShown, fit.scrollable, `${label}: the scroll cue shows exactly when the diagram scrolls`);
      assert.ok(fit.inside, `${label}: the diagram lies inside its panel`);
      assert.ok(fit.outputsInside, `${label}: the output unit is in view`);
      if (hidden.length === 8 && hidden[0] === 8) await page.locator(".panel--network").screenshot({path: path.join(screenshotDir, `layout-diagram-8-layers-${width}.png`)});
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}

for (const width of [360, 1280]) {
  test(`every catalog formula fits its card at ${width} px`, async () => {
    const {page, problems} = await openAt(width, 900);
    const names = await page.$$eval(".ex-item", (items) => items.map((item) => item.dataset.name));
    assert.ok(names.length >= 20, `the catalog lists ${names.length} activations`);
    // KaTeX loads when the card comes near the view.
    await page.locator(".ex-formula").scrollIntoViewIfNeeded();
    for (const name of names) {
      await page.evaluate((fn) => window.activationPlayground.setState({exFns: [fn], exParams: ["-"], exActive: 0}), name);
      await page.waitForSelector(`.ex-formula[data-typeset="${name}"]`);
      await nextFrames(page);
      const lines = await page.evaluate(() => {
        const card = document.querySelector(".ex-formula");
        const style = getComputedStyle(card);
        const outer = card.getBoundingClientRect();
        const inner = {left: outer.left + parseFloat(style.paddingLeft), right: outer.right - parseFloat(style.paddingRight)};
        return [...card.querySelectorAll(".ex-math-line")].map((line) => {
          // The typeset content's own extent (a display <math> is as wide as its line).
          const range = document.createRange();
          range.selectNodeContents(line.querySelector("math") ?? line);
          const content = range.getBoundingClientRect();
          return {text: line.textContent.slice(0, 40), left: content.left - inner.left, right: inner.right - content.right, clipped: line.scrollWidth > line.clientWidth};
        });
      });
      assert.ok(lines.length >= 2, `${name}: value and derivative are shown`);
      for (const line of lines) {
        assert.ok(line.left >= -0.5 && line.right >= -0.5 && !line.clipped, `${name} at ${width} px: "${line.text}" overflows its card by ${Math.max(-line.left, -line.right).toFixed(1)} px`);
      }
    }
    await page.evaluate(() => window.activationPlayground.setState({exFns: ["gelu_tanh"], exParams: ["-"], exActive: 0}));
    await page.waitForSelector('.ex-formula[data-typeset="gelu_tanh"]');
    await nextFrames(page);
    const starts = await page.$$eval(".ex-formula .ex-math-line", (lines) => lines.map((line) => line.textContent.replace(/\s/g, "").slice(0, 3)));
    assert.ok(starts.some((start) => /^u.?=/.test(start)), `GELU (tanh)'s definition of u' has a line of its own (lines start ${starts.join(" | ")})`);
    await page.locator(".ex-formula").screenshot({path: path.join(screenshotDir, `layout-formula-gelu-tanh-${width}.png`)});
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("screenshots at 360, 390, 1280 and 1920 px", async () => {
  for (const [width, height] of [
    [360, 740],
    [390, 844],
    [1280, 800],
    [1920, 1080],
  ]) {
    const {page, problems} = await openAt(width, height);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`);
    await page.screenshot({path: path.join(screenshotDir, `layout-${width}.png`), fullPage: true});
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("the diagram shows a hovered link's weight, a click edits it, Esc closes the editor; mixed layers read 'Mixed'; disabled controls say why; the output has a colour scale", async () => {
  const {page, problems} = await openAt(1280, 900);
  // A link from the first input to the first hidden unit: the middle of its curve.
  const point = await page.evaluate(() => {
    const a = document.querySelector('.unit--input[aria-pressed="true"]').getBoundingClientRect();
    const b = document.querySelector(".net-col--hidden .unit").getBoundingClientRect();
    return {x: (a.right + b.left) / 2, y: (a.top + a.height / 2 + b.top + b.height / 2) / 2};
  });
  await page.mouse.move(point.x - 4, point.y);
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector('[data-testid="link-tip"]:not([hidden])');
  const tip = await page.textContent('[data-testid="link-tip"]');
  assert.match(tip, /X₁ → Layer 1, neuron 1: weight −?-?\d/, tip);
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector('.inspector[data-unit="0:0"]');
  const focused = await page.evaluate(() => document.activeElement?.closest(".weight-row")?.textContent ?? "");
  assert.match(focused, /X₁/, "the clicked weight's field has the focus");
  await page.keyboard.press("Escape");
  await page.waitForSelector(".inspector", {state: "hidden"});

  // Layers with different activations.
  await page.evaluate(() => window.activationPlayground.setState({act: ["relu", "tanh"]}));
  await page.waitForFunction(() => {
    const select = document.querySelector('[data-testid="activation-all"]');
    return select && select.selectedOptions[0]?.textContent === "Mixed (layers differ)";
  });

  // A disabled control says why.
  const classes = page.locator(".data-controls select").first();
  assert.equal(await classes.isDisabled(), true);
  const reasonId = await classes.getAttribute("aria-describedby");
  assert.match(await page.textContent(`#${reasonId}`), /Two classes here/);
  await page.evaluate(() => window.activationPlayground.setState({exFns: ["relu", "tanh", "elu", "gelu"], exParams: ["-", "-", "-", "-"], exActive: 0}));
  await page.waitForFunction(() => document.querySelectorAll(".ex-legend-item").length === 4);
  const add = page.locator('.ex-item[data-name="sigmoid"] .ex-item-add');
  assert.equal(await add.isDisabled(), true);
  assert.match(await add.getAttribute("title"), /at most four/);

  // The output plot's colour scale.
  assert.equal(await page.isVisible('[data-testid="colour-scale"]'), true);
  assert.match(await page.textContent('[data-testid="colour-scale"]'), /probability of class 2.*0.*0\.5.*1/s);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the explorer chart zooms with the mouse wheel around the pointer and pans with a drag", async () => {
  const {page, problems} = await openAt(1280, 900, "#v=1&exFns=tanh&exParams=-&exXMin=-5&exXMax=5");
  const range = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get("exXMin") + " " + new URLSearchParams(location.hash.slice(1)).get("exXMax"));
  const chart = page.locator('[data-testid="activation-chart"]');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction(() => Number(new URLSearchParams(location.hash.slice(1)).get("exXMax")) < 5);
  const [zoomMin, zoomMax] = (await range()).split(" ").map(Number);
  assert.ok(zoomMin > -5 && zoomMax < 5 && zoomMax - zoomMin < 10, `wheel up zooms in: ${zoomMin}..${zoomMax}`);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2, {steps: 4});
  await page.mouse.up();
  await page.waitForFunction((min) => Number(new URLSearchParams(location.hash.slice(1)).get("exXMin")) < min - 0.5, zoomMin);
  const [panMin, panMax] = (await range()).split(" ").map(Number);
  assert.ok(Math.abs(panMax - panMin - (zoomMax - zoomMin)) < 1e-3, "a drag keeps the width of the range");
  assert.ok(panMin < zoomMin, `dragging right shows smaller x: ${panMin}..${panMax}`);
  assert.deepEqual(problems, []);
  await page.close();
});
