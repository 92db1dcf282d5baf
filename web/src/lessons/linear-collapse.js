// Without a non-linearity, stacked layers are one linear map. The measurement trains an
// identity network and a tanh network on `circle`, and multiplies the identity network's trained
// weight matrices into one affine map to show it predicts exactly what the whole network does.
import {eachRun, mean, spread, withTrainer} from "./kit.js";

const HIDDEN = [8, 8];
const EPOCHS = 100;
const ACTIVATIONS = ["identity", "tanh"];
const SEEDS = [1, 2, 3];
const base = {dataset: "circle", points: 200, hidden: HIDDEN, optimizer: "adam", learningRate: 0.03};

/** W2·(W1·x + b1) + b2 for row-major layers from trainer.weights(): one {weights, biases, inputs, outputs}. */
export function collapse(layers) {
  return layers.reduce((inner, outer) => {
    const weights = new Float64Array(outer.outputs * inner.inputs);
    const biases = Float64Array.from(outer.biases);
    for (let o = 0; o < outer.outputs; o++) {
      for (let m = 0; m < outer.inputs; m++) {
        const w = outer.weights[o * outer.inputs + m];
        biases[o] += w * inner.biases[m];
        for (let i = 0; i < inner.inputs; i++) weights[o * inner.inputs + i] += w * inner.weights[m * inner.inputs + i];
      }
    }
    return {inputs: inner.inputs, outputs: outer.outputs, weights, biases};
  });
}

/** Largest |network output logit − collapsed map| over the training points (identity network only). */
function collapseError(trainer) {
  const layers = trainer.weights();
  const single = collapse(layers);
  const {x, y} = trainer.points();
  const lastHidden = trainer.transform(HIDDEN.length - 1, x, y);
  const out = layers[layers.length - 1];
  let worst = 0;
  for (let p = 0; p < x.length; p++) {
    let logit = out.biases[0];
    for (let m = 0; m < out.inputs; m++) logit += out.weights[m] * lastHidden[p * out.inputs + m];
    const direct = single.biases[0] + single.weights[0] * x[p] + single.weights[1] * y[p];
    worst = Math.max(worst, Math.abs(logit - direct));
  }
  return worst;
}

export default {
  id: "linear-collapse",
  seeds: SEEDS,
  base: {dataset: "circle", points: 200, noise: 0, hidden: HIDDEN, act: ["identity", "identity"], opt: "adam", lr: 0.03, init: "xavier", initScale: 1, biasInit: 0, std: false, seed: 1, compare: false},
  steps: [
    {state: {exFns: ["identity"], exParams: ["-"]}},
    {state: {}},
    {state: {act: ["tanh", "tanh"], compare: true, compareAct: "identity"}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    // The worked example: layer 1 (w1 = 3, b1 = 1), layer 2 (w2 = 2, b2 = 2) against w = 6, b = 4.
    const xs = [-2, -1, 0, 0.5, 3];
    const stacked = core.evaluate("identity", {}, core.evaluate("identity", {}, xs.map((x) => 3 * x + 1)).y.map((h) => 2 * h + 2)).y;
    const exampleError = Math.max(...xs.map((x, i) => Math.abs(stacked[i] - (6 * x + 4))));
    const runs = eachRun(ACTIVATIONS, seeds, onProgress, (activation, seed) =>
      withTrainer(core, {...base, activation, seed}, (trainer) => {
        const metrics = trainer.train(EPOCHS);
        return {accuracy: metrics.testAccuracy, collapseError: activation === "identity" ? collapseError(trainer) : null};
      }),
    );
    const rows = ACTIVATIONS.map((activation, i) => {
      const mine = runs[i];
      const accuracies = mine.map((run) => run.accuracy);
      const errors = mine.map((run) => run.collapseError).filter((error) => error !== null);
      return {activation, accuracy: mean(accuracies), accuracySpread: spread(accuracies), collapseError: errors.length ? Math.max(...errors) : null};
    });
    const [identity, tanh] = rows;
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "accuracy", format: "percent"},
        {key: "accuracySpread", format: "percent"},
        {key: "collapseError", format: "exp"},
      ],
      rows,
      verdicts: [{
        key: identity.accuracy < 0.7 && tanh.accuracy > 0.9 ? "holds" : "fails",
        vars: {identity: identity.accuracy, tanh: tanh.accuracy, error: identity.collapseError, example: exampleError},
        formats: {identity: "percent", tanh: "percent", error: "exp", example: "exp"},
      }],
      figures: {exampleError, identity, tanh},
    };
  },
};
