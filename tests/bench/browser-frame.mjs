// The browser variant of the benchmark (issue 5): in headless Chromium, the full frame compute
// (one epoch with its losses + predictGrid + neuronGrids + colouring into RGBA buffers) of the
// wasm core and of the plain-JS bound, for TF Playground's default configuration ([4, 2] circle)
// and the large one (seven features, six layers of 8, spiral).
//
//   node tests/bench/browser-frame.mjs [--out build/bench/browser-frame.json]
//
// Serves dist/ and tests/bench/ on 127.0.0.1 (cross-origin isolated, so performance.now() has
// fine resolution) and merges its results into build/bench/latest.json when that exists.
import { createServer } from "node:http";
import { existsSync, promises as fs, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const benchDir = path.join(repoRoot, "tests/bench");
const distDir = path.join(repoRoot, "dist");
const FRAME_TARGET_MS = 5;

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const OUT = path.resolve(repoRoot, option("--out", "build/bench/browser-frame.json"));
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

function printTable(results) {
  const header = ["configuration", "implementation", "frame ms", "epoch", "predictGrid", "neuronGrids", "colouring", "× core"];
  const rows = [header];
  for (const r of results) {
    const core = results.find((x) => x.config === r.config && x.impl === "core");
    const f = (v) => (v === undefined || v === null ? "—" : v.toFixed(3));
    rows.push([
      r.label,
      r.impl === "core" ? "core wasm" : "plain JS",
      f(r.frameMs),
      f(r.parts.epoch),
      f(r.parts.predictGrid),
      f(r.parts.neuronGrids),
      f(r.parts.colouring),
      core ? (r.frameMs / core.frameMs).toFixed(2) : "—",
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  const line = (row) => row.map((cell, c) => (c < 2 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows.slice(1)) console.log(line(row));
}

async function main() {
  const { chromium } = loadPlaywright();
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/bench/frame.html`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
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
    if (!existsSync(path.join(distDir, "lib/activation-playground.mjs"))) {
      console.log("core wasm: not available yet (dist/lib/activation-playground.mjs is missing; npm run build)");
    }
    const out = await page.evaluate(() => window.frameBench.run(), null);
    report = { date: new Date().toISOString(), frameTargetMs: FRAME_TARGET_MS, ...out };
  } finally {
    await browser.close();
    server.close();
  }

  console.log(`\nBrowser frame compute (headless Chromium; ${report.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "Chromium"};` +
    ` crossOriginIsolated ${report.crossOriginIsolated}); median ms per frame, one epoch per frame`);
  if (report.coreError) console.log(`core wasm: ${report.coreError}`);
  printTable(report.results);
  const large = report.results.find((r) => r.config === "large" && r.impl === "core");
  report.target = {
    target: `large configuration: core wasm full frame compute < ${FRAME_TARGET_MS} ms`,
    pass: Boolean(large && large.frameMs < FRAME_TARGET_MS),
    detail: large ? `${large.frameMs.toFixed(3)} ms` : "not measured (core not available)",
  };
  console.log(`\n  ${report.target.pass ? "PASS" : "FAIL"}  ${report.target.target}: ${report.target.detail}`);

  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
  if (existsSync(LATEST)) {
    const latest = JSON.parse(readFileSync(LATEST, "utf8"));
    latest.browserFrame = report;
    writeFileSync(LATEST, JSON.stringify(latest, null, 2) + "\n");
  }
  console.log(`wrote ${path.relative(repoRoot, OUT)}${existsSync(LATEST) ? " (and merged into build/bench/latest.json)" : ""}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
