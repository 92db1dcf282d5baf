// The browser variant of the benchmark (issue 5): in headless Chromium, the full frame compute
// (one epoch with its losses + predictGrid + neuronGrids + colouring into RGBA buffers) of the
// wasm core and of the plain-JS bound, for TF Playground's default configuration ([4, 2] circle)
// and the large one (seven features, six layers of 8, spiral).
//
//   node tests/bench/browser-frame.mjs [--rounds N] [--neuron-grid-size 24] [--out build/bench/browser-frame.json]
//
// Serves dist/ and tests/bench/ on 127.0.0.1 (cross-origin isolated, so performance.now() has
// fine resolution); the page is tests/bench/frame-page.mjs. Each batch of calls is also measured
// in renderer main-thread CPU time (DevTools), which decides the target: on this shared 2-core
// machine other processes inflate wall-clock figures. Merges its results into
// build/bench/latest.json when that exists.
import { createServer } from "node:http";
import { existsSync, promises as fs, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { CHROMIUM_ARGS } from "../browser/chromium.mjs";
import { median, option, printColumns } from "./report.mjs";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const benchDir = path.join(repoRoot, "tests/bench");
const distDir = path.join(repoRoot, "dist");
const FRAME_TARGET_MS = 5;

const DEFAULT_OUT = "build/bench/browser-frame.json";
const OUT = path.resolve(repoRoot, option("--out", DEFAULT_OUT));
const MERGE = OUT === path.resolve(repoRoot, DEFAULT_OUT); // only the default run goes into latest.json
const LATEST = path.join(repoRoot, "build/bench/latest.json");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
};

const PAGE = `<!doctype html><meta charset="utf-8"><title>frame benchmark</title>
<script type="module">import * as bench from "/bench/frame-page.mjs"; window.frameBench = bench; window.frameBenchReady = true;</script>`;

/** /bench/* from tests/bench (page modules only), everything else from dist/. */
function serve() {
  const server = createServer(async (request, response) => {
    const headers = {
      "cache-control": "no-store",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    };
    try {
      const urlPath = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
      if (urlPath === "/bench/frame.html") {
        response.writeHead(200, { ...headers, "content-type": MIME[".html"] }).end(PAGE);
        return;
      }
      const [root, rel] = urlPath.startsWith("/bench/") ? [benchDir, urlPath.slice(7)] : [distDir, urlPath.slice(1)];
      const file = path.resolve(root, rel);
      const allowed = file.startsWith(root + path.sep) && (root === distDir || [".mjs", ".html"].includes(path.extname(file)));
      const stat = allowed ? await fs.stat(file).catch(() => null) : null;
      if (!stat?.isFile()) {
        response.writeHead(404, { ...headers, "content-type": "text/plain" }).end("not found");
        return;
      }
      response.writeHead(200, {
        ...headers,
        "content-type": MIME[path.extname(file)] ?? "application/octet-stream",
        "content-length": stat.size,
      });
      response.end(await fs.readFile(file));
    } catch {
      response.writeHead(400).end("bad request");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function loadPlaywright() {
  // playwright-core is a devDependency of the project itself.
  return createRequire(path.join(repoRoot, "package.json"))("playwright-core");
}

const PARTS = ["frame", "epoch", "predictGrid", "neuronGrids", "colouring"];
const ROUNDS = Number(option("--rounds", 5));
// neuronGrids resolution: what the page requests each frame for its unit thumbnails
// (web/src/worker/trainer-worker.js thumbSize); a hovered unit's 100×100 map is a separate call.
const NEURON_GRID_SIZE = Number(option("--neuron-grid-size", 24));
const BATCH_MS = 60; // CPU ms of each timed batch of calls

/**
 * Interleaved rounds over the implementations; each batch of calls is bracketed by the
 * renderer main thread's CPU time (DevTools Performance.getMetrics ThreadTime), so the figures
 * hold even while other processes compete for the two cores. Wall-clock medians of single
 * calls are kept too.
 */
async function measure(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const threadTime = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value;
  const env = await page.evaluate(() => window.frameBench.init());
  if (env.coreError) console.log(`core wasm: ${env.coreError}`);
  let coreError = env.coreError;
  const results = [];
  for (const name of ["default", "large"]) {
    const prep = await page.evaluate(([n, size]) => window.frameBench.prepare(n, { neuronSize: size }), [name, NEURON_GRID_SIZE]);
    coreError ??= prep.coreError; // a core that loaded but could not run this configuration
    const calls = (impl, part, count) => page.evaluate(([n, i, p, c]) => window.frameBench.timeCalls(n, i, p, c), [name, impl, part, count]);
    // Warm-up (about a second of frames each) and batch sizes from the CPU time per call.
    const counts = {};
    for (const impl of prep.impls) {
      counts[impl] = {};
      for (const part of PARTS) {
        const t0 = await threadTime();
        const probe = await calls(impl, part, part === "frame" ? 20 : 5);
        const cpuPer = ((await threadTime()) - t0) * 1000 / probe.length;
        const warm = Math.min(500, Math.ceil((part === "frame" ? 800 : 150) / Math.max(cpuPer, 0.01)));
        await calls(impl, part, warm);
        counts[impl][part] = Math.max(3, Math.min(2000, Math.round(BATCH_MS / Math.max(cpuPer, 0.01))));
      }
    }
    const wall = {};
    const cpu = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const impl of round % 2 ? [...prep.impls].reverse() : prep.impls) {
        for (const part of PARTS) {
          const t0 = await threadTime();
          const times = await calls(impl, part, counts[impl][part]);
          const cpuMs = ((await threadTime()) - t0) * 1000 / times.length;
          ((wall[impl] ??= {})[part] ??= []).push(...times);
          ((cpu[impl] ??= {})[part] ??= []).push(cpuMs);
        }
      }
      process.stdout.write(".");
    }
    process.stdout.write("\n");
    for (const impl of prep.impls) {
      results.push({
        config: name,
        label: prep.label,
        impl,
        dataSource: prep.dataSource,
        cpuMs: Object.fromEntries(PARTS.map((p) => [p, median(cpu[impl][p])])),
        wallMs: Object.fromEntries(PARTS.map((p) => [p, median(wall[impl][p])])),
        frames: wall[impl].frame.length,
      });
    }
    await page.evaluate((n) => window.frameBench.dispose(n), name);
  }
  return { ...env, coreError, results };
}

function printTable(results, clock) {
  const header = ["configuration", "implementation", "frame ms", "epoch", "predictGrid", "neuronGrids", "colouring", "× core"];
  const rows = [header];
  for (const r of results) {
    const core = results.find((x) => x.config === r.config && x.impl === "core");
    const f = (v) => (v === undefined || v === null ? "—" : v.toFixed(3));
    const v = r[clock];
    rows.push([
      r.label,
      r.impl === "core" ? "core wasm" : "plain JS",
      f(v.frame),
      f(v.epoch),
      f(v.predictGrid),
      f(v.neuronGrids),
      f(v.colouring),
      core ? (v.frame / core[clock].frame).toFixed(2) : "—",
    ]);
  }
  printColumns(rows, 2);
}

async function main() {
  const { chromium } = loadPlaywright();
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/bench/frame.html`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  let report;
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => window.frameBenchReady === true, null, { timeout: 30_000 }).catch(() => {
      throw new Error(`the benchmark page did not load: ${errors.join("; ") || "timeout"}`);
    });
    report = { date: new Date().toISOString(), frameTargetMs: FRAME_TARGET_MS, neuronGridSize: NEURON_GRID_SIZE, ...(await measure(page)) };
  } finally {
    await browser.close();
    server.close();
  }

  const browserName = report.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "Chromium";
  console.log(
    `\nBrowser frame compute (headless ${browserName}): one epoch, predictGrid 100×100, neuronGrids ${NEURON_GRID_SIZE}×${NEURON_GRID_SIZE},` +
      " colouring (boundary 100×100 + ~10×10 neuron thumbnails); the parts are also timed on their own.",
  );
  if (report.coreError) console.log(`core wasm: ${report.coreError}`);
  console.log("\nRenderer main-thread CPU ms per call (median over batches; decides the target):");
  printTable(report.results, "cpuMs");
  console.log("\nWall-clock ms per call (median of single calls; inflated when other processes compete for the cores):");
  printTable(report.results, "wallMs");
  const large = report.results.find((r) => r.config === "large" && r.impl === "core");
  report.target = {
    target: `large configuration: core wasm full frame compute < ${FRAME_TARGET_MS} ms`,
    pass: Boolean(large && large.cpuMs.frame < FRAME_TARGET_MS),
    detail: large
      ? `${large.cpuMs.frame.toFixed(3)} ms CPU (wall-clock median ${large.wallMs.frame.toFixed(3)} ms)`
      : "not measured (core not available)",
  };
  console.log(`\n  ${report.target.pass ? "PASS" : "FAIL"}  ${report.target.target}: ${report.target.detail}`);

  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
  if (MERGE && existsSync(LATEST)) {
    const latest = JSON.parse(readFileSync(LATEST, "utf8"));
    latest.browserFrame = report;
    writeFileSync(LATEST, JSON.stringify(latest, null, 2) + "\n");
  }
  console.log(`wrote ${path.relative(repoRoot, OUT)}${MERGE && existsSync(LATEST) ? " (and merged into build/bench/latest.json)" : ""}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
