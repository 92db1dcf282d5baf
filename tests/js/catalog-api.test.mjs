// The catalog half of the public API, loaded from dist/ as a user would.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import path from "node:path";
import {catalogNames, libraryUrl, repoRoot, sharedCore} from "./helpers.mjs";
import {GROUP_ORDER} from "../../web/src/ui/groups.js";

const expectedNames = catalogNames();

test("the page orders and labels exactly the catalog's groups", async () => {
  const groups = new Set((await sharedCore()).activations().map((a) => a.group));
  assert.deepEqual(new Set(GROUP_ORDER), groups);
  const labels = JSON.parse(readFileSync(path.join(repoRoot, "web/messages/en/app.json"), "utf8")).groups;
  assert.deepEqual(new Set(Object.keys(labels)), groups);
});

test("loadCore works in plain node and reports a version", async () => {
  const {loadCore} = await import(libraryUrl);
  const core = await loadCore();
  assert.match(core.version, /^\d+\.\d+\.\d+/);
});

test("the catalog lists every activation with its parameters, properties and framework calls", async () => {
  const core = await sharedCore();
  const catalog = core.activations();
  assert.deepEqual(catalog.map((a) => a.name), expectedNames, "the catalog in menu order, as the reference data lists it");
  for (const a of catalog) {
    assert.equal(a.properties.group, a.group);
    assert.ok(a.label.length > 0 && a.formula.length > 0 && a.derivativeFormula.length > 0, a.name);
    assert.ok(a.properties.range[0] <= a.properties.range[1], a.name);
    assert.ok(["C-inf", "C1", "C0", "discontinuous"].includes(a.properties.smoothness), a.name);
    for (const side of ["left", "right"]) assert.ok(["none", "soft", "hard"].includes(a.properties.saturation[side]));
    for (const p of a.params) assert.ok(p.min <= p.default && p.default <= p.max, `${a.name}.${p.name}`);
    assert.ok("pytorch" in a.frameworks && "keras" in a.frameworks && "tfjs" in a.frameworks);
  }
  const softplus = catalog.find((a) => a.name === "softplus");
  assert.equal(softplus.params.find((p) => p.name === "threshold").max, Infinity);
  assert.equal(catalog.find((a) => a.name === "gelu").frameworks.pytorch, "nn.GELU()");
  assert.equal(catalog.find((a) => a.name === "sigmoid").properties.derivativeAtZero, 0.25);
});

test("activations() returns a fresh copy each time", async () => {
  const core = await sharedCore();
  core.activations()[0].name = "changed";
  assert.notEqual(core.activations()[0].name, "changed");
});

test("evaluate accepts arrays and typed arrays and fills missing params with defaults", async () => {
  const core = await sharedCore();
  const fromArray = core.evaluate("leaky_relu", {}, [-2, 3]);
  assert.ok(fromArray.y instanceof Float64Array);
  assert.deepEqual(Array.from(fromArray.y), [-0.02, 3]);
  assert.deepEqual(Array.from(fromArray.dy), [0.01, 1]);
  const fromTyped = core.evaluate("leaky_relu", {negative_slope: 0.5}, new Float32Array([-2]));
  assert.equal(fromTyped.y[0], -1);
});

test("learnable parameters come with their derivatives", async () => {
  const core = await sharedCore();
  const {dparams} = core.evaluate("prelu", {a: 0.25}, [-3, 2]);
  assert.deepEqual(Array.from(dparams.a), [-3, 0]);
  assert.ok(core.evaluate("swish", {beta: 1.5}, [1]).dparams.beta[0] > 0);
  assert.deepEqual(Object.keys(core.evaluate("tanh", {}, [1]).dparams), []);
});

test("NaN gives NaN and infinities give the limit, never NaN", async () => {
  const core = await sharedCore();
  for (const {name} of core.activations()) {
    const {y, dy} = core.evaluate(name, {}, [NaN, -Infinity, Infinity, -1000, 1000]);
    assert.ok(Number.isNaN(y[0]) && Number.isNaN(dy[0]), `${name}(NaN)`);
    for (let i = 1; i < 5; i++) {
      assert.ok(!Number.isNaN(y[i]) && !Number.isNaN(dy[i]), `${name} at ${[NaN, -Infinity, Infinity, -1000, 1000][i]}`);
    }
  }
  assert.equal(core.evaluate("sigmoid", {}, [Infinity]).y[0], 1);
  assert.equal(core.evaluate("softplus", {threshold: Infinity}, [1000]).y[0], 1000);
});

test("criticalPoints finds SiLU's minimum and nothing for monotonic functions", async () => {
  const core = await sharedCore();
  const silu = core.criticalPoints("silu", {}, -5, 5);
  assert.equal(silu.length, 1);
  assert.ok(Math.abs(silu[0] - -1.2784645427610738) < 1e-9, `silu minimum at ${silu[0]}`);
  assert.deepEqual(core.criticalPoints("tanh", {}, -5, 5), []);
  const gelu = core.criticalPoints("gelu", {}, -5, 5);
  assert.ok(gelu.some((x) => Math.abs(x - -0.7517915) < 1e-6), `gelu critical points ${gelu}`);
});

test("softmax is stable for huge inputs", async () => {
  const core = await sharedCore();
  const {y, logY} = core.softmax([1000, 1000, -1000]);
  assert.deepEqual(Array.from(y), [0.5, 0.5, 0]);
  assert.ok(Math.abs(logY[0] - Math.log(0.5)) < 1e-15);
  assert.ok(Number.isFinite(logY[2]));
});

test("bad input throws an Error naming the culprit, and the core stays usable", async () => {
  const core = await sharedCore();
  const cases = [
    [() => core.evaluate("relu7", {}, [1]), /relu7/],
    [() => core.evaluate("elu", {beta: 1}, [1]), /beta/],
    [() => core.evaluate("leaky_relu", {negative_slope: 5}, [1]), /negative_slope.*\d/],
    [() => core.evaluate("elu", {alpha: NaN}, [1]), /alpha/],
    [() => core.evaluate("elu", {alpha: "big"}, [1]), /alpha/],
    [() => core.evaluate("elu", [], [1]), /params/],
    [() => core.evaluate("elu", {}, "1,2"), /xs/],
    [() => core.criticalPoints("silu", {}, 5, -5), /lo/],
    [() => core.softmax([]), /softmax/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (error) => error instanceof Error && message.test(error.message), String(call));
  }
  assert.equal(core.evaluate("relu", {}, [2]).y[0], 2);
});

test("the core's validation errors carry a code and their fields beside the English message", async () => {
  const core = await sharedCore();
  const caught = (call) => {
    try {
      call();
    } catch (error) {
      return error;
    }
    assert.fail(`no error from ${call}`);
  };
  const range = caught(() => core.evaluate("leaky_relu", {negative_slope: 5}, [1]));
  assert.equal(range.code, "param-out-of-range");
  assert.deepEqual({...range.details}, {activation: "leaky_relu", param: "negative_slope", min: 0, max: 1, value: 5});
  assert.match(range.message, /^parameter 'negative_slope' of activation 'leaky_relu' must be in \[0, 1\], got 5/);
  assert.deepEqual([caught(() => core.evaluate("relu7", {}, [1])).code, caught(() => core.evaluate("relu7", {}, [1])).details.activation], ["unknown-activation", "relu7"]);
  assert.deepEqual({...caught(() => core.evaluate("elu", {beta: 1}, [1])).details}, {activation: "elu", param: "beta"});
  const order = caught(() => core.evaluate("hardtanh", {min_val: 2}, [1]));
  assert.deepEqual([order.code, order.details.param, order.details.other, order.details.value, order.details.otherValue], ["param-order", "min_val", "max_val", 2, 1]);
  assert.equal(caught(() => core.evaluate("softplus", {threshold: -1}, [1])).details.max, Infinity);
  // Errors of the JS wrapper itself have no code.
  assert.equal(caught(() => core.softmax([])).code, undefined);
});
