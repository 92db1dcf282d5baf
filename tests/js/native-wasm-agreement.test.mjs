// The same configuration and seed train to the same loss natively (g++/glibc)
// and in WebAssembly (clang/musl): libm differs in the last bits only.
import {test} from "node:test";
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import path from "node:path";
import {repoRoot, sharedCore} from "./helpers.mjs";

const nativeCli = path.join(repoRoot, "build/native/ap_train_cli");

const configs = [
  {dataset: "circle"},
  {dataset: "spiral", hidden: [8, 8, 8], optimizer: "adam", learningRate: 0.01, features: ["x", "y", "x2", "y2", "xy", "sinx", "siny"]},
  {dataset: "gauss", classes: 4, hidden: [6], activation: "gelu", optimizer: "momentum"},
  {dataset: "moons", hidden: [8, 4], activation: [{name: "prelu"}, {name: "swish"}], regularization: "l2", regularizationRate: 0.001},
  {dataset: "reg-gauss", hidden: [8], activation: "elu", standardize: true},
];

for (const config of configs) {
  test(`native and wasm agree to 1e-9 after 50 epochs: ${JSON.stringify(config)}`, async () => {
    assert.ok(existsSync(nativeCli), `${nativeCli} is built by npm run build`);
    const native = JSON.parse(execFileSync(nativeCli, [JSON.stringify(config), "50"], {encoding: "utf8"}));
    const core = await sharedCore();
    const trainer = core.createTrainer(config);
    try {
      const wasm = trainer.train(50);
      assert.equal(wasm.epoch, native.epoch);
      assert.ok(Math.abs(wasm.trainLoss - native.trainLoss) <= 1e-9, `train loss wasm ${wasm.trainLoss} native ${native.trainLoss}`);
      assert.ok(Math.abs(wasm.testLoss - native.testLoss) <= 1e-9, `test loss wasm ${wasm.testLoss} native ${native.testLoss}`);
    } finally {
      trainer.dispose();
    }
  });
}
