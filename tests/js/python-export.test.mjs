// The PyTorch and Keras exports compile (python3 -m py_compile) for models over the whole catalog,
// and the PyTorch code names only torch's structural modules and the catalog's framework names.
import {test} from "node:test";
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {sharedCore} from "./helpers.mjs";
import {kerasCode, pytorchCode} from "../../web/src/exports/python.js";

/** torch.nn names the exporter writes itself (containers, layers, init, losses). */
const STRUCTURAL = new Set(["Sequential", "Linear", "Tanh", "init", "BCEWithLogitsLoss", "CrossEntropyLoss", "MSELoss"]);

/** Models that between them use every catalog activation, with non-default parameters where it has some. */
async function models() {
  const core = await sharedCore();
  const catalog = core.activations();
  const list = [];
  const configs = [
    {dataset: "spiral", classes: 3, hidden: [3], optimizer: "adam", regularization: "l2", regularizationRate: 0.001},
    {dataset: "reg-plane", hidden: [4], init: "he", optimizer: "momentum", regularization: "l1", regularizationRate: 0.01},
    {dataset: "xor", hidden: [2], output: "tanh", features: ["x", "y", "xy", "sinx"], init: "lecun"},
  ];
  catalog.forEach((entry, i) => {
    const params = Object.fromEntries(entry.params.map((p) => [p.name, Number.isFinite(p.max) && p.max !== p.default ? p.default + 0.1 * (p.max - p.default) : p.default]));
    const config = {...configs[i % configs.length], activation: entry.params.length ? {name: entry.name, params} : entry.name, seed: i};
    const trainer = core.createTrainer(config);
    trainer.train(2);
    list.push({name: entry.name, model: JSON.parse(trainer.exportModel())});
    trainer.dispose();
  });
  return {catalog, list};
}

function compiles(code, file) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "ap-python-"));
  try {
    writeFileSync(path.join(folder, file), code);
    execFileSync("python3", ["-m", "py_compile", path.join(folder, file)], {stdio: "pipe"});
  } catch (error) {
    assert.fail(`${file} does not compile:\n${error.stderr?.toString() ?? error.message}\n${code}`);
  } finally {
    rmSync(folder, {recursive: true, force: true});
  }
}

test("PyTorch and Keras code for a model of every catalog activation compiles, with and without weights", async () => {
  const {catalog, list} = await models();
  for (const {name, model} of list) {
    for (const weights of [false, true]) {
      compiles(pytorchCode(model, catalog, {weights}), `${name}_torch.py`);
      compiles(kerasCode(model, catalog, {weights}), `${name}_keras.py`);
    }
  }
});

test("the PyTorch code uses each layer's catalog framework name and nothing else from torch.nn", async () => {
  const {catalog, list} = await models();
  const frameworkNames = new Set(catalog.map((entry) => entry.frameworks.pytorch?.match(/^nn\.(\w+)/)?.[1]).filter(Boolean));
  for (const {name, model} of list) {
    const code = pytorchCode(model, catalog, {weights: true});
    const used = new Set([...code.matchAll(/\bnn\.(\w+)/g)].map((match) => match[1]));
    for (const module of used) assert.ok(STRUCTURAL.has(module) || frameworkNames.has(module), `${name}: nn.${module} is neither structural nor a catalog framework name`);
    const expected = catalog.find((entry) => entry.name === name).frameworks.pytorch?.match(/^nn\.(\w+)/)?.[1];
    if (expected) assert.ok(used.has(expected), `${name}: uses nn.${expected}`);
    else assert.match(code, /NotImplementedError/, `${name}: says it has no PyTorch equivalent`);
    assert.equal((code.match(/nn\.Linear\(/g) ?? []).length, model.layers.length, `${name}: one Linear per layer`);
  }
});

test("the exports carry the optimizer, loss, learning rate and the trained weights", async () => {
  const core = await sharedCore();
  const trainer = core.createTrainer({dataset: "spiral", classes: 3, hidden: [5], activation: {name: "leaky_relu", params: {negative_slope: 0.2}}, optimizer: "adam", learningRate: 0.01});
  trainer.train(3);
  const model = JSON.parse(trainer.exportModel());
  trainer.dispose();
  const catalog = core.activations();
  const torch = pytorchCode(model, catalog, {weights: true});
  assert.match(torch, /nn\.LeakyReLU\(negative_slope=0\.2\)/);
  assert.match(torch, /torch\.optim\.Adam\(param_groups, lr=0\.01/);
  assert.match(torch, /nn\.CrossEntropyLoss\(\)/);
  assert.ok(torch.includes(String(model.layers[0].weights[0])), "the first trained weight appears as a literal");
  const keras = kerasCode(model, catalog, {weights: true});
  assert.match(keras, /layers\.LeakyReLU\(negative_slope=0\.2\)/);
  assert.match(keras, /keras\.optimizers\.Adam\(learning_rate=0\.01/);
  assert.match(keras, /sparse_categorical_crossentropy/);
  assert.ok(keras.includes(String(model.layers[1].biases[0])), "the output biases appear as literals");
});
