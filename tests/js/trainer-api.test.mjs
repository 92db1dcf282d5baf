// The training half of the public API through the wasm build: shapes, live
// updates, grids, determinism, model round trips and every error family.
import {test} from "node:test";
import assert from "node:assert/strict";
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import {sharedCore} from "./helpers.mjs";

// Exposes gc() to a fresh context only (the memory test below), as --expose-gc would.
setFlagsFromString("--expose-gc");

async function withTrainer(config, body) {
  const core = await sharedCore();
  const trainer = core.createTrainer(config);
  try {
    return await body(trainer, core);
  } finally {
    trainer.dispose();
  }
}

test("a default trainer trains on circle and reports metrics, history and points", () =>
  withTrainer({}, (trainer) => {
    const start = trainer.metrics();
    assert.equal(start.epoch, 0);
    const after = trainer.train(30);
    assert.equal(after.epoch, 30);
    assert.equal(after.diverged, false);
    assert.ok(after.trainLoss < start.trainLoss, `loss ${start.trainLoss} -> ${after.trainLoss}`);
    assert.ok(after.testAccuracy >= 0 && after.testAccuracy <= 1);
    const history = trainer.history();
    assert.ok(history.trainLoss instanceof Float64Array);
    assert.equal(history.epoch[history.epoch.length - 1], 30);
    const points = trainer.points();
    assert.equal(points.x.length, 500);
    assert.ok(points.label instanceof Int32Array);
    assert.equal(points.isTest.reduce((a, b) => a + b, 0), 250);
  }));

test("the same configuration and seed give bit-identical runs", async () => {
  const config = {dataset: "spiral", hidden: [8, 8], optimizer: "adam", learningRate: 0.01, seed: 7};
  const run = () => withTrainer(config, (t) => t.train(20));
  assert.deepEqual(await run(), await run());
  const other = await withTrainer({...config, seed: 8}, (t) => t.train(20));
  assert.notEqual(other.trainLoss, (await run()).trainLoss);
});

test("predictGrid samples row 0 at the top and returns probabilities for two classes", () =>
  withTrainer({dataset: "gauss", hidden: [], activation: "identity"}, (trainer) => {
    trainer.train(50);
    const size = 16;
    const grid = trainer.predictGrid({size, xMin: -6, xMax: 6, yMin: -6, yMax: 6});
    assert.ok(grid instanceof Float32Array);
    assert.equal(grid.length, size * size);
    assert.ok(grid.every((p) => p >= 0 && p <= 1));
    const units = trainer.neuronGrids({size});
    assert.deepEqual(units.map((u) => u.layer), [-1, -1, 0]);
    assert.equal(units[0].grid.length, size * size);
    // input feature x grows to the right, feature y grows upwards (row 0 = top)
    assert.ok(units[0].grid[size - 1] > units[0].grid[0]);
    assert.ok(units[1].grid[0] > units[1].grid[(size - 1) * size]);
  }));

test("neuronGrid returns one unit's grid, equal to its entry in neuronGrids, and rejects missing units", () =>
  withTrainer({dataset: "xor", features: ["x", "y", "xy"], hidden: [3, 2]}, (trainer) => {
    trainer.train(5);
    const spec = {size: 12, xMin: -4, xMax: 5, yMin: -6, yMax: 2};
    const all = trainer.neuronGrids(spec);
    assert.deepEqual(all.map((u) => `${u.layer}/${u.index}`), ["-1/0", "-1/1", "-1/2", "0/0", "0/1", "0/2", "1/0", "1/1", "2/0"]);
    for (const unit of all) {
      const one = trainer.neuronGrid(unit.layer, unit.index, spec);
      assert.ok(one instanceof Float32Array);
      assert.deepEqual(one, unit.grid, `unit ${unit.layer}/${unit.index}`);
    }
    assert.deepEqual(all.at(-1).grid, trainer.predictGrid(spec));
    assert.throws(() => trainer.neuronGrid(3, 0, spec), /neuronGrid: layer must be in -1\.\.2/);
    assert.throws(() => trainer.neuronGrid(0, 3, spec), /neuronGrid: index must be in 0\.\.2/);
    assert.throws(() => trainer.neuronGrid(-1, -1, spec), /index/);
    assert.throws(() => trainer.neuronGrid(0.5, 0, spec), TypeError);
    assert.throws(() => trainer.neuronGrid(0, 0, {size: 300}), /grid\.size/);
  }));

test("k classes give k probability planes", () =>
  withTrainer({dataset: "spiral", classes: 3, hidden: [6]}, (trainer) => {
    trainer.train(2);
    const size = 8;
    const grid = trainer.predictGrid({size});
    assert.equal(grid.length, 3 * size * size);
    for (let cell = 0; cell < size * size; cell++) {
      const total = grid[cell] + grid[size * size + cell] + grid[2 * size * size + cell];
      assert.ok(Math.abs(total - 1) < 1e-5);
    }
  }));

test("regression reports null accuracy and real targets", () =>
  withTrainer({dataset: "reg-plane", hidden: [4]}, (trainer) => {
    const m = trainer.train(5);
    assert.equal(m.trainAccuracy, null);
    assert.ok(trainer.points().label instanceof Float64Array);
  }));

test("learnable parameters are reported and trained", () =>
  withTrainer({dataset: "xor", hidden: [4, 4], activation: [{name: "prelu"}, {name: "swish", params: {beta: 1}}]},
    (trainer) => {
      const before = trainer.learnedParams();
      assert.deepEqual(before.map((p) => [p.layer, p.name, p.values.length]), [[0, "a", 4], [1, "beta", 1]]);
      trainer.train(20);
      const after = trainer.learnedParams();
      assert.notDeepEqual(Array.from(after[0].values), Array.from(before[0].values));
    }));

test("layerStats has one entry per hidden layer plus the output layer", () =>
  withTrainer({hidden: [5, 3], activation: "relu"}, (trainer) => {
    trainer.train(3);
    const stats = trainer.layerStats();
    assert.equal(stats.length, 3);
    for (const s of stats) {
      assert.ok(s.gradNorm >= 0);
      assert.ok(s.deadFraction >= 0 && s.deadFraction <= 1);
      assert.equal(s.histogram.counts.length, 20);
    }
  }));

test("transform returns the hidden layer's activations row by row", () =>
  withTrainer({hidden: [3, 2]}, (trainer) => {
    const out = trainer.transform(1, [0, 1, 2], [0, -1, 3]);
    assert.equal(out.length, 3 * 2);
    assert.ok(out.every((v) => v >= -1 && v <= 1));
  }));

test("update changes live hyperparameters and rejects the rest", () =>
  withTrainer({}, (trainer) => {
    trainer.update({learningRate: 0.1, optimizer: "adam", regularization: "l2", regularizationRate: 0.001, batchSize: 5});
    assert.equal(trainer.config().learningRate, 0.1);
    assert.equal(trainer.config().optimizer, "adam");
    trainer.train(1);
    assert.throws(() => trainer.update({hidden: [3]}), /hidden/);
    assert.throws(() => trainer.update({learningRate: -1}), /learningRate/);
    assert.equal(trainer.config().learningRate, 0.1);
  }));

test("an exported model imports into a trainer that predicts identically, and hand-written weights are accepted", () =>
  withTrainer({dataset: "moons", hidden: [4], activation: "elu"}, (trainer, core) => {
    trainer.train(10);
    const copy = core.importModel(trainer.exportModel());
    try {
      assert.deepEqual(copy.predictGrid({size: 10}), trainer.predictGrid({size: 10}));
    } finally {
      copy.dispose();
    }
    const model = JSON.parse(trainer.exportModel());
    model.layers[0].weights = model.layers[0].weights.map(() => 0.5);
    const edited = core.importModel(model);
    try {
      assert.equal(edited.weights()[0].weights[0], 0.5);
    } finally {
      edited.dispose();
    }
  }));

test("setWeight edits one link", () =>
  withTrainer({hidden: [3]}, (trainer) => {
    trainer.setWeight(0, 2, 1, 0.75);
    const [first] = trainer.weights();
    assert.equal(first.weights[2 * first.inputs + 1], 0.75);
    assert.throws(() => trainer.setWeight(0, 9, 0, 1), /Error|range|index|9/);
  }));

test("setBias edits one unit's bias and rejects missing units and non-finite values", () =>
  withTrainer({hidden: [3]}, (trainer) => {
    const before = trainer.metrics().trainLoss;
    trainer.setBias(0, 1, -0.25);
    trainer.setBias(1, 0, 2);
    const [hidden, output] = trainer.weights();
    assert.equal(hidden.biases[1], -0.25);
    assert.equal(output.biases[0], 2);
    assert.notEqual(trainer.metrics().trainLoss, before);
    assert.throws(() => trainer.setBias(0, 3, 1), /setBias: to must be in 0\.\.2, got 3/);
    assert.throws(() => trainer.setBias(2, 0, 1), /setBias: layer must be in 0\.\.1/);
    assert.throws(() => trainer.setBias(0, 0, NaN), /setBias\(value\)/);
    assert.throws(() => trainer.setBias(0, "1", 1), TypeError);
  }));

test("a huge learning rate diverges into a flag, not a crash", () =>
  withTrainer({dataset: "reg-plane", learningRate: 10, activation: "relu", hidden: [8, 8]}, (trainer) => {
    const m = trainer.train(50);
    assert.equal(m.diverged, true);
    assert.doesNotThrow(() => trainer.predictGrid({size: 4}));
  }));

test("invalid configurations throw an Error naming the field, and the core stays usable", async () => {
  const core = await sharedCore();
  const cases = [
    [{colour: "red"}, /colour/],
    [{dataset: "donut"}, /dataset/],
    [{classes: 3}, /classes/],
    [{dataset: "spiral", classes: 9}, /classes/],
    [{points: 5}, /points/],
    [{noise: 2}, /noise/],
    [{trainFraction: 1}, /trainFraction/],
    [{seed: -1}, /seed/],
    [{features: []}, /features/],
    [{features: ["z"]}, /features/],
    [{hidden: [4, 0]}, /hidden/],
    [{hidden: new Array(9).fill(2)}, /hidden/],
    [{activation: "nope"}, /nope/],
    [{activation: {name: "elu", params: {alpha: -5}}}, /alpha/],
    [{activation: ["relu"], hidden: [2, 2]}, /activation/],
    [{activation: {name: "maxout", params: {k: 9}}}, /k/],
    [{learningRate: 0}, /learningRate/],
    [{learningRate: NaN}, /learningRate/],
    [{learningRate: "fast"}, /learningRate/],
    [{batchSize: 100000}, /batchSize/],
    [{optimizer: "rmsprop"}, /optimizer/],
    [{regularization: "l3"}, /regularization/],
    [{dataset: "custom"}, /data/],
    [{dataset: "custom", data: {x: [1, 2], y: [1], label: [0, 1]}}, /data/],
    [{initScale: 1000}, /initScale/],
  ];
  for (const [config, message] of cases) {
    assert.throws(() => core.createTrainer(config), (e) => e instanceof Error && message.test(e.message), JSON.stringify(config));
  }
  for (const bad of ["{", "[]", JSON.stringify({format: 2, layers: []}), JSON.stringify({format: 1})]) {
    assert.throws(() => core.importModel(bad), Error, bad);
  }
  assert.throws(() => core.createTrainer("circle"), /config/);
  const trainer = core.createTrainer({});
  trainer.dispose();
  assert.throws(() => trainer.train(1), /disposed/);
  assert.throws(() => core.createTrainer({}).predictGrid({size: 1}), /size/);
  const ok = core.createTrainer({dataset: "custom", data: {x: [1, -1, 2, -2], y: [1, -1, 2, -2], label: [1, 0, 1, 0]}, batchSize: 1});
  assert.equal(ok.train(1).epoch, 1);
  ok.dispose();
});

test("wasm memory stays flat over many create/train/dispose cycles", async () => {
  const core = await sharedCore();
  const cycle = () => {
    const t = core.createTrainer({hidden: [8, 8], points: 200});
    t.train(2);
    t.predictGrid({size: 50});
    t.neuronGrids({size: 20});
    t.dispose();
  };
  for (let i = 0; i < 20; i++) cycle();
  // The wasm heap is an ArrayBuffer: a leak per cycle would grow it by megabytes. The
  // typed arrays the cycles return are ArrayBuffers too; collect them before each reading,
  // or whether V8 has collected them yet decides the result (it failed about one run in three).
  const collect = runInNewContext("gc", {}, {}) ?? (() => {});
  const used = () => {
    collect();
    return process.memoryUsage().arrayBuffers;
  };
  const start = used();
  for (let i = 0; i < 200; i++) cycle();
  const growth = used() - start;
  assert.ok(growth < 4 * 1024 * 1024, `arrayBuffers grew by ${growth} bytes over 200 cycles`);
});
