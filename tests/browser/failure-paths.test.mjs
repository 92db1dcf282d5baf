// Failure paths of the page (issue 16, defect 6), against the built site with the real core:
// a worker that dies, a configuration too slow for its epochs per frame, a .wasm that does
// not load, a reload right after a change, a flood of hash changes, no WebAssembly at all.
import {test} from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import {screenshotDir, useWorld, watchProblems} from "./chromium.mjs";

const world = useWorld();

const screenshot = (page, name) => page.screenshot({path: path.join(screenshotDir, `failure-${name}.png`)});

async function openPage(hash = "", {init = null} = {}) {
  const page = await world.browser.newPage({viewport: {width: 1280, height: 900}});
  const problems = watchProblems(page, {responses: false});
  if (init) await page.addInitScript(init);
  await page.goto(world.server.url + hash);
  return {page, problems};
}

const epoch = (page) => page.evaluate(() => Number(document.querySelector('[data-testid="epoch"]').textContent));
const noticeTexts = (page) => page.$$eval("#notices .notice p", (list) => list.map((p) => p.textContent));

async function waitForFirstFrame(page) {
  await page.waitForSelector("#classifier:not(.is-loading)", {timeout: 30000});
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="train-loss"]')?.textContent ?? ""), null, {timeout: 30000});
}

async function waitForEpochAtLeast(page, wanted, timeout = 30000) {
  await page.waitForFunction((e) => Number(document.querySelector('[data-testid="epoch"]').textContent) >= e, wanted, {timeout});
}

async function playing(page) {
  return page.evaluate(() => document.getElementById("classifier").dataset.running === "true");
}

test("a worker that dies mid-training is restarted from the current settings, with a notice, and training goes on", async () => {
  const {page} = await openPage("#v=1&dataset=xor&epf=2");
  await waitForFirstFrame(page);
  await page.evaluate(() => window.activationPlayground.play());
  await waitForEpochAtLeast(page, 4);
  // Silent death, as after a crash: no error event, the worker just stops answering.
  const [worker] = page.workers();
  await worker.evaluate(() => self.close());
  await page.waitForSelector('#notices [data-notice="worker-restarted"]', {timeout: 40000});
  assert.match((await noticeTexts(page)).join("\n"), /training worker stopped unexpectedly and was restarted/);
  await screenshot(page, "worker-restarted");
  // Training resumed in the new worker: the epoch counts again from 0 and rises.
  await page.waitForFunction(() => {
    const e = Number(document.querySelector('[data-testid="epoch"]').textContent);
    return e >= 2 && e < 1000;
  });
  const before = await epoch(page);
  await waitForEpochAtLeast(page, before + 4);
  // Controls act on the new worker: pause stops it.
  await page.evaluate(() => window.activationPlayground.pause());
  await page.waitForFunction(() => document.getElementById("classifier").dataset.running === "false");
  await page.close();
});

test("an uncaught error in the worker restarts it too", async () => {
  const {page} = await openPage("#v=1&dataset=circle");
  await waitForFirstFrame(page);
  const [worker] = page.workers();
  // The token before the crash: read after it, the restart may already have moved it on.
  const token = await page.evaluate(() => Number(document.getElementById("classifier").dataset.token));
  await worker.evaluate(() => setTimeout(() => {
    throw new Error("boom");
  }));
  await page.waitForSelector('#notices [data-notice="worker-restarted"]', {timeout: 20000});
  // The new worker configured the session again (a new configuration token) before Step.
  await page.waitForFunction((t) => Number(document.getElementById("classifier").dataset.token) > t, token);
  await page.evaluate(() => window.activationPlayground.step());
  await waitForEpochAtLeast(page, 1);
  await page.close();
});

test("a slow configuration at 100 epochs per frame still shows frames as it goes, and Pause works", async () => {
  const {page, problems} = await openPage("#v=1&points=4000&hidden=32,32,32,32&epf=100&batch=1&opt=adam");
  await waitForFirstFrame(page);
  await page.evaluate(() => window.activationPlayground.play());
  // Before the time bound the first frame came only after all 100 epochs.
  await waitForEpochAtLeast(page, 1, 60000);
  const shown = await epoch(page);
  assert.ok(shown < 100, `the first frame while playing showed epoch ${shown}`);
  await page.evaluate(() => window.activationPlayground.pause());
  await page.waitForFunction(() => document.getElementById("classifier").dataset.running === "false", null, {timeout: 30000});
  assert.equal(await playing(page), false);
  assert.deepEqual(problems, []);
  await page.close();
});

for (const [what, fulfil, reason] of [
  ["a 404", {status: 404, body: "not found"}, /HTTP 404/],
  ["bytes that are not WebAssembly", {status: 200, contentType: "application/wasm", body: "<html>oops</html>"}, /not a valid WebAssembly file/],
]) {
  test(`a .wasm that fails to load (${what}) says so plainly, and Retry loads it once it is back`, async () => {
    const page = await world.browser.newPage({viewport: {width: 1280, height: 900}});
    let broken = true;
    await page.route("**/*.wasm", (route) => (broken ? route.fulfill(fulfil) : route.continue()));
    await page.goto(world.server.url);
    await page.waitForSelector('#notices [data-notice="core-init"]', {timeout: 30000});
    const text = (await noticeTexts(page)).join("\n");
    assert.match(text, /The computing core could not be downloaded or started/);
    assert.match(text, reason);
    assert.doesNotMatch(text, /Aborted|ASSERTIONS|CompileError/);
    await page.waitForSelector('#explorer .ex[data-state="error"]');
    assert.match(await page.textContent("#explorer .ex-status"), reason);
    await screenshot(page, `wasm-${fulfil.status}`);
    broken = false;
    await page.click('#notices [data-notice="core-init"] [data-action="notice-action"]');
    await waitForFirstFrame(page);
    assert.equal(await page.$('#notices [data-notice="core-init"]'), null);
    // The explorer, which failed on the same file, is mounted again too.
    await page.waitForSelector('#explorer .ex[data-state="ready"]', {timeout: 30000});
    await page.close();
  });
}

test("a trainer worker that cannot start is reported, and the explorer (which waits for the trainer's first frame) is drawn all the same", async () => {
  const page = await world.browser.newPage({viewport: {width: 1280, height: 900}});
  await page.route("**/trainer-worker-*.js", (route) => route.fulfill({status: 404, body: "gone"}));
  await page.goto(world.server.url);
  // The worker is restarted a few times, then its sessions are told.
  await page.waitForSelector('#notices [data-notice="core-worker"]', {timeout: 30000});
  await page.waitForSelector('#explorer .ex[data-state="ready"] canvas.ex-chart[data-drawn="true"]', {timeout: 30000});
  await page.close();
});

test("a setting changed just before a reload survives it (the hash is written at once)", async () => {
  const {page} = await openPage("#v=1&dataset=circle");
  await waitForFirstFrame(page);
  await page.evaluate(() => {
    window.activationPlayground.setState({noise: 0.35, dataset: "moons"});
    location.reload();
  });
  await waitForFirstFrame(page);
  const state = await page.evaluate(() => window.activationPlayground.getState());
  assert.equal(state.noise, 0.35);
  assert.equal(state.dataset, "moons");
  await page.close();
});

const trainLoss = (page) => page.evaluate(() => Number(document.querySelector('[data-testid="train-loss"]').textContent));

test("a reload mid-training resumes from the weights autosaved in this browser", async () => {
  const {page, problems} = await openPage("#v=1&dataset=xor&epf=5");
  await waitForFirstFrame(page);
  const initialLoss = await trainLoss(page);
  await page.evaluate(() => window.activationPlayground.play());
  await page.waitForFunction(() => Number(document.getElementById("classifier").dataset.autosavedEpoch) >= 150, null, {timeout: 60000});
  await page.evaluate(() => window.activationPlayground.pause());
  await page.reload();
  await waitForFirstFrame(page);
  assert.equal(await epoch(page), 0);
  const restoredLoss = await trainLoss(page);
  assert.ok(restoredLoss < 0.8 * initialLoss, `loss after the reload ${restoredLoss}, fresh ${initialLoss}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a corrupt autosave is discarded with a notice, and training starts afresh", async () => {
  const {page} = await openPage("#v=1&dataset=xor", {
    init: () => localStorage.setItem("activation-playground:autosave", '{"format": 1, "signature": "x", "layers": [nul'),
  });
  await waitForFirstFrame(page);
  await page.waitForSelector('#notices [data-notice="autosave"]');
  assert.match((await noticeTexts(page)).join("\n"), /could not be read and was discarded/);
  await page.close();
});

test("three hundred hash changes leave at most five notices, the older ones merged into a count", async () => {
  const {page} = await openPage("#v=1");
  await waitForFirstFrame(page);
  await page.evaluate(async () => {
    for (let i = 0; i < 300; i++) {
      location.hash = `#v=1&nokey${i}=${i}`;
      await new Promise((resolve) => window.addEventListener("hashchange", resolve, {once: true}));
    }
  });
  await page.waitForSelector('#notices [data-notice="url-nokey299"]');
  const count = await page.$$eval("#notices .notice", (list) => list.length);
  assert.ok(count <= 5, `${count} notices`);
  const merged = await page.textContent('#notices [data-notice="notices-merged"] p');
  assert.match(merged, /^29\d earlier notices were merged here/);
  await screenshot(page, "notices-merged");
  await page.close();
});

test("without WebAssembly the page says that nothing can be computed", async () => {
  const {page, problems} = await openPage("", {
    init: () => {
      delete globalThis.WebAssembly;
    },
  });
  await page.waitForSelector('#notices [data-notice="no-webassembly"]');
  assert.match((await noticeTexts(page)).join("\n"), /cannot run WebAssembly/);
  await screenshot(page, "no-webassembly");
  assert.deepEqual(problems, []);
  await page.close();
});
