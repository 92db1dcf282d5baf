// The page's "training is unstable" rule, on loss histories measured from the core.
import {test} from "node:test";
import assert from "node:assert/strict";
import {isUnstable} from "../../web/src/classifier/stability.js";

test("a loss bouncing far above its start (circle, learning rate 10) is unstable", () => {
  const trainLoss = [0.7, 4.56, 0.69, 2.52, 0.99, 1.98, 2.37, 2.31, 0.73, 2.61, 1.04, 2.46];
  assert.equal(isUnstable({trainLoss}), true);
});

test("a noisy but falling loss (spiral, learning rate 1) is not", () => {
  const trainLoss = [0.8, 0.7, 0.68, 0.66, 0.66, 0.7, 0.65, 0.65, 0.65, 0.66, 0.66, 0.63];
  assert.equal(isUnstable({trainLoss}), false);
});

test("too short or missing histories are not judged", () => {
  assert.equal(isUnstable(undefined), false);
  assert.equal(isUnstable({trainLoss: [0.7, 9, 9]}), false);
  assert.equal(isUnstable({trainLoss: [0, 9, 9, 9, 9, 9, 9]}), false);
});
