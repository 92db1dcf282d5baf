// Lessons in the page: each opens from its link, its steps set their states without console
// errors, a measurement fills its table from the lesson worker, leaving keeps the state, and an
// iframe with #embed=1&lesson=… shows the lesson.
// Run: node --test tests/browser/lessons.test.mjs   (screenshots go to build/screenshots/)
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import path from "node:path";
import {screenshotDir, useWorld, watchProblems} from "./chromium.mjs";
import {repoRoot} from "../js/helpers.mjs";
import {LESSONS, lessonById, stepState} from "../../web/src/lessons/index.js";

const world = useWorld();

async function openPage(hash, {width = 1280, height = 1000} = {}) {
  const page = await world.browser.newPage({viewport: {width, height}});
  const problems = watchProblems(page);
  await page.goto(`${world.server.url}#${hash}`);
  await page.waitForFunction(() => Boolean(window.activationPlayground));
  await page.evaluate(() => window.activationPlayground.ready);
  return {page, problems};
}

/** The keys of `expected` that the page's state does not hold (deep-compared as JSON). */
async function stateDifferences(page, expected) {
  const state = await page.evaluate(() => window.activationPlayground.getState());
  return Object.keys(expected).filter((key) => JSON.stringify(state[key]) !== JSON.stringify(expected[key]));
}

/** Opens lesson `id` at its step that measures. */
function openMeasuringStep(id) {
  const measuring = lessonById(id).steps.findIndex((step) => step.measure);
  return openPage(`v=1&lesson=${id}&lessonStep=${measuring}`);
}

test("every lesson opens from its link and every step sets its state without console errors", async () => {
  for (const lesson of LESSONS) {
    const {page, problems} = await openPage(`v=1&lesson=${lesson.id}`);
    await page.waitForSelector(`.lesson[data-lesson="${lesson.id}"][data-step="0"]`);
    assert.deepEqual(await stateDifferences(page, stepState(lesson, 0)), [], `${lesson.id} step 0`);
    assert.equal(await page.inputValue(".lesson-picker"), lesson.id);
    for (let step = 1; step < lesson.steps.length; step++) {
      await page.click(".lesson-next");
      await page.waitForSelector(`.lesson[data-lesson="${lesson.id}"][data-step="${step}"]`);
      assert.deepEqual(await stateDifferences(page, stepState(lesson, step)), [], `${lesson.id} step ${step}`);
    }
    assert.equal(await page.isDisabled(".lesson-next"), true, "the last step has no Next");
    await page.click(".lesson-back");
    await page.waitForSelector(`.lesson[data-step="${lesson.steps.length - 2}"]`);
    // Every text the panel shows is a message, not a missing key.
    const text = await page.textContent(".lesson-panel");
    assert.doesNotMatch(text, /lessons\.|\{\w+\}|null|undefined|NaN/, lesson.id);
    assert.deepEqual(problems, [], lesson.id);
    await page.close();
  }
});

test("every lesson opens from its link in Chinese, and every step reads in Chinese", async () => {
  const zhTitles = JSON.parse(await readFile(path.join(repoRoot, "web/messages/zh-CN/lesson-picker.json"), "utf8")).titles;
  for (const lesson of LESSONS) {
    const {page, problems} = await openPage(`v=1&lang=zh&lesson=${lesson.id}`);
    await page.waitForSelector(`.lesson[data-lesson="${lesson.id}"][data-step="0"]`);
    assert.ok((await page.textContent(".lesson-title")).includes(zhTitles[lesson.id]), lesson.id);
    for (let step = 0; step < lesson.steps.length; step++) {
      if (step > 0) {
        await page.click(".lesson-next");
        await page.waitForSelector(`.lesson[data-lesson="${lesson.id}"][data-step="${step}"]`);
      }
      const text = await page.textContent(".lesson-panel");
      assert.doesNotMatch(text, /lessons\.|\{\w+\}|null|undefined|NaN/, `${lesson.id} step ${step}`);
      assert.match(text, /[\u4e00-\u9fff]{8}/, `${lesson.id} step ${step} reads in Chinese`);
    }
    assert.deepEqual(problems, [], lesson.id);
    await page.close();
  }
});

test("a lesson's measurement runs in the lesson worker and fills its table and verdicts", async () => {
  const {page, problems} = await openMeasuringStep("zigzag");
  await page.waitForSelector('.lesson-measurement[data-state="idle"]');
  await page.click(".lesson-measure");
  await page.waitForSelector('.lesson-measurement[data-state="done"]', {timeout: 60000});
  const rows = await page.$$eval(".lesson-table tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(rows.map((row) => row[0]), ["sigmoid", "relu", "tanh", "elu"]);
  assert.equal(rows[0][2], "100.0%", "layers fed by sigmoid: every gradient row one-signed");
  const verdicts = await page.$$eval(".lesson-verdicts p", (ps) => ps.map((p) => [p.dataset.verdict, p.textContent]));
  assert.equal(verdicts[0][0], "holds");
  assert.doesNotMatch(verdicts.map((v) => v[1]).join(" "), /\{\w+\}/);
  await page.locator(".lesson").screenshot({path: path.join(screenshotDir, "lesson-zigzag-measured.png")});
  assert.deepEqual(problems, []);
  await page.close();
});

test("a long measurement shows its progress and the page keeps drawing frames while it runs", async () => {
  const {page, problems} = await openMeasuringStep("choosing");
  await page.waitForSelector('.lesson-measurement[data-state="idle"]');
  // Every animation frame records the measurement's state and progress: frames drawn while it
  // runs are the main thread staying free.
  await page.evaluate(() => {
    window.lessonFrames = [];
    const record = () => {
      const box = document.querySelector(".lesson-measurement");
      window.lessonFrames.push({state: box?.dataset.state, done: Number(box?.querySelector("progress")?.value ?? -1)});
      if (box?.dataset.state !== "done") requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  await page.click(".lesson-measure");
  await page.waitForSelector('.lesson-measurement[data-state="done"]', {timeout: 120000});
  const frames = await page.evaluate(() => window.lessonFrames.filter((frame) => frame.state === "running"));
  assert.ok(frames.length >= 2, `${frames.length} frames drawn while measuring`);
  assert.ok(new Set(frames.map((frame) => frame.done)).size >= 2, "the progress moved while frames were drawn");
  assert.equal(await page.locator(".lesson-table tbody tr").count(), 6);
  const verdicts = await page.$$eval(".lesson-verdicts p", (ps) => ps.map((p) => p.dataset.verdict));
  assert.equal(verdicts.length, 3);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the depth experiment's measurement draws its chart: one accuracy line per activation over depths 1 to 5", async () => {
  const {page, problems} = await openMeasuringStep("depth-experiment");
  await page.click(".lesson-measure");
  await page.waitForSelector('.lesson-measurement[data-state="done"]', {timeout: 60000});
  assert.equal(await page.locator(".lesson-chart polyline").count(), 3);
  assert.equal(await page.locator(".lesson-table tbody tr").count(), 15);
  const points = await page.getAttribute(".lesson-chart polyline", "points");
  assert.equal(points.split(" ").length, 5);
  await page.locator(".lesson").screenshot({path: path.join(screenshotDir, "lesson-depth-experiment-measured.png")});
  assert.deepEqual(problems, []);
  await page.close();
});

test("the first view loads no lesson code or text; the header's picker loads them and opens the lesson, in Chinese", async () => {
  const zhTitles = JSON.parse(await readFile(path.join(repoRoot, "web/messages/zh-CN/lesson-picker.json"), "utf8")).titles;
  const lessonChunk = (url) => /\/assets\/(lesson-panel|lessons)-[\w-]+\.js$/.test(url);
  const page = await world.browser.newPage({viewport: {width: 1280, height: 1000}});
  const problems = watchProblems(page);
  const requested = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.goto(`${world.server.url}#v=1&lang=zh`);
  await page.waitForFunction(() => Boolean(window.activationPlayground));
  await page.evaluate(() => window.activationPlayground.ready);
  assert.deepEqual(requested.filter(lessonChunk), [], "no lesson chunk before a lesson is opened");
  // The picker names every lesson in Chinese from the first view's own texts.
  assert.equal(await page.textContent('.site-lessons option[value="zigzag"]'), zhTitles.zigzag);
  await page.selectOption(".site-lessons .lesson-picker", "zigzag");
  await page.waitForSelector('.lesson[data-lesson="zigzag"][data-step="0"]');
  assert.deepEqual(await stateDifferences(page, stepState(lessonById("zigzag"), 0)), []);
  assert.ok((await page.textContent(".lesson-title")).includes(zhTitles.zigzag));
  assert.match(await page.textContent(".lesson-step"), /[\u4e00-\u9fff]{4}/);
  assert.equal(requested.filter(lessonChunk).length, 2, "the panel's code and the Chinese lesson texts");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a lesson link draws the lesson's panel (loaded on demand) before the sections show, so nothing shifts", async () => {
  const page = await world.browser.newPage({viewport: {width: 1280, height: 800}});
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({type: "layout-shift", buffered: true});
  });
  await page.goto(`${world.server.url}#v=1&lesson=dying-relu`);
  await page.waitForSelector('.lesson[data-lesson="dying-relu"][data-step="0"]');
  await page.waitForSelector("#classifier:not(.is-loading)[data-seq]", {state: "attached"});
  await page.waitForSelector("main:not(.ap-opening-lesson)");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift < 0.05, `cumulative layout shift ${shift.toFixed(3)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("leaving a lesson keeps the current state for free play and drops the lesson from the link", async () => {
  const {page, problems} = await openPage("v=1&lesson=dying-relu");
  await page.waitForSelector('.lesson[data-lesson="dying-relu"][data-step="0"]');
  await page.click(".lesson-next");
  await page.waitForSelector('.lesson[data-step="1"]');
  await page.screenshot({path: path.join(screenshotDir, "lesson-dying-relu-step2.png")});
  const during = await page.evaluate(() => window.activationPlayground.getState());
  await page.click(".lesson-leave");
  // On the full page the picker lives in the header, so the lesson's section hides with its panel.
  await page.waitForSelector('.lesson[data-lesson=""]', {state: "hidden"});
  assert.equal(await page.inputValue(".site-lessons .lesson-picker"), "");
  const afterLeaving = await page.evaluate(() => window.activationPlayground.getState());
  assert.equal(afterLeaving.lesson, "");
  assert.equal(await page.isHidden(".lesson-panel"), true);
  for (const key of ["lr", "biasInit", "act", "hidden", "init", "dataset"]) assert.deepEqual(afterLeaving[key], during[key], key);
  assert.equal(afterLeaving.lr, 3);
  await page.waitForFunction(() => !location.hash.includes("lesson=") && location.hash.includes("lr=3"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("an iframe with #embed=1&lesson=dying-relu shows the lesson's panel", async () => {
  const page = await world.browser.newPage({viewport: {width: 900, height: 900}});
  const problems = watchProblems(page);
  // A host page beside the site (served by the browser's router), as a course page would hold it.
  const hostUrl = `${world.server.url}lesson-host.html`;
  const body = `<!doctype html><html lang="en"><head><title>host</title><link rel="icon" href="data:,"></head><body><iframe src="${world.server.url}#embed=1&lesson=dying-relu" width="820" height="820" title="lesson"></iframe></body></html>`;
  await page.route(hostUrl, (route) => route.fulfill({contentType: "text/html", body}));
  await page.goto(hostUrl);
  const frame = page.frameLocator("iframe");
  await frame.locator('.lesson[data-lesson="dying-relu"][data-step="0"]').waitFor();
  assert.equal(await frame.locator(".lesson-panel").isVisible(), true);
  assert.match(await frame.locator(".lesson-title").textContent(), /Dying ReLUs/);
  assert.equal(await frame.locator(".lesson-picker").count(), 0, "an embed shows the lesson, not the picker");
  const state = await frame.locator("body").evaluate(() => window.activationPlayground.getState());
  assert.equal(state.biasInit, -3);
  await frame.locator(".section--classifier[data-seq]").waitFor({state: "attached"});
  await page.screenshot({path: path.join(screenshotDir, "lesson-embed-dying-relu.png")});
  assert.deepEqual(problems, []);
  await page.close();
});

test("the element's lesson attribute opens the lesson, and its measurement runs in the element's inlined worker", async () => {
  const page = await world.browser.newPage({viewport: {width: 900, height: 1000}});
  const problems = watchProblems(page);
  const hostUrl = `${world.server.url}lesson-element.html`;
  const body = `<!doctype html><html lang="en"><head><title>course</title><link rel="icon" href="data:,"><script type="module" src="${world.server.url}lib/activation-playground-element.mjs"></script></head><body><activation-playground id="course" lesson="smooth-gates" lesson-step="3" panels="chart"></activation-playground></body></html>`;
  await page.route(hostUrl, (route) => route.fulfill({contentType: "text/html", body}));
  await page.goto(hostUrl);
  const lesson = page.locator('#course .lesson[data-lesson="smooth-gates"][data-step="3"]');
  await lesson.waitFor();
  await page.locator("#course .lesson-measure").click();
  await page.locator('#course .lesson-measurement[data-state="done"]').waitFor({timeout: 60000});
  const cells = await page.locator("#course .lesson-table tbody tr td:nth-child(2)").allTextContents();
  assert.deepEqual(cells, ["−1.2785", "−0.7518", "—"]);
  await lesson.screenshot({path: path.join(screenshotDir, "lesson-element-smooth-gates.png")});
  assert.deepEqual(problems, []);
  await page.close();
});
