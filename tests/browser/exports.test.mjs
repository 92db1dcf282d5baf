// Every download on the page gives a non-empty file that its kind of tool opens: PNGs (signature,
// 2x size), the chart's SVG (well-formed, a path per curve), CSVs (columns, rows), the model JSON
// (re-imported by "Load model" it predicts exactly as before) and PyTorch/Keras code (compiles).
// Run: node --test tests/browser/exports.test.mjs   (screenshot: build/screenshots/exports-*.png)
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import {canvasPixels, startBrowserAndServer, watchProblems} from "./chromium.mjs";
import {repoRoot, sharedCore} from "../js/helpers.mjs";

const distRoot = path.resolve(repoRoot, process.env.PAGE_DIST ?? "dist");
const screenshotDir = path.join(repoRoot, "build", "screenshots");
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let world;
let folder;
let page;
let problems;
const files = {};

before(async () => {
  world = await startBrowserAndServer(distRoot);
  folder = await mkdtemp(path.join(os.tmpdir(), "ap-exports-"));
  await mkdir(screenshotDir, {recursive: true});
  page = await world.browser.newPage({viewport: {width: 1280, height: 900}, acceptDownloads: true});
  problems = watchProblems(page);
  await page.goto(world.server.url);
  await page.waitForSelector('.ex[data-state="ready"]', {timeout: 30000});
  await page.waitForSelector("#classifier[data-seq]", {state: "attached", timeout: 30000});
  await page.click('[data-testid="play"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]').textContent) >= 10);
  await page.click('[data-testid="play"]');
  await page.waitForSelector('#classifier[data-running="false"]', {state: "attached"});
});

after(async () => {
  await world?.close();
  if (folder) await rm(folder, {recursive: true, force: true});
});

/** Clicks the button `testid` and returns the file it downloads (name and bytes). */
async function downloadOf(testid, target = page) {
  const [file] = await Promise.all([target.waitForEvent("download"), target.click(`[data-testid="${testid}"]`)]);
  const bytes = await readFile(await file.path());
  assert.ok(bytes.length > 0, `${testid} downloads a non-empty file`);
  files[testid] = {name: file.suggestedFilename(), bytes};
  return files[testid];
}

function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, "PNG signature");
  assert.equal(bytes.subarray(12, 16).toString("latin1"), "IHDR");
  return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)};
}

const csvOf = (bytes) => Papa.parse(bytes.toString("utf8"), {header: true, dynamicTyping: true, skipEmptyLines: true});

test("the output plot downloads as a PNG at twice its size on screen", async () => {
  const {name, bytes} = await downloadOf("export-boundary-png");
  assert.match(name, /\.png$/);
  const box = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="boundary"]');
    return {width: canvas.clientWidth, height: canvas.clientHeight};
  });
  assert.deepEqual(pngSize(bytes), {width: box.width * 2, height: box.height * 2});
});

test("the activation chart downloads as SVG with a path per curve, and as PNG", async () => {
  await page.evaluate(() => window.activationPlayground.setState({exFns: ["gelu", "relu"], exParams: ["-", "-"]}));
  await page.waitForFunction(() => document.querySelectorAll(".ex-legend-item").length === 2);
  const svg = await downloadOf("export-chart-svg");
  assert.match(svg.name, /\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.localName,
      curves: [...doc.querySelectorAll("path.curve")].map((p) => `${p.getAttribute("class")}:${p.dataset.slot}:${p.getAttribute("d").length > 100}`),
    };
  }, svg.bytes.toString("utf8"));
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, "svg");
  // Two activations, f and f' shown: four curves, each a real path.
  assert.deepEqual(parsed.curves.sort(), ["curve curve--df:0:true", "curve curve--df:1:true", "curve curve--f:0:true", "curve curve--f:1:true"]);
  const png = await downloadOf("export-chart-png");
  assert.deepEqual(pngSize(png.bytes), {width: 1440, height: 880});
});

test("the training history and the dataset download as CSV with their columns", async () => {
  const epoch = Number(await page.textContent('[data-testid="epoch"]'));
  const history = csvOf((await downloadOf("export-history-csv")).bytes);
  assert.deepEqual(history.errors, []);
  assert.deepEqual(history.meta.fields, ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy", "grad_norm_layer_1", "grad_norm_layer_2", "grad_norm_layer_3"]);
  assert.equal(history.data.length, epoch + 1, "one row per epoch, from 0");
  assert.equal(history.data.at(-1).epoch, epoch);
  assert.ok(history.data.every((row) => row.train_loss > 0 && row.test_accuracy >= 0 && row.test_accuracy <= 1));
  assert.ok(history.data.at(-1).grad_norm_layer_1 > 0, "the last epoch has its gradient norms");

  const dataset = csvOf((await downloadOf("export-dataset-csv")).bytes);
  assert.deepEqual(dataset.errors, []);
  assert.deepEqual(dataset.meta.fields, ["x", "y", "label", "split"]);
  assert.equal(dataset.data.length, 500);
  assert.deepEqual([...new Set(dataset.data.map((row) => row.split))].sort(), ["test", "train"]);
  assert.deepEqual([...new Set(dataset.data.map((row) => row.label))].sort(), [0, 1]);
  assert.ok(dataset.data.every((row) => Number.isFinite(row.x) && Number.isFinite(row.y)));
});

test("the PyTorch and Keras code compile with python3 -m py_compile", async () => {
  for (const testid of ["export-pytorch", "export-keras"]) {
    const {name, bytes} = await downloadOf(testid);
    assert.match(name, /\.py$/);
    const file = path.join(folder, name);
    await writeFile(file, bytes);
    execFileSync("python3", ["-m", "py_compile", file], {stdio: "pipe"});
    assert.match(bytes.toString("utf8"), /copy_|set_weights/, `${name} carries the trained weights`);
  }
});

test("the model JSON, loaded into a page showing something else, predicts exactly as before", async () => {
  const {bytes} = await downloadOf("export-model-json");
  const saved = JSON.parse(bytes.toString("utf8"));
  assert.equal(saved.format, 1);
  const file = path.join(folder, "model.json");
  await writeFile(file, bytes);
  const shownBefore = await canvasPixels(page, '[data-testid="boundary"]');
  await page.screenshot({path: path.join(screenshotDir, "exports-page.png")});

  const other = await world.browser.newPage({viewport: {width: 1280, height: 900}});
  const otherProblems = watchProblems(other);
  await other.goto(`${world.server.url}#v=1&dataset=xor&hidden=3&act=relu&lr=0.1`);
  await other.waitForSelector("#classifier[data-seq]", {state: "attached", timeout: 30000});
  // Bad files first: each is refused with its message, and nothing changes.
  const stateBefore = await other.evaluate(() => window.location.hash);
  for (const [content, message] of [
    ["not json", /not JSON/],
    [JSON.stringify({format: 9, config: {}, layers: []}), /format 9/],
  ]) {
    await other.setInputFiles('[data-testid="load-model-file"]', {name: "bad.json", mimeType: "application/json", buffer: Buffer.from(content)});
    await other.waitForFunction((text) => new RegExp(text).test(document.getElementById("notices").textContent), message.source);
    assert.equal(await other.evaluate(() => window.location.hash), stateBefore);
  }
  await other.setInputFiles('[data-testid="load-model-file"]', file);
  // Loaded when the page's own export gives back the saved layers.
  await other.waitForFunction(
    async (layers) => JSON.stringify(JSON.parse((await window.activationPlayground.exportModel()) ?? "{}").layers) === layers,
    JSON.stringify(saved.layers),
    {timeout: 30000},
  );
  const reexported = JSON.parse(await other.evaluate(() => window.activationPlayground.exportModel()));
  const core = await sharedCore();
  const [a, b] = [saved, reexported].map((model) => core.importModel(model));
  try {
    assert.deepEqual(Array.from(b.predictGrid({size: 25})), Array.from(a.predictGrid({size: 25})), "identical predictions");
  } finally {
    a.dispose();
    b.dispose();
  }
  assert.equal(await other.evaluate(() => window.activationPlayground.getState().dataset), "circle");
  await other.waitForFunction((hash) => {
    const canvas = document.querySelector('[data-testid="boundary"]');
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i] * 7 + data[i + 1] * 13 + data[i + 2]) >>> 0;
    return h === hash;
  }, shownBefore.hash);
  assert.deepEqual(otherProblems, []);
  await other.close();
  assert.deepEqual(problems, []);
});
