// Links and model files users already hold keep loading: tests/fixtures/ keeps today's links
// (format v=1) and exported models (format 1) with what they produced when recorded.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import {repoRoot, sharedCore} from "./helpers.mjs";
import {pageSchema} from "../../web/src/state/schema.js";
import {parse, serialize} from "../../web/src/state/url.js";
import {PREDICTION_GRID, trainerFromLink} from "../fixtures/load.mjs";

const fixtures = path.join(repoRoot, "tests", "fixtures");
const {links} = JSON.parse(readFileSync(path.join(fixtures, "links.json"), "utf8"));
const modelNames = readdirSync(path.join(fixtures, "models"))
  .filter((name) => name.endsWith(".json") && !name.endsWith(".expected.json"))
  .map((name) => name.replace(/\.json$/, ""));
/** Predictions are float32 grid cells; a model that loads as it was predicts them to the last bits. */
const TOLERANCE = 1e-6;

function assertClose(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: grid size`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  assert.ok(worst <= TOLERANCE, `${what}: predictions differ by up to ${worst}`);
}

test("there are link and model fixtures, each carrying its format version", () => {
  assert.ok(links.length >= 4, "links.json lists today's links");
  assert.ok(modelNames.length >= 2, "models/ holds today's model files");
  for (const link of links) assert.match(link.hash, /^v=1&/, `${link.name} starts with its version`);
  for (const name of modelNames) {
    const model = JSON.parse(readFileSync(path.join(fixtures, "models", `${name}.json`), "utf8"));
    assert.equal(model.format, 1, `${name} carries format 1`);
  }
});

for (const link of links) {
  test(`the recorded link "${link.name}" parses to the same state, without notices`, () => {
    const {state, notices} = parse(link.hash, pageSchema);
    assert.deepEqual(notices, []);
    // Every key it had then means the same now (keys added since take their defaults).
    for (const [key, value] of Object.entries(link.state)) assert.deepEqual(state[key], value, `key ${key}`);
    // And what the page writes for it reads back the same.
    assert.deepEqual(parse(serialize(state, pageSchema), pageSchema).state, state);
  });
}

for (const link of links.filter((entry) => entry.predictions)) {
  test(`the recorded link "${link.name}" reopens its trained weights with the same predictions`, async () => {
    const core = await sharedCore();
    const {state} = parse(link.hash, pageSchema);
    const trainer = await trainerFromLink(core, state, core.activations());
    try {
      assertClose(trainer.predictGrid(PREDICTION_GRID), link.predictions, link.name);
    } finally {
      trainer.dispose();
    }
  });
}

for (const name of modelNames) {
  test(`the recorded model file ${name}.json imports and predicts as it did`, async () => {
    const core = await sharedCore();
    const text = readFileSync(path.join(fixtures, "models", `${name}.json`), "utf8");
    const {predictions} = JSON.parse(readFileSync(path.join(fixtures, "models", `${name}.expected.json`), "utf8"));
    const trainer = core.importModel(text);
    try {
      assertClose(trainer.predictGrid(PREDICTION_GRID), predictions, name);
      assert.equal(JSON.parse(trainer.exportModel()).format, 1, "a re-export carries its format");
    } finally {
      trainer.dispose();
    }
  });
}
