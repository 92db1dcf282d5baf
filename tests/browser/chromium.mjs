// One way to start the browser tests' world: the built site served on 127.0.0.1
// and Debian's Chromium driven headless by playwright-core (it downloads nothing).
import {chromium} from "playwright-core";
import {startServer} from "../../scripts/serve.mjs";

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

/** Serves `root` on a free port and launches Chromium; close() stops both. */
export async function startBrowserAndServer(root) {
  const server = await startServer({root, port: 0, host: "127.0.0.1"});
  const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS});
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
