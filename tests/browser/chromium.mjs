// One way to start the browser tests' world: the built site served on 127.0.0.1
// and Debian's Chromium driven headless by playwright-core (it downloads nothing).
import {before, after} from "node:test";
import {mkdir} from "node:fs/promises";
import path from "node:path";
import {chromium} from "playwright-core";
import {startServer} from "../../scripts/serve.mjs";
import {repoRoot} from "../js/helpers.mjs";

/** The built site the browser tests open (PAGE_DIST=<folder> tests another build). */
export const distRoot = path.resolve(repoRoot, process.env.PAGE_DIST ?? "dist");
/** Where the browser tests leave their screenshots. */
export const screenshotDir = path.join(repoRoot, "build", "screenshots");

/** Without the background-networking flags Chromium keeps calling hosts this machine cannot reach. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Debian's Chromium headless with CHROMIUM_ARGS. */
export function launchChromium() {
  return chromium.launch({executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS});
}

/**
 * Collects a page's problems as readable lines: console errors, uncaught page errors and (unless
 * `responses` is false) HTTP responses with status >= 400. Returns the array it fills.
 */
export function watchProblems(page, {responses = true} = {}) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  if (responses) {
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    });
  }
  return problems;
}

/**
 * A cheap fingerprint of a canvas's pixels: {hash, coloured (pixels far from grey), width, height}.
 * `host`: the id of an element whose shadow root holds the canvas.
 */
export function canvasPixels(page, selector, {host = null} = {}) {
  return page.evaluate(
    ([sel, hostId]) => {
      const scope = hostId ? document.getElementById(hostId).shadowRoot : document;
      const canvas = scope.querySelector(sel);
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        hash = (hash * 31 + data[i] * 7 + data[i + 1] * 13 + data[i + 2]) >>> 0;
        if (Math.abs(data[i] - data[i + 2]) > 30) coloured++;
      }
      return {hash, coloured, width: canvas.width, height: canvas.height};
    },
    [selector, host],
  );
}

/** Serves `root` on a free port and launches Chromium; close() stops both. */
export async function startBrowserAndServer(root) {
  const server = await startServer({root, port: 0, host: "127.0.0.1"});
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Registers a test file's before/after hooks: one server for `root` and one Chromium for all of
 * the file's tests, and the screenshot folder. Returns the world; its server, browser and close()
 * are there once the tests run.
 */
export function useWorld(root = distRoot) {
  const world = {};
  before(async () => {
    Object.assign(world, await startBrowserAndServer(root));
    await mkdir(screenshotDir, {recursive: true});
  });
  after(async () => {
    await world.close?.();
  });
  return world;
}

/**
 * The renderer main thread's tasks in a Chromium trace (categories
 * "disabled-by-default-devtools.timeline"): [{wall, cpu}] in ms. CPU time is what a task costs
 * the page; wall time adds whatever a loaded machine gives other processes.
 */
export function mainThreadTaskTimes(traceBuffer) {
  const parsed = JSON.parse(traceBuffer.toString());
  const events = parsed.traceEvents ?? parsed;
  const threadNames = new Map();
  for (const event of events) if (event.ph === "M" && event.name === "thread_name") threadNames.set(`${event.pid}:${event.tid}`, event.args.name);
  return events
    .filter((event) => event.ph === "X" && event.name === "RunTask" && threadNames.get(`${event.pid}:${event.tid}`) === "CrRendererMain")
    .map((event) => ({wall: event.dur / 1000, cpu: (event.tdur ?? event.dur) / 1000}));
}
