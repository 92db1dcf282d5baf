// Automated accessibility checks of the built page with axe-core (WCAG 2.1 A/AA and axe's
// best practices) in Debian's Chromium, in the states a visitor reaches: the explorer with
// overlays, parameters and an error shown, the classifier with the unit inspector, compare
// mode and diagnostics open, a regression set on a phone, several classes at tablet width.
// Axe finds a part of the problems a person would (contrast, names, roles, landmarks); keyboard
// use and focus are tested in explorer.test.mjs and classifier.test.mjs.
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import path from "node:path";
import {startBrowserAndServer} from "./chromium.mjs";
import {repoRoot} from "../js/helpers.mjs";

const distRoot = path.resolve(repoRoot, process.env.PAGE_DIST ?? "dist");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

let world;
let axeSource;

before(async () => {
  world = await startBrowserAndServer(distRoot);
  axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
});

after(async () => {
  await world?.close();
});

/**
 * Opens the page at `hash`, lets `prepare` bring it into a state, and returns axe's violations
 * as readable lines. The context bypasses the page's CSP only so that axe itself can be injected.
 */
async function violations(hash, {width = 1280, height = 900, prepare = async () => {}} = {}) {
  const context = await world.browser.newContext({bypassCSP: true, viewport: {width, height}});
  try {
    const page = await context.newPage();
    await page.goto(world.server.url + hash);
    await page.waitForSelector('.ex[data-state="ready"]', {timeout: 30000});
    await page.waitForSelector("#classifier:not(.is-loading)", {timeout: 30000});
    await page.click('[data-testid="step"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="epoch"]').textContent === "1");
    await prepare(page);
    await page.evaluate(axeSource);
    const result = await page.evaluate((tags) => window.axe.run(document, {runOnly: {type: "tag", values: tags}}), AXE_TAGS);
    assert.ok(result.passes.length > 20, `axe ran its rules (${result.passes.length} passed)`);
    return result.violations.flatMap((v) =>
      v.nodes.map((node) => `${v.impact} ${v.id}: ${v.help} at ${node.target.join(" ")}`),
    );
  } finally {
    await context.close();
  }
}

test("the explorer with overlays, parameters and an invalid value has no axe violations", async () => {
  const found = await violations("#v=1&exFns=prelu,elu,hardtanh&exParams=-,-,min_val:2;max_val:1&exXMin=-8&exXMax=8");
  assert.deepEqual(found, []);
});

test("the classifier with the inspector, compare mode and diagnostics open has no axe violations", async () => {
  const found = await violations("#v=1&dataset=xor&hidden=4,2&compare=1&compareAct=relu", {
    prepare: async (page) => {
      await page.click(".net-col--hidden .unit >> nth=0");
      await page.waitForSelector('.inspector[data-unit="0:0"] .weight-input');
      await page.locator(".panel--diagnostics").scrollIntoViewIfNeeded();
      await page.waitForSelector('.diagnostics[data-epoch="1"]');
    },
  });
  assert.deepEqual(found, []);
});

test("a regression set on a 360 px phone has no axe violations", async () => {
  const found = await violations("#v=1&dataset=reg-gauss&hidden=3", {width: 360, height: 740});
  assert.deepEqual(found, []);
});

test("three classes with maxout at tablet width have no axe violations", async () => {
  const found = await violations("#v=1&dataset=spiral&classes=3&hidden=6,6&act=relu,maxout", {width: 820});
  assert.deepEqual(found, []);
});

test("the share and embed dialog has no axe violations", async () => {
  const found = await violations("#v=1&dataset=xor", {
    prepare: async (page) => {
      await page.click('[data-testid="embed-open"]');
      await page.waitForSelector('[data-testid="share-dialog"][open]');
      await page.frameLocator('[data-testid="share-preview"]').locator("#classifier[data-seq]").waitFor({state: "attached"});
    },
  });
  assert.deepEqual(found, []);
});

test("an open lesson with its measured table, chart and verdicts has no axe violations", async () => {
  const found = await violations("#v=1&lesson=depth-experiment&lessonStep=3", {
    prepare: async (page) => {
      await page.click(".lesson-measure");
      await page.waitForSelector('.lesson-measurement[data-state="done"]', {timeout: 60000});
    },
  });
  assert.deepEqual(found, []);
});
