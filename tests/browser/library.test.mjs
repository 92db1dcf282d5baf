// The library loads in a real browser page and evaluates an activation.
import {test} from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import {catalogNames, repoRoot} from "../js/helpers.mjs";
import {startBrowserAndServer} from "./chromium.mjs";

test("dist/lib/activation-playground.mjs evaluates GELU inside headless Chromium", async () => {
  const world = await startBrowserAndServer(path.join(repoRoot, "dist"));
  const {server, browser} = world;
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}lib/activation-playground.d.ts`);
    const result = await page.evaluate(async (url) => {
      const {loadCore} = await import(url);
      const core = await loadCore();
      const {y, dy} = core.evaluate("gelu", {}, [1]);
      let message = "";
      try {
        core.evaluate("nope", {}, [1]);
      } catch (error) {
        message = error.message;
      }
      return {version: core.version, y: y[0], dy: dy[0], count: core.activations().length, message};
    }, `${server.url}lib/activation-playground.mjs`);
    assert.ok(Math.abs(result.y - 0.8413447460685429) < 1e-15, `gelu(1) = ${result.y}`);
    assert.ok(Math.abs(result.dy - 1.0833154705876864) < 1e-15, `gelu'(1) = ${result.dy}`);
    assert.equal(result.count, catalogNames().length);
    assert.match(result.message, /nope/);
    assert.deepEqual(errors, []);
  } finally {
    await world.close();
  }
});
