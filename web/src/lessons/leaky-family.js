// The leaky family keeps a slope on the negative side: LeakyReLU fixes it (PyTorch's 0.01,
// Keras's 0.3), RReLU draws it at random in training and uses the mean (lower + upper) / 2 at
// evaluation, PReLU learns it. The measurement: each one's negative-side slope as the core
// evaluates it, test accuracy after 100 epochs, RReLU against a LeakyReLU fixed at RReLU's mean
// slope (same seed: only the training-time randomness differs), and PReLU's learned slopes.
import {eachRun, mean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3];
const HIDDEN = [8, 8];
const EPOCHS = 100;

function variants(core) {
  const rrelu = core.activations().find((entry) => entry.name === "rrelu");
  const param = (name) => rrelu.params.find((p) => p.name === name).default;
  const rreluMean = (param("lower") + param("upper")) / 2;
  return [
    {label: "leaky_relu(0.01)", activation: {name: "leaky_relu", params: {negative_slope: 0.01}}},
    {label: "leaky_relu(0.3)", activation: {name: "leaky_relu", params: {negative_slope: 0.3}}},
    {label: "rrelu", activation: "rrelu"},
    {label: `leaky_relu(${rreluMean.toFixed(3)})`, activation: {name: "leaky_relu", params: {negative_slope: rreluMean}}, twinOfRrelu: true},
    {label: "prelu", activation: "prelu"},
  ];
}

/** f(−1) / −1: the slope a unit has on the negative side, as the core evaluates it. */
function negativeSlope(core, activation) {
  const {name, params} = typeof activation === "string" ? {name: activation, params: {}} : activation;
  return -core.evaluate(name, params, [-1]).y[0];
}

export default {
  id: "leaky-family",
  seeds: SEEDS,
  base: {dataset: "spiral", points: 300, noise: 0, hidden: HIDDEN, act: ["prelu", "prelu"], init: "he", initScale: 1, biasInit: 0, opt: "adam", lr: 0.01, std: false, seed: 1, compare: false},
  steps: [
    {state: {exFns: ["leaky_relu", "leaky_relu", "rrelu", "prelu"], exParams: ["-", "negative_slope:0.3", "-", "-"]}},
    {state: {act: ["rrelu", "rrelu"], compare: true, compareAct: "leaky_relu(negative_slope:0.3)"}},
    {state: {}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const list = variants(core);
    const runs = eachRun(list, seeds, onProgress, (variant, seed) => {
      const config = {dataset: "spiral", points: 300, hidden: HIDDEN, init: "he", optimizer: "adam", learningRate: 0.01, activation: variant.activation, seed};
      return withTrainer(core, config, (trainer) => {
        const metrics = trainer.train(EPOCHS);
        const slopes = trainer.learnedParams().flatMap((entry) => Array.from(entry.values));
        return {accuracy: metrics.testAccuracy, loss: metrics.trainLoss, slopes};
      });
    });
    const rows = list.map((variant, i) => {
      const mine = runs[i];
      const slopes = mine.flatMap((run) => run.slopes);
      return {
        activation: variant.label,
        slope: negativeSlope(core, variant.activation),
        accuracy: mean(mine.map((run) => run.accuracy)),
        loss: mean(mine.map((run) => run.loss)),
        learnedMin: slopes.length ? Math.min(...slopes) : null,
        learnedMax: slopes.length ? Math.max(...slopes) : null,
      };
    });
    const prelu = rows.find((row) => row.activation === "prelu");
    const rrelu = rows.find((row) => row.activation === "rrelu");
    const twin = rows[list.findIndex((variant) => variant.twinOfRrelu)];
    const start = negativeSlope(core, "prelu");
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "slope", format: "fixed3"},
        {key: "accuracy", format: "percent"},
        {key: "loss", format: "fixed3"},
        {key: "learnedMin", format: "fixed3"},
        {key: "learnedMax", format: "fixed3"},
      ],
      rows,
      verdicts: [
        {
          key: prelu.learnedMin < start - 0.01 || prelu.learnedMax > start + 0.01 ? "preluMoves" : "preluStays",
          vars: {start, min: prelu.learnedMin, max: prelu.learnedMax},
          formats: {start: "fixed3", min: "fixed3", max: "fixed3"},
        },
        {
          key: "rreluTwin",
          vars: {slope: rrelu.slope, rreluLoss: rrelu.loss, twinLoss: twin.loss, rreluAccuracy: rrelu.accuracy, twinAccuracy: twin.accuracy},
          formats: {slope: "fixed3", rreluLoss: "fixed3", twinLoss: "fixed3", rreluAccuracy: "percent", twinAccuracy: "percent"},
        },
      ],
      figures: {rows, preluStart: start},
    };
  },
};
