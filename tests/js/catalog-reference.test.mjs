// Every reference point, checked through the WebAssembly build exactly as a
// user calls it: values, derivatives, parameter derivatives, softmax.
import {test} from "node:test";
import assert from "node:assert/strict";
import {num, readReference, sharedCore, ulp, withinTolerance} from "./helpers.mjs";

const referenceFiles = ["activations.json", "activations_kinks.json"];

for (const file of referenceFiles) {
  test(`the wasm core matches every point of ${file}`, async () => {
    const core = await sharedCore();
    const catalog = new Map(core.activations().map((a) => [a.name, a]));
    const failures = [];
    let checked = 0;
    for (const fn of readReference(file).functions) {
      const info = catalog.get(fn.name);
      assert.ok(info, `the catalog has ${fn.name}`);
      const params = Object.fromEntries(
        info.params.filter((p) => p.name in fn.params).map((p) => [p.name, num(fn.params[p.name])]),
      );
      const xs = fn.points.map((p) => num(p.x));
      const {y, dy, dparams} = core.evaluate(fn.name, params, xs);
      fn.points.forEach((point, i) => {
        const label = `${fn.name}(${JSON.stringify(fn.params)}) at x=${point.x}`;
        if (!withinTolerance(y[i], num(point.f), num(point.cf), {absolute: 1e-300})) {
          failures.push(`${label}: f=${y[i]} expected ${point.f}`);
        }
        const df = num(point.df);
        if (point.kink ? !Object.is(dy[i] + 0, df + 0) : !withinTolerance(dy[i], df, num(point.cdf), {absolute: 4e-16})) {
          failures.push(`${label}: f'=${dy[i]} expected ${point.df}${point.kink ? " exactly (kink)" : ""}`);
        }
        for (const [param, ref] of Object.entries(point.dparam ?? {})) {
          const got = dparams[param]?.[i];
          if (!withinTolerance(got, num(ref), num(point.cdparam[param]), {absolute: 4e-16})) {
            failures.push(`${label}: d/d${param}=${got} expected ${ref}`);
          }
        }
        checked += 1;
      });
    }
    assert.deepEqual(failures, [], `${failures.length} of ${checked} points out of tolerance`);
    assert.ok(checked > 500, `checked ${checked} points`);
  });
}

test("softmax and log-softmax match the reference vectors within 8 ulp", async () => {
  const core = await sharedCore();
  const {softmax: vectors} = readReference("activations.json");
  assert.ok(vectors.length > 0);
  for (const vector of vectors) {
    const {y, logY} = core.softmax(vector.x.map(num));
    vector.y.map(num).forEach((ref, i) => {
      assert.ok(Math.abs(y[i] - ref) <= 8 * ulp(ref) + 1e-300, `softmax(${vector.x})[${i}] = ${y[i]}, expected ${ref}`);
    });
    vector.log_y.map(num).forEach((ref, i) => {
      assert.ok(Math.abs(logY[i] - ref) <= 8 * ulp(ref) + 1e-300, `logSoftmax(${vector.x})[${i}] = ${logY[i]}, expected ${ref}`);
    });
  }
});
