// Page soak (issue 16): the page trains while the dataset and the activation change every
// couple of seconds; the JS heap, the worker's wasm heap, DOM nodes and listeners stay flat,
// no console error appears, and no main-thread task takes over 100 ms of CPU time (from a
// trace: wall time on a loaded 2-core machine says more about the machine than the page).
// SOAK_SECONDS sets the length (npm test: 16 s after a short warm-up; npm run soak: 600 s).
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import {mainThreadTaskTimes, startBrowserAndServer, watchProblems} from "./chromium.mjs";
import {repoRoot} from "../js/helpers.mjs";

const distRoot = path.resolve(repoRoot, process.env.PAGE_DIST ?? "dist");
const SECONDS = Number(process.env.SOAK_SECONDS ?? 16);
const SWITCH_MS = 2000;
const LONG_TASK_CPU_MS = 100;
const DATASETS = ["circle", "xor", "gauss", "spiral", "moons", "checkerboard", "reg-plane", "reg-gauss"];
const ACTIVATIONS = ["tanh", "relu", "silu", "gelu", "leaky_relu(negative_slope:0.2)", "elu", "mish", "prelu(a:0.1)"];

let world;
before(async () => {
  world = await startBrowserAndServer(distRoot);
});
after(async () => {
  await world?.close();
});

test(`${SECONDS} seconds of training while switching datasets and activations leave memory and the DOM flat`, async (t) => {
  const page = await world.browser.newPage({viewport: {width: 1280, height: 900}});
  const problems = watchProblems(page);
  await page.goto(world.server.url + "#v=1&epf=2");
  await page.waitForSelector("#classifier:not(.is-loading)", {timeout: 30000});
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const {usedSize} = await cdp.send("Runtime.getHeapUsage");
    const {nodes, jsEventListeners} = await cdp.send("Memory.getDOMCounters");
    const worker = await page.evaluate(() => window.activationPlayground.workerMemory());
    return {jsHeap: usedSize, nodes, listeners: jsEventListeners, wasmHeap: worker.heapBytesInUse, wasmBytes: worker.wasmBytes, trainers: worker.liveTrainers};
  };
  const cycle = async (i) => {
    const hidden = [[4, 2], [6, 6], [8, 8, 4]][i % 3];
    await page.evaluate(
      ([dataset, act, hiddenLayers]) => window.activationPlayground.setState({dataset, hidden: hiddenLayers, act: hiddenLayers.map(() => act)}),
      [DATASETS[i % DATASETS.length], ACTIVATIONS[i % ACTIVATIONS.length], hidden],
    );
    // A new configuration starts paused: play it until it has drawn frames of its own (epochs past 5).
    await page.waitForFunction(() => document.getElementById("classifier").dataset.running === "false" && document.querySelector('[data-testid="epoch"]').textContent === "0");
    await page.evaluate(() => window.activationPlayground.play());
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]').textContent) >= 5, null, {timeout: 30000});
  };
  // Warm-up: every network size once, so first-use allocations are not counted.
  for (let i = 0; i < 3; i++) await cycle(i);
  const start = await measure();
  await world.browser.startTracing(page, {categories: ["disabled-by-default-devtools.timeline"]});
  const end = Date.now() + SECONDS * 1000;
  let cycles = 0;
  while (Date.now() < end) {
    await cycle(cycles++);
    await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), SWITCH_MS);
  }
  await page.evaluate(() => window.activationPlayground.pause());
  // The last cycle's configuration again, so both readings hold the same network.
  const finish = await measure();
  const tasks = mainThreadTaskTimes(await world.browser.stopTracing());
  const longestCpu = Math.max(0, ...tasks.map((task) => task.cpu));
  const longestWall = Math.max(0, ...tasks.map((task) => task.wall));
  t.diagnostic(`${cycles} switches in ${SECONDS} s; start ${JSON.stringify(start)}; end ${JSON.stringify(finish)}; ${tasks.length} main-thread tasks, longest ${longestCpu.toFixed(0)} ms CPU (${longestWall.toFixed(0)} ms wall)`);
  assert.ok(tasks.length > 100, `the trace holds ${tasks.length} main-thread tasks`);
  assert.ok(cycles >= 3, `only ${cycles} switches`);
  assert.ok(finish.jsHeap - start.jsHeap < 3e6, `the JS heap grew ${((finish.jsHeap - start.jsHeap) / 1e6).toFixed(2)} MB`);
  assert.ok(finish.wasmHeap - start.wasmHeap < 512 * 1024, `the worker's wasm heap grew ${finish.wasmHeap - start.wasmHeap} bytes`);
  assert.equal(finish.wasmBytes, start.wasmBytes, "the worker's wasm memory grew");
  assert.ok(finish.trainers <= 2, `${finish.trainers} live trainers in the worker`);
  assert.ok(Math.abs(finish.nodes - start.nodes) < 500, `DOM nodes ${start.nodes} -> ${finish.nodes}`);
  assert.ok(finish.listeners - start.listeners < 20, `listeners ${start.listeners} -> ${finish.listeners}`);
  assert.ok(longestCpu <= LONG_TASK_CPU_MS, `a main-thread task took ${longestCpu.toFixed(0)} ms of CPU time`);
  assert.deepEqual(problems, []);
  await page.close();
});
